"""The 13 preset scalp regions and the head diagram, read from `resources/regions.json`."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from enum import StrEnum

from scalpzone import RESOURCES
from scalpzone.domain.geometry import Point, polygon_area


class Quadrant(StrEnum):
    """SALT quadrants (Olsen et al. 2004) and their share of the scalp."""

    TOP = "top"
    BACK = "back"
    LEFT = "left"
    RIGHT = "right"

    @property
    def weight(self) -> float:
        """Fraction of the whole scalp this quadrant stands for in the SALT score."""
        return _SALT_WEIGHTS[self]


_SALT_WEIGHTS = {Quadrant.TOP: 0.40, Quadrant.BACK: 0.24, Quadrant.LEFT: 0.18, Quadrant.RIGHT: 0.18}

#: The fixed region ids of SPEC §1, front to back; the geometry behind them is data.
REGION_IDS: tuple[str, ...] = (
    "hairline_left",
    "hairline_center",
    "hairline_right",
    "temple_left",
    "temple_right",
    "front_center",
    "midscalp_left",
    "midscalp_center",
    "midscalp_right",
    "crown",
    "parietal_left",
    "parietal_right",
    "occipital",
)


@dataclass(frozen=True, slots=True)
class Region:
    """A preset area of the scalp with fixed geometry."""

    id: str
    name: str
    quadrant: Quadrant
    minutes: int
    polygon: tuple[Point, ...]
    label: Point

    @property
    def area(self) -> float:
        """Area in unit-square units."""
        return polygon_area(self.polygon)


@dataclass(frozen=True, slots=True)
class HeadDiagram:
    """The drawn landmarks around the regions: head outline, scalp edge, nose, ears, L and R."""

    outline: tuple[Point, ...]
    scalp: tuple[Point, ...]
    nose: tuple[Point, ...]
    ear_left: tuple[Point, ...]
    ear_right: tuple[Point, ...]
    label_left: Point
    label_right: Point


@dataclass(frozen=True, slots=True)
class RegionCatalog:
    """All preset regions, in REGION_IDS order, with the head they sit on."""

    regions: tuple[Region, ...]
    head: HeadDiagram
    minutes_per_unit_area: float

    def __getitem__(self, region_id: str) -> Region:
        for region in self.regions:
            if region.id == region_id:
                return region
        raise KeyError(region_id)

    def __contains__(self, region_id: object) -> bool:
        return region_id in REGION_IDS

    def minutes_for_area(self, area: float) -> int:
        """Whole minutes to roll an area, by the same measure as the presets; at least 1."""
        return max(1, round(area * self.minutes_per_unit_area))


def _points(raw: list[list[float]]) -> tuple[Point, ...]:
    return tuple((float(x), float(y)) for x, y in raw)


def _point(raw: list[float]) -> Point:
    return (float(raw[0]), float(raw[1]))


@functools.cache
def region_catalog() -> RegionCatalog:
    """Load the preset regions once from the package resources."""
    text = (RESOURCES / "regions.json").read_text("utf-8")
    data = json.loads(text)
    by_id = {raw["id"]: raw for raw in data["regions"]}
    if set(by_id) != set(REGION_IDS):
        raise RuntimeError(f"regions.json holds {sorted(by_id)}, expected {sorted(REGION_IDS)}")
    regions = tuple(
        Region(
            id=rid,
            name=by_id[rid]["name"],
            quadrant=Quadrant(by_id[rid]["quadrant"]),
            minutes=int(by_id[rid]["minutes"]),
            polygon=_points(by_id[rid]["polygon"]),
            label=_point(by_id[rid]["label"]),
        )
        for rid in REGION_IDS
    )
    head = data["head"]
    diagram = HeadDiagram(
        outline=_points(head["outline"]),
        scalp=_points(head["scalp"]),
        nose=_points(head["nose"]),
        ear_left=_points(head["ear_left"]),
        ear_right=_points(head["ear_right"]),
        label_left=_point(head["label_left"]),
        label_right=_point(head["label_right"]),
    )
    return RegionCatalog(regions, diagram, float(data["minutes_per_unit_area"]))
