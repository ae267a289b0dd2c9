"""Two databases in one folder keep their backups apart: no restore, prune or mix-up across them."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from scalpzone.domain.mapfile import read_map_file
from scalpzone.storage import BackupNotFoundError, Database, ProfileStore, StorageError
from scalpzone.storage.backups import KEEP, list_backups

from .storage_faults import EXAMPLE, profile_names, tree, with_profile

LATER = datetime(2030, 5, 6, 7, 8, 9)


def _scribble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[8192:-4096] = b"\x5a" * (len(data) - 8192 - 4096)
    path.write_bytes(bytes(data))


def test_a_damaged_database_gets_its_own_backup_never_the_neighbours(tmp_path: Path) -> None:
    alice, bob = tmp_path / "alice.sqlite3", tmp_path / "bob.sqlite3"
    with_profile(alice, "Alice")
    with_profile(bob, "Bob")
    for backup in list_backups(alice):
        backup.path.unlink()  # Alice has no backup at all; Bob has one
    _scribble(alice)

    with Database.open(alice, now=lambda: LATER) as db:
        assert "no usable backup" in db.notices[0]
        assert ProfileStore(db).profiles() == []  # never Bob's profile
    assert profile_names(bob) == ["Bob"]


def test_the_neighbours_imports_never_prune_this_databases_backups(tmp_path: Path) -> None:
    alice, bob = tmp_path / "alice.sqlite3", tmp_path / "bob.sqlite3"
    with_profile(alice, "Alice")
    alices = {b.path: b.path.read_bytes() for b in list_backups(alice)}
    clock = datetime(2030, 1, 1)
    for n in range(KEEP + 5):
        moment = clock + timedelta(days=n)
        with Database.open(bob, now=lambda m=moment: m) as db:
            ProfileStore(db).import_document(read_map_file(EXAMPLE), f"Bob {n}")
    assert len(list_backups(bob)) == KEEP
    assert {b.path: b.path.read_bytes() for b in list_backups(alice)} == alices


def test_a_backup_of_another_database_is_refused(tmp_path: Path) -> None:
    alice, bob = tmp_path / "alice.sqlite3", tmp_path / "bob.sqlite3"
    with_profile(alice, "Alice")
    with_profile(bob, "Bob")
    [bobs] = list_backups(bob)
    planted = alice.parent / "backups" / alice.name / "scalpzone-20300101-000000-manual.sqlite3"
    shutil.copy(bobs.path, planted)
    with Database.open(alice) as db:
        assert planted.name not in [b.name for b in db.list_backups()]
        with pytest.raises(BackupNotFoundError, match="another database"):
            db.restore_backup(planted.name)
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alice"]
    assert planted.exists()  # not pruned either: it is not Alice's to delete


def test_a_damaged_database_is_not_restored_from_a_planted_backup(tmp_path: Path) -> None:
    alice, bob = tmp_path / "alice.sqlite3", tmp_path / "bob.sqlite3"
    with_profile(alice, "Alice")
    with_profile(bob, "Bob")
    for backup in list_backups(alice):
        backup.path.unlink()
    [bobs] = list_backups(bob)
    shutil.copy(bobs.path, alice.parent / "backups" / alice.name / bobs.name)
    _scribble(alice)
    with Database.open(alice, now=lambda: LATER) as db:
        assert "no usable backup" in db.notices[0]
        assert ProfileStore(db).profiles() == []


def _legacy_layout(folder: Path, *names: str) -> list[str]:
    """Databases made the old way: their backups together, directly in backups/."""
    moved: list[str] = []
    for name in names:
        with_profile(folder / name, name.split(".")[0].title())
        own = folder / "backups" / name
        for backup in own.glob("scalpzone-*.sqlite3"):
            target = (
                folder / "backups" / backup.name.replace("-on-close", f"-{len(moved)}-on-close")
            )
            backup.rename(target)
            moved.append(target.name)
        shutil.rmtree(own)
    return moved


def test_shared_backups_of_a_lone_database_move_into_its_own_folder(tmp_path: Path) -> None:
    [old] = _legacy_layout(tmp_path, "scalpzone.sqlite3")
    with Database.open(tmp_path / "scalpzone.sqlite3") as db:
        assert any("were moved into" in n for n in db.notices), db.notices
        assert old in [b.name for b in db.list_backups()]
    assert not (tmp_path / "backups" / old).exists()


def test_shared_backups_of_two_databases_are_left_untouched(tmp_path: Path) -> None:
    old = _legacy_layout(tmp_path, "alice.sqlite3", "bob.sqlite3")
    before = {name: (tmp_path / "backups" / name).read_bytes() for name in old}
    for name in ("alice.sqlite3", "bob.sqlite3"):
        with Database.open(tmp_path / name) as db:
            assert not set(old) & {b.name for b in db.list_backups()}
            assert set(old) <= {b.name for b in db.other_backups()}
            with pytest.raises(BackupNotFoundError, match="could not tell whose"):
                db.restore_backup(old[0])
            ProfileStore(db).create_profile("Sam")  # on-close backups: pruning runs
    assert {name: (tmp_path / "backups" / name).read_bytes() for name in old} == before


def test_a_link_planted_as_the_backup_folder_is_not_followed(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data = tmp_path / "data"
    data.mkdir()
    (data / "backups").mkdir()
    (data / "backups" / "scalpzone.sqlite3").symlink_to(elsewhere)
    db = Database.open(data / "scalpzone.sqlite3")
    ProfileStore(db).create_profile("Alex")
    assert any("could not keep its backup folder" in n for n in db.notices)
    with pytest.raises(StorageError, match=r"Your changes are saved.*not a folder"):
        db.close()
    assert tree(elsewhere) == {}
    assert profile_names(data / "scalpzone.sqlite3") == ["Alex"]
