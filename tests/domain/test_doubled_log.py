"""A doubled log entry: every `done` entry counts against an area's weekly cap (docs/planner.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.planner import make_plan
from scalpzone.domain.settings import Health, Settings
from scalpzone.domain.zones import ScalpMap, ZoneState
from tests.domain.strategies import histories, plan_settings, scalp_maps, starts


@st.composite
def doubled(draw: st.DrawFn, history: tuple[HistoryEntry, ...]) -> tuple[HistoryEntry, ...]:
    """The log with some entries typed again, on the same day, for some of the same areas."""
    out = list(history)
    for entry in history:
        for _ in range(draw(st.integers(0, 2))):
            zones = draw(st.lists(st.sampled_from(entry.zones), min_size=1, unique=True))
            out.insert(draw(st.integers(0, len(out))), replace(entry, zones=tuple(zones)))
    return tuple(out)


@st.composite
def doubled_cases(draw: st.DrawFn) -> tuple[ScalpMap, Settings, tuple[HistoryEntry, ...], date]:
    start = draw(starts)
    scalp_map = draw(scalp_maps(start))
    history = draw(doubled(draw(histories(scalp_map, start))))
    return scalp_map, draw(plan_settings()), history, start


def _treatments(
    history: tuple[HistoryEntry, ...], sessions: list[date], zone_id: str, start: date
) -> list[date]:
    """Every treatment of the zone: each `done` entry before `start`, then the plan's."""
    done = [e.date for e in history if e.is_treatment and e.date < start and zone_id in e.zones]
    return sorted(done) + sessions


@given(doubled_cases(), st.sampled_from([1, 2, 4]))
def test_no_seven_days_hold_more_treatments_than_the_cap_counting_every_done_entry(
    case: tuple[ScalpMap, Settings, tuple[HistoryEntry, ...], date], weeks: int
) -> None:
    scalp_map, settings, history, start = case
    plan = make_plan(scalp_map, settings, Health(), history, start, weeks)
    cap = settings.max_per_week
    for zone in scalp_map.by_state(ZoneState.THINNING):
        planned = [s.date for s in plan.sessions if zone.id in s.zones]
        every = _treatments(history, planned, zone.id, start)
        for day in planned:
            # The 7 days ending on each planned treatment hold at most `cap` treatments; any
            # 7 days holding a planned treatment lie within such a window ending on its last one.
            window = [d for d in every if day - timedelta(days=6) <= d <= day]
            assert len(window) <= cap, (zone.id, day, window)


def test_the_same_area_logged_twice_on_one_day_counts_twice() -> None:
    start = date(2026, 11, 26)  # a Thursday
    crown = replace(ScalpMap().zone("crown"), state=ZoneState.THINNING)
    scalp_map = ScalpMap().with_zone(crown)
    settings = Settings(needle_mm=1.0)  # at most 2 a week, 72 h apart
    monday = date(2026, 11, 23)
    once = (HistoryEntry(monday, ("crown",), 1.0, SessionStatus.DONE),)
    twice = once * 2
    first_once = make_plan(scalp_map, settings, Health(), once, start, 1).sessions[0].date
    first_twice = make_plan(scalp_map, settings, Health(), twice, start, 1).sessions[0].date
    assert first_once == start  # 72 h after Monday, and the second of the week
    assert first_twice == monday + timedelta(days=7)  # Monday already used the week's two
