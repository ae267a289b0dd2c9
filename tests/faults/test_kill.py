"""SIGKILL at random moments during a restore and during a migration loses nothing.

A restore is one SQLite transaction, and the database as it was is kept as a backup before it
starts; a migration runs in one transaction after a backup. Killed anywhere, the next open finds
a consistent database holding either the old or the new data, never a mix and never nothing.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from scalpzone.domain.mapfile import read_map_file
from scalpzone.storage import Database, ProfileStore, schema
from scalpzone.storage.engines import file_engine

from .storage_faults import EXAMPLE, profile_names

CHILD = Path(__file__).with_name("kill_child.py")
KILLS = 12


def _kill_after_random_lines(rng: random.Random, args: list[str]) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline() == "ready\n", child.stderr.read()
    lines = [child.stdout.readline() for _ in range(rng.randint(0, 6))]
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    errors = child.stderr.read()
    child.stdout.close()
    child.stderr.close()
    assert "Traceback" not in errors, errors
    return lines


@pytest.mark.slow
def test_sigkill_during_restores_leaves_one_whole_version(tmp_path: Path) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    versions: list[set[str]] = []
    for names in (["Alex"], ["Alex", "Sam"], ["Alex", "Sam", "Kim"]):
        with Database.open(path) as db:
            store = ProfileStore(db)
            for name in names[len(versions) :]:
                store.import_document(read_map_file(EXAMPLE), name, day=date(2026, 11, 23))
            db.backup_now()
        versions.append(set(names))
    rng = random.Random(20261130)
    for _ in range(KILLS):
        _kill_after_random_lines(rng, ["restore", str(path)])
        with Database.open(path) as db:
            assert not any("moved to" in n for n in db.notices), db.notices  # not damaged
            store = ProfileStore(db)
            found = {p.name for p in store.profiles()}
            assert found in versions, found
            for summary in store.profiles():
                assert store.load_profile(summary.id).document.scalp_map.zones


@pytest.mark.slow
def test_sigkill_during_migrations_leaves_an_old_or_an_upgraded_database(tmp_path: Path) -> None:
    template = tmp_path / "template.sqlite3"  # a database as ScalpZone 0003 left it
    engine = file_engine(template)
    schema.upgrade(engine, "0003")
    engine.dispose()
    connection = sqlite3.connect(template)
    connection.execute("INSERT INTO profiles (name, hairline) VALUES ('Alex', '[]')")
    connection.commit()
    connection.close()

    rng = random.Random(20261201)
    for kill in range(KILLS):
        folder = tmp_path / f"run-{kill}"
        folder.mkdir()
        _kill_after_random_lines(rng, ["migrate", str(folder), str(template)])
        for copy in sorted(folder.glob("*.sqlite3")):
            assert profile_names(copy) == ["Alex"], copy
            with Database.open(copy) as db:
                assert not any("moved to" in n for n in db.notices), db.notices
