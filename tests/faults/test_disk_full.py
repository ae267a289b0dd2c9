"""A full disk is not damage: nothing is moved aside, nothing lost, and the person is told.

Runs on a real 2 MB tmpfs (the kernel's own ENOSPC for SQLite and Python alike).
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime

import pytest

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.storage import Database, DiskFullError, ProfileStore, StorageError

from .storage_faults import EXAMPLE, SmallDisk, needs_root, profile_names, small_disk, tree
from .storage_faults import with_profile as _with_profile

pytestmark = needs_root
__all__ = ["small_disk"]  # the fixture, used by name

LATER = datetime(2030, 5, 6, 7, 8, 9)


def _no_aside(disk: SmallDisk) -> bool:
    return not [p for p in disk.root.rglob("*") if ".corrupt-" in p.name]


def test_a_healthy_database_on_a_full_disk_opens_for_viewing_and_is_kept(
    small_disk: SmallDisk,
) -> None:
    path = small_disk.root / "scalpzone.sqlite3"
    _with_profile(path)
    before = path.read_bytes()
    small_disk.fill()

    with Database.open(path, now=lambda: LATER) as db:
        assert db.read_only
        assert any("is full" in n and "viewing only" in n for n in db.notices), db.notices
        store = ProfileStore(db)
        [alex] = store.profiles()
        assert alex.name == "Alex"
        with pytest.raises(StorageError, match="read-only"):
            store.create_profile("Sam")

    assert path.read_bytes() == before and _no_aside(small_disk)
    small_disk.free()
    assert profile_names(path) == ["Alex"]  # and nothing empty took its place


def test_a_change_on_a_full_disk_is_refused_and_the_old_data_stays(small_disk: SmallDisk) -> None:
    path = small_disk.root / "scalpzone.sqlite3"
    _with_profile(path)
    db = Database.open(path)
    store = ProfileStore(db)
    [alex] = store.profiles()
    small_disk.fill()

    big_note = "x" * 2000
    failures = 0
    for n in range(60):  # SQLite may find room in free pages for the first few
        try:
            store.log_session(
                alex.id, HistoryEntry(date(2026, 12, 1), ("crown",), 1.0, note=big_note)
            )
            store.save_map(
                alex.id,
                ScalpMap().with_zone(Zone("crown", ZoneState.BALD)),
                date(2027, 1, n % 28 + 1),
            )
        except DiskFullError as error:
            failures += 1
            assert "is full" in str(error) and "Nothing was changed" in str(error)
            break
    assert failures == 1
    small_disk.free()
    db.close()
    assert profile_names(path) == ["Alex"]
    assert _no_aside(small_disk)


def test_a_damaged_database_on_a_full_disk_stays_put_until_there_is_room(
    small_disk: SmallDisk,
) -> None:
    path = small_disk.root / "scalpzone.sqlite3"
    _with_profile(path)
    data = bytearray(path.read_bytes())
    data[8192:-4096] = b"\x5a" * (len(data) - 8192 - 4096)
    path.write_bytes(bytes(data))
    damaged = path.read_bytes()
    small_disk.fill()

    with pytest.raises(DiskFullError, match="is full"):
        Database.open(path, now=lambda: LATER)
    assert path.read_bytes() == damaged and _no_aside(small_disk)

    small_disk.free()
    with Database.open(path, now=lambda: LATER) as db:
        assert any("restored from the backup" in n for n in db.notices), db.notices
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex"]


def test_a_new_database_on_a_full_disk_is_a_clear_message(small_disk: SmallDisk) -> None:
    small_disk.fill()
    before = tree(small_disk.root)
    with pytest.raises(StorageError, match="full"):
        Database.open(small_disk.root / "new.sqlite3")
    assert tree(small_disk.root) == before


@pytest.mark.parametrize(
    "command",
    [
        ["profiles"],
        ["import", str(EXAMPLE), "--profile", "Sam"],
        ["plan", "--profile", "Alex", "--start", "2026-11-23"],
    ],
)
def test_the_command_line_on_a_full_disk_says_so_without_a_traceback(
    command: list[str], small_disk: SmallDisk
) -> None:
    path = small_disk.root / "scalpzone.sqlite3"
    _with_profile(path)
    small_disk.fill()
    result = subprocess.run(
        [sys.executable, "-m", "scalpzone", *command, "--database", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr, result.stderr
    if command[0] == "import":
        assert result.returncode == 1
        assert "full" in result.stderr
    else:
        assert result.returncode == 0, result.stderr  # reading works, read-only
        assert "viewing only" in result.stderr
    small_disk.free()
    assert profile_names(path) == ["Alex"]
    assert _no_aside(small_disk)
