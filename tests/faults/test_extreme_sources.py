"""Map files from sources that are not regular files, through a real `scalpzone` process:
a FIFO, a character device that never ends, standard input, and names that are not UTF-8."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scalpzone.domain.limits import INPUT_MAX_BYTES

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"
CLASS_NAME = re.compile(rb"\b[A-Za-z]*(Error|Exception|Interrupt)\b|Traceback")
#: Address space for the child: a read that grew with its source would fail long before this.
MEMORY_CAP = 1024 * 1024 * 1024


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def scalpzone(
    *args: str | bytes, stdin: bytes | None = None, tmp: Path
) -> subprocess.CompletedProcess[bytes]:
    """Run the installed command line in a child with capped memory and private folders."""
    env = {**os.environ, "HOME": str(tmp), "XDG_DATA_HOME": str(tmp / "data")}
    env.pop("SCALPZONE_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "scalpzone", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
        preexec_fn=_cap_memory,
    )


def _feed_fifo(path: Path, data: bytes) -> threading.Thread:
    def feed() -> None:
        with path.open("wb") as fifo:
            fifo.write(data)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return thread


def test_a_fifo_with_a_good_map_is_planned(tmp_path: Path) -> None:
    fifo = tmp_path / "map.fifo"
    os.mkfifo(fifo)
    feeder = _feed_fifo(fifo, EXAMPLE.read_bytes())
    done = scalpzone("plan", str(fifo), "--start", "2026-11-23", "--format", "json", tmp=tmp_path)
    feeder.join(timeout=10)
    assert done.returncode == 0, done.stderr
    assert b'"status": "ok"' in done.stdout


def test_a_fifo_with_a_hostile_map_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "map.fifo"
    os.mkfifo(fifo)
    feeder = _feed_fifo(fifo, b"[" * 200_000)
    done = scalpzone("plan", str(fifo), tmp=tmp_path)
    feeder.join(timeout=10)
    assert done.returncode == 2
    assert b"nest more than 32" in done.stderr
    assert not CLASS_NAME.search(done.stderr), done.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("command", ["plan", "import"])
def test_an_endless_device_is_read_only_to_the_limit(command: str, tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    extra = ("--database", str(database)) if command == "import" else ()
    done = scalpzone(command, "/dev/zero", *extra, tmp=tmp_path)
    assert done.returncode == 2, done.stderr
    assert (
        b"/dev/zero" in done.stderr and f"more than {INPUT_MAX_BYTES} bytes".encode() in done.stderr
    )
    assert not CLASS_NAME.search(done.stderr), done.stderr
    assert not database.exists()


def test_standard_input_is_read_and_bounded(tmp_path: Path) -> None:
    good = scalpzone("plan", "-", "--start", "2026-11-23", stdin=EXAMPLE.read_bytes(), tmp=tmp_path)
    assert good.returncode == 0, good.stderr
    assert b"ScalpZone plan for Alex" in good.stdout
    big = scalpzone("plan", "-", stdin=b" " * (INPUT_MAX_BYTES + 100), tmp=tmp_path)
    assert big.returncode == 2
    assert b"standard input" in big.stderr and b"8 MB" in big.stderr


def test_a_file_name_that_is_not_utf8_prints_escaped(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/map-\xff\xfe.json"
    with open(name, "wb") as out:  # noqa: PTH123  (a bytes path)
        out.write(b'{"format": "scalpzone", "version": 1, "zones": [], "x": 1}')
    done = scalpzone("plan", name, tmp=tmp_path)
    assert done.returncode == 2, done.stderr
    assert b"map-\\udcff\\udcfe.json" in done.stderr
    assert not CLASS_NAME.search(done.stderr), done.stderr


def test_a_profile_name_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    done = scalpzone(
        "import",
        str(EXAMPLE),
        "--database",
        str(database),
        "--profile",
        b"A\xed\xa0\x80",
        tmp=tmp_path,
    )
    assert done.returncode == 2, done.stderr
    assert b"profile name" in done.stderr
    assert not CLASS_NAME.search(done.stderr), done.stderr
