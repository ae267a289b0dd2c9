"""Undo and redo over mixed edits restore the model, the map on screen and the database exactly."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from scalpzone.domain.templates import template_table
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import click_zone, drag_on_map, panel_row, stored_map

pytestmark = pytest.mark.gui


def _screen_states(window: MainWindow) -> dict[str, tuple[ZoneState, int, object]]:
    """What the map items draw, zone by zone."""
    out = {}
    for zone in window.model.scalp_map.zones:
        drawn = window.scene.zone_item(zone.id).zone
        out[zone.id] = (drawn.state, drawn.severity, drawn.outline)
    return out


def _check_all_agree(window: MainWindow, expected: ScalpMap) -> None:
    assert window.model.scalp_map == expected
    assert stored_map(window) == expected
    assert _screen_states(window) == {
        z.id: (z.state, z.severity, z.outline) for z in expected.zones
    }
    assert window.zone_panel.table_model.rowCount() == len(expected.zones)


def test_undo_and_redo_walk_back_and_forth_over_mixed_edits(
    qtbot: QtBot, window: MainWindow
) -> None:
    editor = window.editor
    maps = [window.model.scalp_map]
    texts = []

    def step() -> None:
        maps.append(window.model.scalp_map)
        texts.append(window.stack.undoText())

    click_zone(qtbot, window, "crown")
    step()
    editor.set_severity("crown", 3)
    step()
    editor.block_until("temple_left", date(2026, 12, 1))
    step()
    editor.apply_template(template_table()["ludwig-1"])
    step()
    zone_id = editor.add_zone([(0.40, 0.32), (0.60, 0.32), (0.60, 0.42), (0.40, 0.42)])
    step()
    editor.rename(zone_id, "Part line")
    step()
    window.choose_tool("points")
    window.selection.set_current(zone_id)
    corner = window.model.zone(zone_id).outline[2]
    drag_on_map(qtbot, window, [corner, (corner[0] + 0.01, corner[1] + 0.01), (0.63, 0.45)])
    step()
    editor.set_hairline([(0.25, 0.17), (0.5, 0.13), (0.75, 0.17)])
    step()
    editor.set_state(zone_id, ZoneState.BALD)
    step()
    editor.delete_zone(zone_id)
    step()

    assert texts == [
        "Mark Crown thinning",
        "Set Crown to advanced thinning",
        "Block Temple (left) until 1 Dec 2026",
        "Apply Ludwig I",
        "Draw Zone 1",
        "Rename Zone 1 to Part line",
        "Move a point of Part line",
        "Draw hairline",
        "Mark Part line bald",
        "Delete Part line",
    ]
    assert window.stack.count() == len(texts)

    for expected in reversed(maps[:-1]):
        window.stack.undo()
        _check_all_agree(window, expected)
    assert not window.stack.canUndo()
    for expected in maps[1:]:
        window.stack.redo()
        _check_all_agree(window, expected)
    assert not window.stack.canRedo()


def test_the_undo_menu_item_says_what_it_undoes(qtbot: QtBot, window: MainWindow) -> None:
    assert window.commands.undo.text() == "&Undo"
    assert not window.commands.undo.isEnabled()
    click_zone(qtbot, window, "crown")
    assert window.commands.undo.text() == "&Undo Mark Crown thinning"
    assert window.commands.undo.isEnabled()
    assert QKeySequence(QKeySequence.StandardKey.Undo) in window.commands.undo.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Redo) in window.commands.redo.shortcuts()

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.zone("crown").state is ZoneState.HEALTHY
    assert panel_row(window, "crown")[1] == "Healthy"
    assert window.commands.redo.text() == "&Redo Mark Crown thinning"
    qtbot.keyClick(
        window.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored_map(window).zone("crown").state is ZoneState.THINNING


def test_undo_reaches_back_over_the_whole_session(qtbot: QtBot, window: MainWindow) -> None:
    for region in ("crown", "occipital", "parietal_left", "parietal_right", "front_center"):
        for _ in range(3):
            click_zone(qtbot, window, region)
    assert window.stack.count() == 15
    while window.stack.canUndo():
        window.stack.undo()
    assert stored_map(window) == ScalpMap()
