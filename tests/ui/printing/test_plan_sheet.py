"""The printable plan: one PDF page per week, with every session date and the disclaimer."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage, QPageSize

from scalpzone.domain.history import HistoryEntry, SessionStatus, plan_start
from scalpzone.domain.mapfile import read_map_file
from scalpzone.domain.plan import PlanWarning, WarningCode
from scalpzone.domain.planner import make_plan
from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent, default_page_size, write_pdf

ONE_DAY = timedelta(days=1)
EXAMPLE = Path(__file__).parents[2] / "data" / "spec_example.json"
poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (.ci/run installs it)"
)


def _sheet(weeks: int) -> tuple[PlanSheet, list[date]]:
    doc = read_map_file(EXAMPLE)
    plan = make_plan(
        doc.scalp_map, doc.settings, doc.health, doc.history, date(2026, 11, 23), weeks
    )
    return PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings, doc.profile_name)), [
        s.date for s in plan.sessions
    ]


@pytest.mark.gui
@poppler
def test_three_weeks_print_as_three_pages_with_every_date_and_the_disclaimer(
    qapp: object, tmp_path: Path
) -> None:
    sheet, dates = _sheet(3)
    pdf = tmp_path / "plan.pdf"
    write_pdf(sheet, pdf, QPageSize(QPageSize.PageSizeId.A4))
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           3" in info
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for day in dates:
        assert f"{day:%a} {day.day} {day:%b}" in text
    assert text.count("Guidance, not medical advice") == 3
    assert "Alex" in text and "Crown" in text
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    inked = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).lightness() < 200
    )
    assert inked > 300, "the rendered page is (nearly) blank"


def test_letter_for_us_locales_a4_elsewhere() -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    de = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert default_page_size(us).id() == QPageSize.PageSizeId.Letter
    assert default_page_size(de).id() == QPageSize.PageSizeId.A4


@pytest.mark.gui
@poppler
def test_a_note_prints_in_the_weeks_of_its_days_whatever_its_words(
    qapp: object, tmp_path: Path
) -> None:
    """The week a note belongs to is read from its days, never from dates in its text."""
    doc = read_map_file(EXAMPLE)
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, date(2026, 11, 23), 3)
    second_week = PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings)).week_of(1)
    note = PlanWarning(
        WarningCode.COURSE_REVIEW, "Worded without any date.", days=(second_week + ONE_DAY,)
    )
    plan = replace(plan, warnings=(*plan.warnings, note))
    pdf = tmp_path / "plan.pdf"
    sheet = PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings, doc.profile_name))
    write_pdf(sheet, pdf, QPageSize(QPageSize.PageSizeId.A4))

    def page(number: int) -> str:
        return subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    assert [("Worded without any date." in page(n)) for n in (1, 2, 3)] == [False, True, False]


@pytest.mark.gui
@poppler
def test_a_day_already_logged_prints_as_logged_not_as_a_dash(qapp: object, tmp_path: Path) -> None:
    # Today's session logged: the plan starts tomorrow, and today prints what was done, as the
    # map's list of the coming days says it.
    doc = read_map_file(EXAMPLE)
    today = date(2026, 11, 25)
    done = HistoryEntry(today, ("crown", "temple_left"), 0.5)
    skipped = HistoryEntry(today - ONE_DAY, ("crown",), 0.5, SessionStatus.SKIPPED)
    history = (*doc.history, skipped, done)
    start = plan_start(history, today)
    assert start > today
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, history, start, 1)
    content = SheetContent(plan, doc.scalp_map, doc.settings, doc.profile_name, history=history)
    pdf = tmp_path / "plan.pdf"
    write_pdf(PlanSheet(content), pdf, QPageSize(QPageSize.PageSizeId.A4))
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Done: Crown, Temple (left)" in text
    assert "Skipped: Crown" in text
