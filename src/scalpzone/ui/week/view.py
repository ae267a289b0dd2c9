"""The week view: seven days of the plan, the zones left out, every warning and its "Why?"."""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.photo_reminders import photo_days
from scalpzone.domain.plan import Plan, PlanStatus, PlanWarning, WarningCode
from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.map.model import plan_ahead
from scalpzone.ui.style.colours import MapColours
from scalpzone.ui.style.references import sources_paragraph
from scalpzone.ui.style.words import full_day, short_day, with_dates
from scalpzone.ui.week.day_column import DayColumn

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile

DAYS = 7


class WeekView(QWidget):
    """Seven day columns for one week of the plan, and a panel with what was left out and why.

    `sessionRequested(Session)` asks the caller to run a session (open a SessionRunner).
    """

    sessionRequested = Signal(object)
    checklistRequested = Signal()

    def __init__(self, profile: OpenProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._today = profile.today
        self.week_offset = 0
        self.plan: Plan | None = None
        self._recolour_when_shown = False
        self.setAccessibleName(self.tr("Week plan"))

        self.previous_button = QPushButton(self.tr("◀ Earlier week"), self)
        self.previous_button.setAccessibleName(self.tr("Earlier week"))
        self.previous_button.setToolTip(self.tr("Show the week before"))
        self.next_button = QPushButton(self.tr("Later week ▶"), self)
        self.next_button.setAccessibleName(self.tr("Later week"))
        self.next_button.setToolTip(self.tr("Show the week after"))
        self.this_week_button = QPushButton(self.tr("This week"), self)
        self.range_label = QLabel(self)
        self.range_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.range_label.font())
        font.setBold(True)
        self.range_label.setFont(font)
        self.previous_button.clicked.connect(lambda: self.show_week(self.week_offset - 1))
        self.next_button.clicked.connect(lambda: self.show_week(self.week_offset + 1))
        self.this_week_button.clicked.connect(lambda: self.show_week(0))
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addWidget(self.this_week_button)
        nav.addWidget(self.range_label, 1)
        nav.addWidget(self.next_button)

        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.banner.hide()
        # On hold, the way back is one click away: the checklist, to untick what has cleared.
        self.checklist_button = QPushButton(self.tr("Open the health &checklist…"), self)
        self.checklist_button.clicked.connect(self.checklistRequested)
        self.checklist_button.hide()

        self.columns: list[DayColumn] = []
        days = QHBoxLayout()
        days.setSpacing(6)
        for _ in range(DAYS):
            column = DayColumn(self)
            column.startRequested.connect(self.sessionRequested)
            days.addWidget(column, 1)
            self.columns.append(column)

        self.side = QWidget(self)
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        side_scroll = QScrollArea(self)
        side_scroll.setAccessibleName(self.tr("Warnings and areas left out"))
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(self.side)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setMinimumWidth(260)
        # It scrolls: how tall its rows would like to be must not make the whole tab scroll.
        side_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.rule_view = QTextBrowser(self)
        self.rule_view.setAccessibleName(self.tr("Why: the rule and its source"))
        self.rule_view.setOpenExternalLinks(True)
        self.rule_view.setMinimumHeight(200)
        # Said in a wrapping label (a placeholder is one line, cut short in a narrow panel).
        self.rule_hint = QLabel(
            self.tr("Press “Why?” to see the rule and its source."), self.rule_view.viewport()
        )
        self.rule_hint.setWordWrap(True)
        self.rule_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint_box = QVBoxLayout(self.rule_view.viewport())
        hint_box.addWidget(self.rule_hint, 0, Qt.AlignmentFlag.AlignTop)
        side_box = QVBoxLayout()
        side_box.addWidget(side_scroll, 1)
        side_box.addWidget(self.rule_view)

        body = QHBoxLayout()
        body.addLayout(days, 3)
        body.addLayout(side_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.banner)
        layout.addWidget(self.checklist_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(body, 1)
        self.why_buttons: list[QPushButton] = []
        self.refresh()

    # -- what is shown ---------------------------------------------------------------------

    def week_start(self) -> date:
        """The first day shown: today, or a whole number of weeks from it."""
        return self._today() + timedelta(days=7 * self.week_offset)

    def show_week(self, offset: int) -> None:
        """Show the week `offset` weeks from this one (negative: earlier)."""
        self.week_offset = offset
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Redraw the days in the new colours when the palette changes (View › Appearance)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.plan is not None:
            if self.isVisible():
                self.refresh()
            else:
                self._recolour_when_shown = True

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with a palette change made while the week was hidden."""
        super().showEvent(event)
        if self._recolour_when_shown:
            self._recolour_when_shown = False
            self.refresh()

    def refresh(self) -> None:
        """Re-plan from the open profile and show the week; call after logging or editing."""
        today = self._today()
        doc = self._profile.document
        roller = self._profile.current_roller
        start = self.week_start()
        if self.week_offset >= 0:
            uses = roller.uses if roller is not None else None
            plan = plan_ahead(doc, today, self.week_offset + 1, uses)
        else:
            plan = plan_ahead(doc, today, 1)
        self.plan = plan
        end = start + timedelta(days=DAYS - 1)
        self.range_label.setText(f"{short_day(start)} – {full_day(end)}")
        colours = MapColours.from_palette(self.palette())
        logged = {e.date: e for e in doc.history}
        reminded = photo_days(
            (e.date for e in doc.history if e.is_treatment), (s.date for s in plan.sessions)
        )
        for i, column in enumerate(self.columns):
            day = start + timedelta(days=i)
            if day < plan.start:
                # Earlier weeks, and today once its session is logged: what the log says.
                column.show_day(day, today, None, doc.scalp_map, colours)
                entry = logged.get(day)
                if entry is not None:
                    column.show_logged(entry, doc.scalp_map, colours)
            else:
                session = plan.session_on(day)
                column.show_day(day, today, session, doc.scalp_map, colours, day in reminded)
        self._show_status(plan)
        self._fill_side(plan, doc.scalp_map)

    def _show_status(self, plan: Plan) -> None:
        on_hold = plan.status is PlanStatus.HOLD
        self.checklist_button.setVisible(on_hold)
        if plan.status is PlanStatus.OK:
            self.banner.hide()
            self.banner.clear()
            return
        if on_hold:
            # The planner's message already says why and what to do: say it once.
            heading = self.tr("Your plan is on hold")
            lines = [with_dates(plan.message)]
        else:
            heading = self.tr("Nothing to plan yet")
            lines = [
                with_dates(plan.message),
                self.tr("What to do: mark the areas that are thinning on the map."),
            ]
        body = "<br>".join(html.escape(line) for line in lines if line)
        self.banner.setText(f"<b>{html.escape(heading)}</b><br>{body}")
        self.banner.setStyleSheet(
            "QLabel { border: 2px solid #c2413f; border-radius: 4px; padding: 8px; }"
        )
        self.banner.show()

    def _fill_side(self, plan: Plan, scalp_map: ScalpMap) -> None:
        while (item := self.side_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.why_buttons = []
        names = {z.id: z.display_name for z in scalp_map.zones}
        bold = QFont(self.font())
        bold.setBold(True)

        heading = QLabel(self.tr("Warnings"), self.side)
        heading.setFont(bold)
        self.side_layout.addWidget(heading)
        if not plan.warnings:
            self.side_layout.addWidget(QLabel(self.tr("None this week."), self.side))
        for warning in plan.warnings:
            self._add_row(
                self._warning_title(warning), warning.code.rule_id, with_dates(warning.message)
            )

        heading = QLabel(self.tr("Left out of the plan"), self.side)
        heading.setFont(bold)
        self.side_layout.addWidget(heading)
        reasons = {
            "bald": self.tr("bald"),
            "healthy": self.tr("healthy"),
            "blocked": self.tr("blocked"),
        }
        shown = [r for r in plan.rejected if r.reason.value != "healthy"]
        healthy = [r for r in plan.rejected if r.reason.value == "healthy"]
        for rejection in shown:
            text = f"{names.get(rejection.zone, rejection.zone)}: {reasons[rejection.reason.value]}"
            if rejection.until is not None:
                text += self.tr(" until {day}").format(day=short_day(rejection.until))
            self._add_row(text, rejection.reason.value)
        if healthy:
            text = self.tr("{count} healthy areas, not rolled").format(count=len(healthy))
            detail = ", ".join(names.get(r.zone, r.zone) for r in healthy)
            self._add_row(text, "healthy", detail)
        self.side_layout.addStretch(1)

    def _warning_title(self, warning: PlanWarning) -> str:
        """A short line for the side panel; the full message shows under "Why?"."""
        titles = {
            WarningCode.PATCH_TEST: self.tr("First session: a patch test"),
            WarningCode.NEEDLE_ADVICE: self.tr("Advice on the needle length"),
            WarningCode.COVERAGE: self.tr("Some areas wait over 14 days"),
            WarningCode.ZONE_OVER_BUDGET: self.tr("An area longer than a session"),
            WarningCode.ROLLER_REPLACE: self.tr("Time to replace the roller"),
            WarningCode.COURSE_REVIEW: self.tr("12-week review"),
        }
        return titles[warning.code]

    def _add_row(self, text: str, rule_id: str, detail: str = "") -> None:
        row = QFrame(self.side)
        row.setFrameShape(QFrame.Shape.StyledPanel)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(6, 4, 6, 4)
        label = QLabel(text, row)
        # Long lines wrap: the panel never scrolls sideways, so "Why?" stays in view.
        label.setWordWrap(True)
        label.setMinimumWidth(1)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # a new policy drops it: a wrapped line was cut off
        label.setSizePolicy(policy)
        label.setToolTip(detail or text)
        why = QPushButton(self.tr("Why?"), row)
        why.setAccessibleName(self.tr("Why: {what}").format(what=text))
        why.setProperty("rule_id", rule_id)
        why.clicked.connect(lambda: self.show_rule(rule_id, detail))
        row_layout.addWidget(label, 1)
        row_layout.addWidget(why, 0)
        self.side_layout.addWidget(row)
        self.why_buttons.append(why)

    def show_rule(self, rule_id: str, detail: str = "") -> None:
        """Show what the row is about, then the rule, why it exists and where it comes from."""
        rule = RULES_BY_ID[rule_id]
        lead = f"<p>{html.escape(detail)}</p>" if detail else ""
        figures = f" ({html.escape(rule.value)})" if rule.value else ""
        self.rule_hint.hide()
        self.rule_view.setHtml(
            lead + f"<b>{html.escape(rule.title)}</b>{figures}"
            f"<p>{html.escape(rule.explanation)}</p>{sources_paragraph(rule)}"
        )

    def day_texts(self) -> list[str]:
        """Each column's text as the person reads it."""
        return [column.text() for column in self.columns]
