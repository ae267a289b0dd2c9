"""Property tests: the rules a drawn outline keeps, checked without Qt (domain/geometry.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scalpzone.domain.geometry import (
    EditRefusedError,
    Point,
    check_outline,
    clamp_to_scalp,
    clip_to_scalp,
    first_crossing,
    nearest_edge,
    point_in_polygon,
    polygon_area,
)
from scalpzone.domain.limits import MIN_ZONE_AREA, OUTLINE_MAX_POINTS
from scalpzone.domain.regions import region_catalog

SCALP = region_catalog().head.scalp
#: How far a clipped corner may lie outside the scalp: the stored four decimals round it.
ROUNDING = 1e-4

points = st.tuples(st.floats(0, 1), st.floats(0, 1))
#: Points 0.09 or more inside the scalp's edge, on a grid: an outline no wider than 0.12 around
#: one of them lies wholly on the scalp (every corner within 0.12 · √2 / 2 < 0.09 of it).
DEEP_INSIDE = [
    p
    for p in ((x / 50, y / 50) for x in range(51) for y in range(51))
    if point_in_polygon(p, SCALP) and nearest_edge(SCALP, p, closed=True)[2] > 0.09
]


@st.composite
def outlines(draw: st.DrawFn, max_radius: float = 0.5) -> tuple[Point, ...]:
    """Never self-crossing outlines anywhere on the map, from slivers to wider than the scalp."""
    n = draw(st.integers(3, 12))
    cx, cy = draw(points)
    step = 2 * math.pi / n
    corners = []
    for i in range(n):
        angle = (i + draw(st.floats(0, 0.8))) * step
        r = draw(st.floats(0.001, max_radius))
        corners.append((round(cx + r * math.cos(angle), 4), round(cy + r * math.sin(angle), 4)))
    return tuple(corners)


def _on_scalp(point: Point) -> bool:
    return point_in_polygon(point, SCALP) or nearest_edge(SCALP, point, closed=True)[2] <= ROUNDING


@given(outlines())
def test_a_clipped_outline_is_on_the_scalp_uncrossed_and_large_enough(
    drawn: tuple[Point, ...],
) -> None:
    try:
        kept = clip_to_scalp(drawn, SCALP)
    except EditRefusedError as refusal:
        assert str(refusal).endswith(".")
        return
    assert 3 <= len(kept) <= OUTLINE_MAX_POINTS
    assert first_crossing(kept) is None
    assert polygon_area(kept) >= MIN_ZONE_AREA
    assert all(_on_scalp(p) for p in kept)
    assert polygon_area(kept) <= polygon_area(drawn) + 1e-6


@given(outlines(max_radius=0.06), st.sampled_from(DEEP_INSIDE))
def test_an_outline_wholly_on_the_scalp_keeps_its_own_corners(
    drawn: tuple[Point, ...], centre: Point
) -> None:
    middle = _middle(drawn)
    moved = tuple(
        (round(x - middle[0] + centre[0], 4), round(y - middle[1] + centre[1], 4)) for x, y in drawn
    )
    if polygon_area(moved) < MIN_ZONE_AREA:
        with pytest.raises(EditRefusedError, match="too small"):
            clip_to_scalp(moved, SCALP)
    else:
        corners = [p for i, p in enumerate(moved) if p != moved[i - 1]]
        assert clip_to_scalp(moved, SCALP) == tuple(corners)


def _middle(outline: tuple[Point, ...]) -> Point:
    """The middle of the outline's bounding box."""
    xs, ys = [p[0] for p in outline], [p[1] for p in outline]
    return ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)


@given(outlines(), st.integers(0, 11), points)
def test_an_outline_that_crosses_itself_is_refused(
    drawn: tuple[Point, ...], where: int, far: Point
) -> None:
    crossed = list(drawn)
    crossed.insert(where % len(crossed), far)
    crossed.append(far)
    if first_crossing(crossed) is None:
        return
    with pytest.raises(EditRefusedError, match="cross"):
        clip_to_scalp(crossed, SCALP)
    with pytest.raises(EditRefusedError, match="cross"):
        check_outline(crossed)


@given(st.lists(points, max_size=14))
def test_check_outline_refuses_exactly_what_breaks_a_zone(corners: list[Point]) -> None:
    broken = (
        len(corners) < 3
        or first_crossing(corners) is not None
        or polygon_area(corners) < MIN_ZONE_AREA
    )
    if broken:
        with pytest.raises(EditRefusedError):
            check_outline(corners)
    else:
        check_outline(corners)


@given(points)
def test_a_point_is_clamped_onto_the_scalp_and_a_point_on_it_stays(point: Point) -> None:
    clamped = clamp_to_scalp(point, SCALP)
    if point_in_polygon(point, SCALP):
        assert clamped == point
    else:
        assert nearest_edge(SCALP, clamped, closed=True)[2] <= ROUNDING
        assert math.dist(point, clamped) <= min(math.dist(point, p) for p in SCALP) + ROUNDING


@given(outlines(), points, st.booleans())
def test_the_nearest_edge_is_nearer_than_every_corner(
    outline: tuple[Point, ...], point: Point, closed: bool
) -> None:
    edge, foot, distance = nearest_edge(outline, point, closed=closed)
    assert 0 <= edge < (len(outline) if closed else len(outline) - 1)
    assert distance == pytest.approx(math.dist(point, foot))
    assert all(distance <= math.dist(point, corner) + 1e-12 for corner in outline)
    a, b = outline[edge], outline[(edge + 1) % len(outline)]
    # the foot lies on the edge it names
    assert math.dist(a, foot) + math.dist(foot, b) == pytest.approx(math.dist(a, b), abs=1e-9)
