"""When the plan reminds the person to take progress photos: at the start of a course and every
4 weeks after it, on the first session from that day on (photos are taken before rolling, while
the scalp is calm)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

#: A reminder every 4 weeks, counted from the first session done (weeks 0, 4, 8 of a 12-week course).
PHOTO_EVERY = timedelta(weeks=4)


def photo_days(done: Iterable[date], planned: Iterable[date]) -> frozenset[date]:
    """The session days that carry the photo reminder.

    Marks fall every 4 weeks from the first session done (or, with none done yet, from the first
    session planned); each mark's reminder goes on the first session, done or planned, on or
    after it and before the next mark.
    """
    done_days = sorted(set(done))
    days = sorted(set(done_days) | set(planned))
    if not days:
        return frozenset()
    anchor = done_days[0] if done_days else days[0]
    out = set()
    mark = anchor
    index = 0
    while index < len(days):
        while index < len(days) and days[index] < mark:
            index += 1
        if index < len(days) and days[index] < mark + PHOTO_EVERY:
            out.add(days[index])
        mark += PHOTO_EVERY
    return frozenset(out)


#: The reminder's words, in the week and in the calendar event.
PHOTO_REMINDER = (
    "Progress photos before rolling: each view as the capture guide shows (same light, "
    "distance and parting as last time)."
)
