"""ProfileStore: the calls the UI and the CLI make, against a real database file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from pathlib import Path

import pytest

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.mapfile import MapDocument, read_map_file
from scalpzone.domain.settings import Contraindication, Health, Settings, Weekday
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.storage import (
    Database,
    InvalidProfileDataError,
    ProfileNameError,
    ProfileNotFoundError,
    ProfileStore,
    ProfileSummary,
    ReadOnlyDatabaseError,
    StorageError,
    ZoneInUseError,
)

from .helpers import done, query, thinning_map

EXAMPLE = Path(__file__).parents[1] / "data" / "spec_example.json"
DAY = date(2026, 11, 23)


def test_a_new_profile_has_a_healthy_map_and_default_settings(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    loaded = store.load_profile(pid)
    assert loaded.id == pid and loaded.name == "Alex"
    assert loaded.document == MapDocument(ScalpMap(), Settings(), Health(), (), "Alex")
    assert loaded.hairlines == () and loaded.health_confirmed_on is None


def test_profiles_are_listed_by_name_and_names_are_unique_ignoring_case(
    store: ProfileStore,
) -> None:
    sam = store.create_profile("sam")
    alex = store.create_profile("Alex")
    bea = store.create_profile("  Bea  ")
    assert store.profiles() == [
        ProfileSummary(alex, "Alex"),
        ProfileSummary(bea, "Bea"),
        ProfileSummary(sam, "sam"),
    ]
    with pytest.raises(ProfileNameError, match="already a profile named 'Alex'"):
        store.create_profile("ALEX")
    assert store.find_profile("SAM").id == sam


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "needs a name"),
        ("   ", "needs a name"),
        ("x" * 81, "81 characters long; the most is 80"),
        ("two\nlines", "line breaks"),
        ("tab\there", "line breaks, tabs"),
    ],
)
def test_bad_profile_names_are_refused_in_plain_words(
    store: ProfileStore, name: str, message: str
) -> None:
    with pytest.raises(ProfileNameError, match=message):
        store.create_profile(name)
    assert store.profiles() == []


def test_rename_and_delete(store: ProfileStore, db: Database) -> None:
    alex = store.create_profile("Alex")
    sam = store.create_profile("Sam")
    store.log_session(alex, done(DAY, "crown"))
    store.rename_profile(alex, "Alexandra")
    store.rename_profile(sam, "SAM")  # only the case changes: allowed
    with pytest.raises(ProfileNameError, match="already a profile named 'SAM'"):
        store.rename_profile(alex, "sam")
    assert [p.name for p in store.profiles()] == ["Alexandra", "SAM"]
    store.delete_profile(alex)
    assert [p.name for p in store.profiles()] == ["SAM"]
    with pytest.raises(ProfileNotFoundError, match=f"no profile with id {alex}"):
        store.load_profile(alex)
    # ON DELETE CASCADE took the log, zones, settings and health with it
    with db.reading() as session:
        from sqlalchemy import text

        for table in ("zones", "settings", "health", "session_log", "map_snapshots"):
            count = session.execute(
                text(f"SELECT count(*) FROM {table} WHERE profile_id = :p"), {"p": alex}
            ).scalar_one()
            assert count == 0, table


def test_save_map_writes_every_zone_and_keeps_dated_snapshots(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    first = thinning_map()
    store.save_map(pid, first, date(2026, 1, 1))
    assert store.load_profile(pid).document.scalp_map == first

    # same hairline on a later day: no new hairline snapshot, but a map snapshot
    second = first.with_zone(Zone("crown", ZoneState.BALD))
    store.save_map(pid, second, date(2026, 2, 1))
    loaded = store.load_profile(pid)
    assert loaded.document.scalp_map == second
    assert loaded.hairlines == ((date(2026, 1, 1), first.hairline),)

    # hairline changed twice on one day: that day's snapshot is overwritten
    moved = second.with_hairline(((0.2, 0.2), (0.8, 0.2)))
    store.save_map(pid, moved, date(2026, 3, 1))
    again = moved.with_hairline(((0.2, 0.25), (0.5, 0.2), (0.8, 0.25)))
    store.save_map(pid, again, date(2026, 3, 1))
    assert store.load_profile(pid).hairlines == (
        (date(2026, 1, 1), first.hairline),
        (date(2026, 3, 1), again.hairline),
    )

    snapshots = store.map_snapshots(pid)
    assert [s.day for s in snapshots] == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    crown = {z.zone_id: z for z in snapshots[0].zones}["crown"]
    assert (crown.state, crown.severity) == (ZoneState.THINNING, 2)
    assert {z.zone_id: z for z in snapshots[1].zones}["crown"].state is ZoneState.BALD


def test_clearing_the_hairline_the_same_day_drops_that_days_snapshot(
    store: ProfileStore,
) -> None:
    pid = store.create_profile("Alex")
    drawn = thinning_map()
    store.save_map(pid, drawn, date(2026, 1, 1))
    store.save_map(pid, drawn.with_hairline(((0.3, 0.2), (0.7, 0.2))), date(2026, 1, 2))
    store.save_map(pid, drawn.with_hairline(()), date(2026, 1, 2))
    loaded = store.load_profile(pid)
    assert loaded.document.scalp_map.hairline == ()
    assert loaded.hairlines == ((date(2026, 1, 1), drawn.hairline),)


def test_drawn_zones_can_be_removed_unless_the_log_names_them(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    scalp_map = thinning_map().with_zone(
        Zone("custom-2", ZoneState.THINNING, 1, None, "Spot", ((0.1, 0.5), (0.2, 0.5), (0.2, 0.6)))
    )
    store.save_map(pid, scalp_map, DAY)
    store.log_session(pid, done(DAY, "custom-1"))
    store.save_map(pid, scalp_map.without_zone("custom-2"), DAY)
    with pytest.raises(ZoneInUseError, match="custom-1 cannot be removed"):
        store.save_map(pid, scalp_map.without_zone("custom-2").without_zone("custom-1"), DAY)
    assert "custom-1" in store.load_profile(pid).document.scalp_map


def test_a_map_the_file_format_refuses_is_not_saved(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    crossing = ((0.1, 0.1), (0.5, 0.5), (0.5, 0.1), (0.1, 0.5))
    bad = ScalpMap().with_zone(Zone("custom-1", ZoneState.THINNING, 1, None, "Bow", crossing))
    with pytest.raises(InvalidProfileDataError, match="crosses itself") as caught:
        store.save_map(pid, bad, DAY)
    assert "zones[13].polygon" in str(caught.value)
    assert store.load_profile(pid).document.scalp_map == ScalpMap()
    assert store.map_snapshots(pid) == ()


def test_settings_and_health_round_trip_and_are_checked(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    chosen = Settings(
        needle_mm=0.5,
        session_days=frozenset({Weekday.MON, Weekday.THU}),
        sessions_per_week=2,
        zone_rest_hours=96,
        zone_max_per_week=1,
        session_minutes=20,
        roller_max_uses=12,
        session_time=time(7, 30),
    )
    store.save_settings(pid, chosen)
    store.save_health(pid, Health(frozenset({Contraindication.SUNBURN})), date(2026, 5, 4))
    loaded = store.load_profile(pid)
    assert loaded.document.settings == chosen
    assert loaded.document.health.ticked == {Contraindication.SUNBURN}
    assert loaded.health_confirmed_on == date(2026, 5, 4)

    too_short = replace(chosen, needle_mm=1.5, zone_rest_hours=72)
    with pytest.raises(InvalidProfileDataError, match=r"zone_rest_hours: 72 is below the 168 h"):
        store.save_settings(pid, too_short)
    assert store.load_profile(pid).document.settings == chosen


def test_the_log_keeps_order_notes_and_counts_roller_uses(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    store.save_map(pid, thinning_map(), DAY)
    assert store.current_roller(pid) is None
    first = store.start_roller(pid, 1.0, date(2026, 11, 1))
    store.log_session(pid, done(date(2026, 11, 20), "crown", "custom-1", note="mild redness"))
    store.log_session(
        pid, HistoryEntry(date(2026, 11, 18), ("crown",), 1.0, SessionStatus.SKIPPED, "tired")
    )
    store.log_session(pid, done(date(2026, 11, 22), "crown"))
    history = store.load_profile(pid).document.history
    assert [(e.date.day, e.zones, e.status, e.note) for e in history] == [
        (20, ("crown", "custom-1"), SessionStatus.DONE, "mild redness"),
        (18, ("crown",), SessionStatus.SKIPPED, "tired"),
        (22, ("crown",), SessionStatus.DONE, ""),
    ]
    roller = store.current_roller(pid)
    assert roller is not None and (roller.id, roller.uses) == (first, 2)

    second = store.start_roller(pid, 0.5, date(2026, 11, 25))
    rollers = store.rollers(pid)
    assert [(r.id, r.retired_on) for r in rollers] == [
        (first, date(2026, 11, 25)),
        (second, None),
    ]


def test_a_session_naming_an_unknown_zone_is_refused(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    with pytest.raises(InvalidProfileDataError, match="'custom-9' is not a zone of this map"):
        store.log_session(pid, done(DAY, "custom-9"))
    assert store.load_profile(pid).document.history == ()


def test_import_export_round_trip_of_the_spec_example(store: ProfileStore) -> None:
    doc = read_map_file(EXAMPLE)
    pid = store.import_document(doc, day=DAY)
    loaded = store.load_profile(pid)
    assert loaded.name == "Alex"
    assert store.export_document(pid) == doc
    assert loaded.hairlines == ((DAY, doc.scalp_map.hairline),)
    assert [s.day for s in store.map_snapshots(pid)] == [DAY]


def test_import_names_and_refusals(store: ProfileStore) -> None:
    doc = read_map_file(EXAMPLE)
    store.import_document(doc)
    with pytest.raises(ProfileNameError, match="already a profile named 'Alex'"):
        store.import_document(doc)
    other = store.import_document(doc, "Alex again")
    assert store.load_profile(other).name == "Alex again"
    nameless = replace(doc, profile_name=None)
    store.import_document(nameless)
    store.import_document(nameless)
    assert [p.name for p in store.profiles()] == [
        "Alex",
        "Alex again",
        "Imported map",
        "Imported map 2",
    ]


def test_a_failed_import_leaves_nothing_behind(store: ProfileStore) -> None:
    doc = read_map_file(EXAMPLE)
    broken = replace(doc, history=(*doc.history, done(DAY, "custom-7")))
    with pytest.raises(InvalidProfileDataError, match="custom-7"):
        store.import_document(broken)
    assert store.profiles() == []


def test_one_action_is_one_transaction(store: ProfileStore, db: Database) -> None:
    """An error in the middle of an action leaves the database as it was before."""
    pid = store.create_profile("Alex")
    with pytest.raises(RuntimeError), db.transaction() as session:
        from scalpzone.storage.log_repositories import LogRepository

        LogRepository(session).add(pid, [done(DAY, "crown")])
        raise RuntimeError("the power went")
    assert store.load_profile(pid).document.history == ()


def test_the_database_enforces_its_own_checks(db: Database, store: ProfileStore) -> None:
    """Even a bug that bypasses the store cannot store what the domain refuses."""
    pid = store.create_profile("Alex")
    with pytest.raises(StorageError, match="refused it"), db.transaction() as session:
        from sqlalchemy import text

        session.execute(
            text("UPDATE settings SET needle_mm = 2.0 WHERE profile_id = :p"), {"p": pid}
        )
    with pytest.raises(StorageError, match="refused it"), db.transaction() as session:
        from sqlalchemy import text

        session.execute(
            text(
                "INSERT INTO session_log (profile_id, day, zones, needle_mm, status) "
                "VALUES (:p, '2026-01-01', '[]', 1.0, 'done')"
            ),
            {"p": pid},
        )
    with pytest.raises(StorageError, match="refused it"), db.transaction() as session:
        from sqlalchemy import text

        session.execute(
            text(
                "INSERT INTO zones (profile_id, zone_id, position, state) "
                "VALUES (999, 'crown', 0, 'healthy')"
            )
        )


def test_pragmas_are_set_on_every_connection(db: Database) -> None:
    with db.reading() as session:
        from sqlalchemy import text

        assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert session.execute(text("PRAGMA busy_timeout")).scalar_one() == 5000
        assert session.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL


def test_a_closed_database_says_so(db_path: Path) -> None:
    db = Database.open(db_path)
    db.close()
    db.close()
    with pytest.raises(StorageError, match="is closed"):
        ProfileStore(db).profiles()


def test_writes_on_a_read_only_open_are_refused(db_path: Path) -> None:
    with Database.open(db_path) as db:
        ProfileStore(db).create_profile("Alex")
    db_path.chmod(0o400)
    with Database.open(db_path) as db:
        assert db.read_only
        store = ProfileStore(db)
        assert [p.name for p in store.profiles()] == ["Alex"]
        with pytest.raises(ReadOnlyDatabaseError, match="opened read-only"):
            store.create_profile("Sam")
    assert query(db_path, "SELECT name FROM profiles") == [("Alex",)]
