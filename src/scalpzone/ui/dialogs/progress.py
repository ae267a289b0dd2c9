"""Progress: the shares of the scalp marked bald and thinning over time, and sessions per area.

The numbers come from `domain.progress`; this module only draws them. The chart is painted
with QPainter (Qt Charts is not part of PySide6-Essentials). Its two lines differ in colour,
line style and marker, so they read without colour and in the dark palette.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.progress import (
    ScorePoint,
    ZoneCount,
    course_start,
    score_series,
    sessions_per_zone,
)
from scalpzone.domain.rules import COURSE_WEEKS, RULES_BY_ID
from scalpzone.domain.scores import WEIGHTING, shares_sentence
from scalpzone.ui.style.colours import MapColours, mix
from scalpzone.ui.style.words import day_month, long_date
from scalpzone.ui.widgets.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from scalpzone.storage.store import ProfileStore


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


class _BarDelegate(QStyledItemDelegate):
    """Draws a session count as a bar with the number beside it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.most = 1

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        count = int(index.data(Qt.ItemDataRole.DisplayRole) or 0)
        palette = option.palette
        rect = QRectF(option.rect).adjusted(6, 4, -6, -4)
        label = str(count)
        metrics = QFontMetricsF(option.font)
        number_width = metrics.horizontalAdvance("0000")
        bar_room = max(rect.width() - number_width, 0)
        painter.save()
        text = palette.color(QPalette.ColorRole.Text)
        if count:
            bar = QRectF(rect.left(), rect.top(), bar_room * count / self.most, rect.height())
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
        painter.setPen(text)
        painter.drawText(
            QRectF(
                rect.left() + bar_room * count / self.most + 6,
                rect.top(),
                number_width,
                rect.height(),
            ),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            label,
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        height = round(QFontMetricsF(option.font).height()) + 10
        return QSize(hint.width(), max(hint.height(), height))


class ProgressView(QWidget):
    """The score chart over the dated maps and the sessions per area in this course."""

    def __init__(
        self,
        store: ProfileStore,
        profile_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._profile_id = profile_id
        self._today = today
        self.setAccessibleName(self.tr("Progress"))

        bold = QFont(self.font())
        bold.setBold(True)
        self.chart_title = QLabel(self.tr("Share of your scalp marked bald and thinning"), self)
        self.chart_title.setFont(bold)
        self.chart = ScoreChart(self)
        self.chart_note = QLabel(self)
        self.chart_note.setWordWrap(True)
        rule = RULES_BY_ID["coverage_score"]
        self.chart_note.setToolTip(f"{rule.explanation}\n{rule.source_line}")

        self.counts_title = QLabel(self)
        self.counts_title.setFont(bold)
        self.counts_title.setWordWrap(True)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Area"), self.tr("Sessions done")])
        self.table.setAccessibleName(self.tr("Sessions per area in this course"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._bars = _BarDelegate(self.table)
        self.table.setItemDelegateForColumn(1, self._bars)
        self.counts_note = QLabel(self)
        self.counts_note.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.chart_title)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.chart_note)
        layout.addSpacing(8)
        layout.addWidget(self.counts_title)
        layout.addWidget(self.table)
        layout.addWidget(self.counts_note)
        self.counts: tuple[ZoneCount, ...] = ()
        self.course_start: date | None = None
        self.refresh()

    def refresh(self) -> None:
        """Read the dated maps and the log again and redraw."""
        today = self._today()
        stored = self._store.load_profile(self._profile_id)
        doc = stored.document
        points = score_series(self._store.map_snapshots(self._profile_id), doc.scalp_map)
        self.chart.set_points(points)
        if points:
            latest = points[-1]
            self.chart_note.setText(
                self.tr("Latest map ({day}): {shares}. {weighting}").format(
                    day=long_date(latest.day),
                    shares=shares_sentence(latest.bald, latest.thinning),
                    weighting=WEIGHTING,
                )
            )
        else:
            self.chart_note.setText(WEIGHTING)

        self.course_start = course_start(doc.history, today)
        self.counts = sessions_per_zone(doc.history, doc.scalp_map, self.course_start, today)
        if self.course_start is None:
            self.counts_title.setText(self.tr("Sessions per area"))
            self.counts_note.setText(
                self.tr("No session done yet: the counts start with your first session.")
            )
        else:
            week = (today - self.course_start).days // 7 + 1
            end = self.course_start + timedelta(weeks=COURSE_WEEKS, days=-1)
            self.counts_title.setText(
                self.tr(
                    "Sessions per area this course ({first} – {last}, week {week} of {weeks})"
                ).format(
                    first=day_month(self.course_start),
                    last=long_date(end),
                    week=week,
                    weeks=COURSE_WEEKS,
                )
            )
            total = len(
                {
                    e.date
                    for e in doc.history
                    if e.is_treatment and self.course_start <= e.date <= today
                }
            )
            done = (
                self.tr("1 session done so far")
                if total == 1
                else self.tr("{sessions} sessions done so far").format(sessions=total)
            )
            self.counts_note.setText(done + self.tr("; skipped sessions are not counted."))
        self._fill_table()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.counts))
        self._bars.most = max((c.sessions for c in self.counts), default=0) or 1
        for row, count in enumerate(self.counts):
            name = QTableWidgetItem(count.name)
            number = QTableWidgetItem()
            number.setData(Qt.ItemDataRole.DisplayRole, count.sessions)
            number.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("{n} sessions").format(n=count.sessions),
            )
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, number)
        self.table.resizeRowsToContents()
        # As tall as its rows (up to a point), so the chart gets the room that is left.
        rows = sum(self.table.rowHeight(r) for r in range(min(self.table.rowCount(), 8)))
        frame = 2 * self.table.frameWidth()
        self.table.setMaximumHeight(
            self.table.horizontalHeader().sizeHint().height() + max(rows, 24) + frame
        )

    def zone_rows(self) -> list[tuple[str, int]]:
        """The table as shown: (area name, sessions done), top to bottom."""
        rows = []
        for row in range(self.table.rowCount()):
            name = self.table.item(row, 0)
            number = self.table.item(row, 1)
            if name is None or number is None:
                continue
            rows.append((name.text(), int(number.data(Qt.ItemDataRole.DisplayRole))))
        return rows


class ProgressDialog(QDialog):
    """Help or View › Progress: the chart and the per-area counts in a window with Close."""

    def __init__(
        self,
        store: ProfileStore,
        profile_id: int,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Progress – ScalpZone"))
        self.view = ProgressView(store, profile_id, today, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        resize_to_fit(self, 720, 700)

    def refresh(self) -> None:
        """Read the database again (after a save or a logged session)."""
        self.view.refresh()
