"""Re-exported calendars replace moved sessions; CSV cells never run as spreadsheet formulas."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from scalpzone.domain.exports import FORMULA_STARTS, log_to_csv, plan_to_csv, plan_to_ics
from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.mapfile import MapDocument, read_map_file
from scalpzone.domain.planner import make_plan
from scalpzone.domain.settings import Weekday

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"
MONDAY = date(2026, 11, 23)
FIRST = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)


def _export(doc: MapDocument, stamp: datetime, previous: bytes | None = None) -> bytes:
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, MONDAY, 3)
    return plan_to_ics(plan, doc.scalp_map, doc.settings, "Alex", stamp, previous)


def _moved(doc: MapDocument) -> MapDocument:
    """The same person, now rolling on Tuesdays, Thursdays and Saturdays."""
    days = frozenset({Weekday.TUE, Weekday.THU, Weekday.SAT})
    return replace(doc, settings=replace(doc.settings, session_days=days))


def _events(data: bytes) -> dict[str, tuple[date, str, int]]:
    """UID → (day, status, sequence) for every event, as a calendar app reads them."""
    calendar = Calendar.from_ical(data)
    assert str(calendar.get("method")) == "PUBLISH"
    return {
        str(e.get("uid")): (
            e.decoded("dtstart").date(),
            str(e.get("status")),
            int(e.get("sequence")),
        )
        for e in calendar.walk("VEVENT")
    }


def _apply(app: dict[str, tuple[date, str, int]], data: bytes) -> None:
    """What a calendar app does on import: a newer SEQUENCE of a UID replaces the older one."""
    for uid, event in _events(data).items():
        if uid not in app or event[2] >= app[uid][2]:
            app[uid] = event


def test_sessions_that_moved_are_cancelled_when_exported_over_the_old_calendar() -> None:
    doc = read_map_file(EXAMPLE)
    before = _export(doc, FIRST)
    after = _export(_moved(doc), LATER, previous=before)

    app: dict[str, tuple[date, str, int]] = {}
    _apply(app, before)
    _apply(app, after)
    showing = sorted(day for day, status, _seq in app.values() if status == "CONFIRMED")
    new_days = sorted(day for day, status, _seq in _events(after).values() if status == "CONFIRMED")
    assert showing == new_days  # no old Monday, Wednesday or Friday left behind
    assert {day.weekday() for day in showing} <= {1, 3, 5}
    cancelled = [day for day, status, _seq in _events(after).values() if status == "CANCELLED"]
    assert cancelled and {day.weekday() for day in cancelled} <= {0, 2, 4, 6}


def test_an_export_outranks_the_one_before_and_keeps_the_same_uids() -> None:
    doc = read_map_file(EXAMPLE)
    first, second = _events(_export(doc, FIRST)), _events(_export(doc, LATER))
    assert first.keys() == second.keys()
    assert all(second[uid][2] > first[uid][2] for uid in first)
    assert {status for _day, status, _seq in second.values()} == {"CONFIRMED"}


def test_someone_elses_calendar_cancels_nothing() -> None:
    doc = read_map_file(EXAMPLE)
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, MONDAY, 3)
    sams = plan_to_ics(plan, doc.scalp_map, doc.settings, "Sam", FIRST)
    after = _export(_moved(doc), LATER, previous=sams)
    assert "CANCELLED" not in {status for _d, status, _s in _events(after).values()}


@settings(max_examples=200)
@given(st.binary(max_size=3000))
def test_any_previous_file_is_read_or_ignored_never_an_error(previous: bytes) -> None:
    doc = read_map_file(EXAMPLE)
    assert _events(_export(doc, LATER, previous))


@settings(max_examples=100)
@given(
    st.lists(
        st.sampled_from(
            [
                "BEGIN:VEVENT",
                "END:VEVENT",
                "UID:x",
                "DTSTART:2026",
                "DTSTART:20261124T200000",
                "SEQUENCE:x",
                "BEGIN:VCALENDAR",
                "END:VCALENDAR",
                "PRODID:-//ScalpZone//ScalpZone plan//EN",
                "UID:2026-11-24-0@scalpzone.org",
            ]
        ),
        max_size=12,
    )
)
def test_a_mangled_calendar_of_ours_is_read_or_ignored(lines: list[str]) -> None:
    doc = read_map_file(EXAMPLE)
    assert _events(_export(doc, LATER, "\r\n".join(lines).encode()))


# -- CSV ---------------------------------------------------------------------------------------

FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("text", FORMULAS)
def test_a_note_or_a_name_that_looks_like_a_formula_is_plain_text(text: str) -> None:
    doc = read_map_file(EXAMPLE)
    zone = doc.scalp_map.zone("custom-1")
    scalp_map = doc.scalp_map.with_zone(replace(zone, name=text))
    history = (HistoryEntry(MONDAY, ("custom-1",), 1.0, note=text),)
    log = next(csv.DictReader(io.StringIO(log_to_csv(history, scalp_map))))
    assert log["note"] == "'" + text and log["zone_names"] == "'" + text
    plan = make_plan(scalp_map, doc.settings, doc.health, doc.history, MONDAY, 2)
    rows = list(csv.reader(io.StringIO(plan_to_csv(plan, scalp_map))))
    assert [row[3] for row in rows if text in row[3]]  # the zone is in the plan, by that name
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


def test_ordinary_text_and_numbers_are_left_as_they_are() -> None:
    doc = read_map_file(EXAMPLE)
    history = (HistoryEntry(MONDAY, ("crown",), 1.0, note="felt fine; a bit red"),)
    log = next(csv.DictReader(io.StringIO(log_to_csv(history, doc.scalp_map))))
    assert log["note"] == "felt fine; a bit red" and log["needle_mm"] == "1.0"


@given(st.text(max_size=40))
def test_no_cell_starts_as_a_formula(note: str) -> None:
    doc = read_map_file(EXAMPLE)
    history = (HistoryEntry(MONDAY, ("crown",), 1.0, note=note),)
    rows = list(csv.reader(io.StringIO(log_to_csv(history, doc.scalp_map))))
    assert not [
        cell for row in rows for cell in row if cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    ]
