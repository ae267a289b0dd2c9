"""The shares-over-time chart on paper: told apart by line and marker, not by colour."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from scalpzone.domain.progress import ScorePoint
from scalpzone.ui.printing.paper import FAINT, INK, RULE, draw_text, paper_font
from scalpzone.ui.style.words import day_month, long_date

#: Thinning: a dashed mid-grey line with round markers; bald: solid black with square ones.
THINNING_INK = QColor("#555555")


def axis_top(value: float) -> float:
    """The top of the axis in whole tens just above the highest share (at least 10 %); above
    50 %, in whole twenties."""
    top = min(100, max(10, 10 * -(-int(value + 0.999) // 10)))
    return float(top if top <= 50 else min(100, 20 * -(-top // 20)))


def axis_ticks(top: float) -> list[float]:
    """Grid values from 0 to `top`, every 10 % (every 20 % above 50 %): whole numbers only."""
    step = 10 if top <= 50 else 20
    return [float(value) for value in range(0, int(top) + 1, step)]


def draw_score_chart(p: QPainter, box: QRectF, points: Sequence[ScorePoint]) -> None:
    """Both shares of every dated map in `box`; a sentence instead when there is nothing to plot."""
    if not points:
        draw_text(
            p,
            box,
            "No dated map in this range: the map was not saved during it.",
            paper_font(9.5),
            FAINT,
        )
        return
    plot = QRectF(box.left() + 34, box.top() + 6, box.width() - 34 - 150, box.height() - 28)
    top = axis_top(max(max(pt.bald, pt.thinning) for pt in points))
    first, last = points[0].day, points[-1].day
    span = max(1, (last - first).days)

    def x_of(day: date) -> float:
        if len(points) == 1:
            return plot.center().x()
        return plot.left() + plot.width() * (day - first).days / span

    def y_of(value: float) -> float:
        return plot.bottom() - plot.height() * value / top

    p.setPen(QPen(RULE, 0.4))
    for value in axis_ticks(top):
        p.drawLine(QPointF(plot.left(), y_of(value)), QPointF(plot.right(), y_of(value)))
        draw_text(
            p,
            QRectF(box.left(), y_of(value) - 6, 30, 12),
            f"{value:g} %",
            paper_font(7.5),
            FAINT,
            int(Qt.AlignmentFlag.AlignRight),
        )
    for day in dict.fromkeys((first, last)):
        draw_text(
            p,
            QRectF(x_of(day) - 40, plot.bottom() + 4, 80, 12),
            day_month(day) if day != last else long_date(day),
            paper_font(7.5),
            FAINT,
            int(Qt.AlignmentFlag.AlignHCenter),
        )
    for values, pen, square in (
        ([pt.bald for pt in points], QPen(INK, 1.4), True),
        ([pt.thinning for pt in points], QPen(THINNING_INK, 1.4, Qt.PenStyle.DashLine), False),
    ):
        path = QPainterPath()
        for i, (pt, value) in enumerate(zip(points, values, strict=True)):
            at = QPointF(x_of(pt.day), y_of(value))
            path.moveTo(at) if i == 0 else path.lineTo(at)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(path)
        p.setPen(QPen(pen.color(), 1.0))
        p.setBrush(QColor("white"))
        for pt, value in zip(points, values, strict=True):
            _marker(p, QPointF(x_of(pt.day), y_of(value)), square=square)
    _key(p, QRectF(plot.right() + 14, plot.top(), 136, 60), points)


def _marker(p: QPainter, at: QPointF, *, square: bool) -> None:
    if square:
        p.drawRect(QRectF(at.x() - 3, at.y() - 3, 6, 6))
    else:
        p.drawEllipse(at, 3.2, 3.2)


def _key(p: QPainter, box: QRectF, points: Sequence[ScorePoint]) -> None:
    latest = points[-1]
    for i, (name, value, pen, square) in enumerate(
        (
            ("Bald", latest.bald, QPen(INK, 1.4), True),
            ("Thinning", latest.thinning, QPen(THINNING_INK, 1.4, Qt.PenStyle.DashLine), False),
        )
    ):
        y = box.top() + 6 + i * 18
        p.setPen(pen)
        p.drawLine(QPointF(box.left(), y), QPointF(box.left() + 22, y))
        p.setPen(QPen(pen.color(), 1.0))
        p.setBrush(QColor("white"))
        _marker(p, QPointF(box.left() + 11, y), square=square)
        draw_text(
            p,
            QRectF(box.left() + 28, y - 7, box.width() - 28, 14),
            f"{name}: {round(value)} % now",
            paper_font(8.5),
        )
    draw_text(
        p,
        QRectF(box.left(), box.top() + 44, box.width(), 40),
        f"{len(points)} dated map{'' if len(points) == 1 else 's'}; shares of what was marked, not a diagnosis.",
        paper_font(7.5),
        FAINT,
    )
