"""The week view: seven days of the plan, the zones left out, every warning and its "Why?"."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen, QShowEvent
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

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.photo_reminders import PHOTO_REMINDER, photo_days
from scalpzone.domain.plan import Plan, PlanStatus, PlanWarning, Session, WarningCode
from scalpzone.domain.rules import RULES_BY_ID, millimetres
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.map.model import plan_ahead
from scalpzone.ui.style.colours import MapColours
from scalpzone.ui.style.references import sources_paragraph
from scalpzone.ui.style.words import full_day, short_day, with_dates
from scalpzone.ui.week.colour_chip import ColourChip

if TYPE_CHECKING:
    from scalpzone.ui.profile.store_api import ProfileStoreLike

DAYS = 7


class DayColumn(QFrame):
    """One day: its date, today marked, and the session's zones in rolling order."""

    startRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.setSpacing(4)
        self.session: Session | None = None
        self.day: date | None = None
        self.is_today = False
        self._lines: list[str] = []

    def show_day(
        self,
        day: date,
        today: date,
        session: Session | None,
        scalp_map: ScalpMap,
        colours: MapColours,
        photos: bool = False,
    ) -> None:
        """Fill the column for this day (`photos`: the session carries the photo reminder)."""
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.day, self.session, self.is_today = day, session, day == today
        self._lines = []
        title = QLabel(short_day(day), self)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self._layout.addWidget(title)
        self._lines.append(short_day(day))
        if self.is_today:
            mark = QLabel(self.tr("Today"), self)
            mark.setForegroundRole(self.foregroundRole())
            mark.setStyleSheet(
                "color: palette(highlighted-text); background: palette(highlight);"
                "padding: 1px 4px; border-radius: 3px;"
            )
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addWidget(mark)
            self._lines.append(self.tr("Today"))
        names = {z.id: z for z in scalp_map.zones}
        if session is None:
            rest = QLabel(self.tr("Rest day"), self)
            # Quiet, but readable: a disabled label would fall below AA contrast.
            rest.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self._layout.addWidget(rest)
            self._lines.append(self.tr("Rest day"))
        else:
            for shown, text, style, tip in (
                (session.patch_test, self.tr("Patch test"), "font-style: italic;", ""),
                (photos, self.tr("Photos first"), "font-weight: bold;", self.tr(PHOTO_REMINDER)),
            ):
                if shown:
                    note = QLabel(text, self)
                    note.setStyleSheet(style)
                    note.setToolTip(tip)
                    self._layout.addWidget(note)
                    self._lines.append(text)
            for number, zone_id in enumerate(session.zones, start=1):
                zone = names.get(zone_id)
                name = zone.display_name if zone is not None else zone_id
                colour = (
                    colours.fill(zone.state, zone.severity) if zone is not None else colours.healthy
                )
                row = QWidget(self)
                row_layout = QHBoxLayout(row)
                row_layout.setContentsMargins(0, 0, 0, 0)
                row_layout.setSpacing(4)
                row_layout.addWidget(ColourChip(colour, row))
                label = QLabel(f"{number}. {name}", row)
                label.setWordWrap(True)
                row_layout.addWidget(label, 1)
                self._layout.addWidget(row)
                self._lines.append(f"{number}. {name}")
            details = self.tr("{minutes} min · {needle} mm").format(
                minutes=session.minutes, needle=millimetres(session.needle_mm)
            )
            self._layout.addWidget(QLabel(details, self))
            self._lines.append(details)
            # Sessions are run on their day: doing a later one early would break the rest
            # between sessions that the plan keeps.
            if day == today:
                start = QPushButton(self.tr("Start…"), self)
                start.setAccessibleName(
                    self.tr("Start the session on {day}").format(day=short_day(day))
                )
                start.clicked.connect(lambda: self.startRequested.emit(self.session))
                self.start_button = start
                self._layout.addWidget(start)
        self._layout.addStretch(1)
        self.setAccessibleName(", ".join(self._lines))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame, and today's column ringed in the highlight colour (follows the palette)."""
        super().paintEvent(event)
        if not self.is_today:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        painter.end()

    def show_logged(self, entry: HistoryEntry, scalp_map: ScalpMap, colours: MapColours) -> None:
        """In an earlier week: what the log says happened that day, in place of "Rest day"."""
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.text() == self.tr("Rest day"):
                widget.hide()
        self._lines = [line for line in self._lines if line != self.tr("Rest day")]
        status = self.tr("Done") if entry.is_treatment else self.tr("Skipped")
        position = self._layout.count() - 1  # before the stretch
        self._layout.insertWidget(position, QLabel(status, self))
        self._lines.append(status)
        names = {z.id: z for z in scalp_map.zones}
        for zone_id in entry.zones:
            zone = names.get(zone_id)
            name = zone.display_name if zone is not None else zone_id
            colour = colours.fill(zone.state, zone.severity) if zone else colours.healthy
            row = QWidget(self)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(ColourChip(colour, row))
            row_layout.addWidget(QLabel(name, row), 1)
            position += 1
            self._layout.insertWidget(position, row)
            self._lines.append(name)
        self.setAccessibleName(", ".join(self._lines))

    def text(self) -> str:
        """What the column says, one line per thing shown."""
        return "\n".join(self._lines)


class WeekView(QWidget):
    """Seven day columns for one week of the plan, and a panel with what was left out and why.

    `sessionRequested(Session)` asks the caller to run a session (open a SessionRunner).
    """

    sessionRequested = Signal(object)
    checklistRequested = Signal()

    def __init__(
        self,
        store: ProfileStoreLike,
        profile_id: int,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._profile_id = profile_id
        self._today = today
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
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(self.side)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_scroll.setMinimumWidth(260)
        self.rule_view = QTextBrowser(self)
        self.rule_view.setAccessibleName(self.tr("Why: the rule and its source"))
        self.rule_view.setOpenExternalLinks(True)
        self.rule_view.setPlaceholderText(self.tr("Press “Why?” to see the rule and its source."))
        self.rule_view.setMinimumHeight(200)
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
        """Re-plan from the database and show the week; call after logging or editing."""
        today = self._today()
        stored = self._store.load_profile(self._profile_id)
        doc = stored.document
        roller = self._store.current_roller(self._profile_id)
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
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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
        self.rule_view.setHtml(
            lead + f"<b>{html.escape(rule.title)}</b>{figures}"
            f"<p>{html.escape(rule.explanation)}</p>{sources_paragraph(rule)}"
        )

    def day_texts(self) -> list[str]:
        """Each column's text as the person reads it."""
        return [column.text() for column in self.columns]

    def side_texts(self) -> list[str]:
        """The warnings and left-out zones listed in the side panel."""
        out: list[str] = []
        for i in range(self.side_layout.count()):
            item = self.side_layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            labels = [widget] if isinstance(widget, QLabel) else widget.findChildren(QLabel)
            out.extend(label.text() for label in labels)
        return out
