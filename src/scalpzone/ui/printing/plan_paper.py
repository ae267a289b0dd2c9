"""Paper for the printed plan: its ink, type and sizes, and the head drawn on it.

`PaperPage` holds what every printed page shares (wrapped text that is measured, never
clipped; the head with its numbered areas, resting areas and legend); `plan_page.Page` lays
out one week on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from scalpzone.domain.regions import region_catalog
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.style.block_mark import block_brush, paint_block_sign

if TYPE_CHECKING:
    from scalpzone.domain.geometry import Point
    from scalpzone.ui.printing.plan_sheet import SheetContent

MARGIN = 36.0  # points
INK = QColor("#1b1b1b")
FAINT = QColor("#5a5a5a")
RULE = QColor("#9a9a9a")
SKIN = QColor("#f4ece6")
THINNING = (QColor("#e3e3e3"), QColor("#bdbdbd"), QColor("#8f8f8f"))
BALD = QColor("#5a5a5a")
PAPER = QColor("white")
#: A number and its area's name never part at the end of a line.
KEEP = "\u00a0"
#: The map's box on paper: as drawn when there is room, and the least it shrinks to.
MAP_HEIGHT, MAP_FLOOR = 250.0, 170.0
FOOTER = 30.0
#: The one line that stands for the steps when a week's days and notes need their room.
SHORT_STEPS = 24.0
ROW_FLOOR = 22.0
COLUMNS = (
    ("Day", 84.0),
    ("Areas, in the order to roll them", 0.0),
    ("Min", 30.0),
    ("Needle", 54.0),
    ("Done", 36.0),
)


def font(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """The sheet's sans-serif at a size in points."""
    f = QFont()
    f.setFamilies(["DejaVu Sans", "Helvetica", "Arial", "sans-serif"])
    f.setPixelSize(max(1, round(size)))
    f.setBold(bold)
    f.setItalic(italic)
    return f


WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


def height_of(text: str, f: QFont, width: float) -> float:
    """How tall `text` wraps in `width`."""
    return QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 10_000), WRAP, text).height()


class PaperPage:
    """What a printed page draws with: the painter, whose plan, its first day, the numbers."""

    def __init__(
        self, painter: QPainter, content: SheetContent, first: date, numbers: dict[str, int]
    ) -> None:
        self.p = painter
        self.c = content
        self.first = first
        self.numbers = numbers

    def text(
        self, rect: QRectF, text: str, f: QFont, colour: QColor = INK, flags: int = 0
    ) -> float:
        """Draw wrapped text in rect (never clipped to it); return the height it took."""
        self.p.setFont(f)
        self.p.setPen(colour)
        wrap = WRAP | flags
        bounds = QFontMetricsF(f).boundingRect(
            QRectF(rect.left(), rect.top(), rect.width(), 10_000), wrap, text
        )
        self.p.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), max(rect.height(), bounds.height())),
            wrap,
            text,
        )
        return bounds.height()

    # --- the page ---------------------------------------------------------------------

    def _blocked_this_week(self) -> list[str]:
        return [
            z.id
            for z in self.c.scalp_map.zones
            if z.blocked_until is not None and z.blocked_until >= self.first
        ]

    def map(self, box: QRectF) -> None:
        head = region_catalog().head
        blocked = set(self._blocked_this_week())
        # Room under the head for the legend: two rows of swatches, three with "Resting".
        size = min(box.width(), box.height() - (52 if blocked else 40))
        origin = QPointF(box.left() + (box.width() - size) / 2, box.top())

        def poly(points: Sequence[Point]) -> QPolygonF:
            return QPolygonF(
                [QPointF(origin.x() + x * size, origin.y() + y * size) for x, y in points]
            )

        p = self.p
        p.setPen(QPen(INK, 0.9))
        p.setBrush(SKIN)
        for shape in (head.ear_left, head.ear_right, head.nose, head.outline):
            p.drawPolygon(poly(shape))
        p.setPen(QPen(RULE, 0.5))
        p.setBrush(PAPER)
        p.drawPolygon(poly(head.scalp))
        for zone in self.c.scalp_map.zones:
            path = QPainterPath()
            path.addPolygon(poly(zone.outline))
            path.closeSubpath()
            if zone.state is ZoneState.THINNING:
                p.fillPath(path, THINNING[zone.severity - 1])
            elif zone.state is ZoneState.BALD:
                p.fillPath(path, QColor("#d0d0d0"))
                p.fillPath(path, QBrush(BALD, Qt.BrushStyle.BDiagPattern))
            if zone.id in blocked:
                p.fillPath(path, block_brush(INK))
            pen = QPen(INK if zone.is_custom else RULE, 1.1 if zone.is_custom else 0.6)
            if zone.is_custom:
                pen.setStyle(Qt.PenStyle.DashLine)
            p.strokePath(path, pen)
        for zone_id in blocked:
            cx, cy = self.c.scalp_map.zone(zone_id).centre
            # Beside the area's number when it has one this week, on its centre otherwise.
            shift = 11.0 if zone_id in self.numbers else 0.0
            centre = QPointF(origin.x() + cx * size + shift, origin.y() + cy * size - shift)
            paint_block_sign(p, centre, 6.0, INK, PAPER)
        for zone_id, number in self.numbers.items():
            cx, cy = self.c.scalp_map.zone(zone_id).centre
            centre = QPointF(origin.x() + cx * size, origin.y() + cy * size)
            p.setPen(QPen(INK, 0.9))
            p.setBrush(PAPER)
            p.drawEllipse(centre, 7.5, 7.5)
            p.setFont(font(8.5 if number < 10 else 7, bold=True))
            p.drawText(
                QRectF(centre.x() - 8, centre.y() - 8, 16, 16),
                Qt.AlignmentFlag.AlignCenter,
                str(number),
            )
        p.setFont(font(11, bold=True))
        p.setPen(INK)
        for label, (x, y) in (("L", head.label_left), ("R", head.label_right)):
            p.drawText(
                QRectF(origin.x() + x * size - 8, origin.y() + y * size - 8, 16, 16),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        self.legend(
            QRectF(box.left(), origin.y() + size + 4, max(box.width(), 210), 36), bool(blocked)
        )

    def legend(self, box: QRectF, blocked: bool) -> None:
        items: list[tuple[str, QColor, QBrush | None]] = [
            ("Mild", THINNING[0], None),
            ("Moderate", THINNING[1], None),
            ("Advanced", THINNING[2], None),
            ("Bald (not rolled)", QColor("#d0d0d0"), QBrush(BALD, Qt.BrushStyle.BDiagPattern)),
        ]
        if blocked:
            items.append(("Resting (blocked)", PAPER, block_brush(INK)))
        x, y = box.left(), box.top()
        self.text(QRectF(x, y, box.width(), 12), "Thinning:", font(8), FAINT)
        for i, (name, fill, pattern) in enumerate(items):
            cx = x + (i % 2) * (box.width() / 2)
            cy = y + 12 + (i // 2) * 12
            swatch = QRectF(cx, cy + 1, 14, 9)
            self.p.fillRect(swatch, fill)
            if pattern is not None:
                self.p.fillRect(swatch, pattern)
            if name.startswith("Resting"):
                paint_block_sign(self.p, swatch.center(), 4.5, INK, PAPER)
            self.p.setPen(QPen(RULE, 0.5))
            self.p.setBrush(Qt.BrushStyle.NoBrush)
            self.p.drawRect(swatch)
            self.text(QRectF(cx + 18, cy, box.width() / 2 - 18, 12), name, font(8))
