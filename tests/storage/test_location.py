"""Where the database lives: --database, then $SCALPZONE_DB, then the user data folder."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from scalpzone.storage import Database, default_database_path, resolve_database_path


def test_the_default_is_in_the_user_data_folder(isolated_user_folders: Path) -> None:
    expected = Path(os.environ["XDG_DATA_HOME"]) / "ScalpZone" / "scalpzone.sqlite3"
    assert default_database_path() == expected
    assert resolve_database_path() == expected.resolve()
    with Database.open() as db:
        assert db.path == expected.resolve()
    assert stat.S_IMODE(expected.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(expected.stat().st_mode) == 0o600


def test_the_environment_variable_overrides_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCALPZONE_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_database_path() == (tmp_path / "env.sqlite3").resolve()
    monkeypatch.setenv("SCALPZONE_DB", "")
    assert resolve_database_path() == default_database_path().resolve()


def test_an_explicit_path_wins_and_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCALPZONE_DB", str(tmp_path / "env.sqlite3"))
    monkeypatch.chdir(tmp_path)
    assert resolve_database_path("mine.sqlite3") == tmp_path.resolve() / "mine.sqlite3"
    link = tmp_path / "link.sqlite3"
    link.symlink_to(tmp_path / "target.sqlite3")
    assert resolve_database_path(link) == (tmp_path / "target.sqlite3").resolve()


def test_a_folder_that_cannot_be_made_is_a_plain_error(tmp_path: Path) -> None:
    from scalpzone.storage import StorageError

    (tmp_path / "not-a-folder").write_text("a file")
    with pytest.raises(StorageError, match="could not create the folder"):
        Database.open(tmp_path / "not-a-folder" / "scalpzone.sqlite3")
