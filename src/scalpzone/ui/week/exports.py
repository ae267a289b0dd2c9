"""Writing an export: ask where, write it whole or not at all, say so, remember the folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from scalpzone.ui.style.words import long_date
from scalpzone.ui.widgets.questions import Dialogs

if TYPE_CHECKING:
    from scalpzone.domain.mapfile import MapDocument
    from scalpzone.domain.plan import Plan
    from scalpzone.domain.zones import ScalpMap
    from scalpzone.ui.printing.plan_sheet import PlanSheet

PDF_FILTER = "PDF (*.pdf);;All files (*)"
ICS_FILTER = "Calendar (*.ics);;All files (*)"
CSV_FILTER = "CSV spreadsheet (*.csv);;All files (*)"

#: The folder the person last exported to (remembered in the settings file).
EXPORT_FOLDER_KEY = "files/export_folder"


def tr(text: str) -> str:
    return QCoreApplication.translate("WeekController", text)


class ExportWriter:
    """Writes the Week menu's exports (PDF, calendar, CSV) where the person chooses."""

    def __init__(self, dialogs: Dialogs, settings: QSettings, said: Callable[[str], None]) -> None:
        self._dialogs = dialogs
        self._settings = settings
        self._said = said

    def write(
        self,
        title: str,
        suggested: str,
        file_filter: str,
        content: bytes | Callable[[Path], object],
        what: str,
    ) -> None:
        """Ask for a file, then write `content` (bytes, or a writer given the path) to it."""
        from scalpzone.storage import FileWriteError, write_atomically  # noqa: PLC0415

        path = self._dialogs.save_file(title, self.suggested(suggested), file_filter)
        if path is None:
            return
        try:
            if isinstance(content, bytes):
                write_atomically(path, content)
            else:
                content(path)
        except FileWriteError as error:
            self._dialogs.show_error(tr("Nothing was written"), str(error))
            return
        self._settings.setValue(EXPORT_FOLDER_KEY, str(path.parent))
        self._said(tr("Wrote {what} to {file}.").format(what=what, file=str(path)))

    def suggested(self, name: str) -> str:
        """The file name in the folder last exported to, else in the Documents folder."""
        folder = str(self._settings.value(EXPORT_FOLDER_KEY, "") or "")
        if not folder:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
        return str(Path(folder) / name) if folder else name

    def calendar(self, plan: Plan, doc: MapDocument, owner: str | None) -> None:
        """The plan's sessions as an .ics file for any calendar."""
        from scalpzone.calendar_file import write_calendar  # noqa: PLC0415  (icalendar only here)

        self.write(
            tr("Export the plan to a calendar"),
            "scalpzone-plan.ics",
            ICS_FILTER,
            lambda path: write_calendar(
                path, plan, doc.scalp_map, doc.settings, owner or "ScalpZone", doc.history
            ),
            tr("{count} sessions until {day}").format(
                count=len(plan.sessions), day=long_date(plan.end)
            ),
        )

    def plan_csv(self, plan: Plan, scalp_map: ScalpMap) -> None:
        """The plan's sessions as a spreadsheet."""
        from scalpzone.domain.exports import plan_to_csv  # noqa: PLC0415

        text = plan_to_csv(plan, scalp_map)
        self.write(
            tr("Export the plan as CSV"),
            "scalpzone-plan.csv",
            CSV_FILTER,
            text.encode("utf-8"),
            tr("the plan"),
        )

    def log_csv(self, doc: MapDocument) -> None:
        """Every logged session as a spreadsheet."""
        from scalpzone.domain.exports import log_to_csv  # noqa: PLC0415

        text = log_to_csv(doc.history, doc.scalp_map)
        self.write(
            tr("Export the session log as CSV"),
            "scalpzone-log.csv",
            CSV_FILTER,
            text.encode("utf-8"),
            tr("{count} logged sessions").format(count=len(doc.history)),
        )

    def ask_pdf(self, title: str, name: str) -> Path | None:
        """Where to save a PDF (the folder last exported to is offered first)."""
        return self._dialogs.save_file(title, self.suggested(name), PDF_FILTER)

    def plan_pdf(self, sheet: PlanSheet, weeks: int) -> None:
        """The printed weeks as a PDF file."""
        from scalpzone.ui.printing.output import export_pdf  # noqa: PLC0415

        self.write(
            tr("Export the plan as PDF"),
            "scalpzone-plan.pdf",
            PDF_FILTER,
            lambda path: export_pdf(sheet, path),
            tr("{weeks} weeks of the plan").format(weeks=weeks),
        )
