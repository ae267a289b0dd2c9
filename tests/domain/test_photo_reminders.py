"""Photo reminders: at most one per 4 weeks, on a session, and every 4-week span with a session has one."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from scalpzone.domain.photo_reminders import PHOTO_EVERY, photo_days

days = st.dates(date(2026, 1, 1), date(2026, 12, 31))


@given(st.lists(days, max_size=40), st.lists(days, max_size=40))
def test_one_reminder_per_four_weeks_on_a_session(done: list[date], planned: list[date]) -> None:
    reminded = photo_days(done, planned)
    sessions = set(done) | set(planned)
    assert reminded <= sessions
    if not sessions:
        assert not reminded
        return
    anchor = min(done) if done else min(planned)
    assert all(d >= anchor for d in reminded)
    for k in range(60):
        start = anchor + k * PHOTO_EVERY
        span = [d for d in sessions if start <= d < start + PHOTO_EVERY]
        marked = [d for d in reminded if start <= d < start + PHOTO_EVERY]
        assert len(marked) == (1 if span else 0)
        if span:
            assert marked == [min(span)]


def test_the_first_session_done_starts_the_count() -> None:
    first = date(2026, 9, 7)
    planned = [first + timedelta(days=2 * i) for i in range(1, 50)]
    reminded = sorted(photo_days([first], planned))
    assert reminded[:3] == [first, date(2026, 10, 5), date(2026, 11, 2)]
