"""Opening the database while the window is already on screen and taking clicks.

The window paints first, from the last session's snapshot (or, on a first start, the empty map
a new profile gets). Then the database opens on a worker thread, with plain `sqlite3` when it
can (storage/startup.py). Meanwhile the status bar says "Opening…", the pointer is busy, and the
map takes edits: they go on the undo stack and are saved as soon as the database is open; only
then are the menus filled and the week built. If it cannot be opened, the person is told and
the edits stay on screen (see `ProfileController.take_storage`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QLabel, QStatusBar

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from scalpzone.ui.map.scores import ScoresLabel
    from scalpzone.ui.profile.controller import ProfileController


class BackgroundOpen(QObject):
    """Runs a storage opener on a worker thread; `finished` carries what it returned or raised.

    The outcome is taken once: by `finished` on the GUI thread, or by `wait` when the window
    closes before the opener is done.
    """

    finished = Signal(object)  # (database, store), or the exception the opener raised
    _done = Signal()  # emitted on the worker thread; delivered on the GUI thread

    def __init__(self, open_storage: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open_storage = open_storage
        self._outcome: object = None
        self._taken = False
        self._thread = threading.Thread(target=self._run, name="scalpzone-open", daemon=True)
        self._done.connect(self._deliver)

    def start(self) -> None:
        """Start opening."""
        self._thread.start()

    def _run(self) -> None:
        try:
            self._outcome = self._open_storage()
        except Exception as error:  # handed to the GUI thread, which says it or raises it
            self._outcome = error
        self._done.emit()

    def _deliver(self) -> None:
        if not self._taken:
            self._taken = True
            self.finished.emit(self._outcome)

    def wait(self) -> tuple[bool, object]:
        """Wait for the opener; (True, outcome) if nobody has taken the outcome yet."""
        self._thread.join()
        if self._taken:
            return False, None
        self._taken = True
        return True, self._outcome


class OpeningSigns:
    """ "Opening…" in the status bar and a busy pointer, from the first paint until usable.

    The words are a label in the status bar's normal area, so a passing message (an undo
    step's name) covers them only for a moment.
    """

    def __init__(self, status_bar: QStatusBar, text: str) -> None:
        self.label = QLabel(text, status_bar)
        self.label.setAccessibleName(self.label.tr("Opening your data"))
        self.label.hide()
        status_bar.addWidget(self.label)
        self.shown = False

    def show(self) -> None:
        """Say the window is opening (the map takes clicks meanwhile; they are saved later)."""
        if self.shown:
            return
        self.shown = True
        self.label.show()
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))

    def hide(self) -> None:
        """The database is open (or could not be): back to the normal pointer."""
        if not self.shown:
            return
        self.shown = False
        self.label.hide()
        QGuiApplication.restoreOverrideCursor()

    def say(self, text: str) -> None:
        """Leave a lasting word in the status bar instead (e.g. that edits are not saved)."""
        self.label.setText(text)
        self.label.show()


class OpensInBackground:
    """The main window's start-up (mixed into it): "Opening…" from the first paint, the
    database opened on a worker thread while the map takes edits, then everything else."""

    openingFinished: SignalInstance  # the database opened (True) or could not be (False)
    profiles: ProfileController
    opening_signs: OpeningSigns
    stack: QUndoStack
    scores: ScoresLabel

    def finish_building(self) -> object:
        """Fill the menus and build the week (the window's own)."""
        raise NotImplementedError

    def set_editing_enabled(self, enabled: bool, *, stored: bool | None = None) -> None:
        """Allow or stop edits (the window's own)."""
        raise NotImplementedError

    def open_database(self) -> bool:
        """Open the database and the last profile now; editing is allowed once this is done."""
        self.finish_building()
        return self._finish_opening(self.profiles.start())

    def show_opening(self) -> None:
        """From the first paint: "Opening…", a busy pointer, and a map that takes edits."""
        self.opening_signs.show()
        self.set_editing_enabled(True, stored=False)

    def open_database_in_background(self) -> None:
        """Open the database on a worker thread while the map takes edits (saved once it is
        open); `openingFinished` says how it went."""
        self.show_opening()
        opening = self.profiles.start_in_background()
        opening.finished.connect(self._opened_in_background)
        opening.start()
        # The menus and the week are built once the edits made meanwhile are saved
        # (`_finish_opening`): the opener has the interpreter to itself until then.

    def _opened_in_background(self, outcome: object) -> None:
        opened = False
        try:
            opened = self.profiles.take_storage(outcome)
        finally:  # even after an unexpected error, the window stops saying "Opening…"
            self._finish_opening(opened)

    def _finish_opening(self, opened: bool) -> bool:
        self.finish_building()  # a week built now shows the profile just opened
        self.opening_signs.hide()
        self.set_editing_enabled(opened)
        if not opened and self.stack.count():
            self.opening_signs.say(
                self.opening_signs.label.tr("Not saved: your data could not be opened.")
            )
        self.scores.start()  # scoring loads a geometry library: not before the window is usable
        self.openingFinished.emit(opened)
        return opened
