"""A damaged database is never deleted or overwritten: moved aside, a backup restored, said."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest

from scalpzone.domain.mapfile import read_map_file
from scalpzone.storage import Database, ProfileStore, StorageError, StoragePermissionError
from scalpzone.storage.backups import list_backups

from .helpers import integrity

EXAMPLE = Path(__file__).parents[1] / "data" / "spec_example.json"
LATER = datetime(2030, 5, 6, 7, 8, 9)


def _with_profile(path: Path) -> None:
    """A database holding the spec example as "Alex" (closing it leaves an on-close backup)."""
    with Database.open(path) as db:
        ProfileStore(db).import_document(read_map_file(EXAMPLE), day=date(2026, 11, 23))


def _aside(path: Path) -> Path:
    [moved] = [
        p
        for p in path.parent.iterdir()
        if ".corrupt-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    return moved


def _truncate(path: Path) -> None:
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 2)


def _random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(64 * 1024))


def _zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def _damaged_page(path: Path) -> None:
    """Scribble over the middle of the file, past the header: SQLite's check must notice."""
    data = bytearray(path.read_bytes())
    page = 4096
    for i in range(page * 2, len(data) - page, 7):
        data[i] = 0x5A
    path.write_bytes(bytes(data))


#: Damage to a file that is ScalpZone's: its header says so, or its backups are on record.
#: (Files that are not ScalpZone's are refused untouched: tests/faults/test_own_files.py.)
DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "truncated": (_truncate, "is cut off"),
    "random bytes": (_random_bytes, "is not an SQLite database"),
    "zero bytes": (_zero_bytes, "is empty (0 bytes)"),
    "a damaged page": (_damaged_page, "SQLite"),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damage_is_moved_aside_and_the_newest_backup_restored(kind: str, db_path: Path) -> None:
    damage, reason = DAMAGE[kind]
    _with_profile(db_path)
    damage(db_path)
    damaged_bytes = db_path.read_bytes()

    with Database.open(db_path, now=lambda: LATER) as db:
        aside = _aside(db_path)
        assert aside.name == "scalpzone.sqlite3.corrupt-20300506-070809"
        assert aside.read_bytes() == damaged_bytes  # kept exactly as it was
        [notice] = db.notices
        assert reason in notice
        assert str(db_path) in notice and str(aside) in notice
        assert "restored from the backup" in notice
        [backup] = [b for b in db.list_backups() if b.reason == "on-close"]
        assert str(backup.path) in notice
        store = ProfileStore(db)
        assert [p.name for p in store.profiles()] == ["Alex"]
        store.create_profile("Sam")  # usable: it takes changes
    assert integrity(db_path) == ["ok"]
    with Database.open(db_path) as db:
        assert db.notices == ()
        assert len(ProfileStore(db).profiles()) == 2


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damage_without_a_backup_starts_fresh_and_says_so(kind: str, db_path: Path) -> None:
    damage, reason = DAMAGE[kind]
    _with_profile(db_path)
    for backup in (db_path.parent / "backups" / db_path.name).glob("*.sqlite3"):
        backup.unlink()  # the folder still records which database it is for
    damage(db_path)
    damaged_bytes = db_path.read_bytes()

    with Database.open(db_path) as db:
        aside = _aside(db_path)
        assert aside.read_bytes() == damaged_bytes
        [notice] = db.notices
        assert reason in notice and str(aside) in notice
        assert "no usable backup" in notice and "started with an empty database" in notice
        store = ProfileStore(db)
        assert store.profiles() == []
        store.create_profile("Alex")


def test_a_damaged_backup_is_skipped_for_an_older_good_one(db_path: Path) -> None:
    _with_profile(db_path)
    with Database.open(db_path, now=lambda: datetime(2030, 1, 1, 10, 0)) as db:
        ProfileStore(db).create_profile("Sam")
        daily, _ = db.list_backups()
        assert daily.reason == "daily"
    newest, older, *_ = list_backups(db_path)
    assert (newest.reason, older) == ("on-close", daily)
    _random_bytes(newest.path)  # the newest backup (with Sam) is itself damaged
    _random_bytes(db_path)

    with Database.open(db_path, now=lambda: LATER) as db:
        assert newest.name not in db.notices[0]
        assert daily.name in db.notices[0]
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex"]


def test_the_write_ahead_log_goes_aside_with_its_database(db_path: Path) -> None:
    _with_profile(db_path)
    wal, shm = (db_path.with_name(db_path.name + s) for s in ("-wal", "-shm"))
    _random_bytes(db_path)
    wal.write_bytes(b"log bytes")
    shm.write_bytes(b"index bytes")
    with Database.open(db_path, now=lambda: LATER) as db:
        aside = _aside(db_path)
        assert aside.with_name(aside.name + "-wal").read_bytes() == b"log bytes"
        assert aside.with_name(aside.name + "-shm").read_bytes() == b"index bytes"
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex"]


def test_a_file_that_cannot_be_read_is_refused_not_moved(db_path: Path) -> None:
    _with_profile(db_path)
    db_path.chmod(0)
    try:
        with pytest.raises(StoragePermissionError, match="does not allow"):
            Database.open(db_path)
        assert not [p for p in db_path.parent.iterdir() if ".corrupt-" in p.name]
        assert stat.S_IMODE(db_path.stat().st_mode) == 0  # not even its permissions changed
    finally:
        db_path.chmod(0o600)
    with Database.open(db_path) as db:
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex"]


def test_a_read_only_database_opens_for_viewing_and_is_left_as_it_is(db_path: Path) -> None:
    _with_profile(db_path)
    db_path.chmod(0o400)
    before = db_path.read_bytes()
    with Database.open(db_path) as db:
        assert db.read_only
        [notice] = db.notices
        assert "read-only" in notice and "viewing only" in notice and str(db_path) in notice
        assert "chmod u+w" in notice
        store = ProfileStore(db)
        [alex] = store.profiles()
        assert store.load_profile(alex.id).document == read_map_file(EXAMPLE)
        assert [b.name for b in db.list_backups()]  # backups still listed
        with pytest.raises(StorageError, match="read-only"):
            db.restore_backup(db.list_backups()[0].name)
    assert db_path.read_bytes() == before
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o400
    assert not [p for p in db_path.parent.iterdir() if ".corrupt-" in p.name]
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_an_older_read_only_database_is_upgraded_in_memory_only(db_path: Path) -> None:
    from scalpzone.storage import schema
    from scalpzone.storage.database import file_engine

    db_path.parent.mkdir(parents=True)
    engine = file_engine(db_path)
    schema.upgrade(engine, "0001")
    engine.dispose()
    db_path.chmod(0o444)
    before = db_path.read_bytes()
    with Database.open(db_path) as db:
        assert db.read_only
        assert ProfileStore(db).profiles() == []
    assert db_path.read_bytes() == before


def test_log_files_without_their_database_are_moved_not_replayed(db_path: Path) -> None:
    _with_profile(db_path)
    db_path.rename(db_path.with_name("elsewhere.sqlite3"))
    db_path.with_name(db_path.name + "-wal").write_bytes(b"stale log")
    with Database.open(db_path, now=lambda: LATER) as db:
        [notice] = db.notices
        assert "log files of a database without the database" in notice
        assert ProfileStore(db).profiles() == []
    assert (
        db_path.with_name("scalpzone.sqlite3.corrupt-20300506-070809-wal").read_bytes()
        == b"stale log"
    )


def test_a_missing_database_with_backups_says_where_they_are(db_path: Path) -> None:
    _with_profile(db_path)
    db_path.unlink()
    with Database.open(db_path) as db:
        [notice] = db.notices
        assert "No database was found" in notice and "backups restore" in notice
        assert ProfileStore(db).profiles() == []


def _open_as_nobody(db_path: Path) -> str:
    """Open the database in a forked child that has dropped root; return what it was told."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: no exec, so it needs nothing from root's folders
        os.close(read_end)
        message = "opened"
        try:
            os.setgid(65534)
            os.setuid(65534)
            Database.open(db_path).close()
        except StorageError as error:
            message = str(error)
        except BaseException as error:  # anything else is reported, not raised
            message = f"unexpected {type(error).__name__}: {error}"
        os.write(write_end, message.encode())
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        told = pipe.read().decode()
    os.waitpid(pid, 0)
    return told


def test_a_damaged_database_in_a_read_only_folder_is_left_alone() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        _damaged_in_read_only_folder(Path(scratch))


def _damaged_in_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db_path = folder / "scalpzone.sqlite3"
    _with_profile(db_path)
    _random_bytes(db_path)
    damaged = db_path.read_bytes()
    before = sorted(p.name for p in folder.iterdir())
    # Root may write anywhere, so as root the open runs in a child that has become `nobody`.
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_root:
        for path in (folder, *folder.rglob("*")):
            os.chown(path, 65534, 65534)
        tmp_path.chmod(0o755)
    folder.chmod(0o500)
    try:
        if as_root:
            assert "cannot set it aside" in _open_as_nobody(db_path)
        else:
            with pytest.raises(StorageError, match="cannot set it aside"):
                Database.open(db_path)
    finally:
        folder.chmod(0o700)
    assert sorted(p.name for p in folder.iterdir()) == before
    assert db_path.read_bytes() == damaged
