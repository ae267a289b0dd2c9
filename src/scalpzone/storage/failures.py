"""What went wrong, told apart: disk full, permission, busy, disk errors and real damage.

Only damage of a ScalpZone database ever leads to a file being moved aside. A full disk, a
permission the OS refused, a busy database or a failing disk are reported as what they are and
change nothing: the file is fine, the circumstances are not.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from scalpzone.storage.errors import (
    DatabaseBusyError,
    DiskFullError,
    DiskIOError,
    ReadOnlyDatabaseError,
    StorageError,
    StoragePermissionError,
)

if TYPE_CHECKING:
    from sqlalchemy.exc import DBAPIError

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_AUTH = 23
SQLITE_NOTADB = 26

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code of an error, or None when it carries none."""
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_corruption(error: BaseException) -> bool:
    """Whether SQLite said the file itself is damaged (as opposed to the disk or the OS)."""
    return sqlite_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def disk_is_full(path: Path) -> bool:
    """Whether the file system holding `path` has no room left for us."""
    for candidate in (path, *path.parents):
        try:
            st = os.statvfs(candidate)
        except (OSError, AttributeError):
            continue
        return st.f_bavail == 0 or st.f_favail == 0
    return False


def _full(path: Path, doing: str) -> DiskFullError:
    return DiskFullError(
        f"The disk holding {path} is full, so ScalpZone could not {doing}. Nothing was changed "
        "and nothing is damaged: free some space and try again."
    )


def classify(error: BaseException, path: Path, doing: str) -> StorageError:
    """A failure that is not damage, as the error a person can act on.

    `doing` completes "ScalpZone could not …", e.g. "open its database". SQLAlchemy's
    wrappers are looked through to the SQLite error inside.
    """
    inner = getattr(error, "orig", None)
    if isinstance(inner, BaseException):
        error = inner
    code = sqlite_code(error)
    number = error.errno if isinstance(error, OSError) else None
    reason = (
        error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    ) or "no reason given"
    if code == SQLITE_FULL or number in _FULL_ERRNOS or disk_is_full(path):
        return _full(path, doing)
    if code in (SQLITE_PERM, SQLITE_READONLY, SQLITE_AUTH) or number in _PERMISSION_ERRNOS:
        return StoragePermissionError(
            f"ScalpZone could not {doing}: the system does not allow it to use {path} "
            f"({reason}). Nothing was changed. Check the file's and the folder's permissions."
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return DatabaseBusyError(
            f"ScalpZone could not {doing}: another program kept {path} busy for too long. "
            "Nothing was changed. Close the other program and try again."
        )
    if code == SQLITE_CANTOPEN and not os.access(path.parent, os.W_OK | os.X_OK):
        return StoragePermissionError(
            f"ScalpZone could not {doing}: the folder {path.parent} cannot be written to, and "
            "SQLite needs it for its working files. Nothing was changed."
        )
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) or number == errno.EIO:
        return DiskIOError(
            f"ScalpZone could not {doing}: the disk reported an error with {path} ({reason}). "
            "Nothing was changed or moved; check the disk, then try again."
        )
    if code == SQLITE_NOMEM or isinstance(error, MemoryError):
        return StorageError(
            f"ScalpZone could not {doing}: the computer ran out of memory. Nothing was changed."
        )
    return StorageError(f"ScalpZone could not {doing} ({path}): {reason}. Nothing was changed.")


def classify_write(error: BaseException, path: Path) -> StorageError:
    """A failed change to the database, in the words the window and the CLI show."""
    if isinstance(error, sqlite3.IntegrityError):
        return StorageError(f"The change was not saved: the database refused it ({error}).")
    if is_corruption(error):
        return StorageError(
            f"The change was not saved: SQLite reports that {path} is damaged ({error}). "
            "Close ScalpZone and start it again: it checks the file and restores a backup."
        )
    return classify(error, path, "save the change")


def plain_error(error: DBAPIError, path: Path) -> StorageError:
    """A database error (as SQLAlchemy raises it) as a sentence."""
    return sqlite_failure(error.orig if error.orig is not None else error, path)


def sqlite_failure(original: BaseException, path: Path) -> StorageError:
    """A database error (as `sqlite3` raises it, on the start-up path) as a sentence."""
    text = str(original)
    if sqlite_code(original) == SQLITE_READONLY or "readonly" in text or "read-only" in text:
        return ReadOnlyDatabaseError(
            f"The change was not saved: the database {path} cannot be written to ({text})."
        )
    return classify_write(original, path)
