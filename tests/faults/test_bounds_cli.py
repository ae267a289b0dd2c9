"""Hostile input through the real command line: exit 2 and a line naming the field and the
limit, or exit 1 and a sentence; never a traceback, an exception's class name or raw control
characters on the terminal. The catalogue runs through `scalpzone.cli.main`, the console entry."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from scalpzone.cli import main
from scalpzone.domain import limits
from tests.faults.hostile import base, circle, drawn, hairline, history, text, with_raw

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"
CLASS_NAME = re.compile(r"\b[A-Za-z]*(Error|Exception|Interrupt|Warning)\b|Traceback")
UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Case:
    """One hostile input: the file's bytes, extra arguments, the exit and what stderr names."""

    name: str
    content: bytes | Callable[[], bytes]
    args: tuple[str, ...] = ()
    code: int = 2
    names: tuple[str, ...] = ()


def _deep(depth: int) -> bytes:
    return text(base(hairline=[])).replace(
        b'"hairline": []', b'"hairline": ' + b"[" * depth + b"]" * depth
    )


CASES = [
    Case("deep nesting, past the interpreter", b"[" * 100_000, names=("(file)", "32")),
    Case("deep nesting, under the interpreter", lambda: _deep(40), names=("(file)", "32")),
    Case(
        "a 5000-digit version",
        text(base()).replace(b'"version": 1', b'"version": ' + b"9" * 5000),
        names=("version", "30"),
    ),
    Case(
        "a 29-digit session length",
        text(base(settings={"session_minutes": 10**28})),
        names=("settings.session_minutes", "60"),
    ),
    Case(
        "a 400-digit needle",
        lambda: text(base(settings={"needle_mm": 10**40})).replace(
            b"1" + b"0" * 40, b"1" + b"0" * 400
        ),
        names=("settings.needle_mm",),
    ),
    Case(
        "1e400 as a needle",
        with_raw("settings", '{"needle_mm": 1e400}'),
        names=("settings.needle_mm",),
    ),
    Case(
        "1e308 as a coordinate",
        text(base(hairline=[[1e308, 0.1], [0.2, 0.2]])),
        names=("hairline[0][0]", "0–1"),
    ),
    Case(
        "NaN as a coordinate",
        with_raw("hairline", "[[NaN, 0.1], [0.2, 0.2]]"),
        names=("hairline[0][0]",),
    ),
    Case(
        "Infinity as a needle",
        with_raw("settings", '{"needle_mm": Infinity}'),
        names=("settings.needle_mm",),
    ),
    Case(
        "-Infinity as a severity",
        text(base()).replace(
            b'"zones": []',
            b'"zones": [{"id": "crown", "state": "thinning", "severity": -Infinity}]',
        ),
        names=("zones[0].severity",),
    ),
    Case(
        "blocked until the calendar's end",
        text(base(zones=[{"id": "crown", "state": "thinning", "blocked_until": "9999-12-31"}])),
        names=("zones[0].blocked_until", "9000-12-31"),
    ),
    Case(
        "a session in year 1",
        text(base(history=[{"date": "0001-01-01", "zones": ["crown"]}])),
        names=("history[0].date", "1900-01-01"),
    ),
    Case(
        "--start at the calendar's end",
        EXAMPLE.read_bytes(),
        ("--start", "9999-12-31", "--weeks", "52"),
        names=("--start", "9000-12-31"),
    ),
    Case(
        "--start in year 1",
        EXAMPLE.read_bytes(),
        ("--start", "0001-01-01"),
        names=("--start", "1900-01-01"),
    ),
    Case(
        "--weeks of 5000 digits", EXAMPLE.read_bytes(), ("--weeks", "9" * 5000), names=("--weeks",)
    ),
    Case("--weeks over the most", EXAMPLE.read_bytes(), ("--weeks", "53"), names=("--weeks", "52")),
    Case(
        "a lone surrogate in the profile name",
        b'{"format": "scalpzone", "version": 1, "zones": [], "profile": {"name": "A\\ud800"}}',
        names=("profile.name", "surrogate"),
    ),
    Case(
        "a lone surrogate in a zone name",
        text(base(zones=[{**drawn(1)[0], "name": "x"}])).replace(
            b'"name": "x"', b'"name": "\\udfff"'
        ),
        names=("zones[0].name", "surrogate"),
    ),
    Case(
        "a lone surrogate as a key",
        b'{"format": "scalpzone", "version": 1, "zones": [], "\\ud83d": 1}',
        names=("\\ud83d", "not a key"),
    ),
    Case(
        "a terminal escape in a key",
        b'{"format": "scalpzone", "version": 1, "zones": [], "\\u001b[2J\\u001b]0;owned\\u0007": 1}',
        names=("\\u001b[2J", "not a key"),
    ),
    Case(
        "bytes that are not UTF-8",
        b'{"format": "scalpzone", "version": 1, "zones": [], "profile": {"name": "\xff\xfe"}}',
        names=("UTF-8", "byte"),
    ),
    Case("a UTF-16 byte-order mark", "\ufeff{}".encode("utf-16"), names=("UTF-8",)),
    Case(
        "a UTF-8 byte-order mark is fine",
        b"\xef\xbb\xbf" + EXAMPLE.read_bytes(),
        ("--start", "2026-11-23"),
        code=0,
    ),
    Case(
        "a key given twice",
        b'{"format": "scalpzone", "format": "scalpzone", "version": 1, "zones": []}',
        names=('"format"', "twice"),
    ),
    Case(
        "10^4 zone entries",
        lambda: text(base(zones=[{"id": "crown"}] * 10_000)),
        names=("zones", str(13 + limits.DRAWN_ZONES_MAX)),
    ),
    Case(
        "one drawn zone too many",
        lambda: text(base(zones=drawn(limits.DRAWN_ZONES_MAX + 1))),
        names=("zones", str(limits.DRAWN_ZONES_MAX)),
    ),
    Case(
        "an outline one point too long",
        lambda: text(
            base(zones=[{**drawn(1)[0], "polygon": circle(limits.OUTLINE_MAX_POINTS + 1)}])
        ),
        names=("zones[0].polygon", str(limits.OUTLINE_MAX_POINTS)),
    ),
    Case(
        "a hairline one point too long",
        lambda: text(base(hairline=hairline(limits.HAIRLINE_MAX_POINTS + 1))),
        names=("hairline", str(limits.HAIRLINE_MAX_POINTS)),
    ),
    Case(
        "one logged session too many",
        lambda: text(base(history=history(limits.HISTORY_MAX_ENTRIES + 1))),
        names=("history", str(limits.HISTORY_MAX_ENTRIES)),
    ),
    Case(
        "a name one character too long",
        text(base(profile={"name": "x" * (limits.NAME_MAX_CHARS + 1)})),
        names=("profile.name", str(limits.NAME_MAX_CHARS)),
    ),
    Case(
        "a note one character too long",
        text(base(history=history(1, "n" * (limits.NOTE_MAX_CHARS + 1)))),
        names=("history[0].note", str(limits.NOTE_MAX_CHARS)),
    ),
    Case(
        "a key of 10^5 characters",
        lambda: text(base(**{"k" * 100_000: 1})),
        names=("kkkk", "not a key"),
    ),
    Case(
        "10^5 unknown keys",
        lambda: text(base(settings={f"s{i}": i for i in range(100_000)})),
        names=("settings.s0", "more problems"),
    ),
    Case(
        "a session naming 10^4 zones",
        lambda: text(base(history=[{"date": "2026-01-01", "zones": ["crown"] * 10_000}])),
        names=("history[0].zones", str(13 + limits.DRAWN_ZONES_MAX)),
    ),
    Case(
        "a file over the byte limit",
        lambda: b" " * (limits.INPUT_MAX_BYTES + 1),
        names=("bytes", "8 MB"),
    ),
    Case(
        "a self-crossing outline",
        text(
            base(
                zones=[{**drawn(1)[0], "polygon": [[0.1, 0.1], [0.5, 0.5], [0.5, 0.1], [0.1, 0.5]]}]
            )
        ),
        names=("zones[0].polygon", "crosses itself"),
    ),
    Case("an empty file", b"", names=("line 1", "not valid JSON")),
    Case("a bare number", b"1" * 10_000, names=("(file)",)),
    Case(
        "a long string", lambda: b'"' + b"s" * 1_000_000 + b'"', names=("(file)", "not an object")
    ),
]


def run(argv: list[str]) -> int:
    """The console entry's exit status for these arguments (argparse exits on its own)."""
    try:
        return main(argv)
    except SystemExit as done:
        return int(done.code or 0)


def _content(case: Case) -> bytes:
    return case.content() if callable(case.content) else case.content


def _check_stderr(err: str, case_names: tuple[str, ...]) -> None:
    assert not CLASS_NAME.search(err), err[:500]
    assert not UNPRINTABLE.search(err), err[:500]
    for name in case_names:
        assert name in err, (name, err[:500])
    assert all(len(line) <= 400 for line in err.splitlines()), "values are shortened"
    assert len(err.splitlines()) <= 60, "problems past the first 50 are counted, not listed"


PAIRS = [
    pytest.param(case, command, id=f"{case.name}-{command}")
    for case in CASES
    for command in ("plan", "export-ics", "import")
    if not (command == "import" and case.args)  # --start and --weeks belong to the plan commands
]


@pytest.mark.parametrize(("case", "command"), PAIRS)
def test_hostile_file(
    case: Case, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "map.json"
    path.write_bytes(_content(case))
    database = tmp_path / "db.sqlite3"
    extra = {
        "plan": (),
        "export-ics": ("--output", str(tmp_path / "plan.ics")),
        "import": ("--database", str(database)),
    }[command]
    code = run([command, str(path), *case.args, *extra])
    out, err = capsys.readouterr()
    assert code == case.code, err[:500]
    if case.code == 2:
        _check_stderr(err, case.names)
        assert not (tmp_path / "plan.ics").exists(), "nothing is written from refused input"
        if command == "import":
            assert not database.exists(), "a refused file never opens the database"
    else:
        assert not CLASS_NAME.search(err + out)


def test_standard_input_is_read_within_the_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    endless = io.BytesIO(b"[" * (limits.INPUT_MAX_BYTES + 10))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(endless))
    assert run(["plan", "-"]) == 2
    err = capsys.readouterr().err
    _check_stderr(err, ("standard input", "8 MB"))
    assert endless.tell() <= limits.INPUT_MAX_BYTES + 1 + io.DEFAULT_BUFFER_SIZE


def test_a_folder_is_refused_by_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["plan", str(tmp_path)]) == 2
    _check_stderr(capsys.readouterr().err, (str(tmp_path), "folder"))


def test_a_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["plan", str(tmp_path / "absent.json")]) == 2
    _check_stderr(capsys.readouterr().err, ("absent.json", "cannot be read"))


def test_an_unwritable_output_is_a_failure_in_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no such folder" / "PLAN.ics"
    code = run(["export-ics", str(EXAMPLE), "--start", "2026-11-23", "--output", str(target)])
    err = capsys.readouterr().err
    assert code == 1
    assert "no such folder" in err and "not written" in err, err
    assert not CLASS_NAME.search(err), err
