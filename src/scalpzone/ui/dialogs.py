"""Every question and message box the app shows, behind one small interface.

Windows ask through a `Dialogs` object handed to them, so a test can answer for the person and
the real app shows Qt dialogs (`QtDialogs`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

MAP_FILE_FILTER = "ScalpZone map (*.json);;All files (*)"


class Dialogs(Protocol):
    """The questions and messages the app puts to the person."""

    def confirm(self, title: str, text: str, accept: str) -> bool:
        """Ask before doing something that cannot be taken back or overwrites marks."""

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        """Ask for a short text such as a name; None when cancelled."""

    def ask_date(self, title: str, label: str, earliest: date, initial: date) -> date | None:
        """Ask for a day on or after `earliest`; None when cancelled."""

    def open_file(self, title: str) -> Path | None:
        """Ask which map file to read."""

    def save_file(self, title: str, suggested: str) -> Path | None:
        """Ask where to write a map file."""

    def show_problems(self, title: str, intro: str, problems: Sequence[str]) -> None:
        """List every problem found, one a line."""

    def show_error(self, title: str, text: str) -> None:
        """Say in plain words that something failed."""


class DateDialog(QDialog):
    """Pick a day from a calendar, not before a given day."""

    def __init__(
        self, title: str, label: str, earliest: date, initial: date, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.calendar = QCalendarWidget(self)
        self.calendar.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
        self.calendar.setSelectedDate(QDate(initial.year, initial.month, initial.day))
        self.calendar.setGridVisible(False)
        self.calendar.setAccessibleName(label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        text = QLabel(label, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def chosen(self) -> date:
        """The day picked."""
        picked = self.calendar.selectedDate()
        return date(picked.year(), picked.month(), picked.day())


class ProblemsDialog(QDialog):
    """A list of problems, one a line, that can be read and copied."""

    def __init__(
        self, title: str, intro: str, problems: Sequence[str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(620, 340)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        self.list.addItems(list(problems))
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list)
        layout.addWidget(buttons)


class QtDialogs:
    """The real dialogs, centred on the main window."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def confirm(self, title: str, text: str, accept: str) -> bool:
        """A yes/no question whose yes button says what it does."""
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._parent)
        yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is yes

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        """A one-line text question."""
        text, ok = QInputDialog.getText(
            self._parent, title, label, QLineEdit.EchoMode.Normal, value
        )
        return text if ok else None

    def ask_date(self, title: str, label: str, earliest: date, initial: date) -> date | None:
        """A calendar."""
        dialog = DateDialog(title, label, earliest, initial, self._parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open_file(self, title: str) -> Path | None:
        """The file dialog for reading."""
        name, _ = QFileDialog.getOpenFileName(self._parent, title, "", MAP_FILE_FILTER)
        return Path(name) if name else None

    def save_file(self, title: str, suggested: str) -> Path | None:
        """The file dialog for writing."""
        name, _ = QFileDialog.getSaveFileName(self._parent, title, suggested, MAP_FILE_FILTER)
        return Path(name) if name else None

    def show_problems(self, title: str, intro: str, problems: Sequence[str]) -> None:
        """The problems dialog."""
        ProblemsDialog(title, intro, problems, self._parent).exec()

    def show_error(self, title: str, text: str) -> None:
        """A warning box in plain words."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self._parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
