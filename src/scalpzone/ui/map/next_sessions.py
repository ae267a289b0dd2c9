"""The "next sessions" preview: the coming seven days of the plan, refreshed after every edit."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The minutes have a column of their own: a long list of areas never hides them.
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
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
        """Recolour the rows when the palette changes (their colours are set per item)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._shown = {}
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
            day_text = short_day(day) if row else self.tr("Today")
            shown = (day_text, what, minutes, tip, session is not None)
            if self._shown.get(row) == shown:
                continue  # a row set again would re-measure and repaint the whole table
            self._shown[row] = shown
            self.table.setVerticalHeaderItem(row, QTableWidgetItem(day_text))
            self._set(row, 0, day_text, bold=session is not None)
            self._set(row, 1, what, bold=False, tip=tip, dim=session is None)
            self._set(row, 2, minutes, bold=False, tip=tip)
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

    def _set(
        self, row: int, column: int, text: str, *, bold: bool, tip: str = "", dim: bool = False
    ) -> None:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, column, item)
        item.setText(text)
        # An empty cell (no minutes on a rest day) still reads as something to a screen reader.
        item.setData(Qt.ItemDataRole.AccessibleTextRole, text or self.tr("no minutes"))
        item.setToolTip(tip)
        font = item.font()
        font.setBold(bold)
        item.setFont(font)
        role = self.palette().ColorRole.PlaceholderText if dim else self.palette().ColorRole.Text
        item.setForeground(self.palette().color(role))
