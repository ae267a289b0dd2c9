"""Every field of a profile comes back equal after saving and loading (property-based)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from scalpzone.domain.mapfile import MapDocument, MapFileError, map_document_json, parse_map_data
from scalpzone.storage import Database, ProfileStore
from tests.domain.strategies import healths, histories, plan_settings, scalp_maps, starts

_names = itertools.count(1)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProfileStore]:
    """One database for all examples (a profile each), so hypothesis can run many."""
    db = Database.open(tmp_path_factory.mktemp("roundtrip") / "scalpzone.sqlite3")
    yield ProfileStore(db)
    db.close()


@st.composite
def documents(draw: st.DrawFn) -> tuple[MapDocument, date, date | None]:
    start = draw(starts)
    scalp_map = draw(scalp_maps(start))
    doc = MapDocument(
        scalp_map,
        draw(plan_settings()),
        draw(healths()),
        draw(histories(scalp_map, start)),
        None,
    )
    confirmed = draw(st.one_of(st.none(), starts))
    return doc, start, confirmed


def _file_format_accepts(doc: MapDocument) -> bool:
    try:
        parse_map_data(map_document_json(doc))
    except MapFileError:
        return False
    return True


@pytest.mark.slow
@settings(max_examples=150)
@given(documents())
def test_a_saved_profile_loads_back_equal(
    shared_store: ProfileStore, case: tuple[MapDocument, date, date | None]
) -> None:
    doc, day, confirmed = case
    assume(_file_format_accepts(doc))  # the strategies may draw a polygon the format refuses
    store = shared_store
    name = f"Person {next(_names)}"
    pid = store.import_document(doc, name, day=day)
    if confirmed is not None:
        store.save_health(pid, doc.health, confirmed)

    loaded = store.load_profile(pid)
    assert loaded.id == pid and loaded.name == name
    assert loaded.document == MapDocument(
        doc.scalp_map, doc.settings, doc.health, doc.history, name
    )
    assert loaded.health_confirmed_on == confirmed
    assert loaded.hairlines == (((day, doc.scalp_map.hairline),) if doc.scalp_map.hairline else ())
    assert store.export_document(pid) == loaded.document

    # saving the loaded map again on another day changes nothing but adds a map snapshot
    store.save_map(pid, loaded.document.scalp_map, date(2031, 1, 1))
    again = store.load_profile(pid)
    assert again.document == loaded.document and again.hairlines == loaded.hairlines
    assert [s.day for s in store.map_snapshots(pid)] == [day, date(2031, 1, 1)]


def test_a_reopened_database_still_holds_the_profile(tmp_path: Path) -> None:
    """What one run saved, the next run loads (not just the same session's cache)."""
    from scalpzone.domain.mapfile import read_map_file

    doc = read_map_file(Path(__file__).parents[1] / "data" / "spec_example.json")
    path = tmp_path / "scalpzone.sqlite3"
    with Database.open(path) as db:
        pid = ProfileStore(db).import_document(doc, day=date(2026, 11, 23))
    with Database.open(path) as db:
        assert ProfileStore(db).export_document(pid) == doc
