"""Small file helpers: private files, read-only SQLite connections, syncing to disk."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

#: How long a connection waits for another's write before it says the database is busy.
BUSY_TIMEOUT_MS = 5000


def configure(connection: sqlite3.Connection) -> None:
    """ScalpZone's settings on a connection to the database file (every connection, whether
    SQLAlchemy's or the start-up path's): transactions begun by the caller, foreign keys on,
    a busy timeout, the write-ahead log, and a commit on disk before it returns."""
    connection.isolation_level = None
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    # FULL: a commit is on disk before save_map returns, even if the power goes next.
    connection.execute("PRAGMA synchronous = FULL")


def owned_by_me(st: os.stat_result) -> bool:
    """Whether this process's user owns the file (always False where there are no uids)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and st.st_uid == geteuid()


def create_private_file(path: Path) -> None:
    """Create an empty file only its owner can read (health data); fails if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def open_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file (nor checkpoint its log into it on close).

    Without a -wal beside it, everything is in the file itself, so it is opened as immutable
    and SQLite creates no -wal/-shm next to it. With one, SQLite needs its -shm to read the
    log; where that cannot be created (a read-only folder) the log is skipped as a last resort.
    """
    uri = path.as_uri()
    wal = path.with_name(path.name + "-wal")
    if not wal.exists():
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    connection = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        connection.execute("PRAGMA busy_timeout = 5000")
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError as error:
        connection.close()
        if "unable to open" not in str(error):
            raise
        connection = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    except BaseException:
        connection.close()
        raise
    return connection


def fsync_path(path: Path, *, directory: bool = False) -> None:
    """Ask the OS to put a file (or a folder's entries) on disk; best effort for folders."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself was synced
    finally:
        os.close(fd)


def secure_database(path: Path) -> None:
    """Make the database and its -wal/-shm readable by their owner only (health data)."""
    from scalpzone.storage.location import sidecars  # noqa: PLC0415  (location imports nothing)

    for file in (path, *sidecars(path)):
        with contextlib.suppress(OSError):
            st = file.lstat()
            if stat.S_ISREG(st.st_mode) and owned_by_me(st) and stat.S_IMODE(st.st_mode) != 0o600:
                file.chmod(0o600)
