"""Crash safety: SIGKILL at random moments never loses a committed edit nor damages the file."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from scalpzone.storage import Database, ProfileStore

from .crash_child import PROFILE, edit_day, edit_map
from .helpers import integrity

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 60
SEED = 20261121


def _check_every_reported_edit(path: Path, reported: list[int]) -> None:
    with Database.open(path) as db:
        assert db.notices == (), db.notices  # nothing was found damaged or recovered
        store = ProfileStore(db)
        names = {p.name for p in store.profiles()}
        pid = store.find_profile(PROFILE).id
        loaded = store.load_profile(pid)
        notes = {e.note for e in loaded.document.history}
        hairlines = dict(loaded.hairlines)
        map_days = {s.day for s in store.map_snapshots(pid)}
        for n in reported:
            if n % 3 == 0:
                assert f"edit {n}" in notes, n
            elif n % 3 == 1:
                assert edit_day(n) in map_days, n
                assert hairlines[edit_day(n)] == edit_map(n).hairline, n
            else:
                assert f"edit {n}" in names, n


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    path = tmp_path / "scalpzone.sqlite3"
    reported: list[int] = []
    first = 0
    during_open = 0
    for _ in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), str(first)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stderr is not None
        assert child.stdout.readline() == "opening\n", child.stderr.read()
        if rng.random() < 0.15:
            during_open += 1  # kill while it opens: lock, checks, daily backup
        else:
            assert child.stdout.readline() == "ready\n", child.stderr.read()
            for _ in range(rng.randint(0, 25)):
                line = child.stdout.readline()
                assert line.endswith("\n"), child.stderr.read()
                reported.append(int(line))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        # lines printed between our last read and the kill were committed too
        rest, errors = child.stdout.read(), child.stderr.read()
        child.stdout.close()
        child.stderr.close()
        assert "Traceback" not in errors, errors
        reported.extend(int(line) for line in rest.splitlines(keepends=True) if line != "ready\n")
        first = max([first, *reported]) + 3  # an unreported commit may have used first … +1

        assert integrity(path) == ["ok"]
        _check_every_reported_edit(path, reported)
    assert len(reported) > KILLS * 5  # the kills landed among many edits, not only at start
    assert during_open > 0
