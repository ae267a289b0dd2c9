"""Saving as edits happen, and the start-up snapshot that fills the window before the database.

Every step on the undo stack (an edit, an undo, a redo) is written at once, on a worker thread so
that no click waits on the disk; a drag is written when it ends. The snapshot is the last map the window showed, kept beside the settings file so
the next start can draw it while the database opens; the database stays the truth.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from scalpzone.domain.geometry import Point
from scalpzone.domain.mapfile import (
    HAIRLINE_MAX_POINTS,
    MAX_FILE_BYTES,
    MapDocument,
    day_problem,
    map_document_json,
    parse_map_data,
)
from scalpzone.domain.zones import ScalpMap
from scalpzone.plain_files import read_plain_file
from scalpzone.ui.map.model import DatedHairline, MapModel
from scalpzone.ui.profile.guarded_store import StoreAfterSaves
from scalpzone.ui.profile.open_profile import OpenProfile
from scalpzone.ui.profile.store_api import ProfileStoreLike

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor


class Autosave(QObject):
    """Writes the map to the store after every undo-stack step (once per drag), off the GUI thread.

    One write runs at a time, on a worker thread, so a click never waits on the disk; steps made
    meanwhile are written together once it ends (the newest map holds them all, so order is
    kept and nothing is lost). `flush` waits for the write in flight and writes what is left, and
    every other use of the store goes through `guarded`, which flushes first: a read sees every
    edit, and two writes never overlap. A refused write is reported by `failed`, with
    `refused_index` the undo-stack index of the map that was refused.
    """

    failed = Signal(str)
    saved = Signal()
    _written = Signal(object)  # a finished write's Future, from the worker thread

    def __init__(self, model: MapModel, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._stack = stack
        self._store: ProfileStoreLike | None = None
        self._profile: OpenProfile | None = None
        self._gestures = 0
        self.pending = False
        #: The undo-stack index of the last map the store refused (see `failed`).
        self.refused_index = -1
        # The map last written (maps are immutable, so identity says "unchanged since"): steps
        # that leave the map alone, such as edits of the session log, write nothing.
        self._saved: ScalpMap | None = None
        self._worker: ThreadPoolExecutor | None = None  # made by the first write
        self._running: Future[str | None] | None = None
        self._running_map: ScalpMap | None = None
        self._running_index = -1
        self._refused: ScalpMap | None = None
        self._written.connect(self._on_written)
        stack.indexChanged.connect(self._on_step)

    def guarded(self, store: ProfileStoreLike) -> ProfileStoreLike:
        """The store for everyone else: each call first waits for the map's writes."""
        return StoreAfterSaves(store, self.flush)

    def attach(self, profile: OpenProfile, *, save_pending: bool) -> None:
        """Save the open profile's map edits from now on, and those made before, if asked."""
        self._finish_running()
        store = profile.store
        self._store = store.inner if isinstance(store, StoreAfterSaves) else store
        self._profile = profile
        if save_pending:
            self.flush()
        else:
            self.pending = False
            self._saved = self._model.scalp_map

    def detach(self) -> None:
        """Write what is waiting and stop saving (the profile is being closed)."""
        self.flush()
        self._store = None
        self.pending = False

    def take_back_refused(self) -> None:
        """Undo the refused step and any made on top of it while it was being written."""
        if self._stack.canUndo():
            self._stack.undo()
        while self._stack.canUndo() and self._stack.index() >= self.refused_index:
            self._stack.undo()

    def begin_gesture(self) -> None:
        """A drag started: hold its steps until it ends."""
        self._gestures += 1

    def end_gesture(self) -> None:
        """The drag ended: save what it changed."""
        self._gestures = max(0, self._gestures - 1)
        if self.pending and not self._gestures:
            self._start()

    def flush(self) -> None:
        """Write now if anything is waiting, and return once every write has ended.

        What is waiting is written on this thread: the caller waits for it either way, and the
        first save of a start (a click made while the window opened) then needs no worker.
        """
        while True:
            if self._running is not None:
                self._finish_running()
            elif self.pending and self._may_write():
                store, profile_id, scalp_map, day = self._hand_over()
                index = self._stack.index()
                self._take(scalp_map, index, _write_map(store, profile_id, scalp_map, day))
            else:
                return

    def _on_step(self, _index: int) -> None:
        current = self._model.scalp_map
        self.pending = current is not self._saved and current is not self._running_map
        if self.pending and not self._gestures:
            self._start()

    def _may_write(self) -> bool:
        # A map the store refused is not offered again: the window takes the step back first.
        return self._store is not None and self._model.scalp_map is not self._refused

    def _start(self) -> None:
        """Hand the current map to the worker, unless a write is running (it hands on when done)."""
        if self._running is not None or not self._may_write():
            return
        store, profile_id, scalp_map, day = self._hand_over()
        self._running_map = scalp_map
        self._running_index = self._stack.index()
        if self._worker is None:  # concurrent.futures loads after the first paint
            from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

            self._worker = ThreadPoolExecutor(1, thread_name_prefix="scalpzone-autosave")
        future = self._worker.submit(_write_map, store, profile_id, scalp_map, day)
        self._running = future
        future.add_done_callback(self._written.emit)

    def _hand_over(self) -> tuple[ProfileStoreLike, int, ScalpMap, date]:
        """What a write takes: the store, the profile, the current map and today."""
        assert self._store is not None and self._profile is not None
        # The id is read as the write starts: a profile is only switched while detached.
        self.pending = False
        return self._store, self._profile.profile_id, self._model.scalp_map, self._model.today()

    def _finish_running(self) -> None:
        """Wait for the write in flight, if any, and take its outcome."""
        if self._running is not None:
            self._running.result()
            self._on_written(self._running)

    def _on_written(self, future: Future[str | None]) -> None:
        if future is not self._running:
            return  # taken already, by a flush that waited for it
        written, index = self._running_map, self._running_index
        self._running = None
        self._running_map = None
        assert written is not None
        self._take(written, index, future.result())

    def _take(self, written: ScalpMap, index: int, refusal: str | None) -> None:
        """A write of `written` (the undo-stack index `index`) ended: refused, or saved."""
        if refusal is not None:
            self.refused_index = index
            self._refused = written
            self.pending = self._model.scalp_map is not self._saved
            self.failed.emit(refusal)
            return
        self._saved = written
        self.saved.emit()
        current = self._model.scalp_map
        self.pending = current is not self._saved
        if self.pending and not self._gestures:
            self._start()


def _write_map(
    store: ProfileStoreLike, profile_id: int, scalp_map: ScalpMap, day: date
) -> str | None:
    """Save the map (on the worker thread, or in a flush on the caller's); None when saved, else
    why not, in words."""
    from scalpzone.storage import StorageError  # noqa: PLC0415  (imported with the store)

    try:
        store.save_map(profile_id, scalp_map, day)
    except StorageError as error:
        return str(error)
    except Exception as error:  # the window says it, in words, instead of losing the thread
        return f"The map could not be saved because of an unexpected problem ({error})."
    return None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The map the window last showed, and whose it was."""

    profile_id: int
    document: MapDocument
    hairlines: tuple[DatedHairline, ...]


#: More earlier hairlines than a snapshot can hold: the snapshot is ignored.
MAX_SNAPSHOT_HAIRLINES = 1000
_SNAPSHOT_KEYS = {"profile_id", "document", "hairlines"}


class StartupSnapshot:
    """Reads and writes the snapshot file; a missing, unreadable or bad one is no snapshot.

    The file is checked as strictly as a map file: a damaged one is ignored (and replaced at
    the next close), so it never stops the window from starting.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Snapshot | None:
        """The last snapshot, or None when there is none or it is not a good one."""
        data = read_plain_file(self.path, MAX_FILE_BYTES)
        if data is None:
            return None
        try:
            return _parse_snapshot(json.loads(data.decode("utf-8")))
        except (ValueError, RecursionError):  # bad text, JSON, or a refused map document
            return None

    def save(
        self,
        profile_id: int,
        document: MapDocument,
        hairlines: Sequence[tuple[date, Sequence[Point]]],
    ) -> None:
        """Keep what the window shows for the next start (failure only costs speed)."""
        raw = {
            "profile_id": profile_id,
            "document": map_document_json(document),
            "hairlines": [[day.isoformat(), [list(p) for p in pts]] for day, pts in hairlines],
        }
        from scalpzone.storage import StorageError, write_atomically  # noqa: PLC0415

        # It holds the health answers too: the safe write makes it the owner's only (0600).
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(raw, ensure_ascii=False).encode("utf-8"))
        except (OSError, StorageError):
            return

    def clear(self) -> None:
        """Forget the snapshot (its profile was deleted)."""
        self.path.unlink(missing_ok=True)


def _parse_snapshot(raw: object) -> Snapshot | None:
    """The snapshot in parsed JSON, or None if any part of it is not as `save` writes it."""
    if not isinstance(raw, dict) or set(raw) != _SNAPSHOT_KEYS:
        return None
    profile_id = raw["profile_id"]
    if not isinstance(profile_id, int) or isinstance(profile_id, bool):
        return None
    if not 1 <= profile_id < 2**63:
        return None
    hairlines = _parse_hairlines(raw["hairlines"])
    if hairlines is None:
        return None
    return Snapshot(profile_id, parse_map_data(raw["document"]), hairlines)


def _parse_hairlines(raw: object) -> tuple[DatedHairline, ...] | None:
    if not isinstance(raw, list) or len(raw) > MAX_SNAPSHOT_HAIRLINES:
        return None
    out: list[DatedHairline] = []
    for item in raw:
        if not isinstance(item, list) or len(item) != 2:
            return None
        day, points = item
        if not isinstance(day, str) or day_problem(day) is not None:
            return None
        if not isinstance(points, list) or not 2 <= len(points) <= HAIRLINE_MAX_POINTS:
            return None
        parsed = [_map_point(p) for p in points]
        if any(p is None for p in parsed):
            return None
        out.append((date.fromisoformat(day), tuple(p for p in parsed if p is not None)))
    return tuple(out)


def _map_point(raw: object) -> Point | None:
    """[x, y] with both numbers in 0–1 (map coordinates), else None."""
    if not isinstance(raw, list) or len(raw) != 2:
        return None
    if not all(isinstance(c, int | float) and not isinstance(c, bool) for c in raw):
        return None
    if not all(0 <= c <= 1 for c in raw):  # compared before float(): a huge int cannot convert
        return None
    return (float(raw[0]), float(raw[1]))
