"""Writing an export: ask where, write it whole or not at all, say so, remember the folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

from scalpzone.ui.widgets.questions import Dialogs

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
