"""The start-up path (storage/startup.py): plain `sqlite3` until SQLAlchemy has loaded (#16).

What it reads is checked by the same code as the ORM's reads, what it writes is read back
through the ORM, and any database it cannot take as it is goes the full way.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scalpzone.domain.mapfile import read_map_file
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.storage import (
    Database,
    DatabaseLockedError,
    NotScalpZoneDatabaseError,
    ProfileStore,
    StorageError,
    StoredDataError,
    open_for_start,
)
from scalpzone.storage.startup import StartupDatabase, StartupStore
from tests.domain.strategies import scalp_maps

EXAMPLE = Path(__file__).parents[1] / "data" / "spec_example.json"
TODAY = date(2026, 11, 30)


def _existing(path: Path) -> int:
    """A database holding the spec example (map, hairlines, settings, log, a roller)."""
    with Database.open(path) as db:
        store = ProfileStore(db)
        pid = store.import_document(read_map_file(EXAMPLE), "Alex", day=date(2026, 11, 23))
        store.start_roller(pid, 1.0, date(2026, 11, 1))
        return pid


def _plain(path: Path) -> tuple[StartupDatabase, StartupStore]:
    db, store = open_for_start(path)
    assert isinstance(db, StartupDatabase) and isinstance(store, StartupStore)
    return db, store


def _orm_map(path: Path, pid: int) -> ScalpMap:
    with Database.open(path) as db:
        return ProfileStore(db).load_profile(pid).document.scalp_map


def test_an_existing_profile_reads_as_the_orm_reads_it_and_a_click_is_saved(
    db_path: Path,
) -> None:
    pid = _existing(db_path)
    with Database.open(db_path) as db:
        orm = ProfileStore(db)
        expected = (orm.profiles(), orm.load_profile(pid), orm.current_roller(pid))
        backups_before = len(db.list_backups())

    db, store = _plain(db_path)
    try:
        assert (store.profiles(), store.load_profile(pid), store.current_roller(pid)) == expected
        marked = expected[1].document.scalp_map.with_zone(Zone("crown", ZoneState.BALD, 2))
        store.save_map(pid, marked, TODAY)
        assert db._full is None  # all of it without SQLAlchemy's database
    finally:
        db.close()

    assert _orm_map(db_path, pid) == marked
    with Database.open(db_path) as full:
        orm = ProfileStore(full)
        [*_, today] = orm.map_snapshots(pid)
        assert today.day == TODAY
        assert {z.zone_id: z.state for z in today.zones}["crown"] is ZoneState.BALD
        # It wrote, so closing made a backup, as the full path's closing does.
        assert len(full.list_backups()) == backups_before + 1
        assert full.list_backups()[0].reason == "on-close"


def test_a_fresh_profile_is_created_on_the_plain_path_with_the_models_schema(
    db_path: Path,
) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from scalpzone.storage.engines import file_engine
    from scalpzone.storage.models import Base

    db, store = _plain(db_path)
    try:
        assert store.profiles() == []
        pid = store.create_profile("  My scalp ")
        stored = store.load_profile(pid)
        assert stored.name == "My scalp" and stored.document.scalp_map == ScalpMap()
        store.save_map(
            pid, ScalpMap().with_zone(Zone("midscalp_center", ZoneState.THINNING)), TODAY
        )
    finally:
        db.close()

    assert _orm_map(db_path, pid).zone("midscalp_center").state is ZoneState.THINNING
    engine = file_engine(db_path)
    try:
        with engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        engine.dispose()


def test_a_database_that_needs_an_upgrade_takes_the_full_path(db_path: Path) -> None:
    from scalpzone.storage import schema
    from scalpzone.storage.engines import file_engine

    db_path.parent.mkdir(parents=True)
    engine = file_engine(db_path)
    schema.upgrade(engine, "0004")
    engine.dispose()
    with sqlite3.connect(db_path) as cx:
        cx.execute("INSERT INTO profiles (name, hairline) VALUES ('Sam', '[]')")
    cx.close()

    db, store = open_for_start(db_path)
    try:
        assert isinstance(db, Database) and isinstance(store, ProfileStore)
        assert any(f"upgraded from schema 0004 to {schema.HEAD_REVISION}" in n for n in db.notices)
        [sam] = store.profiles()
        store.save_map(sam.id, ScalpMap().with_zone(Zone("crown", ZoneState.BALD)), TODAY)
    finally:
        db.close()
    assert _orm_map(db_path, sam.id).zone("crown").state is ZoneState.BALD
    db, _ = _plain(db_path)  # upgraded now: the next start takes the plain path
    db.close()


def test_values_that_break_the_rules_are_refused_alike_on_both_paths(db_path: Path) -> None:
    pid = _existing(db_path)
    with sqlite3.connect(db_path) as cx:
        cx.execute("PRAGMA ignore_check_constraints = ON")
        cx.execute("UPDATE settings SET needle_mm = 3.0")
        cx.execute("UPDATE zones SET severity = 9 WHERE zone_id = 'crown'")
    cx.close()
    with Database.open(db_path) as full, pytest.raises(StoredDataError) as orm_error:
        ProfileStore(full).load_profile(pid)

    db, store = _plain(db_path)
    try:
        with pytest.raises(StoredDataError) as plain_error:
            store.load_profile(pid)
    finally:
        db.close()
    assert [str(p) for p in plain_error.value.problems] == [
        str(p) for p in orm_error.value.problems
    ]
    assert len(plain_error.value.problems) == 2


def test_after_the_hand_over_every_call_goes_to_the_full_store(db_path: Path) -> None:
    pid = _existing(db_path)
    db, store = _plain(db_path)
    try:
        store.save_map(pid, ScalpMap().with_zone(Zone("crown", ZoneState.BALD)), TODAY)
        db.load_in_background()
        full = db.full()  # waits for the loading thread's database (or builds it)
        assert db.full() is full and db.store() is db.store()
        assert store.log_entries(pid)  # a call the plain path never answers
        store.save_map(pid, ScalpMap().with_zone(Zone("midscalp_center", ZoneState.BALD)), TODAY)
        assert store.load_profile(pid) == db.store().load_profile(pid)
    finally:
        db.close()
    assert _orm_map(db_path, pid).zone("midscalp_center").state is ZoneState.BALD


def test_the_plain_path_holds_the_lock_and_lets_go_on_closing(db_path: Path) -> None:
    _existing(db_path)
    db, _ = _plain(db_path)
    with pytest.raises(DatabaseLockedError):
        Database.open(db_path)
    db.close()
    Database.open(db_path).close()


def test_a_file_that_is_not_ours_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("shopping list\n")
    with pytest.raises(NotScalpZoneDatabaseError):
        open_for_start(path)
    assert path.read_text() == "shopping list\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_the_start_up_path_imports_no_sqlalchemy(db_path: Path) -> None:
    """In a fresh interpreter: the window's modules, the open, a load and a save."""
    pid = _existing(db_path)
    script = (
        "import sys\n"
        "from datetime import date\n"
        "import scalpzone.app, scalpzone.ui.main_window\n"
        "from scalpzone.storage import open_for_start, StorageError\n"
        "from scalpzone.domain.zones import Zone, ZoneState\n"
        "db, store = open_for_start(sys.argv[1])\n"
        "[p] = store.profiles()\n"
        "m = store.load_profile(p.id).document.scalp_map\n"
        "store.save_map(p.id, m.with_zone(Zone('crown', ZoneState.BALD)), date.today())\n"
        "store.current_roller(p.id)\n"
        "print(type(db).__name__, 'sqlalchemy' in sys.modules, 'alembic' in sys.modules)\n"
        "db.close()\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script, str(db_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", **_env()},
    )
    assert ran.stdout.split() == ["StartupDatabase", "False", "False"], ran.stderr
    assert _orm_map(db_path, pid).zone("crown").state is ZoneState.BALD


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "SCALPZONE_DB"}


@settings(max_examples=25, deadline=None)
@given(maps=st.lists(scalp_maps(date(2026, 11, 1)), min_size=1, max_size=3))
def test_maps_saved_on_the_plain_path_read_back_equal_through_the_orm(
    tmp_path_factory: pytest.TempPathFactory, maps: list[ScalpMap]
) -> None:
    path = tmp_path_factory.mktemp("plain") / "scalpzone.sqlite3"
    db, store = _plain(path)
    try:
        pid = store.create_profile("Alex")
        for n, scalp_map in enumerate(maps):
            store.save_map(pid, scalp_map, date(2026, 12, 1 + n))
            assert store.load_profile(pid).document.scalp_map == scalp_map
    finally:
        db.close()
    assert _orm_map(path, pid) == maps[-1]
    with Database.open(path, now=lambda: datetime(2026, 12, 9)) as full:
        snapshots = ProfileStore(full).map_snapshots(pid)
    assert [s.day for s in snapshots] == [date(2026, 12, 1 + n) for n in range(len(maps))]


def test_closing_lets_go_of_the_lock_even_when_the_hand_over_fails(db_path: Path) -> None:
    _existing(db_path)
    db, _ = _plain(db_path)
    with sqlite3.connect(db_path) as cx:  # another identity: the hand-over refuses it
        cx.execute("UPDATE database_identity SET uuid = '00000000-0000-4000-8000-000000000000'")
    cx.close()
    with pytest.raises(StorageError, match="changed identity"):
        db.close()
    Database.open(db_path).close()  # the lock was released
