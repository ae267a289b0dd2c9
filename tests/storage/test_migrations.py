"""Migrations: shipped in the package, run at open, backed up first, never downgraded."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from scalpzone.domain.history import SessionStatus
from scalpzone.domain.zones import ZoneState
from scalpzone.storage import Database, NewerDatabaseError, ProfileStore, StorageError, schema
from scalpzone.storage.database import file_engine
from scalpzone.storage.models import Base

from .helpers import integrity, query


def _at_revision(path: Path, revision: str) -> None:
    engine = file_engine(path)
    try:
        schema.upgrade(engine, revision)
    finally:
        engine.dispose()


def _first_release_data(path: Path) -> None:
    """What ScalpZone with schema 0001 would have written: a profile with a map and a log."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO profiles (id, name, hairline) VALUES (1, 'Alex', ?)",
            ("[[0.25,0.16],[0.5,0.12],[0.75,0.16]]",),
        )
        connection.execute(
            "INSERT INTO zones (profile_id, zone_id, position, state, severity) "
            "VALUES (1, 'crown', 9, 'thinning', 2)"
        )
        connection.execute(
            "INSERT INTO zones (profile_id, zone_id, position, state, severity, name, polygon) "
            "VALUES (1, 'custom-1', 13, 'thinning', 1, 'Part line', "
            "'[[0.45,0.3],[0.55,0.3],[0.55,0.5],[0.45,0.5]]')"
        )
        connection.execute(
            "INSERT INTO settings VALUES (1, 1.0, 85, 3, NULL, NULL, 15, 10, '20:00')"
        )
        connection.execute(
            "INSERT INTO health (profile_id, sunburn, confirmed_on) VALUES (1, 1, '2026-01-02')"
        )
        for day, zones, status in (
            ("2026-01-05", '["crown"]', "done"),
            ("2026-01-08", '["crown","custom-1"]', "skipped"),
        ):
            connection.execute(
                "INSERT INTO session_log (profile_id, day, zones, needle_mm, status) "
                "VALUES (1, ?, ?, 1.0, ?)",
                (day, zones, status),
            )
        connection.execute(
            "INSERT INTO hairline_snapshots (profile_id, day, points) VALUES "
            "(1, '2026-01-01', '[[0.25,0.16],[0.5,0.12],[0.75,0.16]]')"
        )
    connection.close()


def test_head_revision_constant_matches_the_migrations() -> None:
    assert schema.head_revision() == schema.HEAD_REVISION


def test_a_first_release_database_is_backed_up_then_upgraded_with_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    _at_revision(path, "0001")
    _first_release_data(path)
    columns = [r[1] for r in query(path, "PRAGMA table_info(session_log)")]
    assert "note" not in columns

    with Database.open(path) as db:
        assert len(db.notices) == 1
        assert f"upgraded from schema 0001 to {schema.HEAD_REVISION}" in db.notices[0]
        store = ProfileStore(db)
        [summary] = store.profiles()
        loaded = store.load_profile(summary.id)
        doc = loaded.document
        assert loaded.name == "Alex"
        assert doc.scalp_map.zone("crown").state is ZoneState.THINNING
        assert doc.scalp_map.zone("crown").severity == 2
        assert doc.scalp_map.zone("custom-1").name == "Part line"
        assert doc.scalp_map.hairline == ((0.25, 0.16), (0.5, 0.12), (0.75, 0.16))
        assert [(e.date, e.zones, e.status, e.note) for e in doc.history] == [
            (date(2026, 1, 5), ("crown",), SessionStatus.DONE, ""),
            (date(2026, 1, 8), ("crown", "custom-1"), SessionStatus.SKIPPED, ""),
        ]
        assert loaded.health_confirmed_on == date(2026, 1, 2)
        assert loaded.hairlines[0][0] == date(2026, 1, 1)
        # what 0002 added works
        store.start_roller(summary.id, 1.0, date(2026, 2, 1))
        store.log_session(
            summary.id,
            doc.history[0].__class__(date(2026, 2, 2), ("crown",), 1.0, note="new column"),
        )
        [backup] = [b for b in db.list_backups() if b.reason == "before-upgrade"]
        assert str(backup.path) in db.notices[0]

    before = sqlite3.connect(backup.path)
    assert before.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert before.execute("SELECT count(*) FROM session_log").fetchone() == (2,)
    before.close()
    assert integrity(path) == ["ok"]
    with Database.open(path) as db:
        assert db.notices == ()  # already current: nothing to say


def _second_release_data(path: Path) -> None:
    """What ScalpZone with schema 0002 would have written: rollers with stored use counters.

    The counters disagree with the log on purpose (a session logged late, a removed row), as
    counters could: after the upgrade the counts come from the log alone.
    """
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("INSERT INTO profiles (id, name, hairline) VALUES (1, 'Alex', '[]')")
        connection.execute(
            "INSERT INTO zones (profile_id, zone_id, position, state, severity) "
            "VALUES (1, 'crown', 9, 'thinning', 2)"
        )
        connection.executemany(
            "INSERT INTO rollers (id, profile_id, needle_mm, first_use, uses, retired_on) "
            "VALUES (?, 1, ?, ?, ?, ?)",
            [
                (1, 1.0, "2026-10-01", 9, "2026-11-01"),
                (2, 0.5, "2026-11-01", 4, None),
            ],
        )
        connection.executemany(
            "INSERT INTO session_log (id, profile_id, day, zones, needle_mm, status, note) "
            "VALUES (?, 1, ?, '[\"crown\"]', ?, ?, ?)",
            [
                (1, "2026-09-20", 1.0, "done", "before any roller"),
                (2, "2026-10-05", 1.0, "done", ""),
                (3, "2026-10-09", 1.0, "skipped", "tired"),
                (4, "2026-10-31", 1.0, "done", ""),
                (5, "2026-11-01", 0.5, "done", "new roller's first day"),
                (7, "2026-11-04", 0.5, "done", ""),
            ],
        )
    connection.close()


def test_a_0002_database_upgrades_to_uses_counted_from_the_log(tmp_path: Path) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    _at_revision(path, "0002")
    _second_release_data(path)
    assert "uses" in [r[1] for r in query(path, "PRAGMA table_info(rollers)")]

    with Database.open(path) as db:
        assert f"upgraded from schema 0002 to {schema.HEAD_REVISION}" in db.notices[0]
        store = ProfileStore(db)
        # same rollers; uses from the log: [first_use, retired_on), done sessions only
        assert [
            (r.id, r.needle_mm, r.first_use, r.retired_on, r.uses) for r in store.rollers(1)
        ] == [
            (1, 1.0, date(2026, 10, 1), date(2026, 11, 1), 2),
            (2, 0.5, date(2026, 11, 1), None, 2),
        ]
        # every log row kept, with its id and content
        entries = store.log_entries(1)
        assert [e.id for e in entries] == [1, 2, 3, 4, 5, 7]
        assert entries[2].entry.status is SessionStatus.SKIPPED
        assert entries[2].entry.note == "tired"
        assert entries[4].entry.needle_mm == 0.5
        # ids are not reused after the upgrade: the removed newest id stays free for its undo
        removed = store.remove_log_entry(1, 7)
        store.log_session(1, removed)
        assert [e.id for e in store.log_entries(1)][-1] == 8
        store.restore_log_entry(1, 7, removed)
        current = store.current_roller(1)
        assert current is not None and (current.id, current.uses) == (2, 3)

    assert "uses" not in [r[1] for r in query(path, "PRAGMA table_info(rollers)")]
    assert integrity(path) == ["ok"]
    assert query(path, "PRAGMA foreign_key_check") == []


def _autoincrement_tables(connection: sqlite3.Connection) -> set[str]:
    return {
        name
        for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        )
        if "AUTOINCREMENT" in sql
    }


def _constraint_names(connection: sqlite3.Connection) -> dict[str, set[str]]:
    return {
        name: set(re.findall(r"CONSTRAINT (\w+)", sql))
        for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        )
    }


def _shape(connection: sqlite3.Connection) -> dict[str, object]:
    tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {
        t: (
            connection.execute(f"PRAGMA table_info({t})").fetchall(),
            connection.execute(f"PRAGMA foreign_key_list({t})").fetchall(),
            sorted(connection.execute(f"PRAGMA index_list({t})").fetchall()),
        )
        for t in tables
    }


def test_migrating_from_scratch_gives_exactly_the_models_schema(tmp_path: Path) -> None:
    migrated = tmp_path / "migrated.sqlite3"
    _at_revision(migrated, "head")
    created = tmp_path / "created.sqlite3"
    schema.create_file_schema(created)

    engine = file_engine(migrated)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    engine.dispose()
    a, b = sqlite3.connect(migrated), sqlite3.connect(created)
    assert _shape(a) == _shape(b)
    assert _constraint_names(a) == _constraint_names(b)
    assert _autoincrement_tables(a) == _autoincrement_tables(b) == {"session_log", "photos"}
    a.close()
    b.close()


def test_the_statements_that_create_a_database_are_the_models_own() -> None:
    """schema_ddl.py (run without SQLAlchemy) holds what SQLAlchemy writes for the models."""
    from scalpzone.storage.schema_ddl import STATEMENTS

    assert schema.models_ddl() == STATEMENTS, (
        "models.py changed: regenerate src/scalpzone/storage/schema_ddl.py from "
        "scalpzone.storage.schema.models_ddl()"
    )


def test_a_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    with Database.open(path) as db:
        ProfileStore(db).create_profile("Alex")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.close()
    before = path.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(NewerDatabaseError) as caught:
        Database.open(path, now=lambda: datetime(2030, 1, 1, 9, 0))
    message = str(caught.value)
    assert "written by a newer version of ScalpZone" in message
    assert "schema 0099" in message and "left untouched" in message
    assert str(path) in message
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    # the lock was let go: the next try fails the same way, not with "already in use"
    with pytest.raises(NewerDatabaseError):
        Database.open(path)


def test_no_upgrade_without_the_backup_before_it(tmp_path: Path) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    _at_revision(path, "0001")
    _first_release_data(path)
    (tmp_path / "backups").write_text("a file where the backups folder should be")
    before = path.read_bytes()
    with pytest.raises(StorageError, match="Nothing was changed"):
        Database.open(path)
    assert path.read_bytes() == before
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    connection.close()
