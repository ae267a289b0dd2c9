"""The plan as a calendar (.ics) and the plan and the log as CSV."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from scalpzone.domain.guidance import DISCLAIMER, SHORT_STEPS
from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.plan import Plan
from scalpzone.domain.rules import millimetres
from scalpzone.domain.settings import Settings
from scalpzone.domain.zones import ScalpMap

REMINDER_MINUTES = 30
PRODUCT_ID = "-//ScalpZone//ScalpZone plan//EN"


def session_uid(owner: str, day: str) -> str:
    """The same session day of the same person always gets the same UID, so a re-import updates it."""
    key = hashlib.sha256(owner.encode("utf-8")).hexdigest()[:16]
    return f"{day}-{key}@scalpzone.org"


def plan_to_ics(
    plan: Plan,
    scalp_map: ScalpMap,
    settings: Settings,
    owner: str,
    stamp: datetime | None = None,
) -> bytes:
    """One event per session at the session time, zones in the description, a reminder before.

    Times are floating (no time zone): a session at 20:00 stays at 20:00 wherever you are.
    `owner` (the profile's name or id) keeps UIDs stable across exports.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "ScalpZone")
    created = (stamp or datetime.now(UTC)).replace(microsecond=0)
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
        lines += ["", SHORT_STEPS, "", DISCLAIMER]
        event = Event()
        event.add("uid", session_uid(owner, session.date.isoformat()))
        event.add("dtstamp", created)
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
    data: bytes = calendar.to_ical()
    return data


def plan_to_csv(plan: Plan, scalp_map: ScalpMap) -> str:
    """One row per session: ISO date, weekday, zone ids and names in rolling order, minutes."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["date", "weekday", "zones", "zone_names", "minutes", "needle_mm", "patch_test"]
    )
    for s in plan.sessions:
        writer.writerow(
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
    return out.getvalue()


def log_to_csv(history: Sequence[HistoryEntry], scalp_map: ScalpMap) -> str:
    """The session log, oldest first: ISO date, status, zones, needle and note."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "status", "zones", "zone_names", "needle_mm", "note"])
    for e in sorted(history, key=lambda entry: entry.date):
        names = "; ".join(scalp_map.zone(z).display_name if z in scalp_map else z for z in e.zones)
        writer.writerow(
            [e.date.isoformat(), e.status.value, " ".join(e.zones), names, e.needle_mm, e.note]
        )
    return out.getvalue()
