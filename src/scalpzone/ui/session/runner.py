"""The session runner: one planned session as a checklist, then logging it.

Pages, one at a time: before (disinfect the roller, wet and comb the hair), each zone in rolling
order (a small map with the zone picked out and arrows for the way to roll), after (disinfect,
aftercare), and finish (done with the zones rolled, skipped, or irritation on a zone).

The runner writes only the session log (`OpenProfile.log_session`, one transaction). Blocking a zone
changes the map, which the window owns through its undo stack, so the runner asks for it with
`blockRequested` and the window applies it.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.guidance import AFTER_STEPS, BEFORE_STEPS
from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.plan import Session
from scalpzone.domain.rules import millimetres
from scalpzone.ui.session import pages
from scalpzone.ui.session.pages import CheckStep, IrritationBox, ZonePage, titled_page
from scalpzone.ui.style.words import short_day
from scalpzone.ui.widgets.questions import Dialogs, QtDialogs
from scalpzone.ui.widgets.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile


class SessionRunner(QDialog):
    """Walks a person through one planned session and logs how it went.

    Signals, in this order on finishing:
    `blockRequested(str zone_id, date until)` when the person chose to leave an irritated zone
    out of the plan up to and including `until` (the window applies it to the map);
    `logged(HistoryEntry)` once the log holds the entry. The dialog then closes (accepted).
    Cancelling (Esc) logs nothing.
    """

    blockRequested = Signal(str, object)
    logged = Signal(object)

    def __init__(
        self,
        profile: OpenProfile,
        session: Session,
        parent: QWidget | None = None,
        *,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self.session = session
        self._today = profile.today
        self._dialogs: Dialogs = dialogs or QtDialogs(self)
        self.entry: HistoryEntry | None = None
        self.scalp_map = profile.scalp_map
        self._names = {z.id: z.display_name for z in self.scalp_map.zones}
        self.setWindowTitle(self.tr("Session on {day}").format(day=short_day(session.date)))
        resize_to_fit(self, 820, 600)

        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)

        self.step_list = QListWidget(self)
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.setFixedWidth(170)
        self.step_list.setSpacing(2)
        self.pages = QStackedWidget(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setToolTip(self.tr("Close without logging anything (Esc)"))
        self.back_button = QPushButton(self.tr("◀ &Back"), self)
        self.back_button.setAccessibleName(self.tr("Back"))
        self.next_button = QPushButton(self.tr("&Next ▶"), self)
        self.next_button.setAccessibleName(self.tr("Next"))
        self.skip_button = QPushButton(self.tr("&Skip session"), self)
        self.skip_button.setToolTip(
            self.tr("Log that this session did not happen; it does not count a roller use")
        )
        self.done_button = QPushButton(self.tr("&Done – log it"), self)
        self.done_button.setAccessibleName(self.tr("Done"))
        self.done_button.setToolTip(
            self.tr("Log the ticked areas as rolled; counts one use of your roller")
        )
        self.cancel_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() + 1))
        self.skip_button.clicked.connect(self.finish_skipped)
        self.done_button.clicked.connect(self.finish_done)
        self._titles: list[str] = []
        self.step_checks: list[CheckStep] = []
        self.zone_pages: list[ZonePage] = []
        self._build_before()
        for number in range(1, len(session.zones) + 1):
            self._build_zone(number)
        self._build_after()
        self._build_finish()
        self.step_list.currentRowChanged.connect(self._go)

        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.skip_button, self.done_button):
            buttons.addWidget(button)

        body = QHBoxLayout()
        body.addWidget(self.step_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(body, 1)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        layout.addLayout(buttons)

        self.setTabOrder(self.step_list, self.pages)
        self._fill_header()
        self.step_list.setCurrentRow(0)
        self._go(0)

    # -- building the pages ----------------------------------------------------------------

    def _add_page(self, page: QWidget, title: str, step: str) -> None:
        """A page, its heading, and its line in the step list (ticked once all its steps are)."""
        index = self.pages.addWidget(page)
        self._titles.append(title)
        self.step_list.addItem(step)
        steps = [s for s in self.step_checks if page.isAncestorOf(s)]
        for check in steps:
            check.box.toggled.connect(lambda _on, i=index, n=step, c=steps: self._mark(i, n, c))
        self._mark(index, step, steps)

    def _mark(self, index: int, name: str, steps: list[CheckStep]) -> None:
        item = self.step_list.item(index)
        done = bool(steps) and all(s.checked for s in steps)
        item.setText(f"{name}  ✓" if done else name)
        item.setToolTip(self.tr("All ticked") if done else "")

    def _build_before(self) -> None:
        title = self.tr("Before you start")
        page, layout = titled_page(self.pages, title)
        for text in BEFORE_STEPS:
            step = CheckStep("", text, page)
            layout.addWidget(step)
            self.step_checks.append(step)
        needle = QLabel(
            self.tr(
                "Use your own {mm} mm roller. Rolling takes about {minutes} minutes in all."
            ).format(mm=millimetres(self.session.needle_mm), minutes=self.session.minutes),
            page,
        )
        needle.setWordWrap(True)
        layout.addSpacing(8)
        layout.addWidget(needle)
        layout.addStretch(1)
        self._add_page(page, title, self.tr("Before"))

    def _build_zone(self, number: int) -> None:
        page = ZonePage(number, self.session, self.scalp_map, self.pages)
        self.zone_pages.append(page)
        self.step_checks.extend(page.steps)
        self._add_page(page, page.title, f"{number}. {page.name}")

    def _build_after(self) -> None:
        title = self.tr("After the session")
        page, layout = titled_page(self.pages, title)
        for text in AFTER_STEPS:
            step = CheckStep("", text, page)
            layout.addWidget(step)
            self.step_checks.append(step)
        layout.addStretch(1)
        self._add_page(page, title, self.tr("After"))

    def _build_finish(self) -> None:
        title = self.tr("Finish: log the session")
        page, layout = titled_page(self.pages, title)
        self.finish_date_label = QLabel(page)
        self.finish_date_label.setWordWrap(True)
        layout.addWidget(self.finish_date_label)

        rolled = QGroupBox(self.tr("Which areas did you roll?"), page)
        rolled_layout = QVBoxLayout(rolled)
        self.rolled_checks: dict[str, QCheckBox] = {}
        for number, zone_id in enumerate(self.session.zones, start=1):
            box = QCheckBox(f"{number}. {self._names.get(zone_id, zone_id)}", rolled)
            box.setChecked(True)
            box.toggled.connect(self._update_finish)
            rolled_layout.addWidget(box)
            self.rolled_checks[zone_id] = box
        layout.addWidget(rolled)

        self.irritation_box = IrritationBox(self.session.zones, self._names, page)
        self.irritation_zone = self.irritation_box.zone
        self.irritation_note = self.irritation_box.note
        self.block_check = self.irritation_box.block_check
        self.block_days = self.irritation_box.block_days
        self.block_until_label = self.irritation_box.block_until_label
        self.irritation_box.toggled.connect(self._update_finish)
        self.irritation_zone.currentIndexChanged.connect(self._update_finish)
        self.block_check.toggled.connect(self._update_finish)
        self.block_days.valueChanged.connect(self._update_finish)
        layout.addWidget(self.irritation_box)

        self.finish_hint = QLabel(page)
        self.finish_hint.setWordWrap(True)
        layout.addWidget(self.finish_hint)
        self.error_label = QLabel(page)
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.error_label.setStyleSheet(
            "QLabel { border: 2px solid #c2413f; border-radius: 4px; padding: 6px; }"
        )
        self.error_label.hide()
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        self._add_page(page, title, self.tr("Finish"))
        self._update_finish()

    # -- what is shown ---------------------------------------------------------------------

    def log_day(self) -> date:
        """The day the log gets: the planned day, or today for a session planned later."""
        today = self._today()
        return self.session.date if self.session.date <= today else today

    def block_until(self) -> date:
        """The last day the irritated zone stays out of the plan, if blocked now."""
        return self._today() + timedelta(days=self.block_days.value())

    def _fill_header(self) -> None:
        session = self.session
        count = len(session.zones)
        areas = self.tr("1 area") if count == 1 else self.tr("{n} areas").format(n=count)
        lines = [
            f"<b>{html.escape(self.windowTitle())}</b> · {html.escape(areas)} · "
            + html.escape(
                self.tr("{minutes} min · needle {mm} mm").format(
                    minutes=session.minutes, mm=millimetres(session.needle_mm)
                )
            )
        ]
        if session.patch_test:
            lines.append(
                html.escape(
                    self.tr(
                        "Patch test: roll this one area only, then wait at least 48 hours and "
                        "look at the skin before the next session."
                    )
                )
            )
        later = self._later_note()
        if later:
            lines.append(html.escape(later))
        self.header.setText("<br>".join(lines))

    def _later_note(self) -> str:
        today = self._today()
        if self.session.date <= today:
            return ""
        return self.tr(
            "This session is planned for {planned}. Run now, it is logged as today, {today}."
        ).format(planned=short_day(self.session.date), today=short_day(today))

    def _update_finish(self) -> None:
        day = self.log_day()
        later = self._later_note()
        self.finish_date_label.setText(
            later or self.tr("It is logged on {day}.").format(day=short_day(day))
        )
        rolled = self.rolled_zones()
        self.done_button.setEnabled(bool(rolled))
        self.block_days.setEnabled(self.block_check.isChecked())
        zone_name = self.irritation_zone.currentText()
        self.block_until_label.setText(
            self.tr("until {day}").format(day=short_day(self.block_until()))
        )
        if not rolled:
            hint = self.tr("No area is ticked: tick the areas you rolled, or choose Skip.")
        elif len(rolled) < len(self.session.zones):
            hint = self.tr(
                "Done logs only the ticked areas; the others stay due and come back in the plan."
            )
        else:
            hint = self.tr("Done logs every area and counts one use of your roller.")
        hint += " " + self.tr("Skip logs that the session did not happen; it counts no use.")
        if self.irritation_box.isChecked() and self.block_check.isChecked():
            hint += " " + self.tr(
                "{zone} is left out of the plan up to {day} and can be rolled again from {next}."
            ).format(
                zone=zone_name,
                day=short_day(self.block_until()),
                next=short_day(self.block_until() + timedelta(days=1)),
            )
        self.finish_hint.setText(hint)

    def rolled_zones(self) -> tuple[str, ...]:
        """The zones ticked as rolled, in rolling order."""
        return tuple(z for z in self.session.zones if self.rolled_checks[z].isChecked())

    def page_titles(self) -> list[str]:
        """Each page's heading, in order."""
        return list(self._titles)

    def current_title(self) -> str:
        """The heading of the page shown."""
        return self._titles[self.pages.currentIndex()]

    def go_to(self, index: int) -> None:
        """Show page `index` (clamped)."""
        index = max(0, min(index, self.pages.count() - 1))
        self.step_list.setCurrentRow(index)

    def _go(self, index: int) -> None:
        if index < 0:
            return
        focused = self.focusWidget()
        self.pages.setCurrentIndex(index)
        last = index == self.pages.count() - 1
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(not last)
        self.skip_button.setVisible(last)
        self.done_button.setVisible(last)
        default = self.done_button if last else self.next_button
        default.setDefault(True)
        (self.next_button if last else self.done_button).setDefault(False)
        # Qt hands the focus of a button that hides to the next one in the chain (Skip after
        # Next), and a focused button takes Return: keep Return on the page's default button.
        if isinstance(focused, QPushButton) and not (focused.isVisible() and focused.isEnabled()):
            default.setFocus(Qt.FocusReason.OtherFocusReason)
        if last:
            self._update_finish()

    def refresh(self) -> None:
        """Follow a palette change (the small maps recolour)."""
        for page in self.zone_pages:
            page.map.refresh_colours()

    # -- finishing -------------------------------------------------------------------------

    def finish_done(self) -> None:
        """Log the ticked zones as rolled."""
        self._finish(SessionStatus.DONE)

    def finish_skipped(self) -> None:
        """Log the session as skipped."""
        self._finish(SessionStatus.SKIPPED)

    def _note(self) -> str:
        if not self.irritation_box.isChecked():
            return ""
        zone = self.irritation_zone.currentText()
        note = self.tr("Irritation on {zone}").format(zone=zone)
        said = self.irritation_note.text().strip()
        if said:
            note += f": {said}"
        if self.block_check.isChecked():
            note += " " + self.tr("(left out of the plan up to {day})").format(
                day=self.block_until().isoformat()
            )
        return note

    def _finish(self, status: SessionStatus) -> None:
        from scalpzone.domain.problems import ProblemsError  # noqa: PLC0415
        from scalpzone.storage import StorageError  # noqa: PLC0415
        from scalpzone.ui.widgets.errors import plain_words  # noqa: PLC0415

        zones = self.session.zones if status is SessionStatus.SKIPPED else self.rolled_zones()
        if not zones:
            self._show_error(self.tr("Tick at least one area you rolled, or choose Skip."))
            return
        if status is SessionStatus.DONE and not pages.roller_or_go_on(self._profile, self._dialogs):
            return
        entry = HistoryEntry(self.log_day(), zones, self.session.needle_mm, status, self._note())
        try:
            self._profile.log_session(entry)
        except (StorageError, ProblemsError, OSError) as error:
            self._show_error(self.tr("Nothing was logged.") + " " + plain_words(error))
            return
        self.entry = entry
        self.error_label.hide()
        if self.irritation_box.isChecked() and self.block_check.isChecked():
            self.blockRequested.emit(self.irritation_zone.currentData(), self.block_until())
        self.logged.emit(entry)
        self.accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.go_to(self.pages.count() - 1)

    def _anything_entered(self) -> bool:
        return (
            any(step.checked for step in self.step_checks)
            or self.irritation_box.isChecked()
            or len(self.rolled_zones()) != len(self.session.zones)
        )

    def reject(self) -> None:
        """Esc, Cancel or closing: log nothing; ask first when steps were ticked."""
        if self.entry is None and self._anything_entered():
            leave = self._dialogs.confirm(
                self.tr("Leave the session"),
                self.tr(
                    "You have ticked steps. Close without logging this session? "
                    "Nothing will be saved."
                ),
                self.tr("Close without logging"),
            )
            if not leave:
                return
        super().reject()
