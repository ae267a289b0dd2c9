"""The course report's figures, as properties over random maps, logs and ranges."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scalpzone.domain.course_report import (
    MAX_REPORT_DAYS,
    CourseReport,
    ReportPhoto,
    build_course_report,
    default_range,
    photo_pairs,
    range_problem,
)
from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.settings import Health, Settings
from scalpzone.domain.zones import ScalpMap
from tests.domain.strategies import histories, scalp_maps

START = date(2026, 9, 7)


def report_of(doc: MapDocument, first: date, last: date, today: date) -> CourseReport:
    """The report with no dated maps, rollers or photos."""
    return build_course_report(
        doc,
        profile_name="Alex",
        snapshots=(),
        rollers=(),
        health_confirmed_on=None,
        photos=(),
        first=first,
        last=last,
        today=today,
    )


@st.composite
def documents(draw: st.DrawFn) -> MapDocument:
    scalp_map = draw(scalp_maps(START))
    history = draw(histories(scalp_map, START + timedelta(days=40)))
    return MapDocument(scalp_map, Settings(), Health(), history, "Alex")


@settings(max_examples=60, deadline=None)
@given(doc=documents(), length=st.integers(1, 120), today_shift=st.integers(-30, 150))
def test_done_and_skipped_count_exactly_the_logged_sessions_in_the_range(
    doc: MapDocument, length: int, today_shift: int
) -> None:
    first, last = START, START + timedelta(days=length - 1)
    today = START + timedelta(days=today_shift)
    report = report_of(doc, first, last, today)
    inside = [e for e in doc.history if first <= e.date <= last]
    done = Counter(z for e in inside if e.is_treatment for z in set(e.zones))
    skipped = Counter(z for e in inside if not e.is_treatment for z in set(e.zones))
    assert {a.zone_id: a.done for a in report.areas if a.done} == dict(done)
    assert {a.zone_id: a.skipped for a in report.areas if a.skipped} == dict(skipped)
    assert report.sessions_done == len({e.date for e in inside if e.is_treatment})
    assert all(first <= n.day <= last and n.note for n in report.notes)
    assert len({a.zone_id for a in report.areas}) == len(report.areas)
    assert report.planned_until == min(last, today)
    if today < first:
        assert all(a.planned == 0 for a in report.areas)
    assert sum(n for _mm, n in report.needles) == sum(1 for e in inside if e.is_treatment)


def test_the_default_range_is_the_last_twelve_weeks_with_today() -> None:
    first, last = default_range(date(2026, 11, 30))
    assert last == date(2026, 11, 30)
    assert (last - first).days + 1 == 84


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (date(2026, 9, 7), date(2026, 9, 6), "ends on 2026-09-06, before it starts on 2026-09-07"),
        (
            date(2026, 1, 1),
            date(2026, 1, 1) + timedelta(days=MAX_REPORT_DAYS),
            f"{MAX_REPORT_DAYS + 1} days long; a report covers at most {MAX_REPORT_DAYS} days",
        ),
    ],
)
def test_a_refused_range_names_the_value_and_the_limit(
    first: date, last: date, expected: str
) -> None:
    problem = range_problem(first, last)
    assert problem is not None and expected in problem
    with pytest.raises(ValueError, match=expected):
        report_of(MapDocument(ScalpMap()), first, last, first)


views = st.sampled_from(["front", "top", "crown", "left", "right", "back"])


@given(st.lists(st.tuples(views, st.dates(date(2026, 1, 1), date(2026, 12, 31))), max_size=30))
def test_each_view_pairs_its_first_and_latest_photo(shots: list[tuple[str, date]]) -> None:
    photos = [ReportPhoto(view, view.title(), day, b"") for view, day in shots]
    pairs = photo_pairs(photos)
    assert len(pairs) == len({v for v, _d in shots})
    for pair in pairs:
        days = [d for v, d in shots if v == pair.first.view]
        assert pair.first.day == min(days) and pair.latest.day == max(days)
