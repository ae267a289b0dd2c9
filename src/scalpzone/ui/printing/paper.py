"""Drawing on paper shared by the printed sheets: ink colours that survive black-and-white
printing, the font, wrapped text, and the scalp map with its key."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

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

from scalpzone.domain.geometry import Point
from scalpzone.domain.guidance import DISCLAIMER
from scalpzone.domain.regions import region_catalog
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.ui.style.block_mark import block_brush, paint_block_sign

INK = QColor("#1b1b1b")
FAINT = QColor("#6b6b6b")
RULE = QColor("#9a9a9a")
SKIN = QColor("#f4ece6")
THINNING = (QColor("#e3e3e3"), QColor("#bdbdbd"), QColor("#8f8f8f"))
BALD = QColor("#5a5a5a")


def paper_font(size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    """A sans-serif font at a size in points of the page (pixels of the sheet's scale)."""
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Helvetica", "Arial", "sans-serif"])
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    font.setItalic(italic)
    return font


def draw_text(
    painter: QPainter, rect: QRectF, text: str, font: QFont, colour: QColor = INK, flags: int = 0
) -> float:
    """Draw wrapped text in rect; return the height it took."""
    painter.setFont(font)
    painter.setPen(colour)
    wrap = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | flags
    bounds = QFontMetricsF(font).boundingRect(rect, wrap, text)
    painter.drawText(rect, wrap, text)
    return bounds.height()


def draw_scalp_map(
    p: QPainter,
    box: QRectF,
    scalp_map: ScalpMap,
    numbers: Mapping[str, int],
    blocked: Collection[str] = (),
) -> float:
    """Draw the head and its zones in black-and-white-safe fills, the numbered zones circled and
    the `blocked` (resting) ones lined with a pause sign; returns the y under the drawing (room
    for a legend is left below it in `box`)."""
    head = region_catalog().head
    size = min(box.width(), box.height() - 40)
    origin = QPointF(box.left() + (box.width() - size) / 2, box.top())

    def poly(points: Sequence[Point]) -> QPolygonF:
        return QPolygonF([QPointF(origin.x() + x * size, origin.y() + y * size) for x, y in points])

    p.setPen(QPen(INK, 0.9))
    p.setBrush(SKIN)
    for shape in (head.ear_left, head.ear_right, head.nose, head.outline):
        p.drawPolygon(poly(shape))
    p.setPen(QPen(RULE, 0.5))
    p.setBrush(QColor("white"))
    p.drawPolygon(poly(head.scalp))
    for zone in scalp_map.zones:
        outline = poly(zone.outline)
        path = QPainterPath()
        path.addPolygon(outline)
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
        cx, cy = scalp_map.zone(zone_id).centre
        # Beside the area's number when it has one, on its centre otherwise.
        shift = 11.0 if zone_id in numbers else 0.0
        sign = QPointF(origin.x() + cx * size + shift, origin.y() + cy * size - shift)
        paint_block_sign(p, sign, 6.0, INK, QColor("white"))
    for zone_id, number in numbers.items():
        cx, cy = scalp_map.zone(zone_id).centre
        centre = QPointF(origin.x() + cx * size, origin.y() + cy * size)
        p.setPen(QPen(INK, 0.9))
        p.setBrush(QColor("white"))
        p.drawEllipse(centre, 7.5, 7.5)
        p.setFont(paper_font(8.5 if number < 10 else 7, bold=True))
        p.drawText(
            QRectF(centre.x() - 8, centre.y() - 8, 16, 16),
            Qt.AlignmentFlag.AlignCenter,
            str(number),
        )
    p.setFont(paper_font(11, bold=True))
    p.setPen(INK)
    for label, (x, y) in (("L", head.label_left), ("R", head.label_right)):
        p.drawText(
            QRectF(origin.x() + x * size - 8, origin.y() + y * size - 8, 16, 16),
            Qt.AlignmentFlag.AlignCenter,
            label,
        )
    return origin.y() + size


def draw_legend(p: QPainter, box: QRectF, *, blocked: bool = False) -> None:
    """The key to the map's fills: three greys for thinning, hatching for bald, and lines with
    a pause sign for resting (blocked) areas when there are any."""
    items: list[tuple[str, QColor, QColor | None]] = [
        ("Mild", THINNING[0], None),
        ("Moderate", THINNING[1], None),
        ("Advanced", THINNING[2], None),
        ("Bald (not rolled)", QColor("#d0d0d0"), BALD),
    ]
    if blocked:
        items.append(("Resting (blocked)", QColor("white"), None))
    x = box.left()
    y = box.top()
    draw_text(p, QRectF(x, y, box.width(), 12), "Thinning:", paper_font(8), FAINT)
    for i, (name, fill, hatch) in enumerate(items):
        cx = x + (i % 2) * (box.width() / 2)
        cy = y + 12 + (i // 2) * 12
        swatch = QRectF(cx, cy + 1, 14, 9)
        p.fillRect(swatch, fill)
        if hatch is not None:
            p.fillRect(swatch, QBrush(hatch, Qt.BrushStyle.BDiagPattern))
        p.setPen(QPen(RULE, 0.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(swatch)
        if name.startswith("Resting"):
            p.fillRect(swatch, block_brush(INK))
            paint_block_sign(p, swatch.center(), 4.5, INK, QColor("white"))
        draw_text(p, QRectF(cx + 18, cy, box.width() / 2 - 18, 12), name, paper_font(8))


def draw_footer(
    p: QPainter, left: float, right: float, y: float, stamp: str, stamp_width: float
) -> None:
    """Under a rule at `y`: the disclaimer on the left, `stamp` (the page number) on the right."""
    p.setPen(QPen(RULE, 0.6))
    p.drawLine(QPointF(left, y), QPointF(right, y))
    disclaimer = QRectF(left, y + 4, right - left - stamp_width - 10, 28)
    draw_text(p, disclaimer, DISCLAIMER, paper_font(8.5, italic=True))
    where = QRectF(right - stamp_width, y + 4, stamp_width, 14)
    draw_text(p, where, stamp, paper_font(8), FAINT, int(Qt.AlignmentFlag.AlignRight))
