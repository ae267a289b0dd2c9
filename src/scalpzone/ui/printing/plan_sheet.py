"""The printable weekly plan: one page per week, drawn with QPainter for PDF, print and preview.

The same `PlanSheet.paint()` serves File › Export PDF, Print, Print Preview and the command
line's `scalpzone print`. Colours are chosen to survive black-and-white printing: thinning is a
grey that darkens with severity, bald is hatched, and the week's zones carry numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageSize,
    QPainter,
    QPen,
)

from scalpzone.domain.care_guide import limits_citation, steps_citation
from scalpzone.domain.guidance import AFTER_STEPS, BEFORE_STEPS, DURING_STEPS
from scalpzone.domain.plan import Plan, PlanStatus, PlanWarning, RejectReason
from scalpzone.domain.rules import millimetres
from scalpzone.domain.settings import Settings
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.ui.printing.paper import (
    FAINT,
    INK,
    RULE,
    draw_footer,
    draw_legend,
    draw_scalp_map,
    draw_text,
)
from scalpzone.ui.printing.paper import paper_font as _font
from scalpzone.ui.style.words import day_month, full_day, long_date, short_day

MARGIN = 36.0  # points


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


class PlanSheet:
    """Paints one page per week of a plan onto any QPainter device."""

    def __init__(self, content: SheetContent) -> None:
        self._content = content
        plan = content.plan
        self._weeks = max(1, ((plan.end - plan.start).days + 1) // 7)

    @property
    def page_count(self) -> int:
        """One page per week."""
        return self._weeks

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
        _Page(painter, width_pt, page.height() / scale, self._content, index, self._weeks).draw()
        painter.restore()


class _Page:
    """The drawing of one week's page, in points from the page's top-left corner."""

    def __init__(
        self,
        painter: QPainter,
        width: float,
        height: float,
        content: SheetContent,
        index: int,
        weeks: int,
    ) -> None:
        self.p = painter
        self.width = width
        self.height = height
        self.c = content
        self.index = index
        self.weeks = weeks
        self.first = content.plan.start + timedelta(days=7 * index)
        self.last = self.first + timedelta(days=6)
        self.sessions = [s for s in content.plan.sessions if self.first <= s.date <= self.last]
        self.numbers: dict[str, int] = {}
        for session in self.sessions:
            for zone_id in session.zones:
                self.numbers.setdefault(zone_id, len(self.numbers) + 1)

    # --- text helpers ---------------------------------------------------------------------

    def text(
        self, rect: QRectF, text: str, font: QFont, colour: QColor = INK, flags: int = 0
    ) -> float:
        """Draw wrapped text in rect; return the height it took."""
        return draw_text(self.p, rect, text, font, colour, flags)

    # --- the page -------------------------------------------------------------------------

    def draw(self) -> None:
        left = MARGIN
        right = self.width - MARGIN
        y = self.header(left, right, MARGIN)
        if self.c.plan.status is not PlanStatus.OK:
            y += 12
            title = "Plan on hold" if self.c.plan.status is PlanStatus.HOLD else "Nothing to plan"
            y += self.text(QRectF(left, y, right - left, 30), title, _font(14, bold=True))
            y += 6 + self.text(QRectF(left, y, right - left, 200), self.c.plan.message, _font(10.5))
        else:
            map_box = QRectF(left, y + 10, 210, 250)
            self.map(map_box)
            self.zone_key(QRectF(left + 226, y + 10, right - left - 226, 250))
            y = map_box.bottom() + 14
            y = self.table(left, right, y)
            y = self.steps(left, right, y + 14)
            self.warnings(left, right, y + 10, self.height - MARGIN - 44)
        self.footer(left, right)

    def header(self, left: float, right: float, top: float) -> float:
        self.p.setPen(INK)
        self.text(QRectF(left, top, 300, 24), "ScalpZone · weekly plan", _font(17, bold=True))
        who = self.c.profile_name or ""
        self.text(
            QRectF(right - 240, top + 2, 240, 24),
            who,
            _font(13, bold=True),
            flags=int(Qt.AlignmentFlag.AlignRight),
        )
        s = self.c.settings
        line = (
            f"Week {self.index + 1} of {self.weeks}  ·  {short_day(self.first)} – {full_day(self.last)}"
            f"  ·  needle {millimetres(s.needle_mm)} mm  ·  up to {s.session_minutes} min a session"
        )
        self.text(QRectF(left, top + 26, right - left, 16), line, _font(10), FAINT)
        self.p.setPen(QPen(INK, 1.2))
        self.p.drawLine(QPointF(left, top + 46), QPointF(right, top + 46))
        return top + 50

    def map(self, box: QRectF) -> None:
        bottom = draw_scalp_map(self.p, box, self.c.scalp_map, self.numbers)
        draw_legend(self.p, QRectF(box.left(), bottom + 4, box.width(), 36))

    def zone_key(self, box: QRectF) -> None:
        y = box.top()
        y += (
            self.text(
                QRectF(box.left(), y, box.width(), 16), "Areas this week", _font(12, bold=True)
            )
            + 4
        )
        if not self.numbers:
            self.text(
                QRectF(box.left(), y, box.width(), 40), "No session this week.", _font(10), FAINT
            )
            return
        for zone_id, number in self.numbers.items():
            zone = self.c.scalp_map.zone(zone_id)
            detail = f"{zone.minutes} min"
            if zone.state is ZoneState.THINNING:
                detail += f", severity {zone.severity}"
            line = f"{number}.  {zone.display_name}  ({detail})"
            y += self.text(QRectF(box.left(), y, box.width(), 14), line, _font(10)) + 2
            if y > box.bottom() - 14:
                break
        left_out = []
        for r in self.c.plan.rejected:
            name = self.c.scalp_map.zone(r.zone).display_name
            if r.reason is RejectReason.BALD:
                left_out.append(f"{name} (bald)")
            elif r.reason is RejectReason.BLOCKED and r.until is not None and r.until >= self.first:
                left_out.append(f"{name} (blocked until {day_month(r.until)})")
        if left_out and y < box.bottom() - 40:
            y += 8
            y += self.text(QRectF(box.left(), y, box.width(), 14), "Left out", _font(10, bold=True))
            names = ", ".join(left_out)
            self.text(
                QRectF(box.left(), y + 2, box.width(), box.bottom() - y), names, _font(9), FAINT
            )

    def table(self, left: float, right: float, top: float) -> float:
        columns = [
            ("Day", 84.0),
            ("Areas, in the order to roll them", 0.0),
            ("Min", 30.0),
            ("Needle", 54.0),
            ("Done", 36.0),
        ]
        fixed = sum(w for _, w in columns)
        widths = [w or (right - left - fixed) for _, w in columns]
        row_h = 26.0
        p = self.p
        x = left
        p.fillRect(QRectF(left, top, right - left, 18), QColor("#ececec"))
        for (title, _), w in zip(columns, widths, strict=True):
            self.text(QRectF(x + 4, top + 3, w - 8, 14), title, _font(9, bold=True))
            x += w
        y = top + 18
        by_day = {s.date: s for s in self.sessions}
        for offset in range(7):
            day = self.first + timedelta(days=offset)
            session = by_day.get(day)
            p.setPen(QPen(RULE, 0.5))
            p.drawLine(QPointF(left, y + row_h), QPointF(right, y + row_h))
            cells = [short_day(day), "", "", "", ""]
            if session is not None:
                names = [
                    f"{self.numbers[z]} {self.c.scalp_map.zone(z).display_name}"
                    for z in session.zones
                ]
                cells[1] = ("Patch test: " if session.patch_test else "") + ",  ".join(names)
                cells[2] = str(session.minutes)
                cells[3] = f"{millimetres(session.needle_mm)} mm"
            x = left
            if session is None:
                cells[1] = "rest"
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True)):
                font = _font(9.5, bold=(i == 0 and session is not None))
                colour = INK if session is not None or i == 0 else FAINT
                if i == 1 and session is None:
                    font = _font(9, italic=True)
                self.text(QRectF(x + 4, y + 3, w - 8, row_h - 4), cell, font, colour)
                x += w
            if session is not None:
                p.setPen(QPen(INK, 1.0))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(right - 26, y + 6, 13, 13))
            y += row_h
        p.setPen(QPen(INK, 1.0))
        p.drawLine(QPointF(left, top + 18), QPointF(right, top + 18))
        return y

    def steps(self, left: float, right: float, top: float) -> float:
        y = top
        flags = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.text(QRectF(left, y, right - left, 15), limits_citation(), _font(7.5), FAINT, flags)
        y += self.text(QRectF(left, y, right - left, 16), "Every session", _font(12, bold=True)) + 2
        col = (right - left - 16) / 3
        bottom = y
        for i, (title, lines) in enumerate(
            (("Before", BEFORE_STEPS), ("During", DURING_STEPS), ("After", AFTER_STEPS))
        ):
            x = left + i * (col + 8)
            h = self.text(QRectF(x, y, col, 14), title, _font(9.5, bold=True)) + 2
            shift = QFontMetricsF(_font(9.5, bold=True)).horizontalAdvance(title) + 6
            cited = QRectF(x + shift, y + 2, col - shift, 12)
            self.text(cited, steps_citation(lines), _font(7.5), FAINT)
            for line in lines:
                h += self.text(QRectF(x + 8, y + h, col - 8, 200), f"• {line}", _font(8.5)) + 3
            bottom = max(bottom, y + h)
        return bottom

    def warnings(self, left: float, right: float, top: float, bottom: float) -> None:
        notes = [w for w in self.c.plan.warnings if self._in_week(w)]
        if not notes or top > bottom - 20:
            return
        y = top
        y += self.text(QRectF(left, y, right - left, 16), "Take note", _font(12, bold=True)) + 2
        for warning in notes:
            height = self.text(
                QRectF(left + 10, y, right - left - 10, bottom - y),
                f"• {warning.message}",
                _font(8.5),
            )
            y += height + 3
            if y > bottom:
                break

    def _in_week(self, warning: PlanWarning) -> bool:
        dated = self._dates_in(warning.message)
        return not dated or any(self.first <= d <= self.last for d in dated)

    @staticmethod
    def _dates_in(message: str) -> list[date]:
        found = []
        for word in message.replace(",", " ").replace(":", " ").split():
            try:
                found.append(date.fromisoformat(word.strip(".")))
            except ValueError:
                continue
        return found

    def footer(self, left: float, right: float) -> None:
        stamp = f"Printed {long_date(self.c.printed_on)} · page {self.index + 1} of {self.weeks}"
        draw_footer(self.p, left, right, self.height - MARGIN - 30, stamp, 180)


def write_pdf(sheet: PlanSheet, path: Path, page_size: QPageSize | None = None) -> None:
    """Write the sheet as a PDF, one page per week (needs a QGuiApplication).

    The file appears whole or not at all; FileWriteError says why not (the old file is kept).
    """
    from scalpzone.ui.printing.pdf_file import save_sheet_pdf  # noqa: PLC0415

    save_sheet_pdf(path, "ScalpZone plan", sheet, page_size or default_page_size())
