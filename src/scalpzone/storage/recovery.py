"""Look at a database file before using it, and move a damaged one aside without touching it.

Recovery is the most dangerous code in the app, so it proves two things before it moves
anything: that the file is ScalpZone's, and that it is damaged.

- **Ours**: a regular file (never a folder, a link, a device or a FIFO) that carries
  ScalpZone's `application_id` in its SQLite header, or holds ScalpZone's schema, or sits at a
  path where ScalpZone's own records (the backups it keeps for this database) show it kept a
  database. A text file is never taken for a damaged database. Anything else raises
  NotScalpZoneDatabaseError and is left exactly as it is.
- **Damaged**: SQLite itself says so (SQLITE_CORRUPT, SQLITE_NOTADB, a failed consistency
  check), or the file is cut off or overwritten. A full disk, a refused permission, a busy file
  or a disk error is not damage: those raise the matching StorageError and change nothing.

The check opens the file read-only, so a damaged database (or its write-ahead log) is never
written to, not even by SQLite's checkpoint on close.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from scalpzone.storage.errors import NotScalpZoneDatabaseError, StorageError
from scalpzone.storage.failures import classify, is_corruption
from scalpzone.storage.files import open_read_only, owned_by_me
from scalpzone.storage.location import sidecars
from scalpzone.storage.schema import (
    APPLICATION_ID,
    HEAD_REVISION,
    is_known_revision,
    stored_revision,
)

SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables every ScalpZone database has had since its first schema.
_OUR_TABLES = {"alembic_version", "profiles", "zones"}


class Verdict(StrEnum):
    """What a database file turned out to be."""

    MISSING = "missing"
    EMPTY = "empty"  # a valid SQLite file without any table: ours to fill in
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"
    DAMAGED = "damaged"  # ours, and damaged: the only verdict that moves a file


@dataclass(frozen=True, slots=True)
class FileCheck:
    """The verdict on a file, with why (DAMAGED) or which revision it holds."""

    verdict: Verdict
    reason: str = ""
    revision: str | None = None


def owner_may(path: Path, st: os.stat_result, bit: int, access: int) -> bool:
    """Whether the file's permissions allow this.

    For a file we own, the owner's permission bits decide, even when running as root (who could
    ignore them): a person who made their database read-only meant it.
    """
    if owned_by_me(st) and not st.st_mode & bit:
        return False
    return os.access(path, access)


def _kind(st: os.stat_result) -> str | None:
    """What a path that is not a regular file is, in words; None for a regular file."""
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def not_ours(path: Path, what: str) -> NotScalpZoneDatabaseError:
    """The refusal for a path that is not a ScalpZone database."""
    return NotScalpZoneDatabaseError(
        f"{path} is {what}, not a ScalpZone database, so ScalpZone did not open it and left it "
        "exactly as it is. Choose a ScalpZone database file, or a new file name, with "
        "--database PATH."
    )


def _read_head(path: Path) -> bytes:
    """The first 100 bytes, opened without following a link or waiting on a pipe."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise not_ours(path, "not a regular file")
        return os.read(fd, 100)
    finally:
        os.close(fd)


def _looks_like_text(head: bytes) -> bool:
    try:
        # final=False: the last character may be cut in half by the 100-byte read.
        text = codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return bool(text.strip()) and all(c.isprintable() or c in "\t\r\n" for c in text)


def _describe_junk(head: bytes) -> str:
    if not head.strip(b"\x00"):
        return "holds only zero bytes, not an SQLite database"
    return "is not an SQLite database (it starts with other data)"


def _header_size_problem(path: Path, header: bytes, size: int) -> str | None:
    """A file shorter than its own header says: cut off (only judged when the WAL is empty)."""
    wal = sidecars(path)[0]
    with contextlib.suppress(OSError):
        if wal.stat().st_size > 0:
            return None  # pages may still be in the log; let SQLite judge
    if len(header) < 100:
        return f"is cut off: {size} bytes, shorter than an SQLite header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_matches = header[24:28] == header[92:96]
    if pages and counter_matches and size < pages * page_size:
        return f"is cut off: it holds {size} bytes of the {pages * page_size} it should"
    return None


def _application_id(header: bytes) -> int:
    return int.from_bytes(header[68:72], "big", signed=True) if len(header) >= 72 else 0


def refuse_if_not_ours(path: Path, *, on_record: bool) -> None:
    """A look before anything is created beside `path`: refuse what is not ours, untouched.

    Raises NotScalpZoneDatabaseError as `check_database_file` would; a missing path, a file
    marked as ScalpZone's, or one on record passes at once (the full check follows once the
    lock is held). Other failures are left for that check to report.
    """
    try:
        st = path.lstat()
    except OSError:
        return
    kind = _kind(st)
    if kind is not None:
        raise not_ours(path, kind)
    try:
        header = _read_head(path)
    except OSError:
        return
    if header.startswith(SQLITE_HEADER) and _application_id(header) == APPLICATION_ID:
        return
    try:
        check_database_file(path, on_record=on_record)
    except NotScalpZoneDatabaseError:
        raise
    except StorageError:
        return


def check_database_file(path: Path, *, on_record: bool = False) -> FileCheck:
    """What is at `path`: missing, usable (current or older), newer, or ours and damaged.

    `on_record` says that ScalpZone's own records show a database of its at this path (its
    backups), which is what makes a file too damaged to read still ours. Raises
    NotScalpZoneDatabaseError for anything that is not ours, and the classified StorageError
    (disk full, permission, busy, disk error) for failures that are not damage.
    """
    try:
        st = path.lstat()
    except FileNotFoundError:
        return FileCheck(Verdict.MISSING)
    except OSError as error:
        raise classify(error, path, "look at its database") from None
    kind = _kind(st)
    if kind is not None:
        raise not_ours(path, kind)
    if not owner_may(path, st, stat.S_IRUSR, os.R_OK):
        raise classify(PermissionError(13, "its permissions forbid reading"), path, "read it")
    try:
        header = _read_head(path)
    except OSError as error:
        raise classify(error, path, "read its database") from None
    if not header:
        if on_record:
            return FileCheck(Verdict.DAMAGED, "is empty (0 bytes)")
        raise not_ours(path, "an empty file that ScalpZone did not make")
    if not header.startswith(SQLITE_HEADER):
        if _looks_like_text(header):
            raise not_ours(path, "a text file")
        if on_record:
            return FileCheck(Verdict.DAMAGED, _describe_junk(header))
        raise not_ours(path, "a file of another kind")
    marked = _application_id(header) == APPLICATION_ID
    other_app = _application_id(header) not in (0, APPLICATION_ID)
    if other_app:
        raise not_ours(path, "another application's SQLite database")
    ours = marked or on_record
    cut = _header_size_problem(path, header, st.st_size)
    if cut is not None:
        if ours:
            return FileCheck(Verdict.DAMAGED, cut)
        raise not_ours(path, "a damaged SQLite file that ScalpZone has no record of")
    return _look_inside(path, ours=ours)


def _look_inside(path: Path, *, ours: bool) -> FileCheck:
    """Open the SQLite file read-only: its consistency, its tables, its schema revision."""
    try:
        connection = open_read_only(path)
        try:
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            rows = _quick_check(connection, tables)
            revision = stored_revision(connection) if rows == [("ok",)] else None
        finally:
            connection.close()
    except sqlite3.Error as error:
        if not is_corruption(error):
            raise classify(error, path, "read its database") from None
        if not ours:
            raise not_ours(path, "a damaged SQLite file that ScalpZone has no record of") from None
        return FileCheck(Verdict.DAMAGED, _damage_words(error))
    ours = ours or tables >= _OUR_TABLES
    if rows != [("ok",)]:
        if not ours:
            raise not_ours(path, "a damaged SQLite file that ScalpZone has no record of")
        first = "; ".join(str(r[0]) for r in rows[:2])
        return FileCheck(Verdict.DAMAGED, f"failed SQLite's consistency check ({first})")
    if not tables:
        return FileCheck(Verdict.EMPTY)
    if revision is None or not ours:
        raise not_ours(path, "an SQLite database that ScalpZone did not make")
    if revision == HEAD_REVISION:
        return FileCheck(Verdict.CURRENT, revision=revision)
    if is_known_revision(revision):
        return FileCheck(Verdict.OLDER, revision=revision)
    return FileCheck(Verdict.NEWER, revision=revision)


#: Tables of photo pixels: most of a database with photos, checked by the daily check only.
_PIXEL_TABLES = frozenset({"photo_data"})


def _quick_check(connection: sqlite3.Connection, tables: set[str]) -> list[tuple[object, ...]]:
    """SQLite's quick check at open: of the whole file, or, when it holds photos, of every
    table but the photos' pixels (docs/photos.md).

    The pixels are nine tenths of such a file and checking them would make every start as
    slow as reading every photo. They are checked, with everything else, by the check of the
    day's first start (`opening.quick_check`), and a damaged photo page is reported as
    damage when that photo is read.
    """
    if not tables & _PIXEL_TABLES or sqlite3.sqlite_version_info < (3, 33, 0):
        return connection.execute("PRAGMA quick_check(5)").fetchall()
    for table in sorted(tables - _PIXEL_TABLES):
        rows = connection.execute(f'PRAGMA quick_check("{table}")').fetchall()
        if rows != [("ok",)]:
            return rows
    return [("ok",)]


def _damage_words(error: sqlite3.Error) -> str:
    text = str(error)
    if "not a database" in text:
        return "is not an SQLite database"
    return f"is damaged (SQLite says: {text})"


def usable_copy(path: Path) -> FileCheck | None:
    """The verdict on a backup or other copy, or None when it cannot be used for any reason."""
    try:
        check = check_database_file(path)
    except StorageError:
        return None
    return check if check.verdict in (Verdict.CURRENT, Verdict.OLDER) else None


def aside_name(path: Path, taken: datetime) -> Path:
    """`scalpzone.sqlite3.corrupt-20261123-200501` (with -2, -3 … if that is taken)."""
    base = f"{path.name}.corrupt-{taken:%Y%m%d-%H%M%S}"
    candidate = path.with_name(base)
    n = 1
    while _taken(candidate) or any(_taken(s) for s in sidecars(candidate)):
        n += 1
        candidate = path.with_name(f"{base}-{n}")
    return candidate


def _taken(path: Path) -> bool:
    return os.path.lexists(path)


def _rename_regular(source: Path, target: Path) -> bool:
    """Rename a regular file (never a link) to a name nothing has; False if not done."""
    try:
        if not stat.S_ISREG(source.lstat().st_mode) or _taken(target):
            return False
    except OSError:
        return False
    source.rename(target)
    return True


def move_aside(path: Path, check: FileCheck, now: Callable[[], datetime] = datetime.now) -> Path:
    """Rename a damaged database of ours (and its -wal/-shm) out of the way, bytes untouched.

    Refuses anything but the DAMAGED verdict that `check_database_file` gave for this path.
    """
    if check.verdict is not Verdict.DAMAGED:
        raise ValueError(f"refusing to move aside a file that is {check.verdict}")
    target = aside_name(path, now())
    if not _rename_regular(path, target):
        raise not_ours(path, "not a regular file any more")
    for sidecar, moved in zip(sidecars(path), sidecars(target), strict=True):
        _rename_regular(sidecar, moved)
    return target


def put_back(aside: Path, path: Path) -> None:
    """Undo `move_aside` (best effort): the damaged file and its log go back where they were."""
    for moved, original in zip((aside, *sidecars(aside)), (path, *sidecars(path)), strict=True):
        with contextlib.suppress(OSError):
            _rename_regular(moved, original)


def move_orphans(path: Path, now: Callable[[], datetime] = datetime.now) -> list[Path]:
    """Move SQLite's log files left without their database aside, so a new one never reads them.

    They are SQLite's by their names, and a new database would overwrite them; renamed, their
    bytes stay as they were. Links and anything but regular files are left where they are.
    """
    target = aside_name(path, now())
    moved: list[Path] = []
    for sidecar, aside in zip(sidecars(path), sidecars(target), strict=True):
        if _rename_regular(sidecar, aside):
            moved.append(aside)
    return moved


def file_writable(path: Path) -> bool:
    """Whether the database file and its sidecars may be written by this user."""
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
