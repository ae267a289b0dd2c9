"""The sweep-line crossing check agrees with checking every pair of edges, degenerate cases
included (grid corners give repeated corners, touching edges, overlaps and vertical edges)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from scalpzone.domain.geometry import Point, first_crossing, on_grid, segments_intersect


def _collinear(a: Point, b: Point, c: Point) -> bool:
    value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1])
    return abs(value) < 1e-12


def every_pair(points: Sequence[Point]) -> bool:
    """Whether any two edges touch or cross, by testing each pair (the quadratic reference),
    on the grid the crossing check uses."""
    points = on_grid(points)
    n = len(points)
    edges = [(points[i], points[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            (a1, a2), (b1, b2) = edges[i], edges[j]
            if j == i + 1 or (i == 0 and j == n - 1):
                shared = a2 if j == i + 1 else a1
                far_a = a1 if shared == a2 else a2
                far_b = b2 if shared == b1 else b1
                dot = (far_a[0] - shared[0]) * (far_b[0] - shared[0]) + (far_a[1] - shared[1]) * (
                    far_b[1] - shared[1]
                )
                if _collinear(far_a, shared, far_b) and dot > 0:
                    return True
                continue
            if segments_intersect(a1, a2, b1, b2):
                return True
    return False


grid_outlines = st.integers(2, 6).flatmap(
    lambda size: st.lists(
        st.tuples(st.integers(0, size), st.integers(0, size)).map(
            lambda p: (p[0] / size, p[1] / size)
        ),
        min_size=3,
        max_size=10,
    )
)
free_outlines = st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=3, max_size=12)


@settings(max_examples=600)
@given(grid_outlines)
def test_the_sweep_agrees_with_every_pair_on_grid_corners(points: list[Point]) -> None:
    assert (first_crossing(points) is not None) == every_pair(points)


@settings(max_examples=500)
@given(free_outlines)
def test_the_sweep_agrees_with_every_pair_anywhere(points: list[Point]) -> None:
    assert (first_crossing(points) is not None) == every_pair(points)


@given(grid_outlines)
def test_a_reported_pair_really_meets(points: list[Point]) -> None:
    found = first_crossing(points)
    if found is not None:
        i, j = found
        n = len(points)
        assert 0 <= i < j < n
        grid = on_grid(points)
        a1, a2, b1, b2 = grid[i], grid[(i + 1) % n], grid[j], grid[(j + 1) % n]
        assert segments_intersect(a1, a2, b1, b2)


@settings(max_examples=40)
@given(st.integers(3, 500), st.floats(0.0, 2 * math.pi))
def test_a_regular_outline_of_any_size_is_simple(corners: int, turn: float) -> None:
    points = [
        (
            0.5 + 0.4 * math.cos(turn + 2 * math.pi * i / corners),
            0.5 + 0.4 * math.sin(turn + 2 * math.pi * i / corners),
        )
        for i in range(corners)
    ]
    assert first_crossing(points) is None
    # Cut in with a spike through the middle: crossing or not, the sweep says as every pair does.
    bow = [*points[: corners // 2], (0.5, 0.5), (0.99, 0.5), *points[corners // 2 :]]
    assert (first_crossing(bow) is not None) == every_pair(bow)


def test_corners_a_subnormal_apart_count_as_one() -> None:
    """Found by Hypothesis: two corners 4e-111 apart once made the sweep and every pair differ."""
    points = [(4.1e-111, 0.0), (1.4e-296, 0.0), (0.0, 1.0), (1.0, 0.0)]
    assert first_crossing(points) is not None
    assert every_pair(points)
