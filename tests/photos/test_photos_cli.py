"""`scalpzone photos add` and `photos list`: exit codes, messages, what was stored."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scalpzone.cli import main
from scalpzone.storage import Database, PhotoStore, ProfileStore

from .images import camera_jpeg

EXAMPLE = Path(__file__).parents[1] / "data" / "spec_example.json"


@pytest.fixture
def database(tmp_path: Path) -> list[str]:
    """`--database PATH` for a database holding the example profile, Alex."""
    path = tmp_path / "db" / "scalpzone.sqlite3"
    assert main(["import", str(EXAMPLE), "--database", str(path)]) == 0
    return ["--database", str(path)]


def test_add_then_list(
    tmp_path: Path, database: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    one = camera_jpeg(tmp_path / "IMG_1.JPG")
    two = camera_jpeg(tmp_path / "IMG_2.JPG", taken="2026:05:06 07:08:09")
    digest = hashlib.sha256(one.read_bytes()).hexdigest()
    capsys.readouterr()
    assert (
        main(
            ["photos", "add", "--profile", "alex", "--view", "crown", str(one), str(two), *database]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Added 2 crown photos to the profile 'Alex' (taken 2026-03-04 to 2026-05-06)" in out
    assert (
        main(
            [
                "photos",
                "add",
                "--profile",
                "Alex",
                "--view",
                "front",
                "--date",
                "2026-01-02",
                str(one),
                *database,
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["photos", "list", "--profile", "Alex", *database]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[1:3] for line in lines] == [
        ["2026-01-02", "front"],
        ["2026-03-04", "crown"],
        ["2026-05-06", "crown"],
    ]
    assert lines[1].split("\t")[3] == "300x400" and lines[1].endswith("IMG_1.JPG")
    assert main(["photos", "list", "--profile", "Alex", "--view", "front", *database]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert hashlib.sha256(one.read_bytes()).hexdigest() == digest


def test_one_unreadable_file_adds_nothing_and_exits_2(
    tmp_path: Path, database: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    good = camera_jpeg(tmp_path / "good.jpg")
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    capsys.readouterr()
    code = main(
        [
            "photos",
            "add",
            "--profile",
            "Alex",
            "--view",
            "top",
            str(good),
            str(notes),
            str(tmp_path / "gone.jpg"),
            *database,
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "no photo was added; 2 of 3 file(s) could not be read" in err
    assert f"{notes}: is not a JPEG, PNG or HEIC picture" in err
    assert "gone.jpg: does not exist" in err
    assert "Traceback" not in err
    with Database.open(database[1]) as db:
        assert PhotoStore(db).photos(ProfileStore(db).find_profile("Alex").id) == ()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--view", "nose"], "invalid choice: 'nose'"),
        (["--view", "crown", "--date", "2026-02-30"], "is not a day of the calendar"),
    ],
)
def test_bad_arguments_exit_2(
    tmp_path: Path, database: list[str], args: list[str], words: str
) -> None:
    photo = camera_jpeg(tmp_path / "a.jpg")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "scalpzone",
            "photos",
            "add",
            "--profile",
            "Alex",
            *args,
            str(photo),
            *database,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert words in done.stderr


def test_an_unknown_profile_exits_2(
    tmp_path: Path, database: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    photo = camera_jpeg(tmp_path / "a.jpg")
    assert (
        main(["photos", "add", "--profile", "Nobody", "--view", "crown", str(photo), *database])
        == 2
    )
    assert "There is no profile named 'Nobody'" in capsys.readouterr().err
