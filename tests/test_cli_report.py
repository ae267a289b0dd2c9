"""`scalpzone report`: a real PDF from a stored course; refused ranges and profiles exit 2."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scalpzone.storage import Database, ProfileStore
from tests.report_support import fill_course


def _course_database(tmp_path: Path) -> Path:
    path = tmp_path / "course.sqlite3"
    db = Database.open(path)
    try:
        store = ProfileStore(db)
        fill_course(store, store.create_profile("Sam"))
    finally:
        db.close()
    return path


def _report(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scalpzone", "--database", str(database), "report", *args],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler-utils")
def test_report_writes_the_course_as_a_pdf(tmp_path: Path) -> None:
    database = _course_database(tmp_path)
    pdf = tmp_path / "report.pdf"
    result = _report(
        database, "--profile", "sam", "--output", str(pdf), "--to", "2026-11-29", "--paper", "a4"
    )
    assert result.returncode == 0, result.stderr
    assert "07 Sep 2026 – 29 Nov 2026" in result.stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    assert f"({pages} pages, A4)" in result.stdout
    assert "ScalpZone course report – Sam" in info
    assert "595 x 842 pts" in info
    assert oct(pdf.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-11-02", "--to", "2026-11-01"], "ends on 2026-11-01, before it starts"),
        (["--from", "2024-01-01", "--to", "2026-01-01"], "a report covers at most 364 days"),
        (["--from", "2026-02-30"], "2026-02-30"),
    ],
)
def test_a_refused_range_exits_2_and_writes_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    database = _course_database(tmp_path)
    pdf = tmp_path / "report.pdf"
    result = _report(database, "--profile", "Sam", "--output", str(pdf), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not pdf.exists()


def test_an_unknown_profile_exits_2_naming_the_known_ones(tmp_path: Path) -> None:
    database = _course_database(tmp_path)
    result = _report(database, "--profile", "Nobody", "--output", str(tmp_path / "r.pdf"))
    assert result.returncode == 2
    assert "no profile named 'Nobody' (profiles: Sam)" in result.stderr
