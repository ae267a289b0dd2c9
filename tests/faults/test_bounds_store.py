"""The limits hold where data enters other than through a file: the session log and the editor
cannot grow a profile past what its export could import again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.limits import DRAWN_ZONES_MAX, HISTORY_MAX_ENTRIES
from scalpzone.domain.mapfile import dump_map_document, parse_map_json
from scalpzone.storage import Database, InvalidProfileDataError, ProfileStore
from tests.faults.hostile import base, drawn, history


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ProfileStore]:
    database = Database.open(tmp_path / "data" / "scalpzone.sqlite3")
    yield ProfileStore(database)
    database.close()


def test_the_log_stops_at_its_limit_and_the_export_still_imports(store: ProfileStore) -> None:
    full = parse_map_json(json.dumps(base(history=history(HISTORY_MAX_ENTRIES))))
    pid = store.import_document(full, "Full log")
    with pytest.raises(InvalidProfileDataError) as caught:
        store.log_session(pid, HistoryEntry(date(2026, 11, 20), ("crown",), 1.0))
    assert str(HISTORY_MAX_ENTRIES) in str(caught.value)
    exported = store.export_document(pid)
    assert len(exported.history) == HISTORY_MAX_ENTRIES
    assert parse_map_json(dump_map_document(exported)) == exported


def test_a_map_past_the_drawn_zone_limit_is_not_saved(store: ProfileStore) -> None:
    full = parse_map_json(json.dumps(base(zones=drawn(DRAWN_ZONES_MAX))))
    pid = store.import_document(full, "Full map")
    extra = parse_map_json(json.dumps(base(zones=drawn(1)))).scalp_map.custom_zones[0]
    grown = full.scalp_map.with_zone(
        extra.__class__(f"custom-{DRAWN_ZONES_MAX + 1}", name="one more", polygon=extra.polygon)
    )
    with pytest.raises(InvalidProfileDataError) as caught:
        store.save_map(pid, grown, date(2026, 11, 20))
    assert str(DRAWN_ZONES_MAX) in str(caught.value)
    assert len(store.load_profile(pid).document.scalp_map.custom_zones) == DRAWN_ZONES_MAX
