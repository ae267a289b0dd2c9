"""The course report chart's grid: whole percentages, the top just above the highest share."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from scalpzone.ui.printing.report_chart import axis_ticks, axis_top


@given(st.floats(min_value=0, max_value=100))
def test_the_grid_is_whole_numbers_from_zero_to_a_top_above_every_share(share: float) -> None:
    top = axis_top(share)
    ticks = axis_ticks(top)
    assert share <= top <= 100
    assert ticks[0] == 0 and ticks[-1] == top
    assert all(value == int(value) for value in ticks)
    assert 2 <= len(ticks) <= 6


def test_a_share_of_21_percent_reads_0_10_20_30() -> None:
    assert axis_ticks(axis_top(21.0)) == [0, 10, 20, 30]
