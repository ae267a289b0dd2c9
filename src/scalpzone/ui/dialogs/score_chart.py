"""The score chart of the Progress dialog: the bald and thinning scores of each dated map.

Painted with QPainter (Qt Charts is not part of PySide6-Essentials). Its two lines differ in
colour, line style and marker, so they read without colour and in the dark palette.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from scalpzone.domain.progress import ScorePoint
from scalpzone.domain.scores import shares_sentence
from scalpzone.ui.style.colours import MapColours, mix
from scalpzone.ui.style.words import day_month


def _nice_ceiling(value: float) -> float:
    """The top of the score axis: 10, 20, 25, 50 or 100, just above the highest score."""
    for top in (10.0, 20.0, 25.0, 50.0):
        if value <= top:
            return top
    return 100.0


class ScoreChart(QWidget):
    """A line chart of the bald and thinning scores of each dated map.

    Bald: a solid line with filled squares. Thinning: a dashed line with open circles.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: tuple[ScorePoint, ...] = ()
        #: Where the last paint put the note and the points (for checking that none hides).
        self.message_box: QRectF | None = None
        self.markers: list[QPointF] = []
        self.setMinimumSize(460, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Share of the scalp marked bald and thinning over time"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    # -- data ------------------------------------------------------------------------------

    def set_points(self, points: Sequence[ScorePoint]) -> None:
        """Show these scores, oldest first."""
        self._points = tuple(sorted(points, key=lambda p: p.day))
        self.setAccessibleDescription(self.summary())
        self.update()

    def points(self) -> tuple[ScorePoint, ...]:
        """The scores the chart shows, oldest first."""
        return self._points

    @property
    def is_empty(self) -> bool:
        """Fewer than two dated maps: no line to draw yet."""
        return len(self._points) < 2

    def empty_text(self) -> str:
        """What the chart says in place of lines ("" when it has lines)."""
        if not self._points:
            return self.tr(
                "No map saved yet. Mark your map: the chart fills in as you update it on later "
                "days."
            )
        if len(self._points) == 1:
            return self.tr(
                "One snapshot so far — the chart fills in as you update your map on later days."
            )
        return ""

    def summary(self) -> str:
        """The scores in words, one day a line (for screen readers and tests)."""
        return "\n".join(
            self.tr("{day}: {shares}").format(
                day=p.day.isoformat(), shares=shares_sentence(p.bald, p.thinning)
            )
            for p in self._points
        )

    def sizeHint(self) -> QSize:
        return QSize(620, 300)

    # -- drawing ---------------------------------------------------------------------------

    def _series_colours(self) -> tuple[QColor, QColor]:
        colours = MapColours.from_palette(self.palette())
        return colours.bald, colours.thinning[2]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        bald_colour, thinning_colour = self._series_colours()

        legend_height = line + 8
        self._draw_legend(painter, QRectF(8, 4, self.width() - 16, line + 4), text)
        axis_width = metrics.horizontalAdvance("100 %") + 10
        plot = QRectF(
            8 + axis_width,
            legend_height + 10,
            self.width() - axis_width - 8 - 24,
            self.height() - legend_height - 10 - 2.4 * line - 8,
        )
        if plot.width() < 40 or plot.height() < 40:
            return
        top = _nice_ceiling(max((max(p.bald, p.thinning) for p in self._points), default=0))
        grid = mix(palette.color(QPalette.ColorRole.Base), text, 0.18)
        faint = mix(palette.color(QPalette.ColorRole.Base), text, 0.65)

        # Score axis: five steps from 0 to the top, with faint grid lines.
        painter.setFont(self.font())
        for step in range(6):
            value = top * step / 5
            y = plot.bottom() - plot.height() * step / 5
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(faint)
            label = f"{value:g} %"
            painter.drawText(
                QRectF(4, y - line / 2, axis_width, line),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        painter.setPen(QPen(text, 1.2))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())

        if not self._points:
            self._draw_message(painter, plot, text)
            return
        first = self._points[0].day
        last = self._points[-1].day
        span = max((last - first).days, 1)

        def x_of(day: date) -> float:
            if first == last:
                return plot.center().x()
            return plot.left() + plot.width() * (day - first).days / span

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * min(max(value, 0.0), top) / top

        self._draw_dates(painter, plot, x_of, faint, line)
        if self.is_empty:
            # The note goes where no point is, and under the points: it never hides one.
            points = [
                QPointF(x_of(p.day), y_of(v)) for p in self._points for v in (p.bald, p.thinning)
            ]
            self._draw_message(painter, plot, text, avoid=points)
        self.markers = []
        for values, colour, dashed in (
            ([p.bald for p in self._points], bald_colour, False),
            ([p.thinning for p in self._points], thinning_colour, True),
        ):
            pen = QPen(colour, 2.4)
            pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            corners = [
                QPointF(x_of(p.day), y_of(v)) for p, v in zip(self._points, values, strict=True)
            ]
            for a, b in itertools.pairwise(corners):
                painter.drawLine(a, b)
            for corner in corners:
                self._draw_marker(painter, corner, colour, square=not dashed)
            self.markers += corners

    def _draw_dates(
        self,
        painter: QPainter,
        plot: QRectF,
        x_of: Callable[[date], float],
        colour: QColor,
        line: float,
    ) -> None:
        """Date ticks under the axis; labels that would overlap the one before are left out."""
        metrics = QFontMetricsF(self.font())
        painter.setPen(colour)
        shown_right = -math.inf
        year_shown: int | None = None
        days = [p.day for p in self._points]
        # The last day always gets its label, so it is placed first and the rest fit around it.
        last_left = x_of(days[-1]) - metrics.horizontalAdvance(day_month(days[-1])) / 2
        for i, day in enumerate(days):
            x = x_of(day)
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            label = day_month(day)
            width = metrics.horizontalAdvance(label) + 10
            left = x - width / 2
            is_last = i == len(days) - 1
            if left < shown_right or (not is_last and left + width > last_left):
                continue
            painter.drawText(
                QRectF(left, plot.bottom() + 5, width, line),
                int(Qt.AlignmentFlag.AlignHCenter),
                label,
            )
            if day.year != year_shown:
                painter.drawText(
                    QRectF(left, plot.bottom() + 5 + line, width, line),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    str(day.year),
                )
                year_shown = day.year
            shown_right = left + width

    def _draw_marker(self, painter: QPainter, at: QPointF, colour: QColor, *, square: bool) -> None:
        base = self.palette().color(QPalette.ColorRole.Base)
        painter.setPen(QPen(colour, 2))
        if square:
            painter.setBrush(colour)
            painter.drawRect(QRectF(at.x() - 4.5, at.y() - 4.5, 9, 9))
        else:
            painter.setBrush(base)
            painter.drawEllipse(at, 5, 5)
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _draw_legend(self, painter: QPainter, box: QRectF, text: QColor) -> None:
        bald_colour, thinning_colour = self._series_colours()
        metrics = QFontMetricsF(self.font())
        x = box.left()
        mid = box.center().y()
        for name, colour, dashed in (
            (self.tr("Marked bald"), bald_colour, False),
            (self.tr("Marked thinning"), thinning_colour, True),
        ):
            pen = QPen(colour, 2.4)
            pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, mid), QPointF(x + 34, mid))
            self._draw_marker(painter, QPointF(x + 17, mid), colour, square=not dashed)
            painter.setPen(text)
            width = metrics.horizontalAdvance(name) + 4
            painter.drawText(
                QRectF(x + 42, box.top(), width, box.height()),
                int(Qt.AlignmentFlag.AlignVCenter),
                name,
            )
            x += 42 + width + 24
        painter.setPen(mix(self.palette().color(QPalette.ColorRole.Base), text, 0.65))
        note = self.tr("% of the scalp, weighted by region")
        painter.drawText(
            QRectF(x, box.top(), box.right() - x, box.height()),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
            note,
        )

    def _draw_message(
        self, painter: QPainter, plot: QRectF, text: QColor, avoid: Sequence[QPointF] = ()
    ) -> None:
        message = self.empty_text()
        if not message:
            return
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        room = plot.adjusted(plot.width() * 0.08, 0, -plot.width() * 0.08, 0)
        metrics = QFontMetricsF(self.font())
        needed = metrics.boundingRect(room, flags, message)
        pad = metrics.height() * 0.6
        box = needed.adjusted(-pad, -pad, pad, pad)
        for height in (0.42, 0.14, 0.72):
            box.moveCenter(QPointF(plot.center().x(), plot.top() + plot.height() * height))
            clear = box.adjusted(-8, -8, 8, 8)
            if not any(clear.contains(point) for point in avoid):
                break
        self.message_box = QRectF(box)
        base = self.palette().color(QPalette.ColorRole.Base)
        painter.setPen(QPen(mix(base, text, 0.35), 1))
        painter.setBrush(base)
        painter.drawRoundedRect(box, 4, 4)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(text)
        painter.drawText(box, flags, message)
