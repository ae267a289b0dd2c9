"""Backups of the database, made with SQLite's online backup API into `backups/` beside it.

A backup is written to `<name>.part` and renamed when complete, so a crash mid-backup never
leaves something that looks like a good backup. Each is a self-contained SQLite file (rollback
journal mode, no -wal/-shm) with mode 0600. The newest KEEP are kept.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scalpzone.storage.files import create_private_file, fsync_path, open_read_only
from scalpzone.storage.location import backup_folder

KEEP = 10
PART = ".part"
_NAME = re.compile(r"scalpzone-(\d{8}-\d{6})(?:-(\d+))?-([a-z]+(?:-[a-z]+)*)\.sqlite3")
_STAMP = "%Y%m%d-%H%M%S"

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


def list_backups(database: Path) -> list[BackupInfo]:
    """Every backup of this database, newest first (half-written ones are not listed)."""
    folder = backup_folder(database)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found: list[BackupInfo] = []
    for entry in entries:
        match = _NAME.fullmatch(entry.name)
        if match is None or not entry.is_file():
            continue
        try:
            taken = datetime.strptime(match.group(1), _STAMP)
            size = entry.stat().st_size
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


def _new_name(folder: Path, taken: datetime, reason: str) -> str:
    stamp = taken.strftime(_STAMP)
    name = f"scalpzone-{stamp}-{reason}.sqlite3"
    sequence = 1
    while (folder / name).exists() or (folder / (name + PART)).exists():
        sequence += 1
        name = f"scalpzone-{stamp}-{sequence}-{reason}.sqlite3"
    return name


def copy_database(source: Path, target: Path, *, journal_mode: str, live: bool = False) -> None:
    """Copy a database with the backup API into a new file `target`, atomically and privately.

    The copy is built as `target.part` and renamed into place once complete and synced. A
    `live` source is our own healthy database, read through a normal connection (which tidies
    its -wal/-shm away on close); any other source is only ever opened read-only.
    """
    part = target.with_name(target.name + PART)
    with contextlib.suppress(FileNotFoundError):
        part.unlink()
    create_private_file(part)
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
        part.replace(target)
        fsync_path(target.parent, directory=True)
    except BaseException:
        for leftover in (part, *_sidecar_paths(part)):
            with contextlib.suppress(OSError):
                leftover.unlink()
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
    """Back up the database now into `backups/`; the caller prunes."""
    folder = backup_folder(database)
    folder.mkdir(mode=0o700, exist_ok=True)
    taken = now().replace(microsecond=0)
    name = _new_name(folder, taken, reason)
    target = folder / name
    copy_database(database, target, journal_mode="DELETE", live=True)
    return BackupInfo(name, target, taken, reason, target.stat().st_size)


def prune_backups(database: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` backups; returns what was deleted."""
    removed: list[Path] = []
    for old in list_backups(database)[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def clean_half_written(database: Path) -> None:
    """Remove what an interrupted backup, restore or creation left behind (never a real file)."""
    folder = backup_folder(database)
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(PART) or any(
                entry.name.endswith(PART + s) for s in ("-wal", "-shm", "-journal")
            ):
                with contextlib.suppress(OSError):
                    Path(entry.path).unlink()
    temp = database.with_name(database.name + PART)
    for leftover in (temp, *_sidecar_paths(temp)):
        with contextlib.suppress(OSError):
            leftover.unlink()
