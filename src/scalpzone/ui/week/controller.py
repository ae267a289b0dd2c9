"""The week side of the window: the Week tab, sessions and their log, plan settings, the health
checklist, rollers, progress, the care guide, printing and exports (issue 5).

Everything here is built after the first paint, and each dialog's module is imported the first
time it opens. Every dialog and the Week view take the open profile (`OpenProfile`): the log,
settings, health answers and rollers are changed through it, and it re-plans the open map
without touching the map's undo history.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMainWindow, QScrollArea, QTabWidget

from scalpzone.domain.health import health_reconfirm_due
from scalpzone.domain.plan import Plan, PlanStatus, Session
from scalpzone.domain.rules import COURSE_WEEKS
from scalpzone.ui.map.editing import MapEditor
from scalpzone.ui.map.model import MapModel, plan_ahead
from scalpzone.ui.profile.autosave import Autosave
from scalpzone.ui.profile.controller import ProfileController
from scalpzone.ui.style.words import long_date
from scalpzone.ui.week.exports import ExportWriter
from scalpzone.ui.widgets.notices import NoticeBar
from scalpzone.ui.widgets.questions import Dialogs

if TYPE_CHECKING:
    from scalpzone.domain.mapfile import MapDocument
    from scalpzone.ui.dialogs.health import HealthDialog
    from scalpzone.ui.printing.plan_sheet import PlanSheet
    from scalpzone.ui.profile.store_api import ProfileStoreLike
    from scalpzone.ui.week.view import WeekView

#: Print, Print Preview and Export PDF show this many weeks from today, one page each.
PRINT_WEEKS = 4
#: The calendar and the plan's CSV cover one course (SPEC §3: a review every 12 weeks).
EXPORT_WEEKS = COURSE_WEEKS


class WeekController(QObject):
    """Runs the Week tab and the Plan menu's commands for the open profile."""

    #: A status-bar line: what was just done.
    said = Signal(str)

    def __init__(
        self,
        window: QMainWindow,
        tabs: QTabWidget,
        banner: NoticeBar,
        model: MapModel,
        profiles: ProfileController,
        autosave: Autosave,
        editor: MapEditor,
        dialogs: Dialogs,
        settings: QSettings,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tabs = tabs
        self._banner = banner
        self._model = model
        self._profiles = profiles
        self._profile = profiles.open_profile
        self._autosave = autosave
        self._editor = editor
        self._said = ""  # what the banner says (or said before it was put off)
        self._dialogs = dialogs
        self._settings = settings
        self._exports = ExportWriter(dialogs, settings, self.said.emit)
        #: The open profile's week, built the first time the Week tab shows it.
        self.week_view: WeekView | None = None
        self.open_dialog: QDialog | None = None
        # The log's corrections have their own undo, in the log dialog: the map's Undo never
        # reaches into the log, and the log's never changes the map.
        self.log_stack = QUndoStack(self)
        profiles.opened.connect(self.log_stack.clear)
        page = tabs.widget(1)
        assert isinstance(page, QScrollArea)
        self._week_page = page
        self._stale = True
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_week)
        tabs.currentChanged.connect(lambda _i: self._on_tab_changed())
        profiles.opened.connect(self._on_profile_opened)
        model.planChanged.connect(self._on_plan_changed)
        from scalpzone.ui.photos.controller import PhotoController  # noqa: PLC0415

        self.photos = PhotoController(
            window,
            self._profiles.photo_store,
            self._profile,
            self._open,
        )
        self.photos.said.connect(self.said)
        from scalpzone.ui.profile.archive_commands import ArchiveCommands  # noqa: PLC0415

        self.archive = ArchiveCommands(
            profiles, dialogs, autosave.flush, lambda: self._model.profile_name
        )
        self.archive.said.connect(self.said)
        if profiles.ready:  # built once the profile had opened (at start-up): show it now
            self._on_profile_opened()

    # -- the open profile --------------------------------------------------------------------

    def _store(self) -> ProfileStoreLike | None:
        return self._profiles.store

    def today(self) -> date:
        """The day plans start and sessions are dated."""
        return self._model.today()

    def _on_profile_opened(self) -> None:
        # A dialog about the profile that was open (its log, its settings) must not stay.
        if self.open_dialog is not None:
            self.open_dialog.close()
        if self._store() is None:
            return
        # The previous profile's week goes; this one's is built when the Week tab first shows
        # (at once if it is showing): opening a profile does not pay for a week nobody looks at.
        if self.week_view is not None:
            self._week_page.takeWidget()
            self.week_view.deleteLater()
            self.week_view = None
        self._build_week_if_shown()
        self._said = ""
        self._show_status()

    def _build_week_if_shown(self) -> None:
        store = self._store()
        if self.week_view is not None or self._tabs.currentIndex() != 1:
            return
        if store is None or not self._profile.profile_id:
            return
        from scalpzone.ui.week.view import WeekView  # noqa: PLC0415  (after the first paint)

        self.week_view = WeekView(self._profile)
        self.week_view.sessionRequested.connect(self.run_session)
        self.week_view.checklistRequested.connect(self.health_checklist)
        # A narrow window scrolls the week sideways rather than squeezing seven days.
        self._week_page.setWidget(self.week_view)
        self._stale = False

    def _on_tab_changed(self) -> None:
        self._build_week_if_shown()
        self._refresh_week_if_shown()

    def _on_plan_changed(self) -> None:
        self._stale = True
        self._refresh_week_if_shown()
        self._show_status()

    def _refresh_week_if_shown(self) -> None:
        if self._stale and self.week_view is not None and self._tabs.currentIndex() == 1:
            self._refresh_timer.start()

    def _refresh_week(self) -> None:
        if self.week_view is None:
            return
        self.week_view.refresh()
        self._stale = False

    # -- the banner over the map -------------------------------------------------------------

    def _show_status(self) -> None:
        """Say when the plan is on hold, or the health checklist is due again."""
        plan = self._model.plan
        if plan.status is PlanStatus.HOLD:
            # The planner's message says why and what to do (SPEC §2).
            self._say(plan.message or self.tr("Your plan is on hold."), closable=False)
            return
        due = self._reconfirm_text()
        if due:
            # Never answered: the note stays until the checklist is gone through once.
            self._say(due, closable=self._profile.health_confirmed_on is not None)
            return
        self._said = ""
        if self._banner.kind:
            self._banner.dismiss()

    def _say(self, text: str, *, closable: bool) -> None:
        """Show the banner, once per text: an edit does not bring back a note put off."""
        if text == self._said:
            return
        self._said = text
        self._banner.show_action(
            text, self.tr("Health &checklist…"), self.health_checklist, closable=closable
        )

    def _reconfirm_text(self) -> str:
        if self._store() is None or not self._profile.profile_id:
            return ""
        confirmed = self._profile.health_confirmed_on
        if not health_reconfirm_due(confirmed, self.today()):
            return ""
        if confirmed is None:
            return self.tr(
                "Before your first session, please go through the health checklist: a few "
                "questions about your skin and health that decide whether rolling is safe now."
            )
        return self.tr(
            "You last went through the health checklist on {day}. Every {weeks} weeks, at the "
            "course review, please go through it again."
        ).format(day=long_date(confirmed), weeks=COURSE_WEEKS)

    # -- sessions ----------------------------------------------------------------------------

    def show_week(self) -> None:
        """Bring the Week tab to the front."""
        self._tabs.setCurrentIndex(1)

    def show_map(self) -> None:
        """Bring the Map tab to the front."""
        self._tabs.setCurrentIndex(0)

    def today_session(self) -> None:
        """Run today's session; on a rest day, say when the next one is."""
        plan = self._model.plan
        if plan.status is PlanStatus.HOLD:
            self._dialogs.show_error(
                self.tr("No session while the plan is on hold"), plan.message or ""
            )
            return
        today = self.today()
        session = plan.session_on(today)
        if session is not None:
            self.run_session(session)
            return
        upcoming = next((s for s in plan.sessions if s.date > today), None)
        if self._model.logged_on(today) is not None:
            title, text = self.tr("Today's session is logged"), ""
        else:
            title = self.tr("Nothing planned for today")
            text = self.tr("Today is a rest day for your scalp.") + " "
        if upcoming is not None:
            names = ", ".join(self._model.zone(z).display_name for z in upcoming.zones)
            text += self.tr("The next session is on {day}: {zones}.").format(
                day=long_date(upcoming.date), zones=names
            )
        else:
            text += plan.message or self.tr("Mark the thinning areas on the map to get a plan.")
        self._dialogs.show_info(title, text.strip())

    def run_session(self, session: Session) -> None:
        """Walk through a planned session and log it (the health checklist comes first)."""
        if self._store() is None:
            return
        if self._profile.health_confirmed_on is None:
            self.said.emit(
                self.tr("Please go through the health checklist before the first session.")
            )
            checklist = self._open_checklist()
            if checklist is not None:  # confirmed with nothing ticked, the session follows
                day = session.date
                checklist.confirmed.connect(lambda _health: self._session_after_checklist(day))
            return
        from scalpzone.ui.session.runner import SessionRunner  # noqa: PLC0415

        runner = SessionRunner(self._profile, session, self._window, dialogs=self._dialogs)
        runner.logged.connect(lambda _entry: self._logged())
        runner.blockRequested.connect(self._block)
        self._open(runner)

    def _logged(self) -> None:
        self.said.emit(self.tr("Session logged; the plan has moved on."))

    def _block(self, zone_id: str, until: date) -> None:
        if zone_id in self._model.scalp_map:
            self._editor.block_until(zone_id, until)

    def session_log(self) -> None:
        """The log of past sessions, to correct or remove entries (with undo)."""
        if self._store() is None:
            return
        from scalpzone.ui.session.log_dialog import SessionLogDialog  # noqa: PLC0415

        self._open(
            SessionLogDialog(
                self._profile, self.log_stack, self._window, show_error=self._dialogs.show_error
            )
        )

    # -- settings, health, rollers, progress, care guide ---------------------------------------

    def plan_settings(self) -> None:
        """Every plan setting, checked as it is typed."""
        if self._store() is None:
            return
        from scalpzone.ui.dialogs.settings import SettingsDialog  # noqa: PLC0415

        self._open(SettingsDialog(self._profile, self._window))

    def health_checklist(self) -> None:
        """The health questions, with the day they were last confirmed."""
        self._open_checklist()

    def _open_checklist(self) -> HealthDialog | None:
        if self._store() is None:
            return None
        from scalpzone.ui.dialogs.health import HealthDialog  # noqa: PLC0415

        dialog = HealthDialog(self._profile, self._window)
        self._open(dialog)
        return dialog

    def _session_after_checklist(self, day: date) -> None:
        # Once the checklist has closed: the plan was made again from the answers (on hold if an
        # item applies, and then the banner says why).
        session = self._model.plan.session_on(day)
        if session is not None and self._model.plan.status is not PlanStatus.HOLD:
            QTimer.singleShot(0, lambda: self.run_session(session))

    def rollers(self) -> None:
        """The roller in use, its sessions, and a new one."""
        if self._store() is None:
            return
        from scalpzone.ui.dialogs.rollers import RollersDialog  # noqa: PLC0415

        self._open(RollersDialog(self._profile, self._window))

    def progress(self) -> None:
        """Scores over time and sessions per zone."""
        if self._store() is None:
            return
        from scalpzone.ui.dialogs.progress import ProgressDialog  # noqa: PLC0415

        self._autosave.flush()
        timeline = self.photos.timeline()
        self._open(ProgressDialog(self._profile, self._window, beside=timeline))

    def care_guide(self) -> None:
        """Technique, hygiene, aftercare and the sources, printable."""
        from scalpzone.ui.dialogs.care_guide import CareGuideDialog  # noqa: PLC0415

        self._open(CareGuideDialog(self._window))

    def _open(self, dialog: QDialog) -> None:
        """Show a dialog over the window without blocking (so its signals reach us)."""
        if self.open_dialog is not None:
            self.open_dialog.close()
        self.open_dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.destroyed.connect(lambda _o: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.open_dialog is dialog:
            self.open_dialog = None

    # -- printing and exports ----------------------------------------------------------------

    def _document(self) -> MapDocument:
        self._autosave.flush()
        return self._model.document

    def plan_for(self, weeks: int) -> Plan:
        """The plan from today for `weeks` weeks, as the week view makes it."""
        roller = self._profile.current_roller
        uses = roller.uses if roller is not None else None
        return plan_ahead(self._document(), self.today(), weeks, uses)

    def _sheet(self) -> PlanSheet:
        from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent  # noqa: PLC0415

        doc = self._document()
        content = SheetContent(
            self.plan_for(PRINT_WEEKS),
            doc.scalp_map,
            doc.settings,
            self._model.profile_name,
            printed_on=self.today(),
            history=tuple(doc.history),
        )
        return PlanSheet(content)

    def print_preview(self) -> None:
        """The printed weeks on screen; paper and printer are chosen in the preview."""
        from scalpzone.ui.printing.output import preview_dialog  # noqa: PLC0415

        self._open(preview_dialog(self._sheet(), self._window))

    def print_plan(self) -> None:
        """Print the coming weeks (the system's print dialog)."""
        from scalpzone.storage import FileWriteError  # noqa: PLC0415
        from scalpzone.ui.printing.output import print_with_dialog  # noqa: PLC0415

        try:
            if print_with_dialog(self._sheet(), self._window):
                self.said.emit(self.tr("The plan was sent to the printer."))
        except FileWriteError as error:  # "Print to File" chose a file that could not be written
            self._dialogs.show_error(self.tr("Nothing was written"), str(error))

    def export_pdf(self) -> None:
        """Write the coming weeks to a PDF file."""
        self._exports.plan_pdf(self._sheet(), PRINT_WEEKS)

    def course_report(self) -> None:
        """The course report for a dermatologist: choose the days, preview it or save a PDF."""
        store = self._store()
        if store is None:
            return
        from scalpzone.ui.printing.course_report_dialog import CourseReportDialog  # noqa: PLC0415

        self._autosave.flush()
        dialog = CourseReportDialog(
            store,
            self._profiles.photo_store(),
            self._profile.profile_id,
            self.today(),
            partial(self._exports.ask_pdf, self.tr("Save the course report")),
            self._dialogs.show_error,
            self._window,
        )
        dialog.said.connect(self.said)
        self._open(dialog)

    def export_calendar(self) -> None:
        """Write the coming course's sessions to an .ics file for any calendar."""
        doc = self._document()
        self._exports.calendar(self.plan_for(EXPORT_WEEKS), doc, self._model.profile_name)

    def export_plan_csv(self) -> None:
        """The coming course's sessions as a spreadsheet."""
        self._exports.plan_csv(self.plan_for(EXPORT_WEEKS), self._document().scalp_map)

    def export_log_csv(self) -> None:
        """Every logged session as a spreadsheet."""
        self._exports.log_csv(self._document())
