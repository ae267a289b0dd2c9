"""One writer per database: an OS lock on a file beside it.

`fcntl.flock` belongs to the open file, so the operating system drops it when the process ends
for any reason, SIGKILL and power-off included: a crash never leaves a stale lock behind. The
lock file itself is left in place on purpose; deleting it would let two processes lock two
different files of the same name. Windows uses `msvcrt.locking` instead (untested here).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from scalpzone.storage.errors import DatabaseLockedError, StorageError


def lock_path(database: Path) -> Path:
    """The lock file that guards a database."""
    return database.with_name(database.name + ".lock")


def _try_lock(fd: int) -> bool:
    """Take the exclusive lock without waiting; False when someone else holds it."""
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415  (Windows only)

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl  # noqa: PLC0415  (POSIX only)

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt  # noqa: PLC0415  (Windows only)

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl  # noqa: PLC0415  (POSIX only)

        fcntl.flock(fd, fcntl.LOCK_UN)


class DatabaseLock:
    """The single-writer lock on one database; release() or process exit frees it."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path = path
        self._fd = fd

    @property
    def held(self) -> bool:
        """Whether this process holds the lock (False only for a lock-less read-only open)."""
        return self._fd is not None

    @classmethod
    def acquire(cls, database: Path, *, required: bool = True) -> DatabaseLock:
        """Lock the database or raise DatabaseLockedError naming the process that has it.

        With `required=False` (read-only opens in a folder we cannot write), a lock file that
        cannot be created is tolerated and the returned lock holds nothing.
        """
        path = lock_path(database)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                if not required:
                    return cls(path, None)
                raise StorageError(
                    f"ScalpZone cannot create its lock file {path} ({error.strerror}). "
                    "Check that the folder exists and that you may write to it."
                ) from None
        if not _try_lock(fd):
            holder = _read_holder(fd)
            os.close(fd)
            who = f"ScalpZone (process {holder})" if holder else "ScalpZone"
            raise DatabaseLockedError(
                f"Another {who} is already using the database {database}. Only one ScalpZone "
                "can change it at a time, so this one stopped to keep your data safe. Close the "
                "other ScalpZone (or let its command finish) and try again."
            )
        _write_holder(fd)
        return cls(path, fd)

    def release(self) -> None:
        """Let the next ScalpZone in; safe to call twice."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        with contextlib.suppress(OSError):
            _unlock(fd)
        os.close(fd)


def _write_holder(fd: int) -> None:
    """Note our process id in the lock file so a second instance can name us."""
    if sys.platform == "win32":
        return  # the locked byte range cannot be read by others there
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)


def _read_holder(fd: int) -> int | None:
    if sys.platform == "win32":
        return None
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
