"""File › Course report…: choose the days (the last 12 weeks by default), see what the report
will hold, then preview it or save it as a PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.course_report import CourseReport, default_range, range_problem
from scalpzone.storage import FileWriteError, PhotoStore
from scalpzone.ui.printing.report_data import ReportSource, load_course_report
from scalpzone.ui.printing.report_sheet import ReportSheet, write_report_pdf
from scalpzone.ui.style.words import long_date
from scalpzone.ui.widgets.labels import buddy_label

#: Asks where to save: the suggested file name in, the chosen path out (None: cancelled).
AskPath = Callable[[str], Path | None]
#: Shows a failure: a title and a sentence.
ShowError = Callable[[str, str], None]


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CourseReportDialog(QDialog):
    """Choose the report's days; Preview… and Save PDF… use the same sheet."""

    #: A status-bar line: what was just written.
    said = Signal(str)

    def __init__(
        self,
        store: ReportSource,
        photos: PhotoStore | None,
        profile_id: int,
        today: date,
        ask_path: AskPath,
        show_error: ShowError,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._photos = photos
        self._profile_id = profile_id
        self._today = today
        self._ask_path = ask_path
        self._show_error = show_error
        self._report: CourseReport | None = None
        self.setWindowTitle(self.tr("Course report"))
        intro = QLabel(
            self.tr(
                "A PDF to take to a dermatologist: the map at the start and now, the marked "
                "shares over time, sessions planned and done per area, needle and roller, notes "
                "and blocks, the health checklist, and the first and latest photo of each view."
            )
        )
        intro.setWordWrap(True)
        first, last = default_range(today)
        self.first_edit = QDateEdit(_qdate(first))
        self.last_edit = QDateEdit(_qdate(last))
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.dateChanged.connect(self._refresh)
        recent = QPushButton(self.tr("&Last 12 weeks"))
        recent.setToolTip(self.tr("The 12 weeks up to today"))
        recent.clicked.connect(self._last_weeks)
        recent.setAutoDefault(False)  # Return saves the PDF
        dates = QHBoxLayout()
        dates.addWidget(self.first_edit)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.last_edit)
        dates.addWidget(recent)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&From"), self.first_edit), dates)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview_button = buttons.addButton(
            self.tr("Pre&view…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = buttons.addButton(
            self.tr("&Save PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.preview_button.clicked.connect(self.preview)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.first_edit.setFocus()
        self._refresh()

    def _last_weeks(self) -> None:
        first, last = default_range(self._today)
        self.last_edit.setDate(_qdate(last))
        self.first_edit.setDate(_qdate(first))

    @property
    def days(self) -> tuple[date, date]:
        """The first and last day chosen."""
        return _day(self.first_edit.date()), _day(self.last_edit.date())

    def _refresh(self) -> None:
        first, last = self.days
        problem = range_problem(first, last)
        self._report = None
        if problem is None:
            self._report = load_course_report(
                self._store, self._photos, self._profile_id, first, last, self._today
            )
            pages = ReportSheet(self._report).page_count()
            photos = sum(2 if p.first is not p.latest else 1 for p in self._report.photos)
            text = self.tr(
                "{first} – {last}: session days done: {sessions}; dated maps: {maps}; "
                "photos: {photos}; pages: {pages}."
            ).format(
                first=long_date(first),
                last=long_date(last),
                sessions=self._report.sessions_done,
                maps=len(self._report.scores),
                photos=photos,
                pages=pages,
            )
        else:
            text = self.tr("The report cannot be made: {problem}.").format(problem=problem)
        self.summary.setText(text)
        self.preview_button.setEnabled(self._report is not None)
        self.save_button.setEnabled(self._report is not None)

    def sheet(self) -> ReportSheet | None:
        """The report for the days chosen (None when they are refused)."""
        return None if self._report is None else ReportSheet(self._report)

    def preview(self) -> None:
        """The report in a print preview, where it can be printed too."""
        from scalpzone.ui.printing.output import PlanPreviewDialog  # noqa: PLC0415

        sheet = self.sheet()
        if sheet is not None:
            dialog = PlanPreviewDialog(sheet, self, title=self.tr("Print preview – course report"))
            dialog.finished.connect(lambda _r: dialog.deleteLater())
            dialog.open()

    def save(self) -> Path | None:
        """Ask where, then write the PDF whole; says why when it cannot (the old file is kept)."""
        sheet = self.sheet()
        if sheet is None:
            return None
        first, last = self.days
        path = self._ask_path(f"scalpzone-report-{first.isoformat()}-{last.isoformat()}.pdf")
        if path is None:
            return None
        try:
            pages = write_report_pdf(sheet, path)
        except FileWriteError as error:
            self._show_error(self.tr("Nothing was written"), str(error))
            return None
        self.said.emit(
            self.tr("Wrote the course report ({pages} pages) to {file}.").format(
                pages=pages, file=str(path)
            )
        )
        self.accept()
        return path
