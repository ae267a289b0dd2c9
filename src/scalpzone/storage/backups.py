"""Backups of one database, made with SQLite's online backup API into its own folder.

Each database has its own folder, `backups/<database file name>/`, and its own identity: the
UUID inside it (`database_identity`), which every backup carries because it is a copy. The
folder also records that identity (`database-id`), so a database too damaged to read still
knows which backups are its own. Listing, pruning and restoring only ever deal with backups of
the same identity; a backup of another database is never restored and never pruned.

A backup is written to a fresh temporary name (`….part`) and linked into place only when
complete and synced, never over an existing name, so a crash mid-backup never leaves something
that looks like a good backup. Each is a self-contained SQLite file (rollback journal mode, no
-wal/-shm) with mode 0600. The newest KEEP are kept.

Backups from before ScalpZone kept them per database lie directly in `backups/`. They are moved
into a database's own folder only when that database is the only ScalpZone database in the
folder (so they can only be its own); otherwise they are left untouched, never pruned and never
restored automatically.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scalpzone.storage.files import fsync_path, open_read_only
from scalpzone.storage.location import backup_folder, shared_backup_folder
from scalpzone.storage.schema import database_uuid
from scalpzone.storage.writes import write_atomically

KEEP = 10
PART = ".part"
IDENTITY_FILE = "database-id"
#: A backup's file name, as `_new_name` writes it (ASCII digits only).
_NAME = re.compile(r"scalpzone-([0-9]{8}-[0-9]{6})(?:-([0-9]+))?-([a-z]+(?:-[a-z]+)*)\.sqlite3")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_STAMP = "%Y%m%d-%H%M%S"
_SQLITE_HEADER = b"SQLite format 3\x00"

#: Why a backup was made, in the words the list shows.
REASONS = {
    "daily": "first start of the day",
    "before-upgrade": "before upgrading the database",
    "on-close": "on closing ScalpZone",
    "before-restore": "before restoring another backup",
    "manual": "made on request",
}


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file: its name, where it is, when it was taken and why."""

    name: str
    path: Path
    taken: datetime
    reason: str
    size: int
    sequence: int = 0

    @property
    def reason_text(self) -> str:
        """Why the backup was made, in plain words."""
        return REASONS.get(self.reason, self.reason)

    def describe(self) -> str:
        """`taken 23 Nov 2026 20:05, on closing ScalpZone`."""
        return f"taken {self.taken:%d %b %Y %H:%M}, {self.reason_text}"


def _is_real_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


def _taken(stamp: str) -> datetime:
    """When a backup was taken, from its name's `YYYYmmdd-HHMMSS` (ValueError if no such time).

    The same as `datetime.strptime(stamp, _STAMP)` for every stamp `_NAME` matches, without
    loading `_strptime` and the locale module on the start-up path.
    """
    return datetime(
        int(stamp[0:4]),
        int(stamp[4:6]),
        int(stamp[6:8]),
        int(stamp[9:11]),
        int(stamp[11:13]),
        int(stamp[13:15]),
    )


def _scan(folder: Path) -> list[BackupInfo]:
    """The backup files directly in `folder` (regular files with a backup's name), newest first."""
    if not _is_real_folder(folder):
        return []
    try:
        with os.scandir(folder) as scan:
            entries = list(scan)
    except OSError:
        return []
    found: list[BackupInfo] = []
    for entry in entries:
        match = _NAME.fullmatch(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        try:
            taken = _taken(match.group(1))
            size = entry.stat(follow_symlinks=False).st_size
        except (ValueError, OSError):
            continue
        found.append(
            BackupInfo(
                entry.name,
                Path(entry.path),
                taken,
                match.group(3),
                size,
                int(match.group(2) or 0),
            )
        )
    found.sort(key=lambda b: (b.taken, b.sequence), reverse=True)
    return found


def backup_identity(path: Path) -> str | None:
    """The identity a backup (or database) file carries; None if it has none or is unreadable."""
    try:
        connection = open_read_only(path)
    except sqlite3.Error:
        return None
    try:
        return database_uuid(connection)
    finally:
        connection.close()


def recorded_identity(database: Path) -> str | None:
    """The identity ScalpZone last saw in this database, as its backup folder records it."""
    record = backup_folder(database) / IDENTITY_FILE
    try:
        if not stat.S_ISREG(record.lstat().st_mode):
            return None
        text = record.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text if _UUID.fullmatch(text) else None


def on_record(database: Path) -> bool:
    """Whether ScalpZone's own records show that it kept a database at this path."""
    return recorded_identity(database) is not None or bool(_scan(backup_folder(database)))


def _own_folder(database: Path) -> Path:
    """This database's backup folder, created (0700) if needed; refuses a link in its place."""
    shared = shared_backup_folder(database)
    folder = backup_folder(database)
    for each in (shared, folder):
        try:
            each.mkdir(mode=0o700)
        except FileExistsError:
            if not _is_real_folder(each):
                raise NotADirectoryError(
                    20, "it is not a folder (a link or a file is in its place)", str(each)
                ) from None
    return folder


def record_identity(database: Path, identity: str) -> None:
    """Note in the backup folder which database it belongs to (written atomically)."""
    if recorded_identity(database) == identity:
        return
    folder = _own_folder(database)
    write_atomically(folder / IDENTITY_FILE, f"{identity}\n".encode("ascii"))


def list_backups(database: Path, identity: str | None = None) -> list[BackupInfo]:
    """The backups in this database's folder, newest first.

    With an identity, only those of that database: the same UUID, or none (made before
    databases had one, in this database's own folder).
    """
    found = _scan(backup_folder(database))
    if identity is None:
        return found
    return [b for b in found if backup_identity(b.path) in (identity, None)]


def shared_backups(database: Path) -> list[BackupInfo]:
    """Backups from before they were kept per database, still in the shared `backups/`."""
    return _scan(shared_backup_folder(database))


def _new_name(folder: Path, taken: datetime, reason: str) -> str:
    stamp = taken.strftime(_STAMP)
    name = f"scalpzone-{stamp}-{reason}.sqlite3"
    sequence = 1
    while os.path.lexists(folder / name):
        sequence += 1
        name = f"scalpzone-{stamp}-{sequence}-{reason}.sqlite3"
    return name


def build_copy(
    source: Path, folder: Path, stem: str, journal_mode: str, *, live: bool = False
) -> Path:
    """Copy a database with the backup API into a new temporary file in `folder`; return it.

    The temporary name is fresh (created with O_EXCL, mode 0600), so nothing planted at a
    predictable name is ever followed. A `live` source is our own healthy database, read
    through a normal connection (which tidies its -wal/-shm away on close); any other source
    is only ever opened read-only. The copy is synced before it is returned.
    """
    fd, name = tempfile.mkstemp(dir=folder, prefix=f"{stem}.", suffix=PART)
    os.close(fd)
    part = Path(name)
    try:
        src = _open_live(source) if live else open_read_only(source)
        try:
            dst = sqlite3.connect(part)
            try:
                src.backup(dst)
                dst.execute(f"PRAGMA journal_mode={journal_mode}")
            finally:
                dst.close()
        finally:
            src.close()
        fsync_path(part)
    except BaseException:
        discard(part)
        raise
    return part


def commit_copy(part: Path, target: Path) -> None:
    """Give a complete temporary copy its final name; fails if anything is at `target`."""
    os.link(part, target)  # unlike rename, never replaces what is there
    part.unlink()
    fsync_path(target.parent, directory=True)


def discard(part: Path) -> None:
    """Remove a temporary copy and SQLite's files beside it (nothing if already gone)."""
    for leftover in (part, *_sidecar_paths(part)):
        with contextlib.suppress(OSError):
            if stat.S_ISREG(leftover.lstat().st_mode):
                leftover.unlink()


def copy_database(source: Path, target: Path, *, journal_mode: str, live: bool = False) -> None:
    """Copy a database into a new file `target`, atomically and privately (never replacing)."""
    part = build_copy(source, target.parent, target.name, journal_mode, live=live)
    try:
        commit_copy(part, target)
    except BaseException:
        discard(part)
        raise


def _open_live(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


def _sidecar_paths(path: Path) -> tuple[Path, ...]:
    return tuple(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))


def make_backup(
    database: Path, reason: str, now: Callable[[], datetime] = datetime.now
) -> BackupInfo:
    """Back up the database now into its own folder; the caller prunes."""
    folder = _own_folder(database)
    taken = now().replace(microsecond=0)
    name = _new_name(folder, taken, reason)
    target = folder / name
    copy_database(database, target, journal_mode="DELETE", live=True)
    return BackupInfo(name, target, taken, reason, target.stat().st_size)


def prune_backups(database: Path, identity: str, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups of this database; returns what was deleted.

    Backups of another identity in the folder are neither counted nor deleted.
    """
    removed: list[Path] = []
    for old in list_backups(database, identity)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def _is_ours_to_clean(path: Path) -> bool:
    """A leftover of ours: a regular file, empty or an SQLite file (what our temporaries are)."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        with path.open("rb") as file:
            head = file.read(16)
    except OSError:
        return False
    return head in (b"", _SQLITE_HEADER) or path.name.startswith(IDENTITY_FILE)


def clean_half_written(database: Path) -> None:
    """Remove what an interrupted backup, restore or creation left behind (never a real file)."""
    candidates: list[Path] = []
    folder = backup_folder(database)
    if _is_real_folder(folder):
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            candidates += [Path(e.path) for e in entries if _is_part(e.name)]
    with contextlib.suppress(OSError), os.scandir(database.parent) as entries:
        candidates += [
            Path(e.path)
            for e in entries
            if e.name.startswith(database.name + ".") and _is_part(e.name)
        ]
    for leftover in candidates:
        if leftover.name.endswith(PART) and not _is_ours_to_clean(leftover):
            continue
        with contextlib.suppress(OSError):
            if stat.S_ISREG(leftover.lstat().st_mode):
                leftover.unlink()


def _is_part(name: str) -> bool:
    return name.endswith(PART) or any(name.endswith(PART + s) for s in ("-wal", "-shm", "-journal"))


def is_scalpzone_database(path: Path) -> bool:
    """Whether a file is a ScalpZone database (read-only look; never raises)."""
    from scalpzone.storage.recovery import Verdict, check_database_file  # noqa: PLC0415

    try:
        return check_database_file(path).verdict not in (Verdict.MISSING, Verdict.EMPTY)
    except Exception:  # anything unreadable or not ours simply is not one
        return False


def adopt_shared_backups(database: Path) -> int:
    """Move backups from the shared folder into this database's own, when they can only be its.

    That is when this database is the only ScalpZone database in its folder. Returns how many
    were moved; with other ScalpZone databases beside it, nothing is moved.
    """
    legacy = shared_backups(database)
    if not legacy:
        return 0
    with contextlib.suppress(OSError), os.scandir(database.parent) as entries:
        for entry in entries:
            other = Path(entry.path)
            if other == database or not entry.is_file(follow_symlinks=False):
                continue
            if is_scalpzone_database(other):
                return 0
    folder = _own_folder(database)
    moved = 0
    for backup in legacy:
        target = folder / backup.name
        if os.path.lexists(target):
            continue
        with contextlib.suppress(OSError):
            backup.path.rename(target)
            moved += 1
    return moved
