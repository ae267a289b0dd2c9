"""Zones of the scalp map: preset regions and the person's own drawn areas, and the hairline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from scalpzone.domain.geometry import Point, outline_area, outline_centroid
from scalpzone.domain.regions import REGION_IDS, region_catalog

CUSTOM_ID = re.compile(r"custom-([1-9][0-9]{0,5})")
SEVERITIES = (1, 2, 3)
SEVERITY_NAMES = {1: "mild", 2: "moderate", 3: "advanced"}


class ZoneState(StrEnum):
    """How the hair in a zone looks to the person."""

    HEALTHY = "healthy"
    THINNING = "thinning"
    BALD = "bald"

    def next_in_cycle(self) -> ZoneState:
        """Healthy → thinning → bald → healthy: what one click on the map does."""
        order = (ZoneState.HEALTHY, ZoneState.THINNING, ZoneState.BALD)
        return order[(order.index(self) + 1) % len(order)]


def is_custom_id(zone_id: str) -> bool:
    """Whether an id names a drawn zone (`custom-1`, `custom-2`, …)."""
    return CUSTOM_ID.fullmatch(zone_id) is not None


@dataclass(frozen=True, slots=True)
class Zone:
    """One area of the scalp with its state; custom zones carry their own name and outline."""

    id: str
    state: ZoneState = ZoneState.HEALTHY
    severity: int = 1
    blocked_until: date | None = None
    name: str | None = None
    polygon: tuple[Point, ...] | None = None

    @property
    def is_custom(self) -> bool:
        """Whether the person drew this zone."""
        return self.polygon is not None

    @property
    def display_name(self) -> str:
        """The name a person sees."""
        if self.name is not None:
            return self.name
        return region_catalog()[self.id].name

    @property
    def outline(self) -> tuple[Point, ...]:
        """The zone's polygon in unit-square coordinates."""
        if self.polygon is not None:
            return self.polygon
        return region_catalog()[self.id].polygon

    @property
    def minutes(self) -> int:
        """Whole minutes to roll this zone once."""
        if self.polygon is None:
            return region_catalog()[self.id].minutes
        return region_catalog().minutes_for_area(outline_area(self.polygon))

    @property
    def centre(self) -> Point:
        """Where the zone's label goes; also orders zones front to back for rolling."""
        if self.polygon is None:
            return region_catalog()[self.id].label
        return outline_centroid(self.polygon)

    def is_blocked_on(self, day: date) -> bool:
        """Whether the zone must not be rolled on this day."""
        return self.blocked_until is not None and day <= self.blocked_until


def _preset_zones() -> tuple[Zone, ...]:
    return tuple(Zone(rid) for rid in REGION_IDS)


@dataclass(frozen=True, slots=True)
class ScalpMap:
    """Every zone of one person's scalp (all 13 presets, then drawn zones) and the hairline."""

    zones: tuple[Zone, ...] = field(default_factory=_preset_zones)
    hairline: tuple[Point, ...] = ()
    #: Each zone by id, built once: a lookup is one dict access whatever the map's size.
    _by_id: dict[str, Zone] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_id = {z.id: z for z in self.zones}
        if len(by_id) != len(self.zones):
            raise ValueError(f"duplicate zone ids in {[z.id for z in self.zones]}")
        if tuple(z.id for z in self.zones[: len(REGION_IDS)]) != REGION_IDS:
            raise ValueError("a map starts with the 13 preset regions in their fixed order")
        object.__setattr__(self, "_by_id", by_id)

    def zone(self, zone_id: str) -> Zone:
        """The zone with this id; KeyError if the map has none."""
        return self._by_id[zone_id]

    def __contains__(self, zone_id: object) -> bool:
        return isinstance(zone_id, str) and zone_id in self._by_id

    @property
    def custom_zones(self) -> tuple[Zone, ...]:
        """The zones the person drew, in the order they were drawn."""
        return self.zones[len(REGION_IDS) :]

    def with_zone(self, zone: Zone) -> ScalpMap:
        """A copy with this zone replaced, or added at the end when it is a new custom zone."""
        if zone.id in self:
            old = self._by_id[zone.id]
            zones = tuple(zone if z is old else z for z in self.zones)
        elif zone.is_custom:
            zones = (*self.zones, zone)
        else:
            raise KeyError(zone.id)
        return replace(self, zones=zones)

    def without_zone(self, zone_id: str) -> ScalpMap:
        """A copy without this custom zone (presets cannot be removed)."""
        if not is_custom_id(zone_id):
            raise ValueError(f"{zone_id} is a preset region and cannot be removed")
        return replace(self, zones=tuple(z for z in self.zones if z.id != zone_id))

    def with_hairline(self, hairline: tuple[Point, ...]) -> ScalpMap:
        """A copy with a new hairline."""
        return replace(self, hairline=hairline)

    def next_custom_id(self) -> str:
        """The id for the next zone the person draws; numbers are never reused within a map."""
        used = [int(m.group(1)) for z in self.custom_zones if (m := CUSTOM_ID.fullmatch(z.id))]
        return f"custom-{max(used, default=0) + 1}"

    def by_state(self, state: ZoneState) -> tuple[Zone, ...]:
        """Zones in this state, in map order."""
        return tuple(z for z in self.zones if z.state is state)
