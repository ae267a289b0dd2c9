"""When the health checklist is due to be gone through again."""

from __future__ import annotations

from datetime import date, timedelta

from scalpzone.domain.rules import COURSE_WEEKS

#: The checklist is confirmed again at every course review.
RECONFIRM_AFTER = timedelta(weeks=COURSE_WEEKS)


def health_reconfirm_on(confirmed_on: date) -> date:
    """The day the checklist confirmed on `confirmed_on` is due again."""
    return confirmed_on + RECONFIRM_AFTER


def health_reconfirm_due(confirmed_on: date | None, today: date) -> bool:
    """Whether to ask for the checklist: never confirmed, or 12 weeks (a course) have passed."""
    return confirmed_on is None or today >= health_reconfirm_on(confirmed_on)
