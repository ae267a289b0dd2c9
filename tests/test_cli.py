"""The command line, through main() and as a real process."""

from __future__ import annotations

import json
import os
import shutil
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


# -- the database commands ----------------------------------------------------------------


def _db(tmp_path: Path) -> Path:
    return tmp_path / "db" / "scalpzone.sqlite3"


def test_import_then_profiles_then_export_round_trip(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(_db(tmp_path))
    assert main(["import", str(EXAMPLE), "--database", db]) == 0
    out = capsys.readouterr().out
    assert "as the profile 'Alex' (2 logged sessions)" in out
    assert main(["import", str(EXAMPLE), "--profile", "Sam", "--database", db]) == 0
    capsys.readouterr()
    assert main(["profiles", "--database", db]) == 0
    assert capsys.readouterr().out == "Alex\nSam\n"

    exported = tmp_path / "alex.json"
    assert main(["export", "--profile", "alex", "--output", str(exported), "--database", db]) == 0
    from scalpzone.domain.mapfile import read_map_file

    assert read_map_file(exported) == read_map_file(EXAMPLE)


def test_plan_for_a_stored_profile_matches_the_plan_for_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(_db(tmp_path))
    assert main(["import", str(EXAMPLE), "--database", db]) == 0
    capsys.readouterr()
    args = ["--start", "2026-11-23", "--weeks", "2", "--format", "json"]
    assert main(["plan", str(EXAMPLE), *args]) == 0
    from_file = capsys.readouterr().out
    assert main(["plan", "--profile", "Alex", "--database", db, *args]) == 0
    assert capsys.readouterr().out == from_file


def test_a_bad_import_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = _db(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "scalpzone", "version": 1, "zones": [{"id": "ear"}]}))
    assert main(["import", str(bad), "--database", str(db)]) == 2
    err = capsys.readouterr().err
    assert 'zones[0].id: "ear" is not a region' in err and "Traceback" not in err
    assert not db.exists()  # not even created

    assert main(["import", str(EXAMPLE), "--database", str(db)]) == 0
    before = db.read_bytes()
    assert main(["import", str(bad), "--database", str(db)]) == 2
    assert main(["import", str(EXAMPLE), "--database", str(db)]) == 2  # name taken
    err = capsys.readouterr().err
    assert "already a profile named 'Alex'" in err
    assert db.read_bytes() == before
    assert main(["profiles", "--database", str(db)]) == 0
    assert capsys.readouterr().out == "Alex\n"


def test_unknown_profiles_and_backups_are_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(_db(tmp_path))
    assert main(["import", str(EXAMPLE), "--database", db]) == 0
    out = str(tmp_path / "x.json")
    assert main(["export", "--profile", "Nobody", "--output", out, "--database", db]) == 2
    assert "no profile named 'Nobody' (profiles: Alex)" in capsys.readouterr().err
    assert main(["plan", "--profile", "Nobody", "--database", db]) == 2
    assert main(["backups", "restore", "nope.sqlite3", "--database", db]) == 2
    assert "no backup named 'nope.sqlite3'" in capsys.readouterr().err


def test_backups_list_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(_db(tmp_path))
    assert main(["import", str(EXAMPLE), "--database", db]) == 0
    capsys.readouterr()
    assert main(["backups", "list", "--database", db]) == 0
    [line] = capsys.readouterr().out.splitlines()
    name = line.split()[0]
    assert name.endswith("-on-close.sqlite3") and ", on closing ScalpZone" in line
    assert main(["import", str(EXAMPLE), "--profile", "Sam", "--database", db]) == 0
    assert main(["backups", "restore", name, "--database", db]) == 0
    assert f"Restored the backup {name}" in capsys.readouterr().out
    assert main(["profiles", "--database", db]) == 0
    assert capsys.readouterr().out == "Alex\n"


def test_no_backups_yet_is_said_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["backups", "list", "--database", str(_db(tmp_path))]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no backups yet" in captured.err


def test_plan_needs_exactly_one_of_file_and_profile() -> None:
    both = _run("plan", str(EXAMPLE), "--profile", "Alex")
    assert both.returncode == 2 and "not both" in both.stderr


def test_the_environment_variable_chooses_the_database(tmp_path: Path) -> None:
    db = _db(tmp_path)
    env = {**os.environ, "SCALPZONE_DB": str(db), "PYTHONIOENCODING": "utf-8"}
    for args in (["import", str(EXAMPLE)], ["profiles"]):
        result = subprocess.run(
            [sys.executable, "-m", "scalpzone", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
    assert result.stdout == "Alex\n"
    assert db.exists()


def test_a_locked_database_is_refused_without_a_traceback(tmp_path: Path) -> None:
    from scalpzone.storage import Database

    db = _db(tmp_path)
    with Database.open(db):
        result = _run("profiles", "--database", str(db))
    assert result.returncode == 1
    assert f"Another ScalpZone (process {os.getpid()})" in result.stderr
    assert "Traceback" not in result.stderr


def test_what_happened_at_open_is_said_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _db(tmp_path)
    assert main(["import", str(EXAMPLE), "--database", str(db)]) == 0
    db.write_bytes(bytes(range(128, 256)) * 64)  # overwritten: ours by the record of its backups
    capsys.readouterr()
    assert main(["profiles", "--database", str(db)]) == 0
    captured = capsys.readouterr()
    assert captured.out == "Alex\n"
    assert "is not an SQLite database" in captured.err
    assert "restored from the backup" in captured.err


def test_a_newer_database_exits_1_with_the_reason(tmp_path: Path) -> None:
    import sqlite3

    db = _db(tmp_path)
    assert main(["profiles", "--database", str(db)]) == 0
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    connection.close()
    result = _run("profiles", "--database", str(db))
    assert result.returncode == 1
    assert "newer version of ScalpZone" in result.stderr and "Traceback" not in result.stderr


def test_plan_for_a_file_stays_free_of_the_database(tmp_path: Path) -> None:
    """Even with --database given, a FILE plan never imports or touches the database."""
    db = _db(tmp_path)
    command = ["plan", str(EXAMPLE), "--database", str(db)]
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "scalpzone", *command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines()]
    assert not [m for m in imported if m.startswith(("sqlalchemy", "alembic", "scalpzone.storage"))]
    assert not db.exists()


@pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="needs poppler-utils (.ci/run installs it)"
)
def test_print_writes_one_pdf_page_per_week(tmp_path: Path) -> None:
    pdf = tmp_path / "plan.pdf"
    result = _run(
        "print",
        str(EXAMPLE),
        "--start",
        "2026-11-23",
        "--weeks",
        "3",
        "--output",
        str(pdf),
        "--paper",
        "letter",
    )
    assert result.returncode == 0, result.stderr
    assert "3 pages" in result.stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           3" in info and "612 x 792 pts (letter)" in info
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for day in ("Mon 23 Nov", "Fri 27 Nov", "Mon 30 Nov"):
        assert day in text
    assert text.count("Guidance, not medical advice") == 3


def test_export_ics_gives_one_event_per_session_with_stable_uids(tmp_path: Path) -> None:
    from icalendar import Calendar

    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for target in (first, second):
        result = _run(
            "export-ics",
            str(EXAMPLE),
            "--start",
            "2026-11-23",
            "--weeks",
            "2",
            "--output",
            str(target),
        )
        assert result.returncode == 0, result.stderr
    plan = json.loads(
        _run(
            "plan", str(EXAMPLE), "--start", "2026-11-23", "--weeks", "2", "--format", "json"
        ).stdout
    )
    events = list(Calendar.from_ical(first.read_bytes()).walk("VEVENT"))
    assert [e.decoded("dtstart").date().isoformat() for e in events] == [
        s["date"] for s in plan["sessions"]
    ]
    assert all(e.decoded("dtstart").hour == 20 for e in events)
    assert all(list(e.walk("VALARM")) for e in events)
    again = list(Calendar.from_ical(second.read_bytes()).walk("VEVENT"))
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in again]


def test_print_and_export_ics_refuse_a_bad_file_and_need_an_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "scalpzone", "version": 1, "zones": [{"id": "crown", "state": "x"}]}'
    )
    for command, suffix in (("print", "pdf"), ("export-ics", "ics")):
        result = _run(command, str(bad), "--output", str(tmp_path / f"out.{suffix}"))
        assert result.returncode == 2 and "zones[0].state" in result.stderr
        assert not (tmp_path / f"out.{suffix}").exists()
        missing = _run(command, str(EXAMPLE))
        assert missing.returncode == 2 and "--output" in missing.stderr


def test_database_before_the_command_is_the_database_used(tmp_path: Path) -> None:
    db = tmp_path / "chosen.sqlite3"
    assert main(["--database", str(db), "import", str(EXAMPLE), "--profile", "Sam"]) == 0
    assert main(["profiles", "--database", str(db)]) == 0
    assert db.exists()


def test_two_different_databases_are_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--database", str(tmp_path / "a"), "profiles", "--database", str(tmp_path / "b")])
    assert exit_.value.code == 2
    assert not list(tmp_path.iterdir())
