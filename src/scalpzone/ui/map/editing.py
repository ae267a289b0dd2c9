"""Every edit a person can make on the map, by the name they would give it (Anki style).

Each method builds an undo command with a readable text ("Mark Crown thinning") and pushes it;
the command changes the model, and the model tells the views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from scalpzone.domain.geometry import EditRefusedError, Point, check_outline, clip_to_scalp
from scalpzone.domain.limits import DRAWN_ZONES_MAX
from scalpzone.domain.regions import REGION_IDS, region_catalog
from scalpzone.domain.zones import Zone, ZoneState
from scalpzone.ui.map.commands import AddZone, DeleteZone, HairlineEdit, ZoneEdit, ZoneGestureEdit
from scalpzone.ui.map.model import MapModel
from scalpzone.ui.style.words import long_date, severity_word, state_word, tr

if TYPE_CHECKING:
    from scalpzone.domain.templates import Template

NAME_MAX = 80

#: Asked when an edit would leave blocked zones healthy or bald (or a template changes them):
#: given those zones, True removes their blocks, False keeps them, None cancels the edit.
BlockQuestion = Callable[[list[Zone]], "bool | None"]


def _keep_blocks(_zones: list[Zone]) -> bool | None:
    return False


class MapEditor(QObject):
    """Named edits on one map; every edit is one undo step on the map's stack."""

    def __init__(self, model: MapModel, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._stack = stack
        self._gesture = 0
        self.ask_about_blocks: BlockQuestion = _keep_blocks

    @property
    def stack(self) -> QUndoStack:
        """The undo stack the edits go on."""
        return self._stack

    def new_gesture(self) -> int:
        """A number shared by the steps of one drag, so they merge into one undo step."""
        self._gesture += 1
        return self._gesture

    def _zone(self, zone_id: str) -> Zone:
        return self._model.zone(zone_id)

    def _replace(self, after: Zone, text: str) -> None:
        before = self._zone(after.id)
        if before != after:
            self._stack.push(ZoneEdit(self._model, before, after, text))

    # States ------------------------------------------------------------------------------------

    def set_state(self, zone_id: str, state: ZoneState) -> None:
        """Mark a zone healthy, thinning or bald (asking about its block if it has one)."""
        zone = self._zone(zone_id)
        text = tr("Mark {zone} {state}").format(zone=zone.display_name, state=state_word(state))
        after = replace(zone, state=state)
        if self._model.block_until(zone_id) is not None and state is not ZoneState.THINNING:
            remove = self.ask_about_blocks([zone])
            if remove is None:
                return
            if remove:
                after = replace(after, blocked_until=None)
        self._replace(after, text)

    def cycle_state(self, zone_id: str) -> None:
        """Healthy → thinning → bald → healthy, as one click on the map does."""
        self.set_state(zone_id, self._zone(zone_id).state.next_in_cycle())

    def set_severity(self, zone_id: str, severity: int) -> None:
        """Set how far a zone's thinning has gone (1–3); a healthy or bald zone becomes thinning."""
        zone = self._zone(zone_id)
        text = tr("Set {zone} to {severity} thinning").format(
            zone=zone.display_name, severity=severity_word(severity)
        )
        self._replace(replace(zone, state=ZoneState.THINNING, severity=severity), text)

    def block_until(self, zone_id: str, day: date) -> None:
        """Keep a zone out of the plan up to and including a day."""
        zone = self._zone(zone_id)
        text = tr("Block {zone} until {day}").format(zone=zone.display_name, day=long_date(day))
        self._replace(replace(zone, blocked_until=day), text)

    def unblock(self, zone_id: str) -> None:
        """Let a blocked zone be planned again."""
        zone = self._zone(zone_id)
        self._replace(
            replace(zone, blocked_until=None), tr("Unblock {zone}").format(zone=zone.display_name)
        )

    def apply_template(self, template: Template) -> None:
        from scalpzone.domain.templates import apply_template  # noqa: PLC0415  (after the paint)

        """Set every preset region as a hair-loss stage has it, as one undo step."""
        target = apply_template(self._model.scalp_map, template)
        if target == self._model.scalp_map:
            return
        blocked = [
            before
            for before in self._model.scalp_map.zones
            if self._model.block_until(before.id) is not None
            and before.id in target
            and target.zone(before.id).state != before.state
        ]
        if blocked:
            remove = self.ask_about_blocks(blocked)
            if remove is None:
                return
            if remove:
                for zone in blocked:
                    target = target.with_zone(replace(target.zone(zone.id), blocked_until=None))
        self._stack.beginMacro(tr("Apply {template}").format(template=template.name))
        for zone in target.zones:
            self._replace(zone, tr("Mark {zone}").format(zone=zone.display_name))
        self._stack.endMacro()

    def clear_marks(self) -> None:
        """Set every preset region back to healthy, as one undo step."""
        marked = [
            z
            for z in self._model.scalp_map.zones[: len(REGION_IDS)]
            if z.state is not ZoneState.HEALTHY
        ]
        if not marked:
            return
        self._stack.beginMacro(tr("Clear all marks"))
        for zone in marked:
            self._replace(replace(zone, state=ZoneState.HEALTHY, severity=1), tr("Clear marks"))
        self._stack.endMacro()

    def template_overwrites_marks(self, template: Template) -> bool:
        from scalpzone.domain.templates import changes_marks  # noqa: PLC0415

        """Whether applying the template would change marks the person made."""
        return changes_marks(self._model.scalp_map, template)

    # Drawn zones ------------------------------------------------------------------------------

    def add_zone(self, outline: list[Point]) -> str:
        """Add a drawn zone, clipped to the scalp; EditRefusedError when the outline is unusable."""
        if len(self._model.scalp_map.custom_zones) >= DRAWN_ZONES_MAX:
            raise EditRefusedError(
                tr("A map holds at most {n} drawn zones.").format(n=DRAWN_ZONES_MAX)
            )
        polygon = clip_to_scalp(outline, region_catalog().head.scalp)
        zone_id = self._model.scalp_map.next_custom_id()
        number = zone_id.removeprefix("custom-")
        name = tr("Zone {number}").format(number=number)
        zone = Zone(zone_id, name=name, polygon=polygon)
        self._stack.push(AddZone(self._model, zone, tr("Draw {zone}").format(zone=name)))
        return zone_id

    def rename(self, zone_id: str, name: str) -> None:
        """Give a drawn zone a new name."""
        name = " ".join(name.split())
        if not name:
            raise EditRefusedError(tr("A zone needs a name."))
        if len(name) > NAME_MAX:
            raise EditRefusedError(tr("A name can be at most {n} characters.").format(n=NAME_MAX))
        zone = self._zone(zone_id)
        text = tr("Rename {old} to {new}").format(old=zone.display_name, new=name)
        self._replace(replace(zone, name=name), text)

    def delete_zone(self, zone_id: str) -> None:
        """Delete a drawn zone; one the session log names stays, or the log would point nowhere."""
        zone = self._zone(zone_id)
        if any(zone_id in entry.zones for entry in self._model.document.history):
            raise EditRefusedError(
                tr("{zone} is named in your session log, so it cannot be deleted.").format(
                    zone=zone.display_name
                )
            )
        self._stack.push(
            DeleteZone(self._model, zone_id, tr("Delete {zone}").format(zone=zone.display_name))
        )

    def move_vertex(self, zone_id: str, index: int, point: Point, gesture: int) -> None:
        """Move one corner of a drawn zone; the moves of one drag are one undo step."""
        zone = self._zone(zone_id)
        assert zone.polygon is not None
        polygon = list(zone.polygon)
        if polygon[index] == point:
            return
        polygon[index] = point
        check_outline(polygon)
        text = tr("Move a point of {zone}").format(zone=zone.display_name)
        after = replace(zone, polygon=tuple(polygon))
        self._stack.push(ZoneGestureEdit(self._model, zone, after, text, gesture))

    def insert_vertex(self, zone_id: str, edge: int, point: Point) -> int:
        """Add a corner on an edge of a drawn zone; returns the new corner's index."""
        zone = self._zone(zone_id)
        assert zone.polygon is not None
        polygon = list(zone.polygon)
        polygon.insert(edge + 1, point)
        check_outline(polygon)
        text = tr("Add a point to {zone}").format(zone=zone.display_name)
        self._replace(replace(zone, polygon=tuple(polygon)), text)
        return edge + 1

    def remove_vertex(self, zone_id: str, index: int) -> None:
        """Remove a corner of a drawn zone; a zone keeps at least three."""
        zone = self._zone(zone_id)
        assert zone.polygon is not None
        polygon = list(zone.polygon)
        del polygon[index]
        check_outline(polygon)
        text = tr("Remove a point from {zone}").format(zone=zone.display_name)
        self._replace(replace(zone, polygon=tuple(polygon)), text)

    # Hairline ----------------------------------------------------------------------------------

    def set_hairline(self, points: list[Point]) -> None:
        """Draw the hairline anew (two points or more)."""
        if len(points) < 2:
            raise EditRefusedError(tr("A hairline needs at least two points."))
        before = self._model.scalp_map.hairline
        self._stack.push(HairlineEdit(self._model, before, tuple(points), tr("Draw hairline")))

    def clear_hairline(self) -> None:
        """Remove the hairline."""
        before = self._model.scalp_map.hairline
        if before:
            self._stack.push(HairlineEdit(self._model, before, (), tr("Clear hairline")))

    def move_hairline_point(self, index: int, point: Point, gesture: int) -> None:
        """Move one point of the hairline; the moves of one drag are one undo step."""
        before = self._model.scalp_map.hairline
        after = list(before)
        if after[index] == point:
            return
        after[index] = point
        self._stack.push(
            HairlineEdit(
                self._model, before, tuple(after), tr("Move a hairline point"), gesture=gesture
            )
        )
