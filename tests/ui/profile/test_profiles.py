"""Profiles: first start, new, switch, rename, delete, import, export, and the start-up snapshot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scalpzone.domain.mapfile import read_map_file
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.storage import Database
from scalpzone.ui.main_window import MainWindow
from tests.ui.conftest import WindowMaker
from tests.ui.helpers import ScriptedDialogs, click_zone, panel_row, stored_map

pytestmark = pytest.mark.gui

EXAMPLE = Path(__file__).parents[2] / "data" / "spec_example.json"


def _names(window: MainWindow) -> list[str]:
    return [p.name for p in window.profiles.profiles()]


def test_first_start_creates_a_profile_and_offers_a_short_tour(
    qtbot: QtBot, make_window: WindowMaker
) -> None:
    window = make_window()
    assert _names(window) == ["My scalp"]
    assert window.windowTitle() == "My scalp — ScalpZone"
    assert window.tour_bar.text().startswith("Step 1 of 4: Click an area")
    qtbot.mouseClick(window.tour_bar.next_button, Qt.MouseButton.LeftButton)
    assert window.tour_bar.text().startswith("Step 2 of 4")
    window.tour_bar.skip_button.click()
    assert window.tour_bar.text() == ""
    window.close()

    again = make_window()
    assert again.tour_bar.text() == ""
    assert _names(again) == ["My scalp"]


def test_the_tour_moves_on_when_the_person_does_each_step(
    qtbot: QtBot, make_window: WindowMaker
) -> None:
    window = make_window()
    assert window.tour_bar.text().startswith("Step 1 of 4: Click an area")
    click_zone(qtbot, window, "crown")
    assert window.tour_bar.text().startswith("Step 2 of 4: Right-click")
    click_zone(qtbot, window, "occipital")  # more marking does not skip the right-click step
    assert window.tour_bar.text().startswith("Step 2 of 4")
    window.editor.set_hairline([(0.25, 0.18), (0.5, 0.15), (0.75, 0.18)])
    assert window.tour_bar.text().startswith("Step 4 of 4")
    window.tour_bar.next_button.click()
    assert window.tour_bar.text() == ""
    click_zone(qtbot, window, "crown")  # after the tour, marking says nothing in the bar
    assert window.tour_bar.text() == ""


def test_new_switch_rename_and_delete(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    first = window.profiles.profile_id
    click_zone(qtbot, window, "crown")

    dialogs.text_answers.append("Alex")
    window.profiles.new_profile()
    assert window.windowTitle() == "Alex — ScalpZone"
    assert _names(window) == ["Alex", "My scalp"]
    assert window.model.scalp_map == ScalpMap()
    assert window.stack.count() == 0  # a fresh undo history per open map
    alex = window.profiles.profile_id

    window.profiles.switch_to(first)
    assert window.model.zone("crown").state is ZoneState.THINNING
    assert panel_row(window, "crown")[1] == "Thinning"

    dialogs.text_answers.append("Sam")
    window.profiles.rename_profile()
    assert window.windowTitle() == "Sam — ScalpZone"
    assert _names(window) == ["Alex", "Sam"]

    dialogs.text_answers.append("Alex")  # taken
    window.profiles.rename_profile()
    title, text = dialogs.errors[-1]
    assert title == "Could not rename the profile"
    assert "already a profile named 'Alex'" in text
    assert "Traceback" not in text

    dialogs.confirm_answers.append(False)
    window.profiles.delete_profile()
    assert _names(window) == ["Alex", "Sam"]
    assert "cannot be undone" in dialogs.questions[-1]

    dialogs.confirm_answers.append(True)
    window.profiles.delete_profile()
    assert _names(window) == ["Alex"]
    assert window.profiles.profile_id == alex
    assert window.windowTitle() == "Alex — ScalpZone"


def test_deleting_the_last_profile_starts_a_new_one(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    dialogs.confirm_answers.append(True)
    window.profiles.delete_profile()
    assert _names(window) == ["My scalp"]
    assert window.model.scalp_map == ScalpMap()


def test_import_opens_the_file_as_a_new_profile(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    dialogs.files.append(EXAMPLE)
    window.profiles.import_file()
    assert window.windowTitle() == "Alex — ScalpZone"
    crown = window.model.zone("crown")
    assert crown.state is ZoneState.THINNING and crown.severity == 2
    assert panel_row(window, "crown") == ["Crown", "Thinning", "moderate", "16 Nov 2026"]
    assert panel_row(window, "custom-1")[0] == "Part line"
    assert stored_map(window) == read_map_file(EXAMPLE).scalp_map


def test_a_bad_file_is_refused_whole_with_every_problem_listed(
    tmp_path: Path, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    raw = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    raw["settings"]["needle_mm"] = 2.0
    raw["zones"][0]["state"] = "gone"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(raw), encoding="utf-8")
    dialogs.files.append(bad)

    window.profiles.import_file()

    title, intro, problems = dialogs.problems[-1]
    assert title == "The file was not imported"
    assert intro.startswith("bad.json was not imported; nothing was changed.")
    assert any(
        p.startswith("settings.needle_mm: 2.0 is above the 1.5 mm maximum") for p in problems
    )
    assert any(p.startswith("zones[0].state:") for p in problems)
    assert _names(window) == ["My scalp"]


def test_export_writes_a_map_file_that_imports_back_the_same(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    click_zone(qtbot, window, "crown")
    window.editor.set_hairline([(0.25, 0.17), (0.5, 0.13), (0.75, 0.17)])
    target = tmp_path / "export.json"
    dialogs.files.append(target)
    window.profiles.export_file()
    exported = read_map_file(target)
    assert exported.scalp_map == window.model.scalp_map
    assert exported.profile_name == "My scalp"
    assert "Exported to" in window.notices.text()

    dialogs.files.append(target)
    dialogs.text_answers.append("Copy")
    window.profiles.import_file()  # "My scalp" is taken, so the person names the copy
    assert "already a profile named “My scalp”" in dialogs.questions[-1]
    assert window.windowTitle() == "Copy — ScalpZone"
    assert stored_map(window) == exported.scalp_map
    assert _names(window) == ["Copy", "My scalp"]


def test_the_next_start_draws_the_last_map_before_the_database_opens(
    qtbot: QtBot, make_window: WindowMaker
) -> None:
    first = make_window()
    click_zone(qtbot, first, "crown")
    first.close()

    second = make_window(open_database=False)
    assert not second.profiles.ready
    assert second.model.zone("crown").state is ZoneState.THINNING  # from the snapshot
    assert panel_row(second, "crown")[1] == "Thinning"
    click_zone(qtbot, second, "occipital")  # not yet: edits wait for the database
    assert second.model.zone("occipital").state is ZoneState.HEALTHY

    assert second.open_database()
    assert second.windowTitle() == "My scalp — ScalpZone"
    click_zone(qtbot, second, "occipital")
    assert stored_map(second).zone("occipital").state is ZoneState.THINNING


def test_a_stale_snapshot_gives_way_to_the_database(
    qtbot: QtBot, make_window: WindowMaker, database_path: Path
) -> None:
    first = make_window()
    click_zone(qtbot, first, "crown")
    profile = first.profiles.profile_id
    first.close()
    with_other_change = Database.open(database_path)
    try:
        from scalpzone.storage import ProfileStore

        ProfileStore(with_other_change).save_map(profile, ScalpMap(), first.model.today())
    finally:
        with_other_change.close()

    second = make_window(open_database=False)
    assert second.model.zone("crown").state is ZoneState.THINNING
    assert second.open_database()
    assert second.model.zone("crown").state is ZoneState.HEALTHY
    assert panel_row(second, "crown")[1] == "Healthy"


def test_a_database_that_cannot_be_opened_is_explained(
    make_window: WindowMaker, database_path: Path, dialogs: ScriptedDialogs
) -> None:
    holder = Database.open(database_path)
    try:
        window = make_window(open_database=False)
        assert not window.open_database()
    finally:
        holder.close()
    title, text = dialogs.errors[-1]
    assert title == "Your data could not be opened"
    assert text and "Traceback" not in text
    assert not window.view.editing_enabled
