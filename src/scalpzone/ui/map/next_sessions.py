"""The "next sessions" preview: the coming seven days of the plan, refreshed after every edit."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.plan import PlanStatus
from scalpzone.ui.map.model import MapModel
from scalpzone.ui.style.words import short_day, with_dates

DAYS = 7


class NextSessionsPreview(QWidget):
    """Seven rows, one per day: the zones to roll in order and the minutes, or a rest day.

    When today has a session still to do, a button under the rows starts it.
    """

    startRequested = Signal()

    def __init__(self, model: MapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        # What each row shows (day, plan, minutes, tooltip, bold), so a refresh sets only the
        # rows that changed.
        self._shown: dict[int, tuple[str, str, str, str, bool]] = {}
        self._sized_for: list[str] = []  # the days the columns were measured for
        self.title = QLabel(self.tr("Next 7 days"), self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table = QTableWidget(DAYS, 3, self)
        self.table.setAccessibleName(self.tr("Next sessions"))
        self.table.setAccessibleDescription(self.tr("The plan for the coming seven days."))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        # The headers are not drawn (the day is in the first column) but screen readers read
        # them: each row is headed by its day, the columns by what they hold.
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("Plan"), self.tr("Minutes")])
        self.table.horizontalHeader().hide()
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # The day and the minutes are as wide as their longest text could be, measured once a
        # day (`_size_columns`): columns that sized themselves to their contents widened and
        # narrowed as sessions moved between days, and repainted the whole table at each edit.
        # The plan takes the rest. The minutes have a column of their own: a long list of
        # areas never hides them.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setFixedHeight(self.table.verticalHeader().defaultSectionSize() * DAYS + 4)
        self.start_button = QPushButton(self.tr("S&tart today's session…"), self)
        self.start_button.setToolTip(
            self.tr("Walk through today's session step by step and log it")
        )
        self.start_button.clicked.connect(self.startRequested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        layout.addStretch(1)
        model.planChanged.connect(self.refresh)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Recolour the rows when the palette changes (their colours are set per item), and
        measure the columns again when the font does."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._shown = {}
            self._sized_for = []
            self.refresh()

    def day_texts(self) -> list[tuple[str, str]]:
        """(day, what happens) for each row, as the person reads them."""
        out = []
        for row in range(DAYS):
            day, what, minutes = (self.table.item(row, c) for c in range(3))
            text = what.text() if what else ""
            if minutes is not None and minutes.text():
                text += " · " + minutes.text()
            out.append((day.text() if day else "", text))
        return out

    def refresh(self) -> None:
        """Show the plan as it is now."""
        model = self._model
        plan = model.plan
        names = {z.id: z.display_name for z in model.scalp_map.zones}
        today = model.today()
        days = [self.tr("Today")] + [short_day(today + timedelta(days=r)) for r in range(1, DAYS)]
        if days != self._sized_for:
            self._size_columns(days)
        for row in range(DAYS):
            day = today + timedelta(days=row)
            session = plan.session_on(day)
            minutes = ""
            logged = model.logged_on(day) if day < plan.start else None
            if logged is not None:
                zones = ", ".join(names.get(z, z) for z in logged.zones)
                done = logged.is_treatment
                what = (self.tr("Done: {zones}") if done else self.tr("Skipped: {zones}")).format(
                    zones=zones
                )
                tip = what
            elif session is None:
                what = self.tr("rest") if plan.status is PlanStatus.OK else self.tr("no session")
                tip = ""
            else:
                zones = ", ".join(names.get(z, z) for z in session.zones)
                what = zones
                minutes = self.tr("{minutes} min").format(minutes=session.minutes)
                if session.patch_test:
                    what = self.tr("Patch test: ") + what
                tip = f"{what} · {minutes}"
            day_text = days[row]
            shown = (day_text, what, minutes, tip, session is not None)
            before = self._shown.get(row)
            if before == shown:
                continue  # a cell set again repaints it
            self._shown[row] = shown
            if before is None or before[0] != day_text:
                self.table.setVerticalHeaderItem(row, QTableWidgetItem(day_text))
            for column in range(3):
                cell = _cell(shown, column)
                if before is None or _cell(before, column) != cell:
                    self._set(row, column, *cell)
        if plan.status is PlanStatus.OK:
            warnings = [
                with_dates(w.message) for w in plan.warnings if w.code.value != "needle_advice"
            ]
            self.message.setText("\n".join(warnings[:2]))
        else:
            self.message.setText(with_dates(plan.message))
        self.message.setVisible(bool(self.message.text()))
        to_do = plan.session_on(today) is not None and model.logged_on(today) is None
        self.start_button.setVisible(plan.status is PlanStatus.OK and to_do)

    def _size_columns(self, days: list[str]) -> None:
        """The day column fits the longest of these days in bold (any may have a session), the
        minutes column a two-digit "88 min"."""
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        # The cell's margins and a little air. (Not asked of the style: the first use of
        # QStyle's type costs ≈ 10 ms before the window can be drawn.)
        pad = 16
        self.table.setColumnWidth(0, max(metrics.horizontalAdvance(day) for day in days) + pad)
        longest = self.tr("{minutes} min").format(minutes=88)
        self.table.setColumnWidth(2, metrics.horizontalAdvance(longest) + pad)
        self._sized_for = days

    def _set(self, row: int, column: int, text: str, tip: str, bold: bool, dim: bool) -> None:
        # A new item with all of it at once: each setter of a shown item repaints the table.
        item = QTableWidgetItem(text)
        # An empty cell (no minutes on a rest day) still reads as something to a screen reader.
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text or self.tr("no minutes"))
        item.setToolTip(tip)
        if bold:
            font = QFont(self.table.font())
            font.setBold(True)
            item.setFont(font)
        role = self.palette().ColorRole.PlaceholderText if dim else self.palette().ColorRole.Text
        item.setForeground(self.palette().color(role))
        self.table.setItem(row, column, item)


def _cell(shown: tuple[str, str, str, str, bool], column: int) -> tuple[str, str, bool, bool]:
    """What a row's cell in `column` shows: text, tooltip, bold, dim."""
    day_text, what, minutes, tip, has_session = shown
    if column == 0:
        return (day_text, "", has_session, False)
    if column == 1:
        return (what, tip, False, not has_session)
    return (minutes, tip, False, False)
