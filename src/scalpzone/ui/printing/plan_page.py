"""One printed week: the map with numbered areas, the days, the steps, the notes, the footer.

Everything is measured before it is drawn: a table row grows to the height of its longest
cell, the map shrinks (to a floor) when the rows need the room, and a note is printed only
whole, so nothing runs over a rule or under the footer. Sizes are in points from the page's
top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
)

from scalpzone.domain.care_guide import limits_citation, steps_citation
from scalpzone.domain.guidance import AFTER_STEPS, BEFORE_STEPS, DISCLAIMER, DURING_STEPS
from scalpzone.domain.plan import PlanStatus, PlanWarning, RejectReason
from scalpzone.domain.rules import millimetres
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.printing.paper import FAINT, INK, RULE
from scalpzone.ui.printing.paper import paper_font as font
from scalpzone.ui.printing.plan_paper import (
    COLUMNS,
    FOOTER,
    KEEP,
    MAP_FLOOR,
    MAP_HEIGHT,
    MARGIN,
    ROW_FLOOR,
    SHORT_STEPS,
    PaperPage,
    height_of,
)
from scalpzone.ui.style.words import day_month, full_day, long_date, short_day, with_dates

if TYPE_CHECKING:
    from scalpzone.domain.history import HistoryEntry
    from scalpzone.ui.printing.plan_sheet import SheetContent


@dataclass(frozen=True, slots=True)
class Row:
    """One day of the table: its cells and whether a session is held."""

    cells: tuple[str, str, str, str, str]
    session: bool
    inside: bool


class Page(PaperPage):
    """The drawing of one week's page."""

    def __init__(
        self,
        painter: QPainter,
        size: tuple[float, float],
        content: SheetContent,
        week: tuple[int, int, date],
        numbers: dict[str, int],
    ) -> None:
        self.width, self.height = size
        self.index, self.weeks, first = week
        super().__init__(painter, content, first, numbers)
        self.last = self.first + timedelta(days=6)
        plan = content.plan
        self.sessions = [s for s in plan.sessions if self.first <= s.date <= self.last]
        week_zones = {z for s in self.sessions for z in s.zones}
        self.numbers = {
            z: n for z, n in sorted(numbers.items(), key=lambda i: i[1]) if z in week_zones
        }
        self.left, self.right = MARGIN, self.width - MARGIN
        self.footer_top = self.height - MARGIN - FOOTER

    def draw(self) -> None:
        y = self.header(MARGIN)
        if self.c.plan.status is not PlanStatus.OK:
            y += 12
            title = "Plan on hold" if self.c.plan.status is PlanStatus.HOLD else "Nothing to plan"
            y += self.text(
                QRectF(self.left, y, self.right - self.left, 30), title, font(14, bold=True)
            )
            self.text(
                QRectF(self.left, y + 6, self.right - self.left, 200),
                with_dates(self.c.plan.message),
                font(10.5),
            )
        else:
            rows = self.rows()
            heights = [self.row_height(r) for r in rows]
            table = 18 + sum(heights)
            steps = self.steps_height()
            notes = self.notes_height()
            room = self.footer_top - 6 - 10 - y - 14 - table - 14 - 10
            # The days first, then the notes (a patch test, a roller to replace), then the
            # steps; the map gives up room down to its floor before any of them is left out.
            show_steps = room - MAP_FLOOR >= steps + notes
            used = steps + notes if show_steps else SHORT_STEPS + notes
            map_height = max(MAP_FLOOR, min(MAP_HEIGHT, room - used))
            map_box = QRectF(self.left, y + 10, 210 * map_height / MAP_HEIGHT, map_height)
            self.map(map_box)
            key_left = self.left + 226
            self.zone_key(QRectF(key_left, y + 10, self.right - key_left, map_height))
            y = self.table(map_box.bottom() + 14, rows, heights)
            if show_steps:
                y = self.steps(y + 14)
            else:
                y += 6 + self.text(
                    QRectF(self.left, y + 8, self.right - self.left, 14),
                    "Before, during and after each session: see Help › Care guide in ScalpZone.",
                    font(9, italic=True),
                )
            self.warnings(y + 10)
        self.footer()

    def header(self, top: float) -> float:
        left, right = self.left, self.right
        self.text(QRectF(left, top, 300, 24), "ScalpZone · weekly plan", font(17, bold=True))
        who = self.c.profile_name or ""
        self.text(
            QRectF(right - 240, top + 2, 240, 24),
            who,
            font(13, bold=True),
            flags=int(Qt.AlignmentFlag.AlignRight),
        )
        s = self.c.settings
        line = (
            f"Week {self.index + 1} of {self.weeks}  ·  {short_day(self.first)} – {full_day(self.last)}"
            f"  ·  needle {millimetres(s.needle_mm)} mm  ·  up to {s.session_minutes} min a session"
        )
        self.text(QRectF(left, top + 26, right - left, 16), line, font(10), FAINT)
        self.p.setPen(QPen(INK, 1.2))
        self.p.drawLine(QPointF(left, top + 46), QPointF(right, top + 46))
        return top + 50

    def zone_key(self, box: QRectF) -> None:
        y = box.top()
        y += (
            self.text(
                QRectF(box.left(), y, box.width(), 16), "Areas this week", font(12, bold=True)
            )
            + 4
        )
        if not self.numbers:
            self.text(
                QRectF(box.left(), y, box.width(), 40), "No session this week.", font(10), FAINT
            )
            return
        indent = QFontMetricsF(font(10)).horizontalAdvance("00.  ")
        for zone_id, number in self.numbers.items():
            zone = self.c.scalp_map.zone(zone_id)
            detail = f"{zone.minutes} min"
            if zone.state is ZoneState.THINNING:
                detail += f", severity {zone.severity}"
            line = f"{zone.display_name}  ({detail})"
            height = height_of(line, font(10), box.width() - indent)
            if y + height > box.bottom():
                self.text(
                    QRectF(box.left(), y, box.width(), 14),
                    "… and more in the table below",
                    font(9),
                    FAINT,
                )
                return
            self.text(QRectF(box.left(), y, indent, 14), f"{number}.", font(10))
            y += (
                self.text(
                    QRectF(box.left() + indent, y, box.width() - indent, height), line, font(10)
                )
                + 2
            )
        left_out = []
        for r in self.c.plan.rejected:
            name = self.c.scalp_map.zone(r.zone).display_name
            if r.reason is RejectReason.BALD:
                left_out.append(f"{name} (bald)")
            elif r.reason is RejectReason.BLOCKED and r.until is not None and r.until >= self.first:
                left_out.append(f"{name} (resting until {day_month(r.until)})")
        names = ", ".join(left_out)
        needed = 8 + 14 + height_of(names, font(9), box.width())
        if left_out and y + needed <= box.bottom():
            y += 8
            y += self.text(QRectF(box.left(), y, box.width(), 14), "Left out", font(10, bold=True))
            self.text(QRectF(box.left(), y + 2, box.width(), 14), names, font(9), FAINT)

    # --- the days ---------------------------------------------------------------------

    def widths(self) -> list[float]:
        fixed = sum(w for _, w in COLUMNS)
        return [w or (self.right - self.left - fixed) for _, w in COLUMNS]

    def rows(self) -> list[Row]:
        plan = self.c.plan
        by_day = {s.date: s for s in self.sessions}
        logged = {e.date: e for e in self.c.history}  # the latest logged that day
        out = []
        for offset in range(7):
            day = self.first + timedelta(days=offset)
            session = by_day.get(day)
            inside = plan.start <= day <= plan.end
            if session is not None:
                names = [
                    f"{self.numbers[z]}{KEEP}{self.c.scalp_map.zone(z).display_name}"
                    for z in session.zones
                ]
                areas = ("Patch test: " if session.patch_test else "") + ",  ".join(names)
                cells = (
                    short_day(day),
                    areas,
                    str(session.minutes),
                    f"{millimetres(session.needle_mm)} mm",
                    "",
                )
            elif day in logged:  # before the plan starts: today, once its session is logged
                cells = (short_day(day), *self.logged_cells(logged[day]))
            else:
                cells = (short_day(day), "rest" if inside else "–", "", "", "")
            out.append(Row(cells, session is not None, inside))
        return out

    def logged_cells(self, entry: HistoryEntry) -> tuple[str, str, str, str]:
        """What a logged day shows, as the Week tab and the map's list say it."""
        ids = {z.id for z in self.c.scalp_map.zones}
        names = [self.c.scalp_map.zone(z).display_name if z in ids else z for z in entry.zones]
        what = "Done: " if entry.is_treatment else "Skipped: "
        needle = f"{millimetres(entry.needle_mm)} mm" if entry.is_treatment else ""
        return what + ", ".join(names), "", needle, ""

    def cell_font(self, row: Row, column: int) -> QFont:
        if column == 1 and not row.session:
            return font(9, italic=True)
        return font(9.5, bold=(column == 0 and row.session))

    def row_height(self, row: Row) -> float:
        """The tallest cell of the row, wrapped in its column, plus padding."""
        tallest = max(
            height_of(cell, self.cell_font(row, i), w - 8)
            for i, (cell, w) in enumerate(zip(row.cells, self.widths(), strict=True))
        )
        return max(ROW_FLOOR, SHORT_STEPS, tallest + 8)

    def table(self, top: float, rows: list[Row], heights: list[float]) -> float:
        p = self.p
        left, right = self.left, self.right
        widths = self.widths()
        p.fillRect(QRectF(left, top, right - left, 18), QColor("#ececec"))
        x = left
        for (title, _), w in zip(COLUMNS, widths, strict=True):
            self.text(QRectF(x + 4, top + 3, w - 8, 14), title, font(9, bold=True))
            x += w
        y = top + 18
        for row, height in zip(rows, heights, strict=True):
            x = left
            for i, (cell, w) in enumerate(zip(row.cells, widths, strict=True)):
                colour = INK if row.session or i == 0 else FAINT
                self.text(
                    QRectF(x + 4, y + 4, w - 8, height - 8), cell, self.cell_font(row, i), colour
                )
                x += w
            if row.session:
                p.setPen(QPen(INK, 1.0))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRect(QRectF(right - 26, y + 5, 13, 13))
            y += height
            p.setPen(QPen(RULE, 0.5))
            p.drawLine(QPointF(left, y), QPointF(right, y))
        p.setPen(QPen(INK, 1.0))
        p.drawLine(QPointF(left, top + 18), QPointF(right, top + 18))
        return y

    # --- steps, notes, footer -----------------------------------------------------------

    def _columns(self) -> list[tuple[str, tuple[str, ...]]]:
        return [("Before", BEFORE_STEPS), ("During", DURING_STEPS), ("After", AFTER_STEPS)]

    def steps_height(self) -> float:
        col = (self.right - self.left - 16) / 3
        tallest = 0.0
        for title, lines in self._columns():
            h = height_of(title, font(9.5, bold=True), col) + 2
            h += sum(height_of(f"• {line}", font(8.5), col - 8) + 3 for line in lines)
            tallest = max(tallest, h)
        return height_of("Every session", font(12, bold=True), self.right - self.left) + 2 + tallest

    def steps(self, top: float) -> float:
        left, right = self.left, self.right
        y = top
        flags = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.text(QRectF(left, y, right - left, 15), limits_citation(), font(7.5), FAINT, flags)
        y += self.text(QRectF(left, y, right - left, 16), "Every session", font(12, bold=True)) + 2
        col = (right - left - 16) / 3
        bottom = y
        for i, (title, lines) in enumerate(self._columns()):
            x = left + i * (col + 8)
            h = self.text(QRectF(x, y, col, 14), title, font(9.5, bold=True)) + 2
            shift = QFontMetricsF(font(9.5, bold=True)).horizontalAdvance(title) + 6
            self.text(
                QRectF(x + shift, y + 2, col - shift, 12), steps_citation(lines), font(7.5), FAINT
            )
            for line in lines:
                h += self.text(QRectF(x + 8, y + h, col - 8, 12), f"• {line}", font(8.5)) + 3
            bottom = max(bottom, y + h)
        return bottom

    def _notes(self) -> list[str]:
        return [with_dates(w.message) for w in self.c.plan.warnings if self._in_week(w)]

    def notes_height(self) -> float:
        """What every note of the week takes, with its heading (0 when there is none)."""
        notes = self._notes()
        if not notes:
            return 0.0
        width = self.right - self.left - 10
        title = height_of("Take note", font(12, bold=True), self.right - self.left) + 2
        return title + sum(height_of(f"• {n}", font(8.5), width) + 3 for n in notes)

    def warnings(self, top: float) -> None:
        notes = self._notes()
        bottom = self.footer_top - 6
        title_h = height_of("Take note", font(12, bold=True), self.right - self.left) + 2
        width = self.right - self.left - 10
        if not notes or top + title_h + height_of(f"• {notes[0]}", font(8.5), width) > bottom:
            if notes:
                self.more_notes(top, len(notes), bottom)
            return
        y = (
            top
            + self.text(
                QRectF(self.left, top, self.right - self.left, 16), "Take note", font(12, bold=True)
            )
            + 2
        )
        for shown, note in enumerate(notes):
            height = height_of(f"• {note}", font(8.5), width)
            rest = len(notes) - shown
            # The last note needs only its own room; any other leaves room to say more follow.
            reserve = 0 if rest == 1 else 14
            if y + height + reserve > bottom:
                self.more_notes(y, rest, bottom)
                return
            y += self.text(QRectF(self.left + 10, y, width, height), f"• {note}", font(8.5)) + 3

    def more_notes(self, y: float, count: int, bottom: float) -> None:
        line = f"{count} more note{'s' if count > 1 else ''} for this week: see the Week tab in ScalpZone."
        if y + height_of(line, font(8.5, italic=True), self.right - self.left) <= bottom:
            self.text(
                QRectF(self.left, y, self.right - self.left, 12),
                line,
                font(8.5, italic=True),
                FAINT,
            )

    def _in_week(self, warning: PlanWarning) -> bool:
        days = warning.days
        return not days or any(self.first <= d <= self.last for d in days)

    def footer(self) -> None:
        left, right = self.left, self.right
        y = self.footer_top
        self.p.setPen(QPen(RULE, 0.6))
        self.p.drawLine(QPointF(left, y), QPointF(right, y))
        self.text(QRectF(left, y + 4, right - left - 190, 28), DISCLAIMER, font(8.5, italic=True))
        stamp = f"Printed {long_date(self.c.printed_on)} · page {self.index + 1} of {self.weeks}"
        self.text(
            QRectF(right - 180, y + 4, 180, 14),
            stamp,
            font(8),
            FAINT,
            int(Qt.AlignmentFlag.AlignRight),
        )
