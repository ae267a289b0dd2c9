"""File › Export profile… and Import profile…: the whole profile, photos and all, as one
.scalpzone archive (storage's ProfileArchives does the work; this asks and says)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from scalpzone.storage import ArchiveError, ProfileNameError, StorageError, full_database
from scalpzone.ui.profile.controller import ProfileController
from scalpzone.ui.widgets.questions import Dialogs

if TYPE_CHECKING:
    from scalpzone.storage import ProfileArchives

ARCHIVE_FILTER = "ScalpZone profile (*.scalpzone);;All files (*)"


class ArchiveCommands(QObject):
    """Export the open profile to an archive; import an archive as a new profile and open it."""

    #: A status-bar line: what was just done.
    said = Signal(str)

    def __init__(
        self,
        profiles: ProfileController,
        dialogs: Dialogs,
        flush: Callable[[], None],
        profile_name: Callable[[], str | None],
    ) -> None:
        super().__init__(profiles)
        self._profiles = profiles
        self._dialogs = dialogs
        self._flush = flush
        self._profile_name = profile_name

    def _archives(self) -> ProfileArchives | None:
        from scalpzone.storage import ProfileArchives  # noqa: PLC0415  (loads SQLAlchemy)

        db = full_database(self._profiles.database)
        return ProfileArchives(db) if db is not None else None

    def export_profile(self) -> Path | None:
        """Ask where, then write the open profile whole (or say why not; the old file is kept)."""
        archives = self._archives()
        if archives is None:
            return None
        self._flush()
        suggested = f"{self._profile_name() or 'scalpzone'}.scalpzone"
        path = self._dialogs.save_file(self.tr("Export the profile"), suggested, ARCHIVE_FILTER)
        if path is None:
            return None
        try:
            archives.export_profile(self._profiles.profile_id, path)
        except StorageError as error:
            self._dialogs.show_error(self.tr("Nothing was written"), str(error))
            return None
        self.said.emit(self.tr("Wrote the whole profile to {file}.").format(file=str(path)))
        return path

    def import_profile(self) -> int | None:
        """Choose an archive, see what it holds, import it as a new profile and open it."""
        archives = self._archives()
        if archives is None:
            return None
        path = self._dialogs.open_file(self.tr("Import a profile"), ARCHIVE_FILTER)
        if path is None:
            return None
        try:
            from scalpzone.storage import read_archive  # noqa: PLC0415  (loads SQLAlchemy)

            archive = read_archive(path)
        except ArchiveError as error:
            self._dialogs.show_error(self.tr("The profile was not imported"), str(error))
            return None
        doc = archive.document
        text = self.tr(
            "{file} holds the profile “{name}”: {sessions} logged session(s) and {photos} photo(s). "
            "Import it as a new profile?"
        ).format(
            file=path.name,
            name=archive.name or "",
            sessions=len(doc.history),
            photos=len(archive.photos),
        )
        if not self._dialogs.confirm(self.tr("Import a profile"), text, self.tr("Import")):
            return None
        name: str | None = None
        while True:
            try:
                profile_id = archives.import_profile(path, name)
                break
            except ProfileNameError as error:
                name = self._dialogs.ask_text(
                    self.tr("Import a profile"),
                    self.tr("{why} Name the imported profile:").format(why=str(error)),
                    self.tr("{name} (imported)").format(name=archive.name or ""),
                )
                if name is None:
                    return None
            except StorageError as error:
                self._dialogs.show_error(self.tr("The profile was not imported"), str(error))
                return None
        self._profiles.profilesChanged.emit()
        self._profiles.switch_to(profile_id)
        self.said.emit(self.tr("Imported {file} as a new profile.").format(file=path.name))
        return profile_id
