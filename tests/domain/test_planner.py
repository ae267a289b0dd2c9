"""The planner on hand-made cases a person would recognise."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.mapfile import read_map_file
from scalpzone.domain.plan import PlanStatus, RejectReason, WarningCode
from scalpzone.domain.planner import make_plan, session_gap
from scalpzone.domain.settings import ALL_DAYS, Contraindication, Health, Settings, Weekday
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"
MONDAY = date(2026, 11, 23)


def _map(**states: ZoneState) -> ScalpMap:
    scalp_map = ScalpMap()
    for zone_id, state in states.items():
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(zone_id), state=state))
    return scalp_map


def _done(day: date, *zones: str) -> HistoryEntry:
    return HistoryEntry(day, zones, 1.0, SessionStatus.DONE)


T = ZoneState.THINNING


def test_the_spec_example_week() -> None:
    doc = read_map_file(EXAMPLE)
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, MONDAY, 1)
    assert plan.status is PlanStatus.OK
    assert [(s.date, set(s.zones)) for s in plan.sessions] == [
        (MONDAY, {"custom-1", "crown"}),
        (date(2026, 11, 27), {"temple_left", "crown", "custom-1"}),
    ]
    rejected = {r.zone: r for r in plan.rejected}
    assert rejected["hairline_center"].reason is RejectReason.BALD
    assert rejected["temple_left"].reason is RejectReason.BLOCKED
    assert rejected["temple_left"].until == date(2026, 11, 25)
    assert rejected["occipital"].reason is RejectReason.HEALTHY
    assert not any(s.patch_test for s in plan.sessions)
    assert [w.code for w in plan.warnings] == [WarningCode.NEEDLE_ADVICE]


def test_three_sessions_a_week_on_any_day_fall_every_other_day() -> None:
    scalp_map = _map(crown=T, midscalp_center=T, midscalp_left=T, midscalp_right=T, front_center=T)
    settings = Settings(needle_mm=0.5, session_minutes=4)
    plan = make_plan(
        scalp_map, settings, Health(), [_done(MONDAY - timedelta(days=3), "crown")], MONDAY, 2
    )
    offsets = [(s.date - MONDAY).days for s in plan.sessions]
    assert offsets == [0, 2, 4, 7, 9, 11]
    assert session_gap(settings, MONDAY) == 2


def test_two_neighbouring_allowed_days_are_both_used_rather_than_losing_a_session() -> None:
    settings = Settings(
        needle_mm=0.5, session_days=frozenset({Weekday.MON, Weekday.TUE}), session_minutes=5
    )
    scalp_map = _map(crown=T, occipital=T, parietal_left=T, parietal_right=T)
    plan = make_plan(
        scalp_map, settings, Health(), [_done(MONDAY - timedelta(days=7), "crown")], MONDAY, 1
    )
    assert [s.date.weekday() for s in plan.sessions] == [0, 1]


def test_a_first_plan_opens_with_a_patch_test_and_waits_two_days() -> None:
    plan = make_plan(_map(crown=T, occipital=T), Settings(needle_mm=0.5), Health(), [], MONDAY, 1)
    first, second = plan.sessions[:2]
    assert first.patch_test and len(first.zones) == 1
    assert (second.date - first.date).days >= 2
    assert plan.warnings[0].code is WarningCode.PATCH_TEST
    assert "48 hours" in plan.warnings[0].message


def test_skipped_sessions_are_not_treatments() -> None:
    skipped = HistoryEntry(MONDAY - timedelta(days=1), ("crown",), 1.0, SessionStatus.SKIPPED)
    plan = make_plan(_map(crown=T), Settings(), Health(), [skipped], MONDAY, 1)
    assert plan.sessions[0].patch_test


def test_bald_only_map_is_empty_and_says_why() -> None:
    plan = make_plan(_map(crown=ZoneState.BALD), Settings(), Health(), [], MONDAY, 1)
    assert plan.status is PlanStatus.EMPTY
    assert plan.sessions == ()
    assert "does not bring back hair" in plan.message


def test_a_ticked_contraindication_holds_the_plan() -> None:
    health = Health(frozenset({Contraindication.SUNBURN}))
    plan = make_plan(_map(crown=T), Settings(), health, [], MONDAY, 2)
    assert plan.status is PlanStatus.HOLD
    assert plan.sessions == ()
    assert "sunburnt scalp" in plan.message


def test_a_blocked_zone_waits_until_the_day_after_its_date() -> None:
    scalp_map = _map(crown=T)
    scalp_map = scalp_map.with_zone(
        replace(scalp_map.zone("crown"), blocked_until=MONDAY + timedelta(days=2))
    )
    plan = make_plan(
        scalp_map,
        Settings(needle_mm=0.5),
        Health(),
        [_done(MONDAY - timedelta(days=9), "crown")],
        MONDAY,
        1,
    )
    assert plan.sessions[0].date == MONDAY + timedelta(days=3)


def test_needle_advice_only_from_one_millimetre() -> None:
    history = [_done(MONDAY - timedelta(days=9), "crown")]
    short = make_plan(_map(crown=T), Settings(needle_mm=0.75), Health(), history, MONDAY, 1)
    long = make_plan(_map(crown=T), Settings(needle_mm=1.0), Health(), history, MONDAY, 1)
    assert WarningCode.NEEDLE_ADVICE not in {w.code for w in short.warnings}
    assert WarningCode.NEEDLE_ADVICE in {w.code for w in long.warnings}


def _many_custom_zones(count: int) -> ScalpMap:
    scalp_map = ScalpMap()
    for n in range(count):
        x = 0.3 + (n % 10) * 0.04
        y = 0.3 + (n // 10) * 0.08
        square = ((x, y), (x + 0.03, y), (x + 0.03, y + 0.06), (x, y + 0.06))
        scalp_map = scalp_map.with_zone(
            Zone(f"custom-{n + 1}", T, name=f"Patch {n + 1}", polygon=square)
        )
    return scalp_map


def test_too_many_zones_for_the_settings_get_a_coverage_warning_naming_them() -> None:
    settings = Settings(needle_mm=0.5, sessions_per_week=1, session_minutes=5)
    plan = make_plan(_many_custom_zones(30), settings, Health(), [], MONDAY, 4)
    (coverage,) = [w for w in plan.warnings if w.code is WarningCode.COVERAGE]
    assert "custom-30" in coverage.zones
    assert "Patch 30" in coverage.message
    assert "sessions every two weeks" in coverage.message


def test_a_zone_longer_than_the_session_gets_its_own_session_and_a_warning() -> None:
    big = Zone(
        "custom-1", T, name="Whole top", polygon=((0.2, 0.2), (0.8, 0.2), (0.8, 0.7), (0.2, 0.7))
    )
    scalp_map = ScalpMap().with_zone(big)
    plan = make_plan(
        scalp_map,
        Settings(session_minutes=5),
        Health(),
        [_done(MONDAY - timedelta(days=9), "crown")],
        MONDAY,
        1,
    )
    assert plan.sessions[0].zones == ("custom-1",)
    assert plan.sessions[0].minutes > 5
    assert any(
        w.code is WarningCode.ZONE_OVER_BUDGET and w.zones == ("custom-1",) for w in plan.warnings
    )


def test_the_roller_is_to_be_replaced_when_it_reaches_its_uses() -> None:
    settings = Settings(needle_mm=0.5, roller_max_uses=2)
    scalp_map = _map(crown=T, occipital=T, front_center=T)
    plan = make_plan(
        scalp_map,
        settings,
        Health(),
        [_done(MONDAY - timedelta(days=5), "crown")],
        MONDAY,
        1,
        roller_uses=1,
    )
    (roller,) = [w for w in plan.warnings if w.code is WarningCode.ROLLER_REPLACE]
    assert plan.sessions[1].date.isoformat() in roller.message


def test_week_twelve_brings_a_course_review() -> None:
    first = MONDAY - timedelta(weeks=12) + timedelta(days=3)
    history = [_done(first, "crown")]
    plan = make_plan(_map(crown=T), Settings(needle_mm=0.5), Health(), history, MONDAY, 1)
    (review,) = [w for w in plan.warnings if w.code is WarningCode.COURSE_REVIEW]
    assert (first + timedelta(weeks=12)).isoformat() in review.message


def test_every_day_allowed_is_the_default() -> None:
    assert Settings().session_days == ALL_DAYS
