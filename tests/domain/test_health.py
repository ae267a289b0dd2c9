"""When the health checklist is due again."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from scalpzone.domain.health import health_reconfirm_due, health_reconfirm_on
from scalpzone.domain.rules import COURSE_WEEKS

CONFIRMED = date(2026, 11, 23)


def test_never_confirmed_is_due() -> None:
    assert health_reconfirm_due(None, CONFIRMED)


@pytest.mark.parametrize(
    ("days_later", "due"),
    [(0, False), (1, False), (7 * COURSE_WEEKS - 1, False), (7 * COURSE_WEEKS, True), (400, True)],
)
def test_due_once_a_course_of_12_weeks_has_passed(days_later: int, due: bool) -> None:
    today = CONFIRMED + timedelta(days=days_later)
    assert health_reconfirm_due(CONFIRMED, today) is due


def test_the_due_day_is_twelve_weeks_on() -> None:
    assert COURSE_WEEKS == 12
    assert health_reconfirm_on(CONFIRMED) == date(2027, 2, 15)
