"""Progress: the shares of the scalp marked bald and thinning over time, and sessions per area.

The numbers come from `domain.progress`; this module only shows them: the score chart
(`score_chart.py`) above a table of sessions per area.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.progress import (
    ZoneCount,
    course_start,
    score_series,
    sessions_per_zone,
)
from scalpzone.domain.rules import COURSE_WEEKS, RULES_BY_ID
from scalpzone.domain.scores import WEIGHTING, shares_sentence
from scalpzone.ui.dialogs.score_chart import ScoreChart
from scalpzone.ui.style.words import day_month, long_date
from scalpzone.ui.widgets.screen_fit import fit_to_screen

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile


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
    """The score chart over the dated maps and the sessions per area in this course.

    It follows the open profile's log (`logChanged`): a session logged or corrected recounts.
    """

    def __init__(self, profile: OpenProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._today = profile.today
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
        profile.logChanged.connect(self._on_log_changed)

    def _on_log_changed(self, _zones: frozenset[str]) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the dated maps again, count the log, and redraw."""
        today = self._today()
        doc = self._profile.document
        points = score_series(self._profile.dated_maps(), doc.scalp_map)
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
        self, profile: OpenProfile, parent: QWidget | None = None, *, beside: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Progress – ScalpZone"))
        self.view = ProgressView(profile, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()  # the scores, and the photo timeline beside them when given
        row.addWidget(self.view, 1)
        if beside is not None:
            row.addWidget(beside)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 920 if beside is not None else 720, 700)

    def refresh(self) -> None:
        """Read the database again (after a save or a logged session)."""
        self.view.refresh()
