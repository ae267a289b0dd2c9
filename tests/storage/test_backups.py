"""Backups: before migrations, once a day, on close; newest 10 kept; listed and restored."""

from __future__ import annotations

import itertools
import shutil
import sqlite3
import stat
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from scalpzone.storage import BackupNotFoundError, Database, ProfileStore, StorageError
from scalpzone.storage.backups import KEEP, list_backups

from .helpers import integrity


def clock(start: datetime) -> Callable[[], datetime]:
    """A clock that moves one minute on each reading."""
    ticks = itertools.count()
    return lambda: start + timedelta(minutes=next(ticks))


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_is_not_backed_up_until_something_changes(db_path: Path) -> None:
    with Database.open(db_path) as db:
        assert db.list_backups() == []
    assert list_backups(db_path) == []  # closing without changes adds nothing
    with Database.open(db_path) as db:
        assert [b.reason for b in db.list_backups()] == ["daily"]


def test_the_first_start_of_each_day_backs_up_and_closing_after_changes_does(
    db_path: Path,
) -> None:
    day1 = datetime(2026, 11, 23, 8, 0)
    with Database.open(db_path, now=lambda: day1) as db:
        ProfileStore(db).create_profile("Alex")
    with Database.open(db_path, now=lambda: day1 + timedelta(hours=1)):
        pass
    with Database.open(db_path, now=lambda: day1 + timedelta(hours=2)):
        pass
    assert [b.reason for b in list_backups(db_path)] == ["on-close"]
    with Database.open(db_path, now=lambda: day1 + timedelta(days=1)):
        pass
    assert [(b.reason, b.taken.day) for b in list_backups(db_path)] == [
        ("daily", 24),
        ("on-close", 23),
    ]


def test_backups_are_private_self_contained_copies(db_path: Path) -> None:
    with Database.open(db_path) as db:
        ProfileStore(db).create_profile("Alex")
    [backup] = list_backups(db_path)
    assert backup.name.startswith("scalpzone-") and backup.name.endswith("-on-close.sqlite3")
    assert _mode(backup.path) == 0o600
    assert _mode(backup.path.parent) == 0o700
    assert _mode(db_path) == 0o600
    assert integrity(backup.path) == ["ok"]
    connection = sqlite3.connect(backup.path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert connection.execute("SELECT name FROM profiles").fetchall() == [("Alex",)]
    connection.close()
    assert sorted(p.name for p in backup.path.parent.iterdir()) == ["database-id", backup.name]


def test_an_existing_database_is_made_private(db_path: Path) -> None:
    with Database.open(db_path):
        pass
    db_path.chmod(0o644)
    with Database.open(db_path):
        assert _mode(db_path) == 0o600


def test_only_the_newest_ten_are_kept(db_path: Path) -> None:
    now = clock(datetime(2026, 1, 1, 9, 0))
    for n in range(KEEP + 5):
        with Database.open(db_path, now=now) as db:
            ProfileStore(db).create_profile(f"Person {n}")
    kept = list_backups(db_path)
    assert len(kept) == KEEP
    assert kept == sorted(kept, key=lambda b: b.taken, reverse=True)
    newest = sqlite3.connect(kept[0].path)
    assert newest.execute("SELECT count(*) FROM profiles").fetchone() == (KEEP + 5,)
    newest.close()


def test_backups_taken_in_the_same_second_get_distinct_names(db_path: Path) -> None:
    fixed = datetime(2026, 1, 1, 9, 0)
    with Database.open(db_path, now=lambda: fixed) as db:
        names = {db.backup_now().name for _ in range(3)}
    assert len(names) == 3
    assert [b.sequence for b in list_backups(db_path)] == [3, 2, 0]


def test_restore_brings_back_a_backup_and_keeps_the_present_as_one(db_path: Path) -> None:
    now = clock(datetime(2026, 3, 1, 9, 0))
    with Database.open(db_path, now=now) as db:
        ProfileStore(db).create_profile("Alex")
    [with_alex] = list_backups(db_path)
    with Database.open(db_path, now=now) as db:
        store = ProfileStore(db)
        store.create_profile("Sam")
        message = db.restore_backup(with_alex.name)
        assert with_alex.name in message and "kept as the backup" in message
        assert [p.name for p in store.profiles()] == ["Alex"]
        store.create_profile("Bea")  # usable straight away
        safety = next(b for b in db.list_backups() if b.reason == "before-restore")
        assert safety.name in message
    with Database.open(db_path, now=now) as db:
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex", "Bea"]
        db.restore_backup(safety.name)  # undo the restore
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex", "Sam"]
    assert integrity(db_path) == ["ok"]


def test_restoring_an_unknown_or_broken_backup_is_refused(db_path: Path) -> None:
    with Database.open(db_path) as db:
        ProfileStore(db).create_profile("Alex")
    with Database.open(db_path) as db:
        with pytest.raises(BackupNotFoundError, match="no backup named 'nope'"):
            db.restore_backup("nope")
        with pytest.raises(BackupNotFoundError):
            db.restore_backup("../scalpzone.sqlite3")
        broken = db.list_backups()[0]
        broken.path.write_text("not a database")
        with pytest.raises(BackupNotFoundError, match=r"cannot be restored: .* is a text file"):
            db.restore_backup(broken.name)
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex"]


def test_restoring_a_backup_from_before_an_upgrade_upgrades_it(db_path: Path) -> None:
    from scalpzone.storage import schema
    from scalpzone.storage.database import file_engine

    db_path.parent.mkdir(parents=True)
    engine = file_engine(db_path)
    schema.upgrade(engine, "0001")
    engine.dispose()
    with Database.open(db_path) as db:
        [old] = db.list_backups()
        assert old.reason == "before-upgrade"
        ProfileStore(db).create_profile("Alex")
        db.restore_backup(old.name)
        store = ProfileStore(db)
        assert store.profiles() == []
        store.create_profile("Sam")  # the restored 0001 schema was upgraded again


def test_half_written_backups_are_not_listed_and_are_cleaned_up(db_path: Path) -> None:
    with Database.open(db_path) as db:
        ProfileStore(db).create_profile("Alex")
    folder = db_path.parent / "backups" / db_path.name
    part = folder / "scalpzone-20260101-090000-on-close.sqlite3.x1y2.part"
    part.write_bytes(b"SQLite format 3\x00half")
    assert [b.reason for b in list_backups(db_path)] == ["on-close"]
    (folder / "notes.txt").write_text("mine")
    with Database.open(db_path):
        assert not part.exists()
    assert (folder / "notes.txt").read_text() == "mine"


def test_a_backup_that_cannot_be_written_on_close_is_reported(db_path: Path) -> None:
    db = Database.open(db_path)
    ProfileStore(db).create_profile("Alex")
    folder = db_path.parent / "backups" / db_path.name
    assert not list(folder.glob("*.sqlite3"))
    shutil.rmtree(folder)
    folder.write_text("a file where the folder should be")
    with pytest.raises(StorageError, match="Your changes are saved"):
        db.close()
    with Database.open(db_path) as again:  # the lock was released all the same
        notice = again.notices[-1]
        assert "Today's backup" in notice and "could not be written" in notice
        assert [p.name for p in ProfileStore(again).profiles()] == ["Alex"]
    folder.unlink()
