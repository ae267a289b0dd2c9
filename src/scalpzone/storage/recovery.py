"""Look at a database file before using it, and move a damaged one aside without touching it.

The check opens the file read-only, so a damaged database (or its write-ahead log) is never
written to, not even by SQLite's checkpoint on close.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from scalpzone.storage.files import open_read_only, owned_by_me
from scalpzone.storage.location import sidecars
from scalpzone.storage.schema import HEAD_REVISION, is_known_revision, stored_revision

SQLITE_HEADER = b"SQLite format 3\x00"


class Verdict(StrEnum):
    """What a database file turned out to be."""

    MISSING = "missing"
    EMPTY = "empty"  # a valid SQLite file without any table: ours to fill in
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"
    DAMAGED = "damaged"


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


def _describe_junk(head: bytes) -> str:
    if not head.strip(b"\x00"):
        return "holds only zero bytes, not an SQLite database"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return "is not an SQLite database (it starts with other data)"
    return "is a text file, not an SQLite database"


def _header_size_problem(path: Path, header: bytes, size: int) -> str | None:
    """A file shorter than its own header says: cut off (only judged when the WAL is empty)."""
    wal = sidecars(path)[0]
    try:
        if wal.stat().st_size > 0:
            return None  # pages may still be in the log; let SQLite judge
    except OSError:
        pass
    if len(header) < 100:
        return f"is cut off: {size} bytes, shorter than an SQLite header"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_matches = header[24:28] == header[92:96]
    if pages and counter_matches and size < pages * page_size:
        return f"is cut off: it holds {size} bytes of the {pages * page_size} it should"
    return None


def _damage(error: sqlite3.Error) -> FileCheck:
    text = str(error)
    if "not a database" in text:
        return FileCheck(Verdict.DAMAGED, "is not an SQLite database")
    if "unable to open" in text:
        return FileCheck(Verdict.DAMAGED, "cannot be opened by SQLite")
    return FileCheck(Verdict.DAMAGED, f"is damaged (SQLite says: {text})")


def check_database_file(path: Path) -> FileCheck:
    """What is at `path`: missing, usable (current or older), newer, or damaged and why."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return FileCheck(Verdict.MISSING)
    except OSError as error:
        return FileCheck(Verdict.DAMAGED, f"cannot be read ({error.strerror})")
    if not stat.S_ISREG(st.st_mode):
        return FileCheck(Verdict.DAMAGED, "is not a regular file")
    if not owner_may(path, st, stat.S_IRUSR, os.R_OK):
        return FileCheck(Verdict.DAMAGED, "cannot be read (its permissions forbid reading)")
    try:
        with path.open("rb") as file:
            header = file.read(100)
    except OSError as error:
        return FileCheck(Verdict.DAMAGED, f"cannot be read ({error.strerror})")
    if st.st_size == 0:
        return FileCheck(Verdict.DAMAGED, "is empty (0 bytes)")
    if not header.startswith(SQLITE_HEADER):
        return FileCheck(Verdict.DAMAGED, _describe_junk(header))
    cut = _header_size_problem(path, header, st.st_size)
    if cut is not None:
        return FileCheck(Verdict.DAMAGED, cut)
    try:
        connection = open_read_only(path)
    except sqlite3.DatabaseError as error:
        return _damage(error)
    try:
        rows = connection.execute("PRAGMA quick_check(5)").fetchall()
        if rows != [("ok",)]:
            first = "; ".join(str(r[0]) for r in rows[:2])
            return FileCheck(Verdict.DAMAGED, f"failed SQLite's consistency check ({first})")
        revision = stored_revision(connection)
        has_tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
        ).fetchone()[0]
    except sqlite3.DatabaseError as error:
        return _damage(error)
    finally:
        connection.close()
    if revision is None:
        if has_tables:
            return FileCheck(
                Verdict.DAMAGED,
                "is an SQLite database, but not one ScalpZone made (no schema version)",
            )
        return FileCheck(Verdict.EMPTY)
    if revision == HEAD_REVISION:
        return FileCheck(Verdict.CURRENT, revision=revision)
    if is_known_revision(revision):
        return FileCheck(Verdict.OLDER, revision=revision)
    return FileCheck(Verdict.NEWER, revision=revision)


def aside_name(path: Path, taken: datetime) -> Path:
    """`scalpzone.sqlite3.corrupt-20261123-200501` (with -2, -3 … if that is taken)."""
    base = f"{path.name}.corrupt-{taken:%Y%m%d-%H%M%S}"
    candidate = path.with_name(base)
    n = 1
    while candidate.exists() or any(s.exists() for s in sidecars(candidate)):
        n += 1
        candidate = path.with_name(f"{base}-{n}")
    return candidate


def move_aside(path: Path, now: Callable[[], datetime] = datetime.now) -> Path:
    """Rename a damaged database (and its -wal/-shm, keeping SQLite's pairing) out of the way.

    Nothing is copied, rewritten or deleted: the bytes stay exactly as they were.
    """
    target = aside_name(path, now())
    path.rename(target)
    for sidecar, moved in zip(sidecars(path), sidecars(target), strict=True):
        if sidecar.exists():
            sidecar.rename(moved)
    return target


def move_orphans(path: Path, now: Callable[[], datetime] = datetime.now) -> list[Path]:
    """Move a -wal/-shm left without their database aside, so a new database never reads them."""
    moved: list[Path] = []
    target = aside_name(path, now())
    for sidecar, aside in zip(sidecars(path), sidecars(target), strict=True):
        if sidecar.exists():
            sidecar.rename(aside)
            moved.append(aside)
    return moved
