"""Every question and message box the app shows, behind one small interface.

Windows ask through a `Dialogs` object handed to them, so a test can answer for the person and
the real app shows Qt dialogs (`QtDialogs`, whose widgets load on first use: start-up does not
wait for them).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QWidget


class Dialogs(Protocol):
    """The questions and messages the app puts to the person."""

    def confirm(self, title: str, text: str, accept: str) -> bool:
        """Ask before doing something that cannot be taken back or overwrites marks."""

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        """Ask for a short text such as a name; None when cancelled."""

    def ask_date(self, title: str, label: str, earliest: date, initial: date) -> date | None:
        """Ask for a day on or after `earliest`; None when cancelled."""

    def open_file(self, title: str, file_filter: str = "") -> Path | None:
        """Ask which file to read (a map file unless `file_filter` says otherwise)."""

    def save_file(self, title: str, suggested: str, file_filter: str = "") -> Path | None:
        """Ask where to write a file (a map file unless `file_filter` says otherwise)."""

    def show_problems(self, title: str, intro: str, problems: Sequence[str]) -> None:
        """List every problem found, one a line."""

    def show_error(self, title: str, text: str) -> None:
        """Say in plain words that something failed."""

    def choose(
        self, title: str, intro: str, problems: Sequence[str], choices: Sequence[str]
    ) -> int | None:
        """List problems and offer what to do about them; the chosen index, None to close."""

    def choose_item(self, title: str, label: str, items: Sequence[str]) -> int | None:
        """Pick one of a list (e.g. a backup); its index, or None when cancelled."""

    def show_info(self, title: str, text: str) -> None:
        """Tell the person something worth knowing (nothing went wrong)."""


class QtDialogs:
    """The real dialogs, centred on the main window."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent

    def confirm(self, title: str, text: str, accept: str) -> bool:
        """A yes/no question whose yes button says what it does."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415  (loaded on first use)

        return question_boxes.confirm(self._parent, title, text, accept)

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        """A one-line text question."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        return question_boxes.ask_text(self._parent, title, label, value)

    def ask_date(self, title: str, label: str, earliest: date, initial: date) -> date | None:
        """A calendar."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        return question_boxes.ask_date(self._parent, title, label, earliest, initial)

    def open_file(self, title: str, file_filter: str = "") -> Path | None:
        """The file dialog for reading."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        return question_boxes.open_file(
            self._parent, title, file_filter or question_boxes.MAP_FILE_FILTER
        )

    def save_file(self, title: str, suggested: str, file_filter: str = "") -> Path | None:
        """The file dialog for writing."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        return question_boxes.save_file(
            self._parent, title, suggested, file_filter or question_boxes.MAP_FILE_FILTER
        )

    def show_problems(self, title: str, intro: str, problems: Sequence[str]) -> None:
        """The problems dialog."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        question_boxes.ProblemsDialog(title, intro, problems, self._parent).exec()

    def show_error(self, title: str, text: str) -> None:
        """A warning box in plain words."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        question_boxes.show_error(self._parent, title, text)

    def show_info(self, title: str, text: str) -> None:
        """An information box in plain words."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        question_boxes.show_info(self._parent, title, text)

    def choose(
        self, title: str, intro: str, problems: Sequence[str], choices: Sequence[str]
    ) -> int | None:
        """The problems dialog with a button for each way out."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        return question_boxes.choose(self._parent, title, intro, problems, choices)

    def choose_item(self, title: str, label: str, items: Sequence[str]) -> int | None:
        """A list to pick from."""
        from scalpzone.ui.widgets import question_boxes  # noqa: PLC0415

        return question_boxes.choose_item(self._parent, title, label, items)
