"""The shares of the scalp marked bald and thinning, for tracking over time, never for diagnosis.

Each quadrant counts by the weight the SALT tool gives it (Olsen et al. 2004). SALT was made for
alopecia areata, so the app explains the weighting and never calls these figures a SALT score.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from scalpzone.domain.geometry import Point
from scalpzone.domain.references import number
from scalpzone.domain.regions import Quadrant, region_catalog
from scalpzone.domain.zones import ScalpMap, ZoneState


@dataclass(frozen=True, slots=True)
class CoverageScores:
    """Share of the scalp marked bald and marked thinning, each 0–100, weighted by region."""

    bald: float
    thinning: float


@lru_cache(maxsize=256)
def _shape(points: tuple[Point, ...]) -> Any:
    """An outline as a valid shapely polygon; remembered, as the same outlines come back at
    every edit and building one from 500 corners is the slow part of scoring."""
    # shapely costs ~80 ms to import; only the map's scores need it, not planning.
    from shapely import Polygon  # noqa: PLC0415

    return Polygon(points).buffer(0)


@lru_cache(maxsize=1)
def _quadrants() -> dict[Quadrant, Any]:
    from shapely import union_all  # noqa: PLC0415

    return {
        quadrant: union_all(
            [_shape(r.polygon) for r in region_catalog().regions if r.quadrant is quadrant]
        )
        for quadrant in Quadrant
    }


def shares_sentence(bald: float, thinning: float) -> str:
    """ "About 11 % of your scalp marked bald, 18 % thinning": whole percentages."""
    return f"About {round(bald)} % of your scalp marked bald, {round(thinning)} % thinning"


#: How the shares are worked out, in words (the Progress view, the status bar's tip, docs).
WEIGHTING = (
    "Each part of the scalp counts by its share of the whole: the top of the head 40 %, the "
    "back 24 % and each side 18 %. These are the region weights of the SALT tool "
    f"[{number('olsen2004')}], which was made for alopecia areata rather than pattern hair "
    "loss. ScalpZone borrows only the weights: the figures are shares of what you marked, "
    "not a clinical score and not a diagnosis."
)


def coverage_scores(scalp_map: ScalpMap) -> CoverageScores:
    """Weigh each quadrant's marked area by its share of the scalp (top 40, back 24, sides 18).

    Overlapping zones count once; where a bald and a thinning zone overlap, bald wins.
    """
    from shapely import union_all  # noqa: PLC0415

    quadrants = _quadrants()
    bald = union_all([_shape(tuple(z.outline)) for z in scalp_map.by_state(ZoneState.BALD)])
    thinning = union_all([_shape(tuple(z.outline)) for z in scalp_map.by_state(ZoneState.THINNING)])
    thinning = thinning.difference(bald)
    bald_score = thinning_score = 0.0
    for quadrant, area in quadrants.items():
        bald_score += quadrant.weight * bald.intersection(area).area / area.area
        thinning_score += quadrant.weight * thinning.intersection(area).area / area.area
    return CoverageScores(round(100 * bald_score, 1), round(100 * thinning_score, 1))
