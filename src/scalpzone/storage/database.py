"""Opening the database safely: lock, check, recover, migrate, back up; then sessions.

`Database.open` does, in order:

1. resolve the path (`--database`, `$SCALPZONE_DB`, the user data folder), refuse anything that
   is not a ScalpZone database (a folder, a link, a text file, another app's database) without
   touching it, and take the single-writer lock beside it (DatabaseLockedError if another
   ScalpZone has it);
2. look at the file read-only: missing, empty, current, older, newer or damaged; a full disk,
   a refused permission, a busy file or a disk error is said as such and changes nothing;
3. a newer database is refused (NewerDatabaseError) and left untouched; a damaged one of ours
   is replaced by the newest good backup of the same database (or a fresh database), the
   damaged file moved aside unchanged;
4. a read-only file, or any database on a full disk, is copied into memory and opened for
   viewing, every write refused;
5. an older database is backed up, then upgraded; a new one is created and stamped;
6. the backup folder records which database it belongs to, and the first start of a day makes
   a backup; values that break CHECK constraints are reported.

Every step that the person should know about leaves a sentence in `notices`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import cast

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from scalpzone import __version__
from scalpzone.storage import backups, opening, schema
from scalpzone.storage.backups import BackupInfo
from scalpzone.storage.engines import BUSY_TIMEOUT_MS, file_engine, memory_engine
from scalpzone.storage.errors import (
    UNREADABLE,
    BackupNotFoundError,
    DiskFullError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
    unreadable,
)
from scalpzone.storage.failures import classify, plain_error
from scalpzone.storage.files import open_read_only, secure_database
from scalpzone.storage.location import backup_folder
from scalpzone.storage.lock import DatabaseLock
from scalpzone.storage.recovery import (
    FileCheck,
    Verdict,
    check_database_file,
    file_writable,
)

__all__ = ["BUSY_TIMEOUT_MS", "Database", "file_engine"]

Clock = Callable[[], datetime]


class Database:
    """An open ScalpZone database: its path, what happened at open, and sessions on it."""

    def __init__(
        self,
        path: Path,
        lock: DatabaseLock,
        engine: Engine,
        notices: list[str],
        *,
        read_only: bool,
        now: Clock,
    ) -> None:
        self.path = path
        self.read_only = read_only
        self._lock = lock
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._notices = notices
        self._now = now
        self._changed = False
        self._closed = False
        #: Counts this process's write transactions and restores; see `unchanged_since`.
        self._generation = 0
        #: Which database this is (its UUID); backups of another identity are never used.
        self.identity = opening.engine_identity(engine) or ""

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, now: Clock = datetime.now) -> Database:
        """Open (creating, recovering or upgrading as needed) and lock the database."""
        db_path, lock, folder_writable = opening.claim(path)
        return cls.open_claimed(db_path, lock, folder_writable, now)

    @classmethod
    def open_claimed(
        cls, db_path: Path, lock: DatabaseLock, folder_writable: bool, now: Clock
    ) -> Database:
        """`open` after `opening.claim`; the lock is released if the database cannot be opened."""
        try:
            return cls._open_locked(db_path, lock, folder_writable, now)
        except (OSError, sqlite3.Error, DBAPIError) as error:
            lock.release()
            raise classify(error, db_path, "open its database") from error
        except BaseException:
            lock.release()
            raise

    @classmethod
    def take_over(
        cls,
        path: Path,
        lock: DatabaseLock,
        notices: list[str],
        identity: str,
        changed: bool,
        now: Clock,
    ) -> Database:
        """The full database on a file the start-up path opened and checked (startup.py): its
        lock and notices carry over, and `changed` says whether it wrote (for the backup on
        closing)."""
        database = cls(path, lock, file_engine(path), notices, read_only=False, now=now)
        if database.identity != identity:
            database._engine.dispose()
            raise StorageError(f"The database {path} changed identity while it was open.")
        database._changed = changed
        return database

    @classmethod
    def _open_locked(
        cls, path: Path, lock: DatabaseLock, folder_writable: bool, now: Clock
    ) -> Database:
        notices: list[str] = []
        if folder_writable:
            backups.clean_half_written(path)
        check = check_database_file(path, on_record=backups.on_record(path))
        if check.verdict is Verdict.NEWER:
            raise NewerDatabaseError(
                f"The database {path} was written by a newer version of ScalpZone (schema "
                f"{check.revision}; this is ScalpZone {__version__}, which knows up to schema "
                f"{schema.HEAD_REVISION}). It was left untouched. Install the newer ScalpZone to "
                "use it, or start this one with another database (--database PATH)."
            )
        if check.verdict is Verdict.DAMAGED:
            if not folder_writable:
                raise StorageError(
                    f"The database {path} {check.reason}, and the folder it is in cannot be "
                    "written to, so ScalpZone cannot set it aside and restore a backup. "
                    "Nothing was changed."
                )
            check = opening.recover(path, check, notices, now)

        if check.verdict is not Verdict.MISSING and not (folder_writable and file_writable(path)):
            notices.append(
                f"The database {path} is read-only, so ScalpZone opened it for viewing only: "
                "changes cannot be saved. To save changes, make the file (and its folder) "
                "writable, for example with `chmod u+w`, and start ScalpZone again."
            )
            return cls._viewing(path, lock, check, notices, now)
        if check.verdict is Verdict.MISSING and not folder_writable:
            raise StorageError(
                f"There is no database at {path} yet, and ScalpZone cannot create one there: "
                f"the folder {path.parent} is read-only. Choose another place with --database."
            )
        try:
            engine = cls._prepare(path, check, notices, now)
        except DiskFullError as error:
            if check.verdict not in (Verdict.CURRENT, Verdict.OLDER):
                raise
            notices.append(f"{error} Until then ScalpZone shows your data for viewing only.")
            return cls._viewing(path, lock, check, notices, now)
        return cls(path, lock, engine, notices, read_only=False, now=now)

    @classmethod
    def _prepare(cls, path: Path, check: FileCheck, notices: list[str], now: Clock) -> Engine:
        """Create, fill in or upgrade the file as its verdict asks; an engine on the result."""
        try:
            if check.verdict is Verdict.MISSING:
                opening.create_new(path, notices, now)
            elif check.verdict is Verdict.EMPTY:
                schema.create_file_schema(path)
            elif check.verdict is Verdict.OLDER:
                opening.upgrade(path, check, notices, now)
            secure_database(path)
            engine = file_engine(path)
            try:
                raw = engine.raw_connection()
                try:
                    cx = cast(sqlite3.Connection, raw.dbapi_connection)
                    identity, daily, broken = opening.look_over(cx, path, check, now)
                finally:
                    raw.close()
            except BaseException:
                engine.dispose()
                raise
        except (OSError, sqlite3.Error, DBAPIError) as error:
            raise classify(error, path, "open its database") from None
        opening.settle(path, identity, daily, broken, notices, now)
        return engine

    @classmethod
    def _viewing(
        cls, path: Path, lock: DatabaseLock, check: FileCheck, notices: list[str], now: Clock
    ) -> Database:
        """The database copied into memory: every write refused, the file never touched."""
        engine = memory_engine(path)
        if check.verdict is Verdict.OLDER:
            schema.upgrade(engine)
        elif check.verdict is Verdict.EMPTY:
            raw = engine.raw_connection()
            try:
                schema.create_schema(cast(sqlite3.Connection, raw.dbapi_connection))
            finally:
                raw.close()
        return cls(path, lock, engine, notices, read_only=True, now=now)

    # -- using -----------------------------------------------------------------------------

    @property
    def notices(self) -> tuple[str, ...]:
        """Plain-words messages about what happened when the database was opened."""
        return tuple(self._notices)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one write transaction: committed on success, rolled back on error."""
        self._require_open()
        if self.read_only:
            raise ReadOnlyDatabaseError(
                f"The change was not saved: the database {self.path} was opened read-only. "
                "Make it writable and start ScalpZone again."
            )
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as error:
            raise plain_error(error, self.path) from error
        finally:
            self._generation += 1
        self._changed = True

    def freshness(self, session: Session) -> tuple[int, int, int]:
        """A key that stays equal while nothing in the database changed.

        Taken inside a reading session: this process's count of write transactions and
        restores, with SQLite's `data_version` of the session's connection, which moves when
        any other connection (another program, the autosave's thread) commits. Two equal keys
        mean no row changed in between, so what was read and checked then is still true.
        """
        connection = session.connection().connection.dbapi_connection
        version = session.execute(text("PRAGMA data_version")).scalar_one()
        return self._generation, id(connection), int(version)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session in one read transaction: a consistent view across several queries.

        A stored value that cannot even be turned into its type (a date that is no date, JSON
        that is not JSON) becomes a StoredDataError, never a bare exception.
        """
        self._require_open()
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as error:
            raise plain_error(error, self.path) from error
        except UNREADABLE as error:
            raise unreadable(error) from error

    def _require_open(self) -> None:
        if self._closed:
            raise StorageError(f"The database {self.path} is closed.")

    # -- backups ---------------------------------------------------------------------------

    def list_backups(self) -> list[BackupInfo]:
        """The backups of this database, newest first."""
        return backups.list_backups(self.path, self.identity or None)

    def other_backups(self) -> list[BackupInfo]:
        """Backups beside this database that are not its own (never restored or pruned here).

        Those of another database that once had this file name, and those from before
        ScalpZone kept backups per database that could not be told apart.
        """
        own = {b.path for b in self.list_backups()}
        mixed = [b for b in backups.list_backups(self.path) if b.path not in own]
        return mixed + backups.shared_backups(self.path)

    def backup_now(self, reason: str = "manual") -> BackupInfo:
        """Make a backup now (and drop the oldest beyond the newest 10)."""
        self._require_open()
        info = backups.make_backup(self.path, reason, self._now)
        backups.prune_backups(self.path, self.identity)
        return info

    def restore_backup(self, name: str) -> str:
        """Replace the database's content with one of its backups; says what happened.

        The database as it was is kept first as a "before-restore" backup, so a restore can be
        undone by restoring that one. A backup of another database is refused.
        """
        self._require_open()
        if self.read_only:
            raise ReadOnlyDatabaseError(
                f"Cannot restore a backup: the database {self.path} was opened read-only."
            )
        chosen = self._backup_named(name)
        check = self._restorable(chosen)
        self._engine.dispose()
        try:
            safety = backups.make_backup(self.path, "before-restore", self._now)
            source = open_read_only(chosen.path)
            try:
                target = sqlite3.connect(self.path)
                try:
                    target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                    source.backup(target)  # one transaction: all of it or none
                finally:
                    target.close()
            finally:
                source.close()
            if check.verdict is Verdict.OLDER:
                schema.upgrade(self._engine)
            if opening.engine_identity(self._engine) != self.identity:
                opening.set_identity(self._engine, self.identity)
        except (OSError, sqlite3.Error) as error:
            raise classify(error, self.path, f"restore the backup {chosen.name}") from None
        backups.prune_backups(self.path, self.identity)
        self._generation += 1
        self._changed = True
        return (
            f"Restored the backup {chosen.name} ({chosen.describe()}). The database as it was "
            f"just before is kept as the backup {safety.name}."
        )

    def _backup_named(self, name: str) -> BackupInfo:
        every = backups.list_backups(self.path) + backups.shared_backups(self.path)
        chosen = next((b for b in every if b.name == name), None)
        if chosen is None:
            known = ", ".join(b.name for b in self.list_backups()) or "none"
            raise BackupNotFoundError(
                f"There is no backup named {name!r} in {backup_folder(self.path)} "
                f"(backups: {known})."
            )
        return chosen

    def _restorable(self, chosen: BackupInfo) -> FileCheck:
        """The backup's verdict, or BackupNotFoundError saying why it cannot be restored."""
        if chosen not in self.list_backups():
            raise BackupNotFoundError(
                f"The backup {chosen.name} cannot be restored into {self.path}: it is a backup "
                "of another database (or from before ScalpZone kept backups per database and "
                "could not tell whose it is). Nothing was changed. To look at it, copy it and "
                "open the copy with --database PATH."
            )
        try:
            check = check_database_file(chosen.path)
        except StorageError as error:
            raise BackupNotFoundError(
                f"The backup {chosen.name} cannot be restored: {error}"
            ) from None
        if check.verdict not in (Verdict.CURRENT, Verdict.OLDER):
            why = (
                "was made by a newer ScalpZone"
                if check.verdict is Verdict.NEWER
                else check.reason or "is not a ScalpZone database"
            )
            raise BackupNotFoundError(f"The backup {chosen.name} cannot be restored: it {why}.")
        return check

    # -- closing ---------------------------------------------------------------------------

    def close(self) -> None:
        """Back up if anything changed, and let the next ScalpZone in. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        failure: Exception | None = None
        try:
            self._engine.dispose()
            if self._changed and not self.read_only:
                backups.make_backup(self.path, "on-close", self._now)
                backups.prune_backups(self.path, self.identity)
        except (OSError, sqlite3.Error) as error:
            failure = error
        finally:
            self._lock.release()
        if failure is not None:
            raise StorageError(
                f"Your changes are saved in {self.path}, but the backup on closing could not be "
                f"written to {backup_folder(self.path)} ({opening.why(failure)})."
            )

    def __enter__(self) -> Database:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
