"""Undo commands: each changes the map model one way on redo and back on undo (Plom style).

A drag pushes one command per mouse move; commands of the same gesture merge into one undo step
through `id()` / `mergeWith`. Compound edits (templates) are macros on the stack.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from scalpzone.domain.geometry import Point
from scalpzone.domain.zones import ScalpMap, Zone
from scalpzone.ui.map.model import MapModel

#: Command ids for merging; -1 (the default) never merges.
ZONE_GESTURE_ID = 1001
HAIRLINE_GESTURE_ID = 1002


def _insert_zone(scalp_map: ScalpMap, zone: Zone, index: int) -> ScalpMap:
    """The map with a custom zone put back where it was, so undo restores the order exactly."""
    zones = list(scalp_map.zones)
    zones.insert(min(index, len(zones)), zone)
    return replace(scalp_map, zones=tuple(zones))


class ZoneEdit(QUndoCommand):
    """Replace one zone (its state, severity, block, name or outline)."""

    def __init__(self, model: MapModel, before: Zone, after: Zone, text: str) -> None:
        super().__init__(text)
        self._model = model
        self.before = before
        self.after = after

    def redo(self) -> None:
        """Put the new zone in the map."""
        self._model.set_map(self._model.scalp_map.with_zone(self.after))

    def undo(self) -> None:
        """Put the old zone back."""
        self._model.set_map(self._model.scalp_map.with_zone(self.before))


class ZoneGestureEdit(ZoneEdit):
    """One step of a drag on a zone's outline; the steps of one drag merge into one undo step."""

    def __init__(self, model: MapModel, before: Zone, after: Zone, text: str, gesture: int) -> None:
        super().__init__(model, before, after, text)
        self.gesture = gesture

    def id(self) -> int:
        """Merge only with steps of the same kind."""
        return ZONE_GESTURE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb the next step of the same drag on the same zone."""
        if not isinstance(other, ZoneGestureEdit) or other.gesture != self.gesture:
            return False
        if other.after.id != self.after.id:
            return False
        self.after = other.after
        return True


class AddZone(QUndoCommand):
    """Add a zone the person drew."""

    def __init__(self, model: MapModel, zone: Zone, text: str) -> None:
        super().__init__(text)
        self._model = model
        self.zone = zone

    def redo(self) -> None:
        """Add the zone at the end of the map."""
        self._model.set_map(self._model.scalp_map.with_zone(self.zone))

    def undo(self) -> None:
        """Take the zone out again."""
        self._model.set_map(self._model.scalp_map.without_zone(self.zone.id))


class DeleteZone(QUndoCommand):
    """Delete a drawn zone; undo puts it back in its place."""

    def __init__(self, model: MapModel, zone_id: str, text: str) -> None:
        super().__init__(text)
        self._model = model
        ids = [z.id for z in model.scalp_map.zones]
        self._index = ids.index(zone_id)
        self.zone = model.scalp_map.zone(zone_id)

    def redo(self) -> None:
        """Remove the zone."""
        self._model.set_map(self._model.scalp_map.without_zone(self.zone.id))

    def undo(self) -> None:
        """Put the zone back where it was."""
        self._model.set_map(_insert_zone(self._model.scalp_map, self.zone, self._index))


class HairlineEdit(QUndoCommand):
    """Replace the hairline (drawn anew, cleared, or one point dragged)."""

    def __init__(
        self,
        model: MapModel,
        before: tuple[Point, ...],
        after: tuple[Point, ...],
        text: str,
        gesture: int | None = None,
    ) -> None:
        super().__init__(text)
        self._model = model
        self.before = before
        self.after = after
        self.gesture = gesture

    def id(self) -> int:
        """Drags merge; one-off edits (gesture None) never do."""
        return HAIRLINE_GESTURE_ID if self.gesture is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb the next step of the same drag."""
        if not isinstance(other, HairlineEdit) or other.gesture != self.gesture:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        """Set the new hairline."""
        self._model.set_map(self._model.scalp_map.with_hairline(self.after))

    def undo(self) -> None:
        """Set the old hairline back."""
        self._model.set_map(self._model.scalp_map.with_hairline(self.before))
