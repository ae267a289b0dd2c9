"""The printable weekly plan: one page per week, drawn with QPainter for PDF, print and preview.

The same `PlanSheet.paint()` serves File › Export PDF, Print, Print Preview and the command
line's `scalpzone print`. Colours are chosen to survive black-and-white printing: thinning is a
grey that darkens with severity, bald is hatched, and the week's zones carry numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.plan import Plan
from scalpzone.domain.planner import roll_order
from scalpzone.domain.settings import Settings
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.printing.plan_page import Page
from scalpzone.ui.printing.plan_paper import MARGIN
from scalpzone.ui.style.words import week_start

__all__ = ["MARGIN", "PlanSheet", "SheetContent", "default_page_size", "write_pdf"]


def default_page_size(locale: QLocale | None = None) -> QPageSize:
    """Letter where the locale measures in US units, A4 everywhere else."""
    system = (locale or QLocale.system()).measurementSystem()
    if system == QLocale.MeasurementSystem.ImperialUSSystem:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


@dataclass(frozen=True, slots=True)
class SheetContent:
    """What the sheet shows: whose plan, their map and settings, and the plan itself."""

    plan: Plan
    scalp_map: ScalpMap
    settings: Settings
    profile_name: str | None = None
    printed_on: date = field(default_factory=date.today)
    history: tuple[HistoryEntry, ...] = ()  # days already logged are printed as logged


class PlanSheet:
    """Paints one page per week of a plan onto any QPainter device."""

    def __init__(self, content: SheetContent) -> None:
        self._content = content
        plan = content.plan
        # Weeks as the Week tab shows them: from Monday, or the locale's first day.
        self.first_day = week_start(plan.start)
        self._weeks = max(1, (plan.end - self.first_day).days // 7 + 1)
        # One number per area for the whole plan, in the order areas are rolled in a session.
        zones = {z for s in plan.sessions for z in s.zones}
        ordered = sorted((content.scalp_map.zone(z) for z in zones), key=roll_order)
        self.numbers = {zone.id: n for n, zone in enumerate(ordered, start=1)}

    @property
    def page_count(self) -> int:
        """One page per week."""
        return self._weeks

    def week_of(self, index: int) -> date:
        """The first day printed on page `index` (0-based)."""
        return self.first_day + timedelta(days=7 * index)

    def paint_pages(self, device: QPagedPaintDevice, resolution: int) -> int:
        """Draw every page on a printer or PDF writer; returns the pages drawn (0: none could)."""
        painter = QPainter()
        if not painter.begin(device):
            return 0
        try:
            for index in range(self._weeks):
                if index:
                    device.newPage()
                rect = QRectF(device.pageLayout().fullRectPixels(resolution))
                self.paint(painter, rect, index)
        finally:
            painter.end()
        return self._weeks

    def paint(self, painter: QPainter, page: QRectF, index: int) -> None:
        """Draw page `index` (0-based) into `page`, given in the device's coordinates."""
        width_pt = 595.0 if page.height() > page.width() else 842.0
        scale = page.width() / width_pt
        painter.save()
        painter.translate(page.topLeft())
        painter.scale(scale, scale)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        week = (index, self._weeks, self.week_of(index))
        size = (width_pt, page.height() / scale)
        Page(painter, size, self._content, week, self.numbers).draw()
        painter.restore()


def write_pdf(sheet: PlanSheet, path: Path, page_size: QPageSize | None = None) -> None:
    """Write the sheet as a PDF, one page per week (needs a QGuiApplication).

    The file appears whole or not at all; FileWriteError says why not (the old file is kept).
    """
    from scalpzone.ui.printing.pdf_file import save_pdf  # noqa: PLC0415

    def draw(writer: QPdfWriter) -> int:
        return sheet.paint_pages(writer, writer.resolution())

    layout = QPageLayout(
        page_size or default_page_size(), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    save_pdf(path, "ScalpZone plan", layout, draw)
