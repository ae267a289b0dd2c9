"""The plan as a calendar (.ics) and the plan and the log as CSV."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from scalpzone.domain.guidance import DISCLAIMER, SHORT_STEPS
from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.photo_reminders import PHOTO_REMINDER
from scalpzone.domain.plan import Plan
from scalpzone.domain.rules import millimetres
from scalpzone.domain.settings import Settings
from scalpzone.domain.zones import ScalpMap

REMINDER_MINUTES = 30
PRODUCT_ID = "-//ScalpZone//ScalpZone plan//EN"
#: SEQUENCE counts seconds from here, so every export outranks the ones before it.
SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
#: A previous calendar larger than this, or with more events, is not read for dropped sessions.
MAX_PREVIOUS_BYTES = 8 * 1024 * 1024
MAX_PREVIOUS_EVENTS = 5000
#: What a spreadsheet would take as the start of a formula (OWASP's CSV-injection list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _owner_key(owner: str) -> str:
    return hashlib.sha256(owner.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def session_uid(owner: str, day: str) -> str:
    """The same session day of the same person always gets the same UID, so a re-import updates it."""
    return f"{day}-{_owner_key(owner)}@scalpzone.org"


def plan_to_ics(
    plan: Plan,
    scalp_map: ScalpMap,
    settings: Settings,
    owner: str,
    stamp: datetime | None = None,
    previous: bytes | None = None,
    photo_days: frozenset[date] = frozenset(),
) -> bytes:
    """One event per session at the session time, zones in the description, a reminder before.

    Times are floating (no time zone): a session at 20:00 stays at 20:00 wherever you are.
    `owner` (the profile's name or id) keeps UIDs stable across exports. `previous` is the
    calendar this export replaces, if any: its sessions on days of this plan that no longer
    have one come back as cancelled events, so a calendar app drops them (docs/week.md).
    Sessions on `photo_days` carry the progress-photo reminder in their title and description.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "ScalpZone")
    created = (stamp or datetime.now(UTC)).replace(microsecond=0)
    sequence = max(0, int((created - SEQUENCE_EPOCH).total_seconds()))
    planned: set[str] = set()
    for session in plan.sessions:
        start = datetime.combine(session.date, settings.session_time)
        names = [scalp_map.zone(z).display_name for z in session.zones]
        title = "Derma rolling: " + ", ".join(names)
        if session.patch_test:
            title = "Patch test: " + names[0]
        lines = [f"Areas, in this order: {', '.join(names)}."]
        lines.append(
            f"Needle {millimetres(session.needle_mm)} mm, about {session.minutes} minutes."
        )
        if session.patch_test:
            lines.append("Patch test: this area only; wait 48 hours and check the skin.")
        if session.date in photo_days:
            title += " (progress photos first)"
            lines.append(PHOTO_REMINDER)
        lines += ["", SHORT_STEPS, "", DISCLAIMER]
        event = Event()
        uid = session_uid(owner, session.date.isoformat())
        planned.add(uid)
        event.add("uid", uid)
        event.add("dtstamp", created)
        event.add("sequence", sequence)
        event.add("status", "CONFIRMED")
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=session.minutes))
        event.add("summary", title)
        event.add("description", "\n".join(lines))
        event.add("categories", ["ScalpZone"])
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", timedelta(minutes=-REMINDER_MINUTES))
        event.add_component(alarm)
        calendar.add_component(event)
    for uid, start, summary in _previous_sessions(previous, owner, plan.start, plan.end):
        if uid in planned:
            continue
        planned.add(uid)
        cancelled = Event()
        cancelled.add("uid", uid)
        cancelled.add("dtstamp", created)
        cancelled.add("sequence", sequence)
        cancelled.add("status", "CANCELLED")
        cancelled.add("dtstart", start)
        cancelled.add("summary", summary)
        cancelled.add("description", "This session moved: see the other ScalpZone events.")
        calendar.add_component(cancelled)
    data: bytes = calendar.to_ical()
    return data


def _previous_sessions(
    previous: bytes | None, owner: str, first: date, last: date
) -> Iterator[tuple[str, datetime, str]]:
    """UID, start and title of the owner's sessions from first to last in an earlier export.

    Anything that is not a ScalpZone calendar of this owner is ignored, never an error: the
    export goes ahead without cancelling anything.
    """
    if not previous:
        return
    try:
        old = Calendar.from_ical(previous)
    except (ValueError, KeyError, IndexError, TypeError):
        return
    if str(old.get("prodid", "")) != PRODUCT_ID:
        return
    ours = f"-{_owner_key(owner)}@scalpzone.org"
    events = list(old.walk("VEVENT"))[:MAX_PREVIOUS_EVENTS]
    for event in events:
        uid = str(event.get("uid", ""))
        try:
            start = event.decoded("dtstart")
        except (KeyError, ValueError, TypeError):
            continue
        if not uid.endswith(ours) or not isinstance(start, datetime):
            continue
        if first <= start.date() <= last:
            yield uid, start, str(event.get("summary", "ScalpZone session"))


def _cells(row: Sequence[object]) -> list[object]:
    """The row with text that a spreadsheet would run as a formula made plain text ('=… )."""
    return [f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v for v in row]


def plan_to_csv(plan: Plan, scalp_map: ScalpMap) -> str:
    """One row per session: ISO date, weekday, zone ids and names in rolling order, minutes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: a CR in a note is quoted too
    writer.writerow(
        ["date", "weekday", "zones", "zone_names", "minutes", "needle_mm", "patch_test"]
    )
    for s in plan.sessions:
        writer.writerow(
            _cells(
                [
                    s.date.isoformat(),
                    f"{s.date:%a}",
                    " ".join(s.zones),
                    "; ".join(scalp_map.zone(z).display_name for z in s.zones),
                    s.minutes,
                    s.needle_mm,
                    "yes" if s.patch_test else "no",
                ]
            )
        )
    return out.getvalue()


def log_to_csv(history: Sequence[HistoryEntry], scalp_map: ScalpMap) -> str:
    """The session log, oldest first: ISO date, status, zones, needle and note."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180: a CR in a note is quoted too
    writer.writerow(["date", "status", "zones", "zone_names", "needle_mm", "note"])
    for e in sorted(history, key=lambda entry: entry.date):
        names = "; ".join(scalp_map.zone(z).display_name if z in scalp_map else z for z in e.zones)
        writer.writerow(
            _cells(
                [e.date.isoformat(), e.status.value, " ".join(e.zones), names, e.needle_mm, e.note]
            )
        )
    return out.getvalue()
