"""The start-up path (plain `sqlite3`, storage/startup.py) on a full disk: a refused save keeps
the old data and says so, as the full path does; a start on a full disk shows the data for
viewing. Runs on a real 2 MB tmpfs."""

from __future__ import annotations

from datetime import date

import pytest

from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.storage import Database, DiskFullError, ProfileStore, StorageError, open_for_start
from scalpzone.storage.startup import StartupDatabase

from .storage_faults import SmallDisk, needs_root, profile_names, small_disk, tree
from .storage_faults import with_profile as _with_profile

pytestmark = needs_root
__all__ = ["small_disk"]  # the fixture, used by name


def test_a_plain_save_on_a_full_disk_is_refused_and_the_old_map_stays(
    small_disk: SmallDisk,
) -> None:
    path = small_disk.root / "scalpzone.sqlite3"
    _with_profile(path)
    db, store = open_for_start(path)
    assert isinstance(db, StartupDatabase)
    [alex] = store.profiles()
    saved = store.load_profile(alex.id).document.scalp_map
    small_disk.fill()

    refused: DiskFullError | None = None
    for n in range(60):  # SQLite may find room in the log's free frames for the first few
        scalp_map = ScalpMap().with_zone(Zone("crown", ZoneState.BALD, 1 + n % 3))
        try:
            store.save_map(alex.id, scalp_map, date(2027, 1 + n // 28, n % 28 + 1))
        except DiskFullError as error:
            refused = error
            break
        saved = scalp_map
    assert refused is not None
    assert "is full" in str(refused) and "Nothing was changed" in str(refused)
    assert store.load_profile(alex.id).document.scalp_map == saved  # the old map, whole
    small_disk.free()
    db.close()
    assert profile_names(path) == ["Alex"]
    with Database.open(path) as full:
        assert ProfileStore(full).load_profile(alex.id).document.scalp_map == saved
    assert not [p for p in small_disk.root.rglob("*") if ".corrupt-" in p.name]


def test_a_start_on_a_full_disk_shows_the_data_for_viewing_and_changes_nothing(
    small_disk: SmallDisk,
) -> None:
    path = small_disk.root / "scalpzone.sqlite3"
    _with_profile(path)
    small_disk.fill()
    before = tree(small_disk.root)

    db, store = open_for_start(path)
    try:
        assert isinstance(db, Database) and db.read_only  # the full path, for viewing
        assert any("viewing only" in n for n in db.notices), db.notices
        [alex] = store.profiles()
        with pytest.raises(StorageError, match="read-only"):
            store.save_map(alex.id, ScalpMap(), date(2027, 1, 1))
    finally:
        db.close()
    after = tree(small_disk.root)
    assert {k: v for k, v in after.items() if not k.startswith(("filler-", "inode-"))} == {
        k: v for k, v in before.items() if not k.startswith(("filler-", "inode-"))
    }
