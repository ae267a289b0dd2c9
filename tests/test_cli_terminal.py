"""User text reaches the terminal without control sequences; what it says is still all there."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scalpzone.cli import main
from scalpzone.terminal import neutralised

EXAMPLE = Path(__file__).parent / "data" / "spec_example.json"
#: Retitles the terminal, clears the screen, and a C1 "CSI" some terminals obey.
HOSTILE = "\x1b]0;owned\x07Part\x1b[2J line\x9b31m\r"


def _hostile_map(tmp_path: Path) -> Path:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    raw["zones"][3]["name"] = HOSTILE
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def _controls(text: str) -> list[str]:
    return [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]


def test_plan_text_shows_escape_sequences_as_visible_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plan", str(_hostile_map(tmp_path)), "--start", "2026-11-23"]) == 0
    out = capsys.readouterr().out
    assert _controls(out) == []
    assert "\\u001b]0;owned\\u0007Part\\u001b[2J line\\u009b31m" in out


def test_profile_names_from_a_tampered_database_are_listed_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scalpzone.sqlite3"
    assert main(["import", str(EXAMPLE), "--database", str(db)]) == 0
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE profiles SET name = ?", ("Alex\x1b[2J\x1b]0;owned\x07",))
    connection.close()
    capsys.readouterr()
    assert main(["profiles", "--database", str(db)]) == 0
    out = capsys.readouterr().out
    assert _controls(out) == []
    assert out == "Alex\\u001b[2J\\u001b]0;owned\\u0007\n"


def test_a_name_typed_on_the_command_line_is_echoed_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "scalpzone.sqlite3"
    code = main(["export", "--profile", "\x1b[2JBob", "--output", "x", "--database", str(db)])
    assert code == 2
    err = capsys.readouterr().err
    assert _controls(err) == [] and "[2JBob" in err


@given(st.text())
def test_neutralised_text_has_no_controls_and_leaves_other_text_alone(text: str) -> None:
    shown = neutralised(text)
    assert _controls(shown) == []
    if not _controls(text):
        assert shown == text


@given(st.text())
def test_neutralised_json_means_the_same(text: str) -> None:
    """`plan --format json` passes through the same filter and stays the same JSON."""
    encoded = json.dumps({"name": text}, ensure_ascii=False)
    assert json.loads(neutralised(encoded)) == {"name": text}
