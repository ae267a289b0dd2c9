"""The command line, through main() and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scalpzone import __version__
from scalpzone.cli import main

EXAMPLE = Path(__file__).parent / "data" / "spec_example.json"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "scalpzone", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_plan_as_text_is_a_week_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", str(EXAMPLE), "--start", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert "ScalpZone plan for Alex" in out
    assert "Week 1: Mon 23 Nov – Sun 29 Nov 2026" in out
    for day in ("Mon 23 Nov", "Tue 24 Nov", "Sun 29 Nov"):
        assert day in out
    assert "Crown" in out and "Part line" in out
    assert "Hairline (centre)" in out
    assert "not medical advice" in out


def test_plan_as_json_follows_the_spec(capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["plan", str(EXAMPLE), "--start", "2026-11-23", "--weeks", "2", "--format", "json"])
        == 0
    )
    plan = json.loads(capsys.readouterr().out)
    assert plan["start"] == "2026-11-23" and plan["end"] == "2026-12-06"
    assert plan["status"] == "ok"
    session = plan["sessions"][0]
    assert set(session) == {"date", "zones", "needle_mm", "minutes", "patch_test"}
    assert {"zone": "hairline_center", "reason": "bald"} in plan["rejected"]
    assert all(set(w) == {"code", "message", "zones"} for w in plan["warnings"])


def test_a_bad_file_lists_every_problem_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "scalpzone",
                "version": 1,
                "settings": {"needle_mm": 2.0},
                "zones": [{"id": "crown", "state": "thin"}],
            }
        )
    )
    assert main(["plan", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "settings.needle_mm: 2.0 is above the 1.5 mm maximum" in captured.err
    assert 'zones[0].state: "thin" is not healthy, thinning or bald' in captured.err
    assert "Traceback" not in captured.err


def test_a_plan_on_hold_is_a_success(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    held = tmp_path / "held.json"
    held.write_text(
        json.dumps(
            {
                "format": "scalpzone",
                "version": 1,
                "health": {"keloid": True},
                "zones": [{"id": "crown", "state": "thinning"}],
            }
        )
    )
    assert main(["plan", str(held), "--format", "json"]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert plan["status"] == "hold" and plan["sessions"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan", "x.json", "--weeks", "0"], "0 is outside 1–52 weeks"),
        (["plan", "x.json", "--weeks", "53"], "53 is outside 1–52 weeks"),
        (["plan", "x.json", "--start", "2026-02-30"], "is not a day of the calendar"),
        (["plan", "x.json", "--start", "30/11/2026"], "is not a date written as YYYY-MM-DD"),
        (["plan", "x.json", "--format", "pdf"], "invalid choice"),
        (["plan"], "required: FILE"),
    ],
)
def test_bad_arguments_exit_2_with_a_message(args: list[str], message: str) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_and_non_json_files_exit_2(tmp_path: Path) -> None:
    missing = _run("plan", str(tmp_path / "none.json"))
    assert missing.returncode == 2 and "cannot be read" in missing.stderr
    text = tmp_path / "notes.json"
    text.write_text("this is not json")
    result = _run("plan", str(text))
    assert result.returncode == 2 and "line 1, column 1: not valid JSON" in result.stderr


def test_version_and_help() -> None:
    assert _run("--version").stdout.strip() == f"scalpzone {__version__}"
    helped = _run("plan", "--help")
    assert helped.returncode == 0 and "--weeks" in helped.stdout


def test_plan_never_imports_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "scalpzone", "plan", str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines()]
    assert "scalpzone.cli" in imported
    assert not [
        m for m in imported if m.startswith(("PySide6", "shiboken6", "shapely", "sqlalchemy"))
    ]
