"""Opening the database safely: lock, check, recover, migrate, back up; then sessions.

`Database.open` does, in order:

1. resolve the path (`--database`, `$SCALPZONE_DB`, the user data folder) and take the
   single-writer lock beside it (DatabaseLockedError if another ScalpZone has it);
2. look at the file read-only: missing, empty, current, older, newer or damaged;
3. a newer database is refused (NewerDatabaseError) and left untouched; a damaged one is moved
   aside unchanged and the newest good backup restored (or a fresh database started);
4. a read-only file is copied into memory and opened for viewing, every write refused;
5. an older database is backed up, then upgraded; a new one is created and stamped;
6. the first start of a day makes a backup.

Every step that the person should know about leaves a sentence in `notices`.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from scalpzone import __version__
from scalpzone.storage import backups, schema
from scalpzone.storage.backups import BackupInfo
from scalpzone.storage.errors import (
    BackupNotFoundError,
    NewerDatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)
from scalpzone.storage.files import (
    create_private_file,
    fsync_path,
    open_read_only,
    owned_by_me,
)
from scalpzone.storage.location import backup_folder, resolve_database_path, sidecars
from scalpzone.storage.lock import DatabaseLock
from scalpzone.storage.recovery import (
    FileCheck,
    Verdict,
    check_database_file,
    move_aside,
    move_orphans,
    owner_may,
)

BUSY_TIMEOUT_MS = 5000
Clock = Callable[[], datetime]


def _on_connect_file(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection settings for the database file (SQLAlchemy `connect` event)."""
    assert isinstance(dbapi_connection, sqlite3.Connection)
    # SQLAlchemy emits BEGIN itself (see _on_begin), so reads are transactional too.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk before save_map returns, even if the power goes next.
    dbapi_connection.execute("PRAGMA synchronous = FULL")


def _on_connect_memory(dbapi_connection: Any, _record: Any) -> None:
    assert isinstance(dbapi_connection, sqlite3.Connection)
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def file_engine(path: Path) -> Engine:
    """A SQLAlchemy engine on the database file with ScalpZone's PRAGMAs on every connection."""
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect_file)
    event.listen(engine, "begin", _on_begin)
    return engine


def _memory_engine(source: Path) -> Engine:
    """An engine on an in-memory copy of a database file (for read-only opens)."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    src = open_read_only(source)
    try:
        src.backup(memory)
    finally:
        src.close()
    engine = create_engine("sqlite+pysqlite://", creator=lambda: memory, poolclass=StaticPool)
    event.listen(engine, "connect", _on_connect_memory)
    event.listen(engine, "begin", _on_begin)
    return engine


def _secure(path: Path) -> None:
    """Make the database and its -wal/-shm readable by their owner only (health data)."""
    for file in (path, *sidecars(path)):
        with contextlib.suppress(OSError):
            st = file.stat()
            if owned_by_me(st) and stat.S_IMODE(st.st_mode) != 0o600:
                file.chmod(0o600)


def _plain(error: DBAPIError, path: Path) -> StorageError:
    """A database error as a sentence."""
    text = str(error.orig) if error.orig is not None else str(error)
    if "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError(
            f"The change was not saved: the database {path} cannot be written to ({text})."
        )
    if "full" in text:
        return StorageError(f"The change was not saved: the disk holding {path} is full.")
    if "locked" in text or "busy" in text:
        return StorageError(
            f"The change was not saved: the database {path} was busy for too long. Try again."
        )
    if isinstance(error, IntegrityError):
        return StorageError(f"The change was not saved: the database refused it ({text}).")
    return StorageError(f"The change was not saved: the database {path} failed ({text}).")


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

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, now: Clock = datetime.now) -> Database:
        """Open (creating, recovering or upgrading as needed) and lock the database."""
        db_path = resolve_database_path(path)
        folder = db_path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as error:
            raise StorageError(
                f"ScalpZone cannot create the folder {folder} for its database ({error.strerror})."
            ) from None
        folder_writable = os.access(folder, os.W_OK | os.X_OK)
        lock = DatabaseLock.acquire(db_path, required=folder_writable)
        try:
            return cls._open_locked(db_path, lock, folder_writable, now)
        except (OSError, sqlite3.Error) as error:
            lock.release()
            raise StorageError(
                f"ScalpZone could not open its database {db_path}: {_why(error)}"
                + (f" ({error.filename})" if isinstance(error, OSError) and error.filename else "")
                + ". Nothing was deleted."
            ) from error
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_locked(
        cls, path: Path, lock: DatabaseLock, folder_writable: bool, now: Clock
    ) -> Database:
        notices: list[str] = []
        if folder_writable:
            backups.clean_half_written(path)
        check = check_database_file(path)
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
            check = _recover(path, check, notices, now)

        if check.verdict is not Verdict.MISSING and not (folder_writable and _file_writable(path)):
            engine = _memory_engine(path)
            if check.verdict is Verdict.OLDER:
                schema.upgrade(engine)
            elif check.verdict is Verdict.EMPTY:
                schema.create_schema(engine)
            notices.append(
                f"The database {path} is read-only, so ScalpZone opened it for viewing only: "
                "changes cannot be saved. To save changes, make the file (and its folder) "
                "writable, for example with `chmod u+w`, and start ScalpZone again."
            )
            return cls(path, lock, engine, notices, read_only=True, now=now)

        existed = check.verdict is not Verdict.MISSING
        if check.verdict is Verdict.MISSING and not folder_writable:
            raise StorageError(
                f"There is no database at {path} yet, and ScalpZone cannot create one there: "
                f"the folder {path.parent} is read-only. Choose another place with --database."
            )
        if check.verdict is Verdict.MISSING:
            _create_new(path, notices, now)
        elif check.verdict is Verdict.EMPTY:
            engine = file_engine(path)
            try:
                schema.create_schema(engine)
            finally:
                engine.dispose()
        elif check.verdict is Verdict.OLDER:
            _upgrade(path, check, notices, now)
        _secure(path)
        if existed:
            _daily_backup(path, notices, now)
        return cls(path, lock, file_engine(path), notices, read_only=False, now=now)

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
            raise _plain(error, self.path) from error
        self._changed = True

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session in one read transaction: a consistent view across several queries."""
        self._require_open()
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as error:
            raise _plain(error, self.path) from error

    def _require_open(self) -> None:
        if self._closed:
            raise StorageError(f"The database {self.path} is closed.")

    # -- backups ---------------------------------------------------------------------------

    def list_backups(self) -> list[BackupInfo]:
        """The backups beside the database, newest first."""
        return backups.list_backups(self.path)

    def backup_now(self, reason: str = "manual") -> BackupInfo:
        """Make a backup now (and drop the oldest beyond the newest 10)."""
        self._require_open()
        info = backups.make_backup(self.path, reason, self._now)
        backups.prune_backups(self.path)
        return info

    def restore_backup(self, name: str) -> str:
        """Replace the database's content with a backup; returns what happened, in words.

        The database as it was is kept first as a "before-restore" backup, so a restore can be
        undone by restoring that one.
        """
        self._require_open()
        if self.read_only:
            raise ReadOnlyDatabaseError(
                f"Cannot restore a backup: the database {self.path} was opened read-only."
            )
        chosen = next((b for b in self.list_backups() if b.name == name), None)
        if chosen is None:
            known = ", ".join(b.name for b in self.list_backups()) or "none"
            raise BackupNotFoundError(
                f"There is no backup named {name!r} in {backup_folder(self.path)} "
                f"(backups: {known})."
            )
        check = check_database_file(chosen.path)
        if check.verdict not in (Verdict.CURRENT, Verdict.OLDER):
            why = (
                "was made by a newer ScalpZone"
                if check.verdict is Verdict.NEWER
                else check.reason or "is not a ScalpZone database"
            )
            raise BackupNotFoundError(f"The backup {name} cannot be restored: it {why}.")
        self._engine.dispose()
        safety = backups.make_backup(self.path, "before-restore", self._now)
        source = open_read_only(chosen.path)
        try:
            target = sqlite3.connect(self.path)
            try:
                target.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        if check.verdict is Verdict.OLDER:
            schema.upgrade(self._engine)
        backups.prune_backups(self.path)
        return (
            f"Restored the backup {chosen.name} ({chosen.describe()}). The database as it was "
            f"just before is kept as the backup {safety.name}."
        )

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
                backups.prune_backups(self.path)
        except (OSError, sqlite3.Error) as error:
            failure = error
        finally:
            self._lock.release()
        if failure is not None:
            raise StorageError(
                f"Your changes are saved in {self.path}, but the backup on closing could not be "
                f"written to {backup_folder(self.path)} ({_why(failure)})."
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


def _file_writable(path: Path) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    if not owner_may(path, st, stat.S_IWUSR, os.W_OK):
        return False
    for sidecar in sidecars(path):
        with contextlib.suppress(FileNotFoundError):
            if not owner_may(sidecar, sidecar.stat(), stat.S_IWUSR, os.W_OK):
                return False
    return True


def _recover(path: Path, damage: FileCheck, notices: list[str], now: Clock) -> FileCheck:
    """Move a damaged database aside and restore the newest good backup (or start afresh)."""
    aside = move_aside(path, now)
    what = (
        f"ScalpZone could not use its database {path}: the file {damage.reason}. It was not "
        f"deleted or changed: it was moved to {aside}."
    )
    for candidate in backups.list_backups(path):
        check = check_database_file(candidate.path)
        if check.verdict not in (Verdict.CURRENT, Verdict.OLDER):
            continue
        backups.copy_database(candidate.path, path, journal_mode="WAL")
        notices.append(
            f"{what} Your data was restored from the backup {candidate.path} "
            f"({candidate.describe()}); anything changed after that backup is only in the "
            "moved file."
        )
        return check
    notices.append(
        f"{what} There was no usable backup in {backup_folder(path)}, so ScalpZone started "
        f"with an empty database at {path}."
    )
    return FileCheck(Verdict.MISSING)


def _create_new(path: Path, notices: list[str], now: Clock) -> None:
    """Build a new database beside `path` and rename it into place once complete."""
    orphans = move_orphans(path, now)
    if orphans:
        notices.append(
            f"ScalpZone found log files of a database without the database itself next to "
            f"{path}; they were moved, unchanged, to {', '.join(str(o) for o in orphans)}."
        )
    earlier = backups.list_backups(path)
    part = path.with_name(path.name + backups.PART)
    create_private_file(part)
    engine = file_engine(part)
    try:
        schema.create_schema(engine)
    finally:
        engine.dispose()
    fsync_path(part)
    part.rename(path)
    fsync_path(path.parent, directory=True)
    if earlier and not notices:
        notices.append(
            f"No database was found at {path}, so ScalpZone started an empty one. There are "
            f"{len(earlier)} backups of an earlier database in {backup_folder(path)}; the "
            f"newest is {earlier[0].name} ({earlier[0].describe()}). Restore it with File › "
            f"Restore backup… or `scalpzone backups restore {earlier[0].name}`."
        )


def _upgrade(path: Path, check: FileCheck, notices: list[str], now: Clock) -> None:
    """Back up an older database, then migrate it to the current schema."""
    try:
        saved = backups.make_backup(path, "before-upgrade", now)
    except (OSError, sqlite3.Error) as error:
        raise StorageError(
            f"The database {path} needs upgrading for this ScalpZone, but the backup that must "
            f"come first could not be written to {backup_folder(path)} ({_why(error)}). "
            "Nothing was changed; free some space or fix the folder and start ScalpZone again."
        ) from None
    backups.prune_backups(path)
    engine = file_engine(path)
    try:
        schema.upgrade(engine)
    finally:
        engine.dispose()
    notices.append(
        f"The database {path} was upgraded from schema {check.revision} to "
        f"{schema.HEAD_REVISION} for ScalpZone {__version__}. A copy from before the upgrade "
        f"is kept as the backup {saved.path}."
    )


def _daily_backup(path: Path, notices: list[str], now: Clock) -> None:
    """The first start of a day backs up the database as it was found.

    A backup that cannot be written does not keep the person from their data; they are told.
    """
    today = now().date()
    if any(b.taken.date() == today for b in backups.list_backups(path)):
        return
    try:
        backups.make_backup(path, "daily", now)
        backups.prune_backups(path)
    except (OSError, sqlite3.Error) as error:
        notices.append(
            f"Today's backup of {path} could not be written to {backup_folder(path)} "
            f"({_why(error)}). Your data is safe, but it has no fresh backup until this is fixed."
        )


def _why(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)
