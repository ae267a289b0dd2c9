"""The course report on paper: drawn with the same painter, fonts and map as the weekly plan.

The report is a column of blocks (a heading, a map pair, a table row, a photo pair) laid out on
as many pages as they need: a block never straddles the footer, a heading stays with what follows
it, and every page ends with the disclaimer and "page i of n".
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageSize,
    QPainter,
    QPen,
)

from scalpzone.domain.course_report import CourseReport
from scalpzone.ui.printing.paper import FAINT, INK, draw_footer, draw_text, paper_font
from scalpzone.ui.printing.plan_sheet import MARGIN, default_page_size
from scalpzone.ui.printing.report_blocks import Block, report_blocks
from scalpzone.ui.style.words import long_date

WIDTH = 595.0  # points across a portrait page, as the weekly plan draws it
FOOTER = 44.0  # the disclaimer's band at the bottom of each page
TITLE = "ScalpZone · course report"


@dataclass(frozen=True, slots=True)
class Placed:
    """A block and the y of its top on its page."""

    block: Block
    top: float


class ReportSheet:
    """Paints the course report's pages onto any QPainter device."""

    def __init__(self, report: CourseReport) -> None:
        self._report = report
        self._blocks = report_blocks(report, WIDTH - 2 * MARGIN)

    @property
    def report(self) -> CourseReport:
        """What the sheet shows."""
        return self._report

    def page_count(self, page_size: QPageSize | None = None) -> int:
        """How many pages the report takes on this paper (the locale's by default)."""
        size = (page_size or default_page_size()).size(QPageSize.Unit.Point)
        return len(self._pages(WIDTH * size.height() / size.width()))

    def _pages(self, height: float) -> list[list[Placed]]:
        return lay_out_pages(tuple(self._blocks), height)

    def paint_pages(self, device: QPagedPaintDevice, resolution: int) -> int:
        """Draw every page on a printer or PDF writer; returns the pages drawn (0: none could)."""
        painter = QPainter()
        if not painter.begin(device):
            return 0
        # Photos decode on worker threads (Qt lets go of Python's lock while it decodes).
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            list(pool.map(lambda job: job(), [b.prepare for b in self._blocks if b.prepare]))
        rect = QRectF(device.pageLayout().fullRectPixels(resolution))
        scale = rect.width() / WIDTH
        pages = self._pages(rect.height() / scale)
        try:
            for index, page in enumerate(pages):
                if index:
                    device.newPage()
                painter.save()
                painter.translate(rect.topLeft())
                painter.scale(scale, scale)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                self._paint_page(painter, rect.height() / scale, page, index, len(pages))
                painter.restore()
        finally:
            painter.end()
        return len(pages)

    def _paint_page(
        self, painter: QPainter, height: float, page: list[Placed], index: int, pages: int
    ) -> None:
        left, right = MARGIN, WIDTH - MARGIN
        _header(painter, self._report, left, right, first=index == 0)
        for placed in page:
            placed.block.draw(painter, QPointF(left, placed.top))
        _footer(painter, self._report, left, right, height, f"page {index + 1} of {pages}")


def header_height(first: bool) -> float:
    """The space the page's heading takes under the top margin."""
    return 62.0 if first else 30.0


def lay_out_pages(blocks: tuple[Block, ...], height: float) -> list[list[Placed]]:
    """Blocks placed top to bottom on pages of `height` points, nothing below the footer line."""
    bottom = height - MARGIN - FOOTER
    pages: list[list[Placed]] = [[]]
    y = MARGIN + header_height(first=True)
    for block in blocks:
        if y + block.height > bottom and pages[-1]:
            top = MARGIN + header_height(first=False)
            carried: list[Block] = []
            # A heading (or a run of them) at the foot of a page goes over with its content,
            # unless that would leave the page empty or overfill the next one.
            room = bottom - top - block.height
            page = pages[-1]
            while len(page) > 1 and page[-1].block.keep_with_next and page[-1].block.height <= room:
                room -= page[-1].block.height
                carried.insert(0, page.pop().block)
            pages.append([])
            y = top
            if not carried and block.repeat is not None:
                carried.append(block.repeat)
            for heading in carried:
                pages[-1].append(Placed(heading, y))
                y += heading.height
        pages[-1].append(Placed(block, y))
        y += block.height
    return pages


def _header(
    painter: QPainter, report: CourseReport, left: float, right: float, *, first: bool
) -> None:
    top = MARGIN
    span = f"{long_date(report.first)} – {long_date(report.last)}"
    if first:
        draw_text(painter, QRectF(left, top, 330, 24), TITLE, paper_font(17, bold=True))
        draw_text(
            painter,
            QRectF(right - 200, top + 2, 200, 24),
            report.profile_name,
            paper_font(13, bold=True),
            flags=int(Qt.AlignmentFlag.AlignRight),
        )
        weeks = report.weeks
        length = (
            f"{weeks:g} weeks"
            if weeks == int(weeks)
            else f"{(report.last - report.first).days + 1} days"
        )
        line = f"{span}  ·  {length}  ·  made {long_date(report.printed_on)} from the person's own records"
        draw_text(painter, QRectF(left, top + 28, right - left, 16), line, paper_font(9.5), FAINT)
        rule_y = top + 50
    else:
        line = f"{TITLE}  ·  {report.profile_name}  ·  {span}"
        draw_text(painter, QRectF(left, top, right - left, 16), line, paper_font(9.5), FAINT)
        rule_y = top + 18
    painter.setPen(QPen(INK, 1.2 if first else 0.6))
    painter.drawLine(QPointF(left, rule_y), QPointF(right, rule_y))


def _footer(
    painter: QPainter, report: CourseReport, left: float, right: float, height: float, page: str
) -> None:
    y = height - MARGIN - FOOTER + 10
    draw_footer(painter, left, right, y, f"{report.profile_name} · {page}", 140)


def write_report_pdf(sheet: ReportSheet, path: Path, page_size: QPageSize | None = None) -> int:
    """Write the report as a PDF (needs a QGuiApplication); returns its pages.

    The file appears whole or not at all; FileWriteError says why not (the old file is kept).
    """
    from scalpzone.ui.printing.pdf_file import save_sheet_pdf  # noqa: PLC0415

    title = f"ScalpZone course report – {sheet.report.profile_name}"
    return save_sheet_pdf(path, title, sheet, page_size or default_page_size())
