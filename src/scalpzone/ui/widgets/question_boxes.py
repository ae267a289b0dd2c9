"""The Qt dialogs behind `QtDialogs`: questions, a calendar, file choosers, problem lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt
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

from scalpzone.ui.widgets.screen_fit import resize_to_fit

MAP_FILE_FILTER = "ScalpZone map (*.json);;All files (*)"


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
        resize_to_fit(self, 620, 340)
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


def confirm(parent: QWidget, title: str, text: str, accept: str) -> bool:
    """A yes/no question whose yes button says what it does."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes


def _input_dialog(parent: QWidget, title: str, label: str) -> QInputDialog:
    """Qt's input dialog, wide enough for its title beside the window manager's buttons (at
    Qt's own width openbox showed "Renam… rofile")."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    return dialog


def _asked(dialog: QInputDialog) -> bool:
    """Show the question (its values set) at a width that fits its title; whether it was OK'd."""
    wide = max(320, dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) + 160)
    dialog.resize(max(wide, dialog.sizeHint().width()), dialog.sizeHint().height())
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_text(parent: QWidget, title: str, label: str, value: str) -> str | None:
    """A one-line text question."""
    dialog = _input_dialog(parent, title, label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(value)
    return dialog.textValue() if _asked(dialog) else None


def ask_date(parent: QWidget, title: str, label: str, earliest: date, initial: date) -> date | None:
    """A calendar."""
    dialog = DateDialog(title, label, earliest, initial, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def start_folder() -> Path:
    """Where a file chooser opens: the person's Documents folder, or home without one.

    Not the working directory, which for an app started from a menu is wherever the desktop
    happened to be (and in a terminal, some source tree).
    """
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    documents = Path(found) if found else None
    return documents if documents is not None and documents.is_dir() else Path.home()


def in_start_folder(suggested: str) -> str:
    """A bare suggested name ("scalpzone-plan.pdf") placed in `start_folder()`."""
    path = Path(suggested)
    return suggested if path.is_absolute() else str(start_folder() / path)


def open_file(parent: QWidget, title: str, file_filter: str = MAP_FILE_FILTER) -> Path | None:
    """The file dialog for reading; `file_filter` is Qt's "Name (*.ext);;..." list."""
    name, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder()), file_filter)
    return Path(name) if name else None


def save_file(
    parent: QWidget, title: str, suggested: str, file_filter: str = MAP_FILE_FILTER
) -> Path | None:
    """The file dialog for writing; `file_filter` is Qt's "Name (*.ext);;..." list."""
    name, _ = QFileDialog.getSaveFileName(parent, title, in_start_folder(suggested), file_filter)
    return Path(name) if name else None


def show_error(parent: QWidget, title: str, text: str) -> None:
    """A warning box in plain words."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def show_info(parent: QWidget, title: str, text: str) -> None:
    """An information box in plain words."""
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def choose(
    parent: QWidget, title: str, intro: str, problems: Sequence[str], choices: Sequence[str]
) -> int | None:
    """The problems listed, with one button for each choice and Close; the chosen index."""
    dialog = ProblemsDialog(title, intro, problems, parent)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    chosen: list[int] = []

    def pick(index: int) -> None:
        chosen.append(index)
        dialog.accept()

    for index, text in enumerate(choices):
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda _=False, i=index: pick(i))
    dialog.exec()
    return chosen[0] if chosen else None


def choose_item(parent: QWidget, title: str, label: str, items: Sequence[str]) -> int | None:
    """A list to pick one item from; its index, or None when cancelled."""
    if not items:
        return None
    dialog = _input_dialog(parent, title, label)
    dialog.setComboBoxItems(list(items))
    dialog.setComboBoxEditable(False)
    if not _asked(dialog):
        return None
    text = dialog.textValue()
    return list(items).index(text) if text in items else None
