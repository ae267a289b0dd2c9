"""The app plans from today, or from tomorrow once today's session is logged."""

from __future__ import annotations

from datetime import date

from scalpzone.domain.history import HistoryEntry, SessionStatus, plan_start

SATURDAY = date(2026, 11, 21)


def test_nothing_logged_today_plans_from_today() -> None:
    earlier = HistoryEntry(date(2026, 11, 18), ("crown",), 1.0)
    assert plan_start([earlier], SATURDAY) == SATURDAY
    assert plan_start([], SATURDAY) == SATURDAY


def test_a_session_logged_today_settles_the_day() -> None:
    done = HistoryEntry(SATURDAY, ("crown",), 1.0)
    skipped = HistoryEntry(SATURDAY, ("crown",), 1.0, SessionStatus.SKIPPED)
    assert plan_start([done], SATURDAY) == date(2026, 11, 22)
    assert plan_start([skipped], SATURDAY) == date(2026, 11, 22)


def test_a_session_logged_for_a_later_day_does_not_move_the_start() -> None:
    later = HistoryEntry(date(2026, 11, 23), ("crown",), 1.0)
    assert plan_start([later], SATURDAY) == SATURDAY
