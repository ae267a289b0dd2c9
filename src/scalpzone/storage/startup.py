"""The window's way in: the last profile read and its edits saved before SQLAlchemy is loaded.

Importing SQLAlchemy takes longer than everything else between the first paint and a window
whose clicks are saved, and it holds the interpreter while it loads, even on a thread. So
`open_for_start` opens an up-to-date database with plain `sqlite3`, after the same steps as
`Database.open` (claim and lock, the file's check, the day's check and backup; a missing or
empty file is created from the models' statements, schema_ddl.py); the store it
returns answers the start-up calls (the profile list, loading a profile, saving its map, the
roller in use) with the plain SQL of rows.py and validated.py, which the ORM's store runs too.
`load_rest_in_background` then loads SQLAlchemy on a thread and hands every later call to a
real `Database` and `ProfileStore`; a call that needs them sooner waits for them.

Any other database (older, newer, damaged, read-only, on a full disk) takes the full path,
`Database.open`, with the claim and lock already taken: an upgrade needs Alembic anyway. See docs/storage.md.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.zones import ScalpMap
from scalpzone.storage import backups, opening, schema
from scalpzone.storage.errors import UNREADABLE, DiskFullError, unreadable
from scalpzone.storage.failures import classify, sqlite_failure
from scalpzone.storage.files import configure, secure_database
from scalpzone.storage.lock import DatabaseLock
from scalpzone.storage.profile_rows import clean_name, create_profile
from scalpzone.storage.recovery import Verdict, check_database_file, file_writable
from scalpzone.storage.rows import (
    ProfileSummary,
    Roller,
    StoredProfile,
    check_document,
    hairlines,
    profile_summaries,
    rollers,
    write_map,
)
from scalpzone.storage.validated import load_document

if TYPE_CHECKING:
    from scalpzone.domain.history import HistoryEntry
    from scalpzone.domain.settings import Health, Settings
    from scalpzone.storage.backups import BackupInfo
    from scalpzone.storage.database import Database
    from scalpzone.storage.log_repositories import LoggedSession
    from scalpzone.storage.repositories import MapSnapshot
    from scalpzone.storage.store import ProfileStore

Clock = Callable[[], datetime]


def open_for_start(
    path: Path | str | None = None, *, now: Clock = datetime.now
) -> tuple[StartupDatabase | Database, StartupStore | ProfileStore]:
    """The database and its store for the window: the plain path when the file allows it,
    else `Database.open`'s full path (creating, recovering or upgrading as it needs)."""
    db_path, lock, folder_writable = opening.claim(path)
    try:
        try:
            quick = _open_plain(db_path, lock, now) if folder_writable else None
        except (OSError, sqlite3.Error) as error:
            raise classify(error, db_path, "open its database") from error
    except DiskFullError:
        quick = None  # the full path opens it for viewing only, and says so
    except BaseException:
        lock.release()
        raise
    if quick is not None:
        return quick, StartupStore(quick)
    from scalpzone.storage.database import Database  # noqa: PLC0415  (the full path)
    from scalpzone.storage.store import ProfileStore  # noqa: PLC0415

    database = Database.open_claimed(db_path, lock, folder_writable, now)
    return database, ProfileStore(database)


def _open_plain(path: Path, lock: DatabaseLock, now: Clock) -> StartupDatabase | None:
    """`Database.open`'s steps for an up-to-date, writable file, on a plain connection; None
    for any other file (left as it was, for the full path)."""
    backups.clean_half_written(path)
    check = check_database_file(path, on_record=backups.on_record(path))
    notices: list[str] = []
    if check.verdict is Verdict.MISSING:
        opening.create_new(path, notices, now)
    elif check.verdict not in (Verdict.CURRENT, Verdict.EMPTY) or not file_writable(path):
        return None
    elif check.verdict is Verdict.EMPTY:
        schema.create_file_schema(path)
    secure_database(path)
    cx = sqlite3.connect(path, check_same_thread=False)
    try:
        configure(cx)
        identity, daily, broken = opening.look_over(cx, path, check, now)
    except BaseException:
        cx.close()
        raise
    opening.settle(path, identity, daily, broken, notices, now)
    return StartupDatabase(path, lock, cx, notices, identity, now)


def load_rest_in_background(database: object) -> None:
    """Start loading SQLAlchemy and the full database behind a start-up one (once the window
    is usable); anything else is already full."""
    if isinstance(database, StartupDatabase):
        database.load_in_background()


def full_database(database: object) -> Database | None:
    """The full `Database` behind what `open_for_start` gave (waiting for it if need be);
    None for anything else."""
    from scalpzone.storage.database import Database  # noqa: PLC0415

    if isinstance(database, StartupDatabase):
        return database.full()
    return database if isinstance(database, Database) else None


class StartupDatabase:
    """An open, locked, up-to-date database on a plain connection, until the full one loads.

    One lock orders the plain calls and the hand-over: once `full()` has built the `Database`
    (on the same file and lock, told whether the plain path wrote), every call goes to it.
    """

    def __init__(
        self,
        path: Path,
        lock: DatabaseLock,
        connection: sqlite3.Connection,
        notices: list[str],
        identity: str,
        now: Clock,
    ) -> None:
        self.path = path
        self.identity = identity
        self.read_only = False
        self._lock = lock
        self._cx: sqlite3.Connection | None = connection
        self._notices = notices
        self._now = now
        self._changed = False
        self._guard = threading.RLock()
        self._full: Database | None = None
        self._store: ProfileStore | None = None
        self._loader: threading.Thread | None = None

    @property
    def notices(self) -> tuple[str, ...]:
        """Plain-words messages about what happened when the database was opened."""
        return tuple(self._notices)

    # -- the plain path ----------------------------------------------------------------------

    def reading(self) -> AbstractContextManager[sqlite3.Connection | None]:
        """The plain connection in one read transaction, or None once the full one took over.

        Errors are said as `Database.reading` says them.
        """
        return self._plain(write=False)

    def writing(self) -> AbstractContextManager[sqlite3.Connection | None]:
        """The plain connection in one write transaction (committed on success, rolled back
        on any error, which is said in words), or None once the full one took over."""
        return self._plain(write=True)

    @contextmanager
    def _plain(self, *, write: bool) -> Iterator[sqlite3.Connection | None]:
        with self._guard:
            cx = self._cx
            if cx is None:
                yield None
                return
            try:
                cx.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield cx
                except BaseException:
                    cx.execute("ROLLBACK")
                    raise
                cx.execute("COMMIT" if write else "ROLLBACK")
            except sqlite3.Error as error:
                if cx.in_transaction:
                    cx.execute("ROLLBACK")
                raise sqlite_failure(error, self.path) from error
            except UNREADABLE as error:
                if write:  # a write's own error, not a stored value (as `Database.transaction`)
                    raise
                raise unreadable(error) from error
            self._changed = self._changed or write

    # -- the full database -------------------------------------------------------------------

    def load_in_background(self) -> None:
        """Load SQLAlchemy and build the full database on a worker thread (once)."""
        with self._guard:
            if self._loader is not None or self._full is not None:
                return
            self._loader = threading.Thread(
                target=self._load_quietly, name="scalpzone-load-orm", daemon=True
            )
        self._loader.start()

    def _load_quietly(self) -> None:
        try:
            self.full()
        except Exception:
            return

    def full(self) -> Database:
        """The full `Database` on this file and lock (built now if it is not yet)."""
        if self._full is not None:
            return self._full
        # The long part, outside the lock: the plain path keeps working meanwhile.
        from scalpzone.storage.database import Database  # noqa: PLC0415
        from scalpzone.storage.store import ProfileStore  # noqa: PLC0415

        with self._guard:
            if self._full is None:
                full = Database.take_over(
                    self.path, self._lock, self._notices, self.identity, self._changed, self._now
                )
                self._store = ProfileStore(full)
                self._full = full
                if self._cx is not None:
                    self._cx.close()
                    self._cx = None
            return self._full

    def store(self) -> ProfileStore:
        """The full `ProfileStore` (building the full database if need be)."""
        self.full()
        assert self._store is not None
        return self._store

    def list_backups(self) -> list[BackupInfo]:
        """The backups of this database, newest first."""
        return self.full().list_backups()

    def restore_backup(self, name: str) -> str:
        """Replace the database's content with one of its backups (see `Database`)."""
        return self.full().restore_backup(name)

    def close(self) -> None:
        """Back up if anything changed, and let the next ScalpZone in (see `Database.close`).

        If the full database cannot be built, the plain connection is closed and the lock
        released all the same, and the reason is raised.
        """
        try:
            full = self.full()
        except BaseException:
            with self._guard:
                if self._cx is not None:
                    self._cx.close()
                    self._cx = None
                self._lock.release()
            raise
        full.close()


class StartupStore:
    """`ProfileStore`'s calls: the start-up ones on the plain path until the full database has
    taken over, every one on the full `ProfileStore` after (and the others wait for it)."""

    def __init__(self, database: StartupDatabase) -> None:
        self._db = database

    def _full(self) -> ProfileStore:
        return self._db.store()

    # -- answered on the plain path ------------------------------------------------------------

    def profiles(self) -> list[ProfileSummary]:
        """Every profile, sorted by name."""
        with self._db.reading() as cx:
            if cx is not None:
                return profile_summaries(cx)
        return self._full().profiles()

    def load_profile(self, profile_id: int) -> StoredProfile:
        """Everything of one profile, checked as `ProfileStore.load_profile` checks it."""
        with self._db.reading() as cx:
            if cx is not None:
                name, document, confirmed = load_document(cx, profile_id)
                return StoredProfile(
                    profile_id, name, document, hairlines(cx, profile_id), confirmed
                )
        return self._full().load_profile(profile_id)

    def save_map(self, profile_id: int, scalp_map: ScalpMap, day: date) -> None:
        """Write every zone and the hairline, as `ProfileStore.save_map` does."""
        check_document(MapDocument(scalp_map), "The map")
        with self._db.writing() as cx:
            if cx is not None:
                write_map(cx, profile_id, scalp_map, day)
                return
        self._full().save_map(profile_id, scalp_map, day)

    def create_profile(self, name: str) -> int:
        """A new profile with an all-healthy map and default settings; returns its id."""
        clean_name(name)  # refused before a transaction begins
        with self._db.writing() as cx:
            if cx is not None:
                return create_profile(cx, name)
        return self._full().create_profile(name)

    def current_roller(self, profile_id: int) -> Roller | None:
        """The roller in use, with its uses counted from the log."""
        with self._db.reading() as cx:
            if cx is not None:
                found = rollers(cx, profile_id, current=True)
                return found[0] if found else None
        return self._full().current_roller(profile_id)

    # -- the rest, on the full store -----------------------------------------------------------

    def rename_profile(self, profile_id: int, name: str) -> None:
        """Give a profile another name."""
        self._full().rename_profile(profile_id, name)

    def delete_profile(self, profile_id: int) -> None:
        """Delete a profile and everything in it."""
        self._full().delete_profile(profile_id)

    def import_document(
        self, doc: MapDocument, name: str | None = None, *, day: date | None = None
    ) -> int:
        """A new profile holding the whole document; returns its id."""
        return self._full().import_document(doc, name, day=day)

    def export_document(self, profile_id: int) -> MapDocument:
        """The profile as a map file document."""
        return self._full().export_document(profile_id)

    def map_snapshots(self, profile_id: int) -> tuple[MapSnapshot, ...]:
        """Every dated copy of the zone states, oldest first."""
        return self._full().map_snapshots(profile_id)

    def save_settings(self, profile_id: int, settings: Settings) -> None:
        """Store plan settings after checking them against the rules."""
        self._full().save_settings(profile_id, settings)

    def save_health(self, profile_id: int, health: Health, confirmed_on: date) -> None:
        """Store the health checklist as confirmed on `confirmed_on`."""
        self._full().save_health(profile_id, health, confirmed_on)

    def log_session(self, profile_id: int, entry: HistoryEntry) -> None:
        """Add a session to the log."""
        self._full().log_session(profile_id, entry)

    def log_entries(self, profile_id: int) -> Sequence[LoggedSession]:
        """The log with each session's id, oldest first."""
        return self._full().log_entries(profile_id)

    def replace_log_entry(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        """Put `entry` in place of a logged session, keeping its id."""
        self._full().replace_log_entry(profile_id, log_id, entry)

    def remove_log_entry(self, profile_id: int, log_id: int) -> HistoryEntry:
        """Take a session out of the log and return it."""
        return self._full().remove_log_entry(profile_id, log_id)

    def restore_log_entry(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        """Put a removed session back under its old id."""
        self._full().restore_log_entry(profile_id, log_id, entry)

    def start_roller(self, profile_id: int, needle_mm: float, first_use: date) -> int:
        """A new roller is in use from `first_use`; returns its id."""
        return self._full().start_roller(profile_id, needle_mm, first_use)

    def rollers(self, profile_id: int) -> tuple[Roller, ...]:
        """Every roller the profile has had, oldest first."""
        return self._full().rollers(profile_id)

    def reset_settings(self, profile_id: int) -> None:
        """Put a profile's plan settings back to the defaults."""
        self._full().reset_settings(profile_id)

    def reset_health(self, profile_id: int) -> None:
        """Clear a profile's health checklist."""
        self._full().reset_health(profile_id)


__all__ = [
    "StartupDatabase",
    "StartupStore",
    "full_database",
    "load_rest_in_background",
    "open_for_start",
]
