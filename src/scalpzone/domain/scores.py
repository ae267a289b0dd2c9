"""SALT-weighted bald and thinning scores of a map, for tracking over time, never for diagnosis."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scalpzone.domain.regions import Quadrant, region_catalog
from scalpzone.domain.zones import ScalpMap, ZoneState


@dataclass(frozen=True, slots=True)
class CoverageScores:
    """Share of the scalp marked bald and marked thinning, each 0–100, SALT-weighted."""

    bald: float
    thinning: float


def coverage_scores(scalp_map: ScalpMap) -> CoverageScores:
    """Weigh each quadrant's marked area by its SALT share (top 40, back 24, sides 18 each).

    Overlapping zones count once; where a bald and a thinning zone overlap, bald wins.
    """
    # shapely costs ~80 ms to import; only the map's scores need it, not planning.
    from shapely import Polygon, union_all  # noqa: PLC0415

    def shape(points: Any) -> Any:
        return Polygon(points).buffer(0)

    quadrants: dict[Quadrant, Any] = {}
    for quadrant in Quadrant:
        quadrants[quadrant] = union_all(
            [shape(r.polygon) for r in region_catalog().regions if r.quadrant is quadrant]
        )
    bald = union_all([shape(z.outline) for z in scalp_map.by_state(ZoneState.BALD)])
    thinning = union_all([shape(z.outline) for z in scalp_map.by_state(ZoneState.THINNING)])
    thinning = thinning.difference(bald)
    bald_score = thinning_score = 0.0
    for quadrant, area in quadrants.items():
        bald_score += quadrant.weight * bald.intersection(area).area / area.area
        thinning_score += quadrant.weight * thinning.intersection(area).area / area.area
    return CoverageScores(round(100 * bald_score, 1), round(100 * thinning_score, 1))
