"""Recovery touches only ScalpZone's own databases: anything else is refused and left as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scalpzone.cli import main
from scalpzone.storage import Database, NotScalpZoneDatabaseError, StorageError

from .storage_faults import EXAMPLE, IS_ROOT, profile_names, tree, with_profile


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "holiday.jpg").write_bytes(b"\xff\xd8 photo")


def _map_file(path: Path) -> None:
    path.write_text(EXAMPLE.read_text())


def _text(path: Path) -> None:
    path.write_text("Dear diary, today I rolled my crown.\n" * 100)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def _another_apps_sqlite(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('bread')")
    connection.commit()
    connection.close()


def _another_apps_marked_sqlite(path: Path) -> None:
    _another_apps_sqlite(path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA application_id = 12345")
    connection.commit()
    connection.close()


def _damaged_foreign_sqlite(path: Path) -> None:
    _another_apps_sqlite(path)
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\x5a" * 3900
    path.write_bytes(bytes(data))


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to_folder(path: Path) -> None:
    target = path.with_name("real-folder")
    _folder(target)
    path.symlink_to(target)


def _link_to_text(path: Path) -> None:
    target = path.with_name("notes.txt")
    _text(target)
    path.symlink_to(target)


def _device(path: Path) -> None:
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null


NOT_OURS: dict[str, tuple[Callable[[Path], None], str]] = {
    "a folder": (_folder, "is a folder"),
    "the person's map file": (_map_file, "is a text file"),
    "a text file": (_text, "is a text file"),
    "an empty file": (_empty, "an empty file that ScalpZone did not make"),
    "a binary file": (_binary, "a file of another kind"),
    "another app's SQLite database": (_another_apps_sqlite, "did not make"),
    "another app's marked SQLite": (_another_apps_marked_sqlite, "another application's"),
    "a damaged SQLite file of another app": (_damaged_foreign_sqlite, "no record of"),
    "a named pipe": (_fifo, "a named pipe"),
    "a link to a folder": (_link_to_folder, "is a folder"),
    "a link to a text file": (_link_to_text, "is a text file"),
}
if IS_ROOT:
    NOT_OURS["a device"] = (_device, "a device")


@pytest.mark.parametrize("kind", list(NOT_OURS))
def test_what_is_not_ours_is_refused_and_left_exactly_as_it_was(kind: str, tmp_path: Path) -> None:
    make, words = NOT_OURS[kind]
    path = tmp_path / "chosen"
    make(path)
    before = tree(tmp_path)

    with pytest.raises(NotScalpZoneDatabaseError, match=words) as refused:
        Database.open(path)

    assert "left it exactly as it is" in str(refused.value)
    assert tree(tmp_path) == before  # nothing renamed, created (not even a lock) or changed


@pytest.mark.parametrize("kind", list(NOT_OURS))
def test_the_command_line_refuses_it_with_exit_2(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, words = NOT_OURS[kind]
    path = tmp_path / "chosen"
    make(path)
    before = tree(tmp_path)

    assert main(["profiles", "--database", str(path)]) == 2

    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err and "Error" not in err
    assert tree(tmp_path) == before


@pytest.mark.parametrize("value", ["", " ", "."])
def test_an_empty_database_path_is_refused_in_this_folder(value: str, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    before = tree(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "scalpzone", "profiles", "--database", value],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert tree(tmp_path) == before


def test_a_link_to_our_database_opens_the_database_itself(tmp_path: Path) -> None:
    real = tmp_path / "real" / "scalpzone.sqlite3"
    with_profile(real)
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    assert profile_names(link) == ["Alex"]
    assert link.is_symlink() and not list(tmp_path.glob("link.sqlite3.*"))


def test_an_unreadable_database_is_a_permission_problem_not_damage(tmp_path: Path) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    with_profile(path)
    path.chmod(0)
    before = tree(tmp_path)
    try:
        with pytest.raises(StorageError, match="does not allow") as refused:
            Database.open(path)
        assert "Nothing was changed" in str(refused.value)
        assert tree(tmp_path) == before
    finally:
        path.chmod(0o600)
    assert profile_names(path) == ["Alex"]


def test_exported_map_still_imports_after_a_refusal(tmp_path: Path) -> None:
    """The person's map file passed as a database by mistake is still their intact map file."""
    path = tmp_path / "map.json"
    _map_file(path)
    with pytest.raises(NotScalpZoneDatabaseError):
        Database.open(path)
    assert json.loads(path.read_text()) == json.loads(EXAMPLE.read_text())
