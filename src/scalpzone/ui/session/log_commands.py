"""Undo commands for the session log: remove a logged session, or replace it with an edit.

They are pushed on the window's own stack, so Edit › Undo reaches them after the log dialog has
closed. A command holds the open profile, the log id and the entries, never a dialog; the open
profile writes each change, re-plans and says which zones it touched (the store counts a
roller's uses from the log, so a removed done session is one use fewer). The stack is cleared
when another profile opens, so a command never reaches another profile's log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import (
    QUndoCommand,
)

from scalpzone.domain.history import HistoryEntry
from scalpzone.ui.style.words import short_day

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile
    from scalpzone.ui.profile.store_api import LoggedSessionLike

#: Shows a message in plain words: (title, text). `Dialogs.show_error` fits.
ShowError = Callable[[str, str], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionLog", text)


class _LogCommand(QUndoCommand):
    """A change to one logged session; a refusal by the store is shown, and the step dropped."""

    def __init__(self, profile: OpenProfile, log_id: int, show_error: ShowError, text: str) -> None:
        super().__init__(text)
        self._profile = profile
        self.log_id = log_id
        self._show_error = show_error

    def _run(self, title: str, change: Callable[[], object]) -> None:
        from scalpzone.storage import StorageError  # noqa: PLC0415  (imported with the store)

        try:
            change()
        except StorageError as error:
            # Obsolete: the stack drops this step instead of keeping one it cannot repeat.
            self.setObsolete(True)
            self._show_error(title, str(error))


class RemoveLoggedSession(_LogCommand):
    """Remove a session from the log; undo puts it back with the same id and content."""

    def __init__(
        self, profile: OpenProfile, logged: LoggedSessionLike, show_error: ShowError
    ) -> None:
        text = _tr("Remove session of {day}").format(day=short_day(logged.entry.date))
        super().__init__(profile, logged.id, show_error, text)
        self.entry = logged.entry

    def redo(self) -> None:
        """Take the session out of the log."""

        def remove() -> None:
            self.entry = self._profile.remove_log_entry(self.log_id)

        self._run(_tr("The session was not removed"), remove)

    def undo(self) -> None:
        """Put the session back."""
        self._run(
            _tr("The session was not put back"),
            lambda: self._profile.restore_log_entry(self.log_id, self.entry),
        )


class EditLoggedSession(_LogCommand):
    """Replace a logged session's date, outcome, zones, needle or note; undo restores it."""

    def __init__(
        self,
        profile: OpenProfile,
        log_id: int,
        before: HistoryEntry,
        after: HistoryEntry,
        show_error: ShowError,
    ) -> None:
        text = _tr("Edit session of {day}").format(day=short_day(before.date))
        super().__init__(profile, log_id, show_error, text)
        self.before = before
        self.after = after

    def redo(self) -> None:
        """Save the edited session."""
        self._run(
            _tr("The session was not changed"),
            lambda: self._profile.replace_log_entry(self.log_id, self.after),
        )

    def undo(self) -> None:
        """Save the session as it was."""
        self._run(
            _tr("The session was not changed back"),
            lambda: self._profile.replace_log_entry(self.log_id, self.before),
        )
