"""The printed plan's layout: rows that grow, one number per area, the app's week, a clean footer."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QRectF
from PySide6.QtGui import QColor, QImage, QPageSize, QPainter

from scalpzone.domain.mapfile import read_map_file
from scalpzone.domain.plan import Plan, PlanWarning, WarningCode
from scalpzone.domain.planner import make_plan
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.ui.printing.paper import paper_font as font
from scalpzone.ui.printing.plan_page import Page
from scalpzone.ui.printing.plan_paper import KEEP, MARGIN, ROW_FLOOR, height_of
from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent, write_pdf

pytestmark = pytest.mark.gui

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"
TUESDAY = date(2026, 12, 1)
LONG_NAME = "Part line along the top of the head where the hair parts"
poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.fixture
def locale() -> Iterator[None]:
    """Put the default locale back after a test that changes it."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


def _many_areas() -> SheetContent:
    doc = read_map_file(EXAMPLE)
    scalp_map: ScalpMap = doc.scalp_map
    for zone_id in ("midscalp_left", "midscalp_right", "midscalp_center", "front_center"):
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(zone_id), state=ZoneState.THINNING))
    custom: Zone = scalp_map.zone("custom-1")
    scalp_map = scalp_map.with_zone(replace(custom, name=LONG_NAME))
    settings = replace(doc.settings, session_minutes=30)
    plan = make_plan(scalp_map, settings, doc.health, doc.history, TUESDAY, 3)
    return SheetContent(plan, scalp_map, settings, doc.profile_name, printed_on=TUESDAY)


def _page(content: SheetContent, painter: QPainter, index: int = 0) -> Page:
    sheet = PlanSheet(content)
    week = (index, sheet.page_count, sheet.week_of(index))
    return Page(painter, (595.0, 842.0), content, week, sheet.numbers)


def test_printed_weeks_start_on_the_locales_first_day(locale: None) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    sheet = PlanSheet(_many_areas())
    assert sheet.first_day == date(2026, 11, 30)  # the Monday before the Tuesday start
    assert sheet.page_count == 4  # Mon 30 Nov … Sun 27 Dec holds the three weeks from Tue 1 Dec
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert PlanSheet(_many_areas()).first_day == date(2026, 11, 29)  # a Sunday


def test_an_area_keeps_one_number_and_sessions_list_them_in_order(qapp: object) -> None:
    content = _many_areas()
    sheet = PlanSheet(content)
    numbers = sheet.numbers
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
    image = QImage(595, 842, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        seen: dict[str, set[int]] = {}
        for index in range(sheet.page_count):
            page = _page(content, painter, index)
            for zone_id, number in page.numbers.items():
                seen.setdefault(zone_id, set()).add(number)
            for row in page.rows():
                if not row.session:
                    continue
                shown = [int(item.split(KEEP)[0]) for item in row.cells[1].split(",  ")]
                assert shown == sorted(shown), row.cells[1]
                for item in row.cells[1].split(",  "):
                    number, name = item.split(KEEP)
                    assert " " not in number and name
    finally:
        painter.end()
    assert all(len(numbers_seen) == 1 for numbers_seen in seen.values()), seen


def test_a_row_grows_to_hold_its_longest_cell(qapp: object) -> None:
    content = _many_areas()
    image = QImage(595, 842, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        page = _page(content, painter)
        widths = page.widths()
        rows = page.rows()
        long_rows = [r for r in rows if LONG_NAME.split(maxsplit=1)[0] in r.cells[1]]
        assert long_rows, "the long name is in no session this week"
        for row in rows:
            height = page.row_height(row)
            assert height >= ROW_FLOOR
            for i, cell in enumerate(row.cells):
                assert height_of(cell, page.cell_font(row, i), widths[i] - 8) + 8 <= height + 0.5
        # The long row wraps to at least two lines and its row says so.
        one_line = height_of("x", font(9.5), widths[1])
        assert page.row_height(long_rows[0]) >= 2 * one_line + 8
    finally:
        painter.end()


def _noisy(content: SheetContent) -> SheetContent:
    """The same plan with more notes than a page holds."""
    plan: Plan = content.plan
    note = PlanWarning(
        WarningCode.COVERAGE,
        "Side (left), Side (right), Back of head: not every area can be rolled at least once "
        "every 14 days; the sessions fill up in rotation order before these areas come round. "
        "Allow more session days or longer sessions, or mark fewer areas.",
    )
    return replace(content, plan=replace(plan, warnings=(*plan.warnings, *(note,) * 12)))


@pytest.mark.parametrize("paper", [QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter])
def test_nothing_is_drawn_over_the_footer(qapp: object, paper: QPageSize.PageSizeId) -> None:
    size = QPageSize(paper).size(QPageSize.Unit.Point)
    scale = 3
    image = QImage(
        round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_RGB32
    )
    image.fill(QColor("white"))
    content = _noisy(_many_areas())
    painter = QPainter(image)
    try:
        PlanSheet(content).paint(painter, QRectF(image.rect()), 1)
    finally:
        painter.end()
    # The sheet draws in points of a 595-point-wide page, whatever the paper's width.
    unit = image.width() / 595.0
    footer_top = image.height() / unit - MARGIN - 30
    # The band just above the footer's rule stays blank: no note runs into the footer.
    band = range(round((footer_top - 5) * unit), round((footer_top - 0.8) * unit))
    inked = [
        (x, y)
        for y in band
        for x in range(0, image.width(), 2)
        if image.pixelColor(x, y).lightness() < 200
    ]
    assert not inked, f"{len(inked)} inked pixels just above the footer rule"


@poppler
def test_a4_and_letter_print_every_number_with_its_name_and_the_last_note_whole(
    qapp: object, tmp_path: Path
) -> None:
    content = _noisy(_many_areas())
    for paper in (QPageSize.PageSizeId.A4, QPageSize.PageSizeId.Letter):
        pdf = tmp_path / f"{paper.name}.pdf"
        write_pdf(PlanSheet(content), pdf, QPageSize(paper))
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "more notes for this week: see the Week tab" in text
        assert "Guidance, not medical advice" in text
        numbers = PlanSheet(content).numbers
        crown = numbers["crown"]
        assert f"{crown}\u00a0Crown" in text or f"{crown} Crown" in text
        first = PlanSheet(content).first_day
        assert "Week 1 of 4" in text and f"{first:%a} {first.day} {first:%b} –" in text
