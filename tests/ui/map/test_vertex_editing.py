"""Reshaping a drawn zone: drag a corner, Alt+click to add one, Delete to remove one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import click_map, drag_on_map, stored_map

pytestmark = pytest.mark.gui

SQUARE = [(0.42, 0.34), (0.58, 0.34), (0.58, 0.44), (0.42, 0.44)]


def _near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) <= 0.004 and abs(a[1] - b[1]) <= 0.004


@pytest.fixture
def zone_id(window: MainWindow) -> str:
    zone_id = window.editor.add_zone(SQUARE)
    window.choose_tool("points")
    window.selection.set_current(zone_id)
    return zone_id


def _outline(window: MainWindow, zone_id: str) -> tuple[tuple[float, float], ...]:
    return window.model.zone(zone_id).outline


def test_the_current_drawn_zone_shows_its_corners(window: MainWindow, zone_id: str) -> None:
    assert window.scene.vertex_zone == zone_id
    window.selection.set_current("crown")
    assert window.scene.vertex_zone == ""
    window.selection.set_current(zone_id)
    window.choose_tool("mark")
    assert window.scene.vertex_zone == ""


def test_dragging_a_corner_is_one_undo_step_and_one_save(
    qtbot: QtBot, window: MainWindow, zone_id: str
) -> None:
    steps_before = window.stack.count()
    window.autosave.flush()  # drawing the zone was saved: count only what the drag writes
    saves: list[object] = []
    window.autosave.saved.connect(lambda: saves.append(None))

    drag_on_map(qtbot, window, [SQUARE[2], (0.60, 0.45), (0.62, 0.47), (0.63, 0.48)])

    outline = _outline(window, zone_id)
    assert _near(outline[2], (0.63, 0.48))
    assert outline[:2] == tuple(SQUARE[:2]) and outline[3] == SQUARE[3]
    assert window.stack.count() == steps_before + 1
    assert window.stack.undoText() == "Move a point of Zone 1"
    # Reading the store waits for the write in flight (it runs off the GUI thread).
    assert stored_map(window).zone(zone_id).outline == outline
    assert len(saves) == 1

    window.stack.undo()
    assert _outline(window, zone_id) == tuple(SQUARE)
    assert stored_map(window).zone(zone_id).outline == tuple(SQUARE)


def test_alt_click_on_an_edge_adds_a_corner_and_delete_removes_it(
    qtbot: QtBot, window: MainWindow, zone_id: str
) -> None:
    click_map(qtbot, window, (0.50, 0.34), modifier=Qt.KeyboardModifier.AltModifier)
    outline = _outline(window, zone_id)
    assert len(outline) == 5
    assert _near(outline[1], (0.50, 0.34))
    assert window.scene.chosen_vertex == 1
    assert window.stack.undoText() == "Add a point to Zone 1"
    assert len(stored_map(window).zone(zone_id).outline) == 5

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert _outline(window, zone_id) == tuple(SQUARE)
    assert window.stack.undoText() == "Remove a point from Zone 1"
    assert stored_map(window).zone(zone_id).outline == tuple(SQUARE)


def test_a_plain_click_on_an_edge_adds_nothing(
    qtbot: QtBot, window: MainWindow, zone_id: str
) -> None:
    click_map(qtbot, window, (0.50, 0.34))
    assert len(_outline(window, zone_id)) == 4


def test_a_zone_never_drops_below_three_corners(
    qtbot: QtBot, window: MainWindow, zone_id: str
) -> None:
    window.view.setFocus()
    click_map(qtbot, window, SQUARE[0])  # choose the corner
    assert window.scene.chosen_vertex == 0
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(_outline(window, zone_id)) == 3

    click_map(qtbot, window, SQUARE[1])
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(_outline(window, zone_id)) == 3
    assert "at least three points" in window.notices.text()
    assert len(stored_map(window).zone(zone_id).outline) == 3


def test_a_drag_that_would_cross_the_outline_is_not_made(
    qtbot: QtBot, window: MainWindow, zone_id: str
) -> None:
    # Pull the top-left corner past the right edge: the outline would cross itself.
    drag_on_map(qtbot, window, [SQUARE[0], (0.50, 0.37), (0.66, 0.40)])
    outline = _outline(window, zone_id)
    assert outline[0][0] < 0.58  # stopped at its last good place
    assert "cross" in window.notices.text()
    assert stored_map(window).zone(zone_id).outline == outline


def test_corners_are_dragged_only_on_the_scalp(
    qtbot: QtBot, window: MainWindow, zone_id: str
) -> None:
    drag_on_map(qtbot, window, [SQUARE[1], (0.75, 0.34), (0.95, 0.34)])
    moved = _outline(window, zone_id)[1]
    assert 0.8 < moved[0] < 0.84  # the scalp's edge on that side, not the pointer's 0.95


def test_preset_regions_keep_their_shape(qtbot: QtBot, window: MainWindow, zone_id: str) -> None:
    before = window.model.scalp_map
    click_map(qtbot, window, window.model.zone("crown").centre)
    assert window.selection.current() == "crown"
    assert window.scene.vertex_zone == ""
    assert "Preset regions keep their shape" in window.notices.text()
    assert window.model.scalp_map == before
