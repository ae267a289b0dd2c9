"""Calendar and CSV exports, read back with their own parsers."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar

from scalpzone.domain.exports import log_to_csv, plan_to_csv, plan_to_ics
from scalpzone.domain.mapfile import read_map_file
from scalpzone.domain.planner import make_plan

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"
MONDAY = date(2026, 11, 23)


def _plan(weeks: int = 3):  # type: ignore[no-untyped-def]
    doc = read_map_file(EXAMPLE)
    return doc, make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, MONDAY, weeks)


def test_one_event_per_session_at_the_session_time_with_a_reminder() -> None:
    doc, plan = _plan()
    parsed = Calendar.from_ical(plan_to_ics(plan, doc.scalp_map, doc.settings, "Alex"))
    events = list(parsed.walk("VEVENT"))
    assert len(events) == len(plan.sessions) > 3
    for event, session in zip(events, plan.sessions, strict=True):
        start = event.decoded("dtstart")
        assert start == datetime.combine(session.date, time(20, 0))
        assert event.decoded("dtend") - start == timedelta(minutes=session.minutes)
        assert "Crown" in str(event.get("description"))
        (alarm,) = list(event.walk("VALARM"))
        assert alarm.decoded("trigger") == timedelta(minutes=-30)
        assert str(alarm.get("action")) == "DISPLAY"


def test_uids_are_stable_across_exports_and_differ_between_people() -> None:
    doc, plan = _plan()
    first = plan_to_ics(plan, doc.scalp_map, doc.settings, "Alex", datetime(2026, 1, 1, tzinfo=UTC))
    again = plan_to_ics(plan, doc.scalp_map, doc.settings, "Alex", datetime(2026, 2, 2, tzinfo=UTC))
    other = plan_to_ics(plan, doc.scalp_map, doc.settings, "Sam", datetime(2026, 1, 1, tzinfo=UTC))

    def uids(data: bytes) -> list[str]:
        return [str(e.get("uid")) for e in Calendar.from_ical(data).walk("VEVENT")]

    assert uids(first) == uids(again)
    assert len(set(uids(first))) == len(uids(first))
    assert not set(uids(first)) & set(uids(other))


def test_plan_and_log_csv_use_iso_dates_and_read_back() -> None:
    doc, plan = _plan()
    rows = list(csv.DictReader(io.StringIO(plan_to_csv(plan, doc.scalp_map))))
    assert [r["date"] for r in rows] == [s.date.isoformat() for s in plan.sessions]
    assert rows[0]["zone_names"] == "Part line; Crown"
    log = list(csv.DictReader(io.StringIO(log_to_csv(doc.history, doc.scalp_map))))
    assert [(r["date"], r["status"]) for r in log] == [
        ("2026-11-16", "done"),
        ("2026-11-18", "skipped"),
    ]
