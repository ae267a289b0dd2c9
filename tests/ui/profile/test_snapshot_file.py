"""The start-up snapshot: private to its owner, and read checked, so a bad one never stops a start."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scalpzone.domain.mapfile import MapDocument
from scalpzone.ui.profile.autosave import StartupSnapshot
from tests.ui.conftest import WindowMaker


def test_the_snapshot_is_private_to_its_owner(tmp_path: Path) -> None:
    snapshot = StartupSnapshot(tmp_path / "cache" / "last-map.json")
    snapshot.save(7, MapDocument(profile_name="Alex"), [])
    assert stat.S_IMODE(snapshot.path.stat().st_mode) == 0o600
    loaded = snapshot.load()
    assert loaded is not None and loaded.profile_id == 7


# -- a damaged snapshot never stops the window from starting ---------------------------------

GOOD = {
    "profile_id": 1,
    "document": {"format": "scalpzone", "version": 1, "zones": []},
    "hairlines": [["2026-11-20", [[0.2, 0.3], [0.5, 0.25]]]],
}

DAMAGED = {
    "an infinite profile id": json.dumps(GOOD)
    .replace('"profile_id": 1', '"profile_id": 1e400')
    .encode(),
    "a huge integer in a hairline": json.dumps(
        {**GOOD, "hairlines": [["2026-11-20", [[10**400, 0], [0, 0]]]]}
    ).encode(),
    "nesting ten thousand deep": b"[" * 10_000 + b"]" * 10_000,
    "not UTF-8": b'{"profile_id": 1, "\xff\xfe": 2}',
    "cut off half-way": json.dumps(GOOD).encode()[:40],
    "a list instead of an object": b"[1, 2, 3]",
    "a bad map document": json.dumps({**GOOD, "document": {"zones": "all"}}).encode(),
    "a day that does not exist": json.dumps(
        {**GOOD, "hairlines": [["2026-02-30", [[0, 0], [1, 1]]]]}
    ).encode(),
    "a point off the map": json.dumps(
        {**GOOD, "hairlines": [["2026-11-20", [[2, 0], [0, 0]]]]}
    ).encode(),
    "a true profile id": json.dumps({**GOOD, "profile_id": True}).encode(),
    "an extra key": json.dumps({**GOOD, "extra": 1}).encode(),
    "empty": b"",
}


@pytest.mark.parametrize("data", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_snapshot_is_no_snapshot(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "last-map.json"
    path.write_bytes(data)
    assert StartupSnapshot(path).load() is None


def test_the_good_snapshot_of_these_tests_loads(tmp_path: Path) -> None:
    path = tmp_path / "last-map.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    loaded = StartupSnapshot(path).load()
    assert loaded is not None and loaded.hairlines[0][1] == ((0.2, 0.3), (0.5, 0.25))


@settings(max_examples=300)
@given(st.binary(max_size=2000))
def test_any_bytes_load_as_a_snapshot_or_none(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "last-map.json"
        path.write_bytes(data)
        StartupSnapshot(path).load()  # returns, whatever the bytes


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300)
@given(st.sampled_from(sorted(GOOD)), JSON)
def test_any_value_in_any_field_loads_as_a_snapshot_or_none(key: str, value: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "last-map.json"
        path.write_text(json.dumps({**GOOD, key: value}), encoding="utf-8")
        StartupSnapshot(path).load()


def test_a_fifo_or_a_link_at_the_snapshot_is_ignored_without_waiting(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text(json.dumps(GOOD), encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(elsewhere)
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert StartupSnapshot(link).load() is None
    assert StartupSnapshot(fifo).load() is None  # returns at once: no writer is waited for
    StartupSnapshot(link).save(3, MapDocument(), [])
    assert link.is_symlink() and json.loads(elsewhere.read_text(encoding="utf-8")) == GOOD


@pytest.mark.gui
@pytest.mark.parametrize(
    "name", ["an infinite profile id", "nesting ten thousand deep", "not UTF-8"]
)
def test_the_window_starts_over_a_damaged_snapshot_and_replaces_it(
    make_window: WindowMaker, tmp_path: Path, name: str
) -> None:
    path = tmp_path / "cache" / "last-map.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(DAMAGED[name])
    window = make_window()
    assert window.profiles.ready and window.windowTitle() == "My scalp — ScalpZone"
    window.close()
    replaced = StartupSnapshot(path).load()
    assert replaced is not None and replaced.profile_id == window.profiles.profile_id
