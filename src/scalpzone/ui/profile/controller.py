"""Profiles: opening the database, which profile is open, and File › New / Switch / Rename /
Delete / Import / Export. What belongs to the open profile is held by `OpenProfile`; edits of its
map are saved by `Autosave` as they happen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from scalpzone.domain.mapfile import MapDocument, MapFileError, dump_map_document, read_map_file
from scalpzone.ui.map.model import MapModel
from scalpzone.ui.profile.autosave import Autosave, StartupSnapshot
from scalpzone.ui.profile.open_profile import OpenProfile
from scalpzone.ui.profile.opening import BackgroundOpen
from scalpzone.ui.profile.store_api import (
    DatabaseLike,
    ProfileStoreLike,
    ProfileSummaryLike,
    StorageOpener,
    StoredProfileLike,
)
from scalpzone.ui.widgets.questions import Dialogs

if TYPE_CHECKING:
    from scalpzone.storage import PhotoStore

LAST_PROFILE_KEY = "profile/last_id"


class ProfileController(QObject):
    """Keeps one profile open in the map model and carries out the profile commands."""

    opened = Signal()  # a profile was opened (or reopened): title, menus and hints follow
    profilesChanged = Signal()
    notice = Signal(str)
    firstStart = Signal()

    def __init__(
        self,
        model: MapModel,
        stack: QUndoStack,
        autosave: Autosave,
        settings: QSettings,
        dialogs: Dialogs,
        open_storage: StorageOpener,
        snapshot: StartupSnapshot,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._stack = stack
        self._autosave = autosave
        self._settings = settings
        self._dialogs = dialogs
        self._open_storage = open_storage
        self._snapshot = snapshot
        self._db: DatabaseLike | None = None
        self._store: ProfileStoreLike | None = None
        #: What belongs to the open profile; dialogs and views take it.
        self.open_profile = OpenProfile(model, self)
        self._snapshot_base: MapDocument | None = None
        self._opening: BackgroundOpen | None = None
        #: The database could not be opened: edits stay on screen, unsaved.
        self.open_failed = False

    # Start and stop ----------------------------------------------------------------------------

    @property
    def store(self) -> ProfileStoreLike | None:
        """The open profile store (None until the database is open)."""
        return self._store

    @property
    def profile_id(self) -> int:
        """The open profile's id (held by `open_profile`)."""
        return self.open_profile.profile_id

    @property
    def database(self) -> DatabaseLike | None:
        """The open database (None until it is open); photos are kept in it."""
        return self._db

    def photo_store(self) -> PhotoStore | None:
        """The open database's photos (None until it is open)."""
        from scalpzone.storage import PhotoStore, full_database  # noqa: PLC0415

        db = full_database(self._db)
        return PhotoStore(db) if db is not None else None

    @property
    def ready(self) -> bool:
        """Whether the database is open."""
        return self._store is not None

    def show_snapshot(self) -> bool:
        """Draw the last map from the snapshot, before the database is open; False if none.

        Without one the window shows the empty map a new profile starts with. Either way, edits
        made on it before the database opens are kept if the stored map is the one shown.
        """
        snap = self._snapshot.load()
        if snap is None:
            self._snapshot_base = self._model.document
            return False
        self._snapshot_base = snap.document
        self.open_profile.show_startup_snapshot(snap.profile_id, snap.document, snap.hairlines)
        return True

    def start(self) -> bool:
        """Open the database and the last profile (creating one on first start)."""
        outcome: object
        try:
            outcome = self._open_storage()
        except Exception as error:  # a StorageError is said in words; anything else is raised
            outcome = error
        return self.take_storage(outcome)

    def start_in_background(self) -> BackgroundOpen:
        """Open the database on a worker thread; the caller passes its outcome to `take_storage`.

        Until then the map takes edits, and `close` waits for the opener and saves them.
        """
        self._opening = BackgroundOpen(self._open_storage, self)
        return self._opening

    def take_storage(self, outcome: object) -> bool:
        """Use what the opener gave: open the last profile, or say why the data cannot be opened.

        Edits made meanwhile are saved now; if the database cannot be opened they stay on screen
        (unsaved, and the person is told so).
        """
        from scalpzone.storage import StorageError  # noqa: PLC0415  (after the window shows)

        self._opening = None
        if isinstance(outcome, StorageError):
            self.open_failed = True
            why = str(outcome)
            if self._stack.count():
                why += " " + self.tr(
                    "The changes you made are still on screen, but they are not saved."
                )
            self._dialogs.show_error(self.tr("Your data could not be opened"), why)
            return False
        if isinstance(outcome, BaseException):
            self.open_failed = True  # a bug: the excepthook says it; closing does not try again
            raise outcome
        self._db, store = cast("tuple[DatabaseLike, ProfileStoreLike]", outcome)
        self._store = self._autosave.guarded(store)
        for text in self._db.notices:
            self.notice.emit(text)
        guarded = self._store
        return self._run(
            self.tr("Your data could not be opened"), lambda _s: self._open_initial(guarded)
        )

    def restore_backup(self) -> None:
        """File › Restore backup…: put one of the database's backups in place, then reopen."""
        if self._db is None or self._store is None:
            return
        self._autosave.flush()
        store, db = self._store, self._db
        from scalpzone.ui.profile.data_repair import restore_backup  # noqa: PLC0415

        if self._run(
            self.tr("The backup was not restored"), lambda _s: restore_backup(self._dialogs, db)
        ):
            self._autosave.detach()
            self._stack.clear()
            self._snapshot_base = None
            if self._run(
                self.tr("Your data could not be opened"), lambda _s: self._open_initial(store)
            ):
                self.profilesChanged.emit()

    def _open_initial(self, store: ProfileStoreLike) -> None:
        ids = [p.id for p in store.profiles()]
        base, self._snapshot_base = self._snapshot_base, None
        if not ids:
            stored = store.load_profile(store.create_profile(self.tr("My scalp")))
            if not self._keep_edits(stored, base):
                self._show_instead(stored)
            self.firstStart.emit()
            return
        if base is not None and self.profile_id in ids:
            stored = store.load_profile(self.profile_id)
            if not self._keep_edits(stored, base):
                self._show_instead(stored)
            return
        wanted = int(str(self._settings.value(LAST_PROFILE_KEY, 0) or 0))
        self._show_instead(store.load_profile(wanted if wanted in ids else ids[0]))

    def _keep_edits(self, stored: StoredProfileLike, base: MapDocument | None) -> bool:
        """Keep the map on screen, with what the person changed on it while the database
        opened, when the stored map is the one it was drawn from; those changes are saved now."""
        if base is None or stored.document.scalp_map != base.scalp_map:
            return False
        self.open_profile.take(self._require(), stored, keep_map=True)
        self._autosave.attach(self.open_profile, save_pending=True)
        self._opened()
        return True

    def _show_instead(self, stored: StoredProfileLike) -> None:
        """Show the stored map; changes made on another one while it opened are not kept."""
        if self._stack.count():
            self.notice.emit(
                self.tr(
                    "The changes you made while your data was opening were not kept: your saved "
                    "map is not the one they were made on. It is shown now."
                )
            )
        self._show(stored)

    def close(self) -> None:
        """Save what is waiting, keep a snapshot for the next start, and close the database."""
        if self._opening is not None:  # closed while opening: wait, then save the edits
            untaken, outcome = self._opening.wait()
            if untaken:
                self.take_storage(outcome)
        elif self._store is None and self._autosave.pending and not self.open_failed:
            self.start()  # edits made before the database opened still get saved
        self._autosave.detach()
        if self._store is not None and self.profile_id:
            self._snapshot.save(self.profile_id, self._model.document, self.open_profile.hairlines)
        if self._db is not None:
            self._db.close()
        self._db = None
        self._store = None
        self.open_profile.let_go()

    # Opening -----------------------------------------------------------------------------------

    def profiles(self) -> list[ProfileSummaryLike]:
        """Every profile, by name."""
        return list(self._store.profiles()) if self._store else []

    def _show(self, stored: StoredProfileLike) -> None:
        """Put a loaded profile in the model; its undo history starts empty."""
        self._autosave.detach()
        self._stack.clear()
        self.open_profile.take(self._require(), stored)
        self._autosave.attach(self.open_profile, save_pending=False)
        self._opened()

    def _opened(self) -> None:
        self._settings.setValue(LAST_PROFILE_KEY, self.profile_id)
        self.opened.emit()

    def _require(self) -> ProfileStoreLike:
        if self._store is None:
            raise RuntimeError("the database is not open yet")
        return self._store

    def _run(self, title: str, action: Callable[[ProfileStoreLike], object]) -> bool:
        """Do a profile command; a storage error becomes a dialog in plain words.

        Stored values that break the rules are listed with a way out (reset the settings,
        restore a backup); after a repair the command is tried again.
        """
        from scalpzone.storage import StorageError, StoredDataError  # noqa: PLC0415

        if self._store is None or self._db is None:
            return False
        for _attempt in range(3):
            try:
                return action(self._store) is not False
            except StoredDataError as error:
                from scalpzone.ui.profile.data_repair import offer_repair  # noqa: PLC0415

                outcome = offer_repair(
                    self._dialogs,
                    self._db,
                    self._store,
                    error.profile_id,
                    [str(p) for p in error.problems],
                    settings_only=error.settings_only,
                )
                if not outcome:
                    self.notice.emit(
                        self.tr(
                            "This profile's saved values need attention, so nothing is planned "
                            "from them. File › Restore backup… brings back an earlier copy."
                        )
                    )
                    return False
                self._snapshot_base = None
            except StorageError as error:
                self._dialogs.show_error(title, str(error))
                return False
        return False

    def switch_to(self, profile_id: int) -> None:
        """Open another profile; its own edits start a fresh undo history."""
        if profile_id == self.profile_id and self.ready:
            return
        self._autosave.flush()
        self._run(self.tr("Could not open the profile"), lambda _s: self._reopen(profile_id))

    def _reopen(self, profile_id: int) -> None:
        self._show(self._require().load_profile(profile_id))

    # File menu ---------------------------------------------------------------------------------

    def new_profile(self) -> None:
        """Ask for a name and open a new, empty profile."""
        name = self._dialogs.ask_text(self.tr("New profile"), self.tr("Name of the new profile:"))
        if name is None:
            return

        def create(store: ProfileStoreLike) -> None:
            new_id = store.create_profile(name)
            self._reopen(new_id)

        if self._run(self.tr("Could not create the profile"), create):
            self.profilesChanged.emit()

    def rename_profile(self) -> None:
        """Ask for a new name for the open profile."""
        current = self._model.profile_name
        name = self._dialogs.ask_text(self.tr("Rename profile"), self.tr("New name:"), current)
        if name is None or name == current:
            return

        def rename(store: ProfileStoreLike) -> None:
            store.rename_profile(self.profile_id, name)
            self._autosave.flush()
            self._reopen(self.profile_id)

        if self._run(self.tr("Could not rename the profile"), rename):
            self.profilesChanged.emit()

    def delete_profile(self) -> None:
        """Delete the open profile and everything in it, after a confirmation."""
        name = self._model.profile_name
        question = self.tr(
            "Delete the profile “{name}” with its map, hairlines and session log? "
            "This cannot be undone."
        ).format(name=name)
        if not self._dialogs.confirm(self.tr("Delete profile"), question, self.tr("Delete")):
            return

        def delete(store: ProfileStoreLike) -> None:
            self._autosave.detach()
            store.delete_profile(self.profile_id)
            self._snapshot.clear()
            remaining = store.profiles()
            next_id = remaining[0].id if remaining else store.create_profile(self.tr("My scalp"))
            self._reopen(next_id)

        if self._run(self.tr("Could not delete the profile"), delete):
            self.profilesChanged.emit()

    def import_file(self) -> None:
        """Read a map file into a new profile; every problem in a bad file is listed."""
        path = self._dialogs.open_file(self.tr("Import a map file"))
        if path is None:
            return
        try:
            document = read_map_file(path)
        except MapFileError as error:
            self._dialogs.show_problems(
                self.tr("The file was not imported"),
                self.tr(
                    "{file} was not imported; nothing was changed. Fix these and try again:"
                ).format(file=path.name),
                [str(p) for p in error.problems],
            )
            return

        name = document.profile_name
        taken = {p.name.casefold() for p in self.profiles()}
        if name is not None and name.casefold() in taken:
            name = self._dialogs.ask_text(
                self.tr("Import a map file"),
                self.tr("There is already a profile named “{name}”. Name the imported one:").format(
                    name=name
                ),
                self.tr("{name} (imported)").format(name=name),
            )
            if name is None:
                return

        def add(store: ProfileStoreLike) -> None:
            self._reopen(store.import_document(document, name))

        if self._run(self.tr("The file was not imported"), add):
            self.profilesChanged.emit()

    def export_file(self) -> None:
        """Write the open profile as a map file."""
        self._autosave.flush()
        suggested = f"{self._model.profile_name or 'scalpzone'}.json"
        path = self._dialogs.save_file(self.tr("Export the map"), suggested)
        if path is None:
            return

        def export(store: ProfileStoreLike) -> None:
            from scalpzone.storage import write_atomically  # noqa: PLC0415  (no SQL at start)

            document = store.export_document(self.profile_id)
            write_atomically(path, dump_map_document(document).encode("utf-8"))

        # A file that cannot be written is a StorageError too: the same plain-words dialog.
        if self._run(self.tr("The map was not exported"), export):
            self.notice.emit(self.tr("Exported to {file}.").format(file=str(path)))

    def today(self) -> date:
        """The model's today, for dating saves."""
        return self._model.today()
