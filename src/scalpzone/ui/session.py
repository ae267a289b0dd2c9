"""Saving as edits happen, and the start-up snapshot that fills the window before the database.

Every step on the undo stack (an edit, an undo, a redo) is written at once; a drag is written
when it ends. The snapshot is the last map the window showed, kept beside the settings file so
the next start can draw it while the database opens; the database stays the truth.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from scalpzone.domain.geometry import Point
from scalpzone.domain.mapfile import MapDocument, map_document_json, parse_map_data
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.model import DatedHairline, MapModel
from scalpzone.ui.store_api import ProfileStoreLike


class Autosave(QObject):
    """Writes the map to the store after every undo-stack step (once per drag)."""

    failed = Signal(str)
    saved = Signal()

    def __init__(self, model: MapModel, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._store: ProfileStoreLike | None = None
        self._profile_id = 0
        self._gestures = 0
        self.pending = False
        # The map last written (maps are immutable, so identity says "unchanged since"): steps
        # that leave the map alone, such as edits of the session log, write nothing.
        self._saved: ScalpMap | None = None
        stack.indexChanged.connect(self._on_step)

    @property
    def attached(self) -> bool:
        """Whether edits are being written to a store."""
        return self._store is not None

    def attach(self, store: ProfileStoreLike, profile_id: int, *, save_pending: bool) -> None:
        """Save this profile's edits from now on, and those made before, if asked."""
        self._store = store
        self._profile_id = profile_id
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

    def begin_gesture(self) -> None:
        """A drag started: hold its steps until it ends."""
        self._gestures += 1

    def end_gesture(self) -> None:
        """The drag ended: save what it changed."""
        self._gestures = max(0, self._gestures - 1)
        if self.pending and not self._gestures:
            self.flush()

    def flush(self) -> None:
        """Write now if anything is waiting."""
        if not self.pending or self._store is None:
            return
        from scalpzone.storage import StorageError  # noqa: PLC0415  (imported with the store)

        scalp_map = self._model.scalp_map
        try:
            self._store.save_map(self._profile_id, scalp_map, self._model.today())
        except StorageError as error:
            self.failed.emit(str(error))
            return
        self._saved = scalp_map
        self.pending = False
        self.saved.emit()

    def _on_step(self, _index: int) -> None:
        self.pending = self._model.scalp_map is not self._saved
        if self.pending and not self._gestures:
            self.flush()


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The map the window last showed, and whose it was."""

    profile_id: int
    document: MapDocument
    hairlines: tuple[DatedHairline, ...]


class StartupSnapshot:
    """Reads and writes the snapshot file; a missing or unreadable one is simply no snapshot."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> Snapshot | None:
        """The last snapshot, or None."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            document = parse_map_data(raw["document"])
            hairlines = tuple(
                (date.fromisoformat(day), tuple((float(x), float(y)) for x, y in points))
                for day, points in raw["hairlines"]
            )
            return Snapshot(int(raw["profile_id"]), document, hairlines)
        except (OSError, ValueError, KeyError, TypeError):
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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            part = self.path.with_name(self.path.name + ".part")
            # It holds the health answers too: readable by the owner only, like the database.
            handle = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps(raw, ensure_ascii=False))
            part.replace(self.path)
        except OSError:
            return

    def clear(self) -> None:
        """Forget the snapshot (its profile was deleted)."""
        self.path.unlink(missing_ok=True)
