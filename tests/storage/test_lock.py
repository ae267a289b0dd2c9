"""One writer: a second ScalpZone is refused while the first holds the database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scalpzone.storage import Database, DatabaseLockedError, ProfileStore

HOLDER = Path(__file__).with_name("holder.py")


@pytest.fixture
def holder(db_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding the database, started and waited for (no sleeping)."""
    process = subprocess.Popen(
        [sys.executable, str(HOLDER), str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()


def _say(process: subprocess.Popen[str], line: str) -> str:
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(line + "\n")
    process.stdin.flush()
    return process.stdout.readline().strip()


def test_a_second_open_in_the_same_process_is_refused(db_path: Path) -> None:
    with Database.open(db_path) as first:
        ProfileStore(first).create_profile("Alex")
        with pytest.raises(DatabaseLockedError) as caught:
            Database.open(db_path)
        message = str(caught.value)
        assert f"process {os.getpid()}" in message and str(db_path) in message
        assert "Only one ScalpZone can change it at a time" in message
        ProfileStore(first).create_profile("Sam")  # the first is unaffected
    with Database.open(db_path) as again:
        assert [p.name for p in ProfileStore(again).profiles()] == ["Alex", "Sam"]


def test_the_same_file_by_another_spelling_is_the_same_lock(db_path: Path) -> None:
    with Database.open(db_path):
        other = db_path.parent / ".." / db_path.parent.name / db_path.name
        with pytest.raises(DatabaseLockedError):
            Database.open(other)


def test_another_running_scalpzone_refuses_this_one_and_keeps_its_data(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    assert _say(holder, "add Alex") == "added Alex"
    with pytest.raises(DatabaseLockedError, match=f"process {holder.pid}"):
        Database.open(db_path)
    assert _say(holder, "add Sam") == "added Sam"  # the first goes on undisturbed
    assert _say(holder, "quit") == "closed"
    holder.wait(timeout=30)
    with Database.open(db_path) as db:
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex", "Sam"]


def test_a_killed_scalpzone_leaves_no_stale_lock(
    db_path: Path, holder: subprocess.Popen[str]
) -> None:
    assert _say(holder, "add Alex") == "added Alex"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    assert db_path.with_name(db_path.name + ".lock").exists()  # the file stays; the lock does not
    with Database.open(db_path) as db:
        assert db.notices == ()
        assert [p.name for p in ProfileStore(db).profiles()] == ["Alex"]
