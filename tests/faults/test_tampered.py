"""A database edited outside ScalpZone: every table and column, read back as checked as an import.

Each case switches SQLite's CHECK constraints off (as anyone with the sqlite3 shell can), puts a
bad value in one column, and reads the profile back through every reader the app and the CLI
use. A bad value is reported by table, row and column; nothing is planned from it; `export`
writes nothing `import` would refuse; no exception but a StorageError ever comes out.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scalpzone.cli import main
from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.mapfile import dump_map_document, read_map_file
from scalpzone.domain.photos import Alignment, DateSource, PhotoView, PreparedPhoto
from scalpzone.storage import Database, PhotoStore, ProfileStore, StorageError

from .storage_faults import EXAMPLE

_PHOTO = PreparedPhoto(
    image=b"\xff\xd8\xff\xe0" + b"\x00" * 60,
    thumbnail=b"\xff\xd8\xff\xe0" + b"\x00" * 20,
    width=64,
    height=48,
    taken_on=date(2026, 11, 24),
    date_source=DateSource.GIVEN,
    source_name="crown.jpg",
)

#: (table, column, bad value, words the report must contain)
CASES: list[tuple[str, str, object, str]] = [
    ("profiles", "name", "", "profiles row"),
    ("profiles", "name", "x" * 500, "above the 80 maximum"),
    ("profiles", "hairline", "[[", "hairline"),
    ("profiles", "hairline", "[[2, 2], [3, 3]]", "outside 0–1"),
    ("profiles", "hairline", "[" * 3000 + "]" * 3000, "hairline"),
    ("zones", "zone_id", "bogus", "zone_id"),
    ("zones", "state", "bogus", "state"),
    ("zones", "severity", 9, "severity"),
    ("zones", "severity", "high", "severity"),
    ("zones", "blocked_until", "2026-02-31", "blocked_until"),
    ("zones", "blocked_until", "soon", "blocked_until"),
    ("zones", "name", "x" * 500, "name"),
    ("zones", "polygon", "[[0,0],[1,1],[0,1],[1,0]]", "crosses itself"),
    ("zones", "polygon", "not json", "polygon"),
    ("settings", "needle_mm", 3.0, "needle_mm"),
    ("settings", "needle_mm", "long", "needle_mm"),
    ("settings", "session_days", 0, "session_days"),
    ("settings", "session_days", 4096, "session_days"),
    ("settings", "sessions_per_week", 7, "sessions_per_week"),
    ("settings", "zone_rest_hours", 0, "zone_rest_hours"),
    ("settings", "zone_max_per_week", 9, "zone_max_per_week"),
    ("settings", "session_minutes", 0, "session_minutes"),
    ("settings", "roller_max_uses", 10**12, "roller_max_uses"),
    ("settings", "session_time", "25:99", "session_time"),
    ("health", "sunburn", 7, "sunburn"),
    ("health", "confirmed_on", "2026-13-01", "confirmed_on"),
    ("session_log", "day", "2026-02-30", "session_log row"),
    ("session_log", "zones", '["nowhere"]', "session_log row"),
    ("session_log", "zones", "{", "session_log row"),
    ("session_log", "needle_mm", 0.0, "session_log row"),
    ("session_log", "status", "maybe", "session_log row"),
    ("session_log", "note", "x" * 5000, "session_log row"),
    ("hairline_snapshots", "day", "someday", "hairline_snapshots row"),
    ("hairline_snapshots", "points", "[1", "hairline_snapshots row"),
    ("map_snapshots", "day", "0000-00-00", "map_snapshots row"),
    (
        "map_snapshots",
        "zones",
        '[{"id": "crown", "state": "gone", "severity": 1}]',
        "map_snapshots",
    ),
    ("rollers", "needle_mm", 9.5, "rollers row"),
    ("rollers", "first_use", "tomorrow", "rollers row"),
    ("rollers", "retired_on", "2000-01-01", "rollers row"),
    ("photos", "view", "feet", "photos row"),
    ("photos", "taken_on", "2026-02-30", "photos row"),
    ("photos", "width", 0, "photos row"),
    ("photos", "height", 99999, "photos row"),
    ("photos", "source_name", "x" * 300, "photos row"),
    ("photos", "added_at", "teatime", "photos row"),
    ("photo_data", "image", b"GIF89a", "photo_data row"),
    ("photo_data", "thumbnail", b"\xff\xd8\xff" + b"\x00" * (600 * 1024), "photo_data row"),
    ("photo_zones", "zone_id", "nowhere", "photo_zones of photo"),
    ("photo_alignments", "first_points", "[[0.5, 0.5]]", "photo_alignments row"),
    ("photo_alignments", "second_points", "[[2, 0], [0, 0]]", "photo_alignments row"),
]


def _database(path: Path) -> int:
    """A profile with something in every table; returns its id."""
    with Database.open(path) as db:
        store = ProfileStore(db)
        pid = store.import_document(read_map_file(EXAMPLE), "Alex", day=date(2026, 11, 23))
        store.log_session(pid, HistoryEntry(date(2026, 11, 24), ("crown",), 1.0, note="ok"))
        store.start_roller(pid, 1.0, date(2026, 11, 20))
        doc = store.load_profile(pid).document
        store.save_map(pid, doc.scalp_map, date(2026, 11, 25))
        store.save_health(pid, doc.health, date(2026, 11, 23))
        photos = PhotoStore(db)
        first, second = photos.add_photos(pid, PhotoView.CROWN, [_PHOTO, _PHOTO])
        photos.link_zones(pid, first, ["crown"])
        marks = Alignment(((0.1, 0.2), (0.8, 0.2)), ((0.2, 0.2), (0.9, 0.3)))
        photos.save_alignment(pid, first, second, marks)
        return pid


def _tamper(path: Path, table: str, column: str, value: object) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA ignore_check_constraints = ON")
    connection.execute("PRAGMA foreign_keys = OFF")
    which = "WHERE zone_id = 'crown'" if table == "zones" else ""
    if table == "zones" and column in ("polygon", "name"):
        which = "WHERE polygon IS NOT NULL"
    one_row = f"WHERE rowid = (SELECT min(rowid) FROM {table} {which})"
    changed = connection.execute(f"UPDATE {table} SET {column} = ? {one_row}", (value,)).rowcount
    connection.commit()
    connection.close()
    assert changed, f"nothing to tamper with in {table}.{column}"


def _read_everything(path: Path, pid: int) -> list[str]:
    """Every reader the window and the CLI use; the messages of what they refused."""
    refused: list[str] = []
    with Database.open(path) as db:
        store, photos = ProfileStore(db), PhotoStore(db)
        for reader in (
            store.profiles,
            lambda: store.load_profile(pid),
            lambda: store.export_document(pid),
            lambda: store.log_entries(pid),
            lambda: store.rollers(pid),
            lambda: store.current_roller(pid),
            lambda: store.map_snapshots(pid),
            lambda: photos.photos(pid),
            lambda: [photos.image(pid, p.id) for p in photos.photos(pid)],
            lambda: [photos.thumbnail(pid, p.id) for p in photos.photos(pid)],
            lambda: photos.alignment(pid, 1, 2),
        ):
            try:
                reader()
            except StorageError as error:
                refused.append(str(error))
    return refused


@pytest.mark.parametrize(("table", "column", "value", "words"), CASES)
def test_a_tampered_column_is_named_and_nothing_is_planned_from_it(
    table: str,
    column: str,
    value: object,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    pid = _database(path)
    _tamper(path, table, column, value)

    refused = _read_everything(path, pid)
    assert any(words in message for message in refused), refused

    if table in ("profiles", "zones", "settings", "health", "session_log"):
        out = tmp_path / "exported.json"
        database = ["--database", str(path)]
        assert main(["plan", "--profile", "Alex", *database]) in (1, 2)  # 2: name unusable
        assert "Week 1" not in capsys.readouterr().out  # nothing planned
        assert main(["export", "--profile", "Alex", *database, "--output", str(out)]) in (1, 2)
        assert not out.exists()  # export never writes what import would refuse
        err = capsys.readouterr().err
        assert "Traceback" not in err and "Error:" not in err


def test_every_table_and_column_is_covered() -> None:
    """The catalogue above names a bad value for every column a person's data lives in."""
    path_columns = {(t, c) for t, c, _, _ in CASES}
    connection = sqlite3.connect(":memory:")
    from scalpzone.storage.models import Base

    tables = Base.metadata.tables
    health_flags = {c.name for c in tables["health"].columns} - {"profile_id", "confirmed_on"}
    # keys (a photo's own id in the photo tables too), and the map order SQLite owns
    skipped = {"id", "profile_id", "position", "photo_id", "first_id", "second_id"}
    wanted = {
        (name, column.name)
        for name, table in tables.items()
        if name != "database_identity"
        for column in table.columns
        if column.name not in skipped and not (name == "health" and column.name in health_flags)
    }
    connection.close()
    assert wanted - path_columns == set()


VALUES = st.one_of(
    st.none(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.binary(max_size=40),
    st.sampled_from(["[]", "{}", "[[0.5, 0.5]]", "2026-02-29", "9999-12-31", "0001-01-01"]),
)
COLUMNS = st.sampled_from(sorted({(t, c) for t, c, _, _ in CASES}))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(target=COLUMNS, value=VALUES)
def test_any_stored_value_reads_back_or_is_refused_in_words(
    target: tuple[str, str], value: object, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("tampered") / "scalpzone.sqlite3"
    pid = _database(path)
    table, column = target
    try:
        _tamper(path, table, column, value)
    except sqlite3.IntegrityError:
        return  # NOT NULL and UNIQUE still hold: SQLite refused the edit itself
    _read_everything(path, pid)  # raises anything but a StorageError → the test fails
    with Database.open(path) as db:
        try:
            document = ProfileStore(db).export_document(pid)
        except StorageError:
            return
    out = path.with_name("exported.json")
    out.write_text(dump_map_document(document), encoding="utf-8")
    read_map_file(out)  # what export wrote, import takes
