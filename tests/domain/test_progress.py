"""Progress: scores of dated maps, the course the day falls in, and sessions per zone."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.progress import (
    ScorePoint,
    ZoneCount,
    course_start,
    map_on,
    score_series,
    sessions_per_zone,
)
from scalpzone.domain.scores import coverage_scores
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState

DAY = date(2026, 11, 23)
SQUARE = ((0.45, 0.30), (0.55, 0.30), (0.55, 0.50), (0.45, 0.50))


@dataclass(frozen=True)
class State:
    zone_id: str
    state: ZoneState
    severity: int = 1


@dataclass(frozen=True)
class Snapshot:
    day: date
    zones: tuple[State, ...]


def marked(scalp_map: ScalpMap, state: ZoneState, *zone_ids: str, severity: int = 1) -> ScalpMap:
    for zone_id in zone_ids:
        scalp_map = scalp_map.with_zone(
            replace(scalp_map.zone(zone_id), state=state, severity=severity)
        )
    return scalp_map


def snapshot_of(scalp_map: ScalpMap, day: date) -> Snapshot:
    return Snapshot(day, tuple(State(z.id, z.state, z.severity) for z in scalp_map.zones))


def test_a_snapshot_is_drawn_with_todays_outlines_and_later_zones_count_as_healthy() -> None:
    then = marked(ScalpMap(), ZoneState.BALD, "crown")
    now = marked(ScalpMap(), ZoneState.THINNING, "crown", severity=3).with_zone(
        Zone("custom-1", ZoneState.THINNING, name="Part line", polygon=SQUARE)
    )
    rebuilt = map_on(snapshot_of(then, DAY), now)
    assert rebuilt.zone("crown").state is ZoneState.BALD
    assert rebuilt.zone("custom-1").state is ZoneState.HEALTHY
    assert rebuilt.zone("custom-1").polygon == SQUARE
    assert [z.id for z in rebuilt.zones] == [z.id for z in now.zones]


def test_a_drawn_zone_removed_since_is_left_out_of_the_old_map() -> None:
    then = ScalpMap().with_zone(Zone("custom-2", ZoneState.BALD, name="Gone", polygon=SQUARE))
    rebuilt = map_on(snapshot_of(then, DAY), ScalpMap())
    assert "custom-2" not in rebuilt
    assert coverage_scores(rebuilt).bald == 0


def test_the_series_holds_each_dated_maps_scores_oldest_first() -> None:
    start = marked(ScalpMap(), ZoneState.THINNING, "crown", "midscalp_left")
    later = marked(start, ZoneState.BALD, "crown")
    latest = marked(later, ZoneState.HEALTHY, "midscalp_left")
    snapshots = [
        snapshot_of(latest, DAY),
        snapshot_of(start, DAY - timedelta(days=28)),
        snapshot_of(later, DAY - timedelta(days=14)),
    ]
    series = score_series(snapshots, latest)
    assert [p.day for p in series] == [DAY - timedelta(days=28), DAY - timedelta(days=14), DAY]
    for point, scalp_map in zip(series, (start, later, latest), strict=True):
        scores = coverage_scores(scalp_map)
        assert point == ScorePoint(point.day, scores.bald, scores.thinning)
    assert series[0].bald == 0 < series[0].thinning
    assert series[1].bald > 0 and series[1].thinning < series[0].thinning
    assert series[2].thinning == 0


def test_no_snapshots_no_points() -> None:
    assert score_series([], ScalpMap()) == ()


def done(day: date, *zones: str, status: SessionStatus = SessionStatus.DONE) -> HistoryEntry:
    return HistoryEntry(day, zones, 1.0, status)


def test_no_course_before_the_first_session_done() -> None:
    assert course_start([], DAY) is None
    assert (
        course_start([done(DAY - timedelta(days=3), "crown", status=SessionStatus.SKIPPED)], DAY)
        is None
    )
    assert course_start([done(DAY + timedelta(days=1), "crown")], DAY) is None


@pytest.mark.parametrize(
    ("days_since_first", "course_days_ago"),
    [(0, 0), (10, 10), (83, 83), (84, 0), (90, 6), (170, 2)],
)
def test_courses_of_12_weeks_follow_each_other_from_the_first_session(
    days_since_first: int, course_days_ago: int
) -> None:
    first = DAY - timedelta(days=days_since_first)
    history = [done(first, "crown"), done(DAY, "crown")]
    assert course_start(history, DAY) == DAY - timedelta(days=course_days_ago)


def test_sessions_per_zone_counts_done_sessions_in_the_course_only() -> None:
    scalp_map = marked(ScalpMap(), ZoneState.THINNING, "crown", "midscalp_left", "occipital")
    since = DAY - timedelta(days=20)
    history = [
        done(since - timedelta(days=1), "crown"),  # before the course
        done(since, "crown", "midscalp_left"),
        done(since + timedelta(days=3), "crown", status=SessionStatus.SKIPPED),
        done(since + timedelta(days=7), "crown", "crown"),  # named twice: one session
        done(since + timedelta(days=10), "temple_left"),  # rolled then, healthy now
        done(DAY + timedelta(days=2), "midscalp_left"),  # in the future
    ]
    counts = sessions_per_zone(history, scalp_map, since, DAY)
    by_id = {c.zone_id: c.sessions for c in counts}
    assert by_id == {"temple_left": 1, "midscalp_left": 1, "crown": 2, "occipital": 0}
    order = [z.id for z in scalp_map.zones if z.id in by_id]
    assert [c.zone_id for c in counts] == order


def test_before_any_session_the_thinning_zones_show_with_zero() -> None:
    scalp_map = marked(ScalpMap(), ZoneState.THINNING, "crown")
    assert sessions_per_zone([], scalp_map, None, DAY) == (
        ZoneCount("crown", scalp_map.zone("crown").display_name, 0),
    )


def test_a_zone_no_longer_on_the_map_still_counts() -> None:
    history = [done(DAY, "custom-7")]
    assert sessions_per_zone(history, ScalpMap(), DAY, DAY) == (
        ZoneCount("custom-7", "custom-7", 1),
    )
