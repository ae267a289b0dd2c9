"""The open map as Qt views see it: the domain document, its live plan, and the current zone.

The model holds the truth; undo commands change it through `set_map`, and every view listens to
`mapChanged` / `planChanged` and redraws only what changed (napari's model/view split).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QObject, Signal

from scalpzone.domain.geometry import Point
from scalpzone.domain.history import HistoryEntry, plan_start
from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.plan import Plan, Rejection
from scalpzone.domain.planner import make_plan
from scalpzone.domain.zones import ScalpMap, Zone

#: The preview and the tooltips look one week ahead.
PLAN_WEEKS = 1

DatedHairline = tuple[date, tuple[Point, ...]]


@dataclass(frozen=True, slots=True)
class MapChange:
    """What one edit changed, so views can update just that."""

    changed: frozenset[str] = frozenset()
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    hairline: bool = False
    reset: bool = False

    @property
    def zones_touched(self) -> bool:
        """Whether any zone was changed, added or removed."""
        return bool(self.changed or self.added or self.removed or self.reset)


def diff_maps(old: ScalpMap, new: ScalpMap) -> MapChange:
    """The zones and hairline that differ between two maps (zones are compared by identity)."""
    old_zones = {z.id: z for z in old.zones}
    new_zones = {z.id: z for z in new.zones}
    changed = frozenset(
        zid for zid, zone in new_zones.items() if zid in old_zones and old_zones[zid] != zone
    )
    added = tuple(zid for zid in new_zones if zid not in old_zones)
    removed = tuple(zid for zid in old_zones if zid not in new_zones)
    order_moved = [z for z in new_zones if z in old_zones] != [
        z for z in old_zones if z in new_zones
    ]
    return MapChange(
        changed=changed,
        added=added,
        removed=removed,
        hairline=old.hairline != new.hairline,
        reset=order_moved,
    )


def plan_ahead(
    document: MapDocument, today: date, weeks: int, roller_uses: int | None = None
) -> Plan:
    """The plan the window shows: `weeks` weeks from `plan_start` (tomorrow once today is logged).

    Asked again for what it was just asked (the map's preview and then the Week tab, for the
    same week of the same document), it gives the same plan instead of planning twice: the
    planner gives the same plan for the same input, and a plan is immutable.
    """
    start = plan_start(document.history, today)
    made_from = (
        document.scalp_map,
        document.settings,
        document.health,
        document.history,
        start,
        weeks,
        roller_uses,
    )
    if _last_plan and _last_plan[0][0] == made_from:  # the same objects compare at once
        return _last_plan[0][1]
    plan = make_plan(
        document.scalp_map,
        document.settings,
        document.health,
        document.history,
        start,
        weeks,
        roller_uses=roller_uses,
    )
    _last_plan[:] = [(made_from, plan)]
    return plan


#: The last plan made, with what it was made from.
_last_plan: list[tuple[tuple[object, ...], Plan]] = []


@dataclass(frozen=True, slots=True)
class _PlanIndex:
    """The plan looked up by zone: next planned day and why a zone is left out."""

    plan: Plan
    next_day: dict[str, date] = field(default_factory=dict)
    rejections: dict[str, Rejection] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan) -> _PlanIndex:
        next_day: dict[str, date] = {}
        for session in plan.sessions:
            for zone_id in session.zones:
                next_day.setdefault(zone_id, session.date)
        return cls(plan, next_day, {r.zone: r for r in plan.rejected})


class MapModel(QObject):
    """One person's map document and the plan made from it, kept current after every edit."""

    mapChanged = Signal(object)  # MapChange
    planChanged = Signal()

    def __init__(self, today: Callable[[], date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._document = MapDocument()
        self._zones = {z.id: z for z in self._document.scalp_map.zones}
        self._hairlines: tuple[DatedHairline, ...] = ()
        self._last_treated: dict[str, date] = {}
        self._roller_uses: int | None = None
        self._index = _PlanIndex.of(self._make_plan())

    # What views read -------------------------------------------------------------------------

    @property
    def document(self) -> MapDocument:
        """The whole document: map, settings, health, history and profile name."""
        return self._document

    @property
    def scalp_map(self) -> ScalpMap:
        """The map as it is now."""
        return self._document.scalp_map

    @property
    def plan(self) -> Plan:
        """The plan for the coming week, made from the map as it is now.

        It starts today, or tomorrow once today's session is logged (`plan_start`).
        """
        return self._index.plan

    @property
    def profile_name(self) -> str:
        """Whose map this is."""
        return self._document.profile_name or ""

    def zone(self, zone_id: str) -> Zone:
        """The zone with this id as it is now."""
        return self._zones[zone_id]

    def last_treated(self, zone_id: str) -> date | None:
        """The last day this zone was rolled, from the session log."""
        return self._last_treated.get(zone_id)

    def next_planned(self, zone_id: str) -> date | None:
        """The next day the plan rolls this zone, within the coming week."""
        return self._index.next_day.get(zone_id)

    def rejection(self, zone_id: str) -> Rejection | None:
        """Why the plan leaves this zone out, if it does."""
        return self._index.rejections.get(zone_id)

    @property
    def hairlines(self) -> tuple[DatedHairline, ...]:
        """Every dated hairline of the profile, oldest first."""
        return self._hairlines

    def earlier_hairlines(self) -> tuple[DatedHairline, ...]:
        """Hairlines kept from days before today, oldest first (for comparing progress)."""
        today = self._today()
        return tuple((day, points) for day, points in self._hairlines if day < today and points)

    def today(self) -> date:
        """The day the plan starts and edits are dated."""
        return self._today()

    def block_until(self, zone_id: str) -> date | None:
        """The last day of a zone's block while the block lasts; a block that has ended is no
        block (the map, the list, the tooltip and the menus all show it so)."""
        zone = self.zone(zone_id)
        return zone.blocked_until if zone.is_blocked_on(self._today()) else None

    # What commands and the profile controller call --------------------------------------------

    def reset(
        self,
        document: MapDocument,
        hairlines: tuple[DatedHairline, ...] = (),
        roller_uses: int | None = None,
    ) -> None:
        """Show another document (a profile opened or reloaded); no undo reaches across this."""
        self._document = document
        self._zones = {z.id: z for z in document.scalp_map.zones}
        self._hairlines = hairlines
        self._set_log(document, roller_uses)
        self._replan()
        self.mapChanged.emit(MapChange(reset=True, hairline=True))
        self.planChanged.emit()

    def update_details(self, document: MapDocument, roller_uses: int | None) -> None:
        """Take new settings, health answers and log (the map stays as edited) and re-plan.

        Called after a session is logged or a log entry, a setting, the health checklist or the
        roller changed: none of these is a map edit, so the map's undo history is kept.
        """
        self._document = replace(
            self._document,
            settings=document.settings,
            health=document.health,
            history=document.history,
        )
        before = self._last_treated
        self._set_log(document, roller_uses)
        self._replan()
        # Of the zones, the views show only "last treated" from the log: the zones whose day
        # moved are redrawn, and a settings or health change redraws none.
        after = self._last_treated
        moved = {z for z in before.keys() | after.keys() if before.get(z) != after.get(z)}
        if moved & self._zones.keys():
            self.mapChanged.emit(MapChange(changed=frozenset(moved & self._zones.keys())))
        self.planChanged.emit()

    def set_roller_uses(self, uses: int | None) -> None:
        """How many sessions the roller in use has done (None: no roller recorded)."""
        if uses == self._roller_uses:
            return
        self._roller_uses = uses
        self._replan()
        self.planChanged.emit()

    def _set_log(self, document: MapDocument, roller_uses: int | None) -> None:
        self._roller_uses = roller_uses
        self._last_treated = {}
        for entry in sorted(document.history, key=lambda e: e.date):
            if entry.is_treatment:
                for zone_id in entry.zones:
                    self._last_treated[zone_id] = entry.date

    def set_map(self, scalp_map: ScalpMap) -> MapChange:
        """Replace the map, tell the views what changed, and re-plan."""
        change = diff_maps(self.scalp_map, scalp_map)
        self._document = replace(self._document, scalp_map=scalp_map)
        self._zones = {z.id: z for z in scalp_map.zones}
        self.mapChanged.emit(change)
        if change.zones_touched:
            self._replan()
            self.planChanged.emit()
        return change

    def logged_on(self, day: date) -> HistoryEntry | None:
        """The session logged for this day, if any (the latest one logged)."""
        found = None
        for entry in self._document.history:
            if entry.date == day:
                found = entry
        return found

    def _make_plan(self) -> Plan:
        return plan_ahead(self._document, self._today(), PLAN_WEEKS, self._roller_uses)

    def _replan(self) -> None:
        self._index = _PlanIndex.of(self._make_plan())


class ZoneSelection(QObject):
    """The zone the person is working on, shared by the map and the zone panel."""

    currentChanged = Signal(str)  # zone id, "" for none

    def __init__(self, model: MapModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._current = ""
        model.mapChanged.connect(self._on_map_changed)

    def current(self) -> str:
        """The current zone id, or "" when none is chosen."""
        return self._current

    def set_current(self, zone_id: str) -> None:
        """Make this zone current ("" for none)."""
        if zone_id and zone_id not in self._model.scalp_map:
            zone_id = ""
        if zone_id != self._current:
            self._current = zone_id
            self.currentChanged.emit(zone_id)

    def step(self, forward: bool) -> bool:
        """Move to the next or previous zone; False when already at the end."""
        ids = [z.id for z in self._model.scalp_map.zones]
        if not self._current:
            self.set_current(ids[0] if forward else ids[-1])
            return True
        position = ids.index(self._current) + (1 if forward else -1)
        if not 0 <= position < len(ids):
            return False
        self.set_current(ids[position])
        return True

    def _on_map_changed(self, change: MapChange) -> None:
        if self._current and self._current not in self._model.scalp_map:
            self.set_current("")
