"""How a blocked (resting) area looks everywhere: a pattern and a pause sign drawn by the app.

Drawn with QPainter, not a font glyph, so it shows the same on every system (a "⏸" needs a
font that has it). The map, the zone table, the tooltip and the printed plan all use these.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

#: The pattern over a blocked area: horizontal lines (bald is diagonal hatching).
BLOCK_PATTERN = Qt.BrushStyle.HorPattern


def block_brush(ink: QColor) -> QBrush:
    """The pattern laid over a blocked area."""
    return QBrush(ink, BLOCK_PATTERN)


def paint_block_sign(
    painter: QPainter, centre: QPointF, radius: float, ink: QColor, paper: QColor
) -> None:
    """A pause sign: two bars in a ring, in `ink` on a disc of `paper`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, max(radius * 0.16, 0.6)))
    painter.setBrush(paper)
    painter.drawEllipse(centre, radius, radius)
    bar_w, bar_h, gap = radius * 0.28, radius * 0.95, radius * 0.22
    path = QPainterPath()
    for left in (centre.x() - gap / 2 - bar_w, centre.x() + gap / 2):
        path.addRect(QRectF(left, centre.y() - bar_h / 2, bar_w, bar_h))
    painter.fillPath(path, ink)
    painter.restore()


def block_pixmap(size: int, ink: QColor, paper: QColor, ratio: float = 1.0) -> QPixmap:
    """The pause sign as a small picture (for tables and tooltips)."""
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    half = size / 2
    paint_block_sign(painter, QPointF(half, half), half - 1, ink, paper)
    painter.end()
    return pixmap


def block_icon(size: int, ink: QColor, paper: QColor) -> QIcon:
    """The pause sign as an icon, sharp at 1× and 2×."""
    icon = QIcon()
    for ratio in (1.0, 2.0):
        icon.addPixmap(block_pixmap(size, ink, paper, ratio))
    return icon


def block_sign_html(size: int, ink: QColor, paper: QColor) -> str:
    """The pause sign as an <img> for rich text (a tooltip), the picture inlined as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # noqa: PLC0415

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    block_pixmap(size, ink, paper).save(buffer, "PNG")
    encoded = bytes(data.toBase64().data()).decode("ascii")
    return f"<img src='data:image/png;base64,{encoded}' width='{size}' height='{size}'>"
