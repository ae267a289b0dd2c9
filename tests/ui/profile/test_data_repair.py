"""Stored values that break the rules: the window says which and offers a way out; restores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from scalpzone.domain.zones import ZoneState
from scalpzone.storage import Database, ProfileStore
from scalpzone.ui.main_window import MainWindow
from tests.ui.conftest import WindowMaker
from tests.ui.helpers import ScriptedDialogs, click_zone, stored_map

pytestmark = pytest.mark.gui


def _tamper(path: Path, sql: str) -> None:
    """Change the database as a person with the sqlite3 shell could, CHECKs switched off."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA ignore_check_constraints = ON")
    connection.execute(sql)
    connection.commit()
    connection.close()


def _first_window(make_window: WindowMaker) -> MainWindow:
    window = make_window()
    window.profiles.close()
    window.close()
    return window


def test_unsafe_settings_are_named_and_can_be_reset(
    make_window: WindowMaker, database_path: Path, dialogs: ScriptedDialogs
) -> None:
    _first_window(make_window)
    _tamper(database_path, "UPDATE settings SET zone_rest_hours = 0, sessions_per_week = 7")
    dialogs.choice_answers = [0]  # "Reset settings to defaults"

    window = make_window()

    intro, problems, choices = dialogs.choices[0]
    assert choices == ["Reset settings to defaults", "Restore a backup…"]
    assert any("zone_rest_hours: 0 is below" in p for p in problems), problems
    assert any("sessions_per_week: 7 is above" in p for p in problems), problems
    assert "Nothing has been changed" in intro
    assert window.view.editing_enabled
    window.profiles.close()
    with Database.open(database_path) as db:
        store = ProfileStore(db)
        [profile] = store.profiles()
        settings = store.load_profile(profile.id).document.settings
    assert (settings.zone_rest_hours, settings.sessions_per_week) == (None, 3)


def test_closing_the_offer_changes_nothing_and_plans_nothing(
    make_window: WindowMaker, database_path: Path, dialogs: ScriptedDialogs
) -> None:
    _first_window(make_window)
    _tamper(database_path, "UPDATE zones SET state = 'bogus' WHERE zone_id = 'crown'")
    before = database_path.read_bytes()

    window = make_window(open_database=False)
    assert not window.open_database()

    _, problems, choices = dialogs.choices[0]
    assert choices == ["Restore a backup…"]  # a bad zone row is not a setting to reset
    assert any('("crown"), state: "bogus"' in p for p in problems), problems
    assert not window.view.editing_enabled
    window.profiles.close()
    assert database_path.read_bytes() == before


def test_a_backup_restored_from_the_file_menu_replaces_the_map(
    qtbot: QtBot, make_window: WindowMaker, database_path: Path, dialogs: ScriptedDialogs
) -> None:
    _first_window(make_window)  # closing makes a backup: every area healthy
    with Database.open(database_path) as db:
        [on_close] = db.list_backups()
    window = make_window()
    click_zone(qtbot, window, "crown")
    assert stored_map(window).zone("crown").state is ZoneState.THINNING

    dialogs.choice_answers = [0]
    dialogs.confirm_answers = [True]
    window.profiles.restore_backup()

    _, offered, _ = dialogs.choices[-1]
    assert offered[0].startswith(on_close.name)
    assert "Edit › Undo cannot take this back" in dialogs.questions[-1]
    assert "Restored the backup" in dialogs.infos[-1][1]
    assert window.model.document.scalp_map.zone("crown").state is ZoneState.HEALTHY
    assert stored_map(window).zone("crown").state is ZoneState.HEALTHY
    window.profiles.close()
    with Database.open(database_path) as db:
        assert "before-restore" in [b.reason for b in db.list_backups()]
