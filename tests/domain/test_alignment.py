"""Two-point alignment: the second photo's marks land on the first's, for any marks far enough apart."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scalpzone.domain.alignment import MIN_MARK_DISTANCE, alignment, marks_problem
from scalpzone.domain.photos import Alignment

coords = st.floats(-5000, 5000, allow_nan=False)
points = st.tuples(coords, coords)


def far(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return math.hypot(b[0] - a[0], b[1] - a[1]) >= MIN_MARK_DISTANCE


@given(points, points, points, points)
def test_the_second_marks_land_on_the_first(
    a1: tuple[float, float],
    a2: tuple[float, float],
    b1: tuple[float, float],
    b2: tuple[float, float],
) -> None:
    assume(far(a1, a2) and far(b1, b2))
    move = alignment(Alignment((a1, a2), (b1, b2)))
    for source, target in ((b1, a1), (b2, a2)):
        x, y = move.apply(source)
        assert math.isclose(x, target[0], abs_tol=1e-6 * (1 + abs(target[0]) + move.scale * 5000))
        assert math.isclose(y, target[1], abs_tol=1e-6 * (1 + abs(target[1]) + move.scale * 5000))


def test_the_same_marks_need_no_move() -> None:
    move = alignment(Alignment(((10, 10), (110, 10)), ((10, 10), (110, 10))))
    assert move.scale == pytest.approx(1) and move.angle == pytest.approx(0)
    assert move.apply((50, 70)) == pytest.approx((50, 70))


def test_marks_on_one_spot_are_refused_with_the_distance_and_the_limit() -> None:
    problem = marks_problem(((10, 10), (11, 10)))
    assert problem is not None and "1.0 px apart" in problem and "at least 4 px" in problem
    with pytest.raises(ValueError, match=r"1\.0 px apart"):
        alignment(Alignment(((10, 10), (11, 10)), ((0, 0), (100, 0))))
