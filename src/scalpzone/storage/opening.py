"""The steps of opening a database file: recover, create, upgrade, back up, know its identity.

`Database.open` runs them in order; each leaves a sentence in `notices` for what the person
should know. Nothing here moves or replaces a file unless `check_database_file` has proved it
is ScalpZone's and damaged.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from scalpzone import __version__
from scalpzone.storage import backups, schema
from scalpzone.storage.errors import StorageError
from scalpzone.storage.failures import classify
from scalpzone.storage.files import create_private_file, fsync_path
from scalpzone.storage.location import backup_folder, resolve_database_path
from scalpzone.storage.lock import DatabaseLock
from scalpzone.storage.recovery import (
    FileCheck,
    Verdict,
    move_aside,
    move_orphans,
    put_back,
    refuse_if_not_ours,
    usable_copy,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine

Clock = Callable[[], datetime]


def engine_identity(engine: Engine) -> str | None:
    """The UUID of the database behind an engine (None before schema 0004)."""
    from sqlalchemy import text  # noqa: PLC0415  (the start-up path imports no SQLAlchemy)

    with engine.connect() as connection:
        tables = connection.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'database_identity'"
        ).first()
        if tables is None:
            return None
        row = connection.execute(text("SELECT uuid FROM database_identity WHERE id = 1")).first()
    return str(row[0]) if row is not None else None


def set_identity(engine: Engine, identity: str) -> None:
    """Give the database this identity (after an upgrade made it a new one)."""
    from sqlalchemy import text  # noqa: PLC0415

    with engine.begin() as connection:
        connection.execute(
            text("UPDATE database_identity SET uuid = :uuid WHERE id = 1"), {"uuid": identity}
        )


def claim(path: Path | str | None) -> tuple[Path, DatabaseLock, bool]:
    """The database's path, its lock, and whether its folder may be written to.

    Before anything is created beside the file, not even a lock file, it is refused unless it
    is ScalpZone's (or missing); DatabaseLockedError if another ScalpZone has it.
    """
    db_path = resolve_database_path(path)
    refuse_if_not_ours(db_path, on_record=backups.on_record(db_path))
    folder = db_path.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise classify(error, folder, f"create the folder {folder} for its database") from None
    folder_writable = os.access(folder, os.W_OK | os.X_OK)
    return db_path, DatabaseLock.acquire(db_path, required=folder_writable), folder_writable


def look_over(
    cx: sqlite3.Connection, path: Path, check: FileCheck, now: Clock
) -> tuple[str, bool, list[str]]:
    """The database's identity, whether this is the day's first start (a daily backup is
    due), and what SQLite's CHECK-aware check finds then (on a writable connection)."""
    identity = schema.database_uuid(cx)
    if identity is None:
        raise StorageError(f"The database {path} has no identity after opening it.")
    # Once a day, with the daily backup: SQLite's check where CHECK constraints count
    # (each profile's values are also checked whenever it is read).
    daily = check.verdict is not Verdict.MISSING and first_start_today(path, identity, now)
    return identity, daily, quick_check(cx) if daily else []


def quick_check(cx: sqlite3.Connection) -> list[str]:
    """SQLite's consistency check on a writable connection, where CHECK constraints count.

    (On a read-only connection SQLite skips CHECK constraints in its check.) Returns the
    problems SQLite lists, e.g. "CHECK constraint failed in settings"; empty when all is well.
    """
    found = [str(row[0]) for row in cx.execute("PRAGMA quick_check(20)").fetchall()]
    return [] if found == ["ok"] else found


def settle(
    path: Path, identity: str, daily: bool, broken: list[str], notices: list[str], now: Clock
) -> None:
    """After `look_over`: say what the check found, keep the backup folder in order, and make
    the day's backup on its first start."""
    notices.extend(check_notices(path, broken))
    keep_backups_apart(path, identity, notices)
    if daily:
        daily_backup(path, identity, notices, now)


def _restore_candidates(path: Path) -> tuple[list[backups.BackupInfo], str]:
    """The backups that may replace a damaged database, newest first, and why if none may.

    They are the database's own: the identity its folder records, or the one the damaged file
    still carries; without either, only when every backup in its folder is of one database.
    """
    identity = backups.recorded_identity(path) or backups.backup_identity(path)
    if identity is not None:
        return backups.list_backups(path, identity), ""
    found = backups.list_backups(path)
    identities = {backups.backup_identity(b.path) for b in found} - {None}
    if len(identities) > 1:
        return [], (
            f"The backups in {backup_folder(path)} are of more than one database, so ScalpZone "
            "did not choose one; list them with `scalpzone backups list` and restore the right "
            "one with `scalpzone backups restore NAME`."
        )
    return found, ""


def recover(path: Path, damage: FileCheck, notices: list[str], now: Clock) -> FileCheck:
    """Put the newest good backup of this database in place of a damaged one (or start afresh).

    The backup is copied first, beside the database; only when the copy is complete is the
    damaged file moved aside and the copy linked into its place. A copy that fails (a full
    disk) leaves the damaged file where it was, so the next start tries again.
    """
    candidates, ambiguous = _restore_candidates(path)
    for candidate in candidates:
        check = usable_copy(candidate.path)
        if check is None:
            continue
        try:
            part = backups.build_copy(candidate.path, path.parent, path.name, "WAL")
        except (OSError, sqlite3.Error) as error:
            raise classify(error, path, "restore a backup of its damaged database") from None
        try:
            aside = move_aside(path, damage, now)
        except BaseException:
            backups.discard(part)
            raise
        try:
            backups.commit_copy(part, path)
        except BaseException as error:
            backups.discard(part)
            put_back(aside, path)  # the next start finds the damaged file and tries again
            raise classify(error, path, "restore a backup of its damaged database") from None
        notices.append(
            f"{_moved_words(path, damage, aside)} Your data was restored from the backup "
            f"{candidate.path} ({candidate.describe()}); anything changed after that backup is "
            "only in the moved file."
        )
        return check
    aside = move_aside(path, damage, now)
    notices.append(
        f"{_moved_words(path, damage, aside)} "
        + (
            ambiguous
            or f"There was no usable backup in {backup_folder(path)}, so ScalpZone started "
            f"with an empty database at {path}."
        )
    )
    return FileCheck(Verdict.MISSING)


def _moved_words(path: Path, damage: FileCheck, aside: Path) -> str:
    return (
        f"ScalpZone could not use its database {path}: the file {damage.reason}. It was not "
        f"deleted or changed: it was moved to {aside}."
    )


def create_new(path: Path, notices: list[str], now: Clock) -> None:
    """Build a new database beside `path` and link it into place once complete."""
    orphans = move_orphans(path, now)
    if orphans:
        notices.append(
            f"ScalpZone found log files of a database without the database itself next to "
            f"{path}; they were moved, unchanged, to {', '.join(str(o) for o in orphans)}."
        )
    earlier = backups.list_backups(path)
    part = path.with_name(f"{path.name}.{os.getpid()}{backups.PART}")
    create_private_file(part)
    try:
        schema.create_file_schema(part)
        fsync_path(part)
        backups.commit_copy(part, path)
    except BaseException:
        backups.discard(part)
        raise
    if earlier and not notices:
        notices.append(
            f"No database was found at {path}, so ScalpZone started an empty one. There are "
            f"{len(earlier)} backups of an earlier database in {backup_folder(path)}; the "
            f"newest is {earlier[0].name} ({earlier[0].describe()}). Restore it with File › "
            f"Restore backup… or `scalpzone backups restore {earlier[0].name}`."
        )


def upgrade(path: Path, check: FileCheck, notices: list[str], now: Clock) -> None:
    """Back up an older database, then migrate it to the current schema (keeping its identity)."""
    try:
        saved = backups.make_backup(path, "before-upgrade", now)
    except (OSError, sqlite3.Error) as error:
        raise StorageError(
            f"The database {path} needs upgrading for this ScalpZone, but the backup that must "
            f"come first could not be written to {backup_folder(path)} ({why(error)}). "
            "Nothing was changed; free some space or fix the folder and start ScalpZone again."
        ) from None
    from scalpzone.storage.engines import file_engine  # noqa: PLC0415

    engine = file_engine(path)
    try:
        schema.upgrade(engine)
        known = backups.recorded_identity(path)
        if known is not None and engine_identity(engine) != known:
            set_identity(engine, known)
    finally:
        engine.dispose()
    notices.append(
        f"The database {path} was upgraded from schema {check.revision} to "
        f"{schema.HEAD_REVISION} for ScalpZone {__version__}. A copy from before the upgrade "
        f"is kept as the backup {saved.path}."
    )


def first_start_today(path: Path, identity: str, now: Clock) -> bool:
    """Whether no backup of this database was taken today yet (only today's are opened)."""
    today = now().date()
    return not any(
        b.taken.date() == today and backups.backup_identity(b.path) in (identity, None)
        for b in backups.list_backups(path)
    )


def daily_backup(path: Path, identity: str, notices: list[str], now: Clock) -> None:
    """The first start of a day backs up the database as it was found.

    A backup that cannot be written does not keep the person from their data; they are told.
    """
    try:
        backups.make_backup(path, "daily", now)
        backups.prune_backups(path, identity)
    except (OSError, sqlite3.Error) as error:
        notices.append(
            f"Today's backup of {path} could not be written to {backup_folder(path)} "
            f"({why(error)}). Your data is safe, but it has no fresh backup until this is fixed."
        )


def keep_backups_apart(path: Path, identity: str, notices: list[str]) -> None:
    """Record whose backup folder this is, and take in old shared backups that are its own."""
    try:
        moved = backups.adopt_shared_backups(path)
        backups.record_identity(path, identity)
    except (OSError, StorageError) as error:
        notices.append(
            f"ScalpZone could not keep its backup folder {backup_folder(path)} in order "
            f"({why(error)}); your data is safe, but new backups may be missing."
        )
        return
    if moved:
        notices.append(
            f"{moved} backups from an earlier version of ScalpZone were moved into "
            f"{backup_folder(path)}, where each database now keeps its own."
        )


def why(error: BaseException) -> str:
    """An error's reason in words (an OSError's text, without its class name)."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or "no reason given"


#: How SQLite's check words a value that breaks a constraint (anything else is page damage).
_VALUE_PROBLEMS = ("CHECK constraint failed", "NULL value in", "non-unique entry")


def check_notices(path: Path, broken: list[str]) -> list[str]:
    """What the day's check (`quick_check`) found, in words: values edited
    outside ScalpZone, and damaged pages, which only the photos' pixels can hide from the
    check at every start (recovery._quick_check)."""
    values = [line for line in broken if line.startswith(_VALUE_PROBLEMS)]
    pages = [line for line in broken if not line.startswith(_VALUE_PROBLEMS)]
    notices = []
    if values:
        notices.append(
            f"The database {path} holds values outside ScalpZone's limits "
            f"({'; '.join(values[:3])}): was it edited outside ScalpZone? Each profile "
            "says which values when it is opened, and nothing is planned from them."
        )
    if pages:
        notices.append(
            f"Part of the database {path} where photos are kept is damaged (SQLite's check "
            f"says: {'; '.join(pages[:2])}). Maps, plans and the log are intact; a photo in "
            "the damaged part cannot be shown. To get it back, restore a backup from before "
            "the damage (File › Restore backup…)."
        )
    return notices
