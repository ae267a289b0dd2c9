"""Templates from the Map menu: one undoable step, with a question before marks are overwritten."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from scalpzone.domain.templates import apply_template, template_table
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import ScriptedDialogs, click_zone, panel_row, stored_map

pytestmark = pytest.mark.gui


def _menu_action(window: MainWindow, family: str, stage: str):  # type: ignore[no-untyped-def]
    (map_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Map"]
    (templates,) = [a.menu() for a in map_menu.actions() if a.text() == "Apply &template"]
    (stages,) = [a.menu() for a in templates.actions() if a.text() == family]
    (action,) = [a for a in stages.actions() if a.text() == stage]
    return action


def test_a_template_is_one_undoable_step(window: MainWindow, dialogs: ScriptedDialogs) -> None:
    template = template_table()["norwood-5"]
    _menu_action(window, "Norwood–Hamilton", "V").trigger()

    expected = apply_template(ScalpMap(), template)
    assert window.model.scalp_map == expected
    assert stored_map(window) == expected
    assert window.stack.count() == 1
    assert window.stack.undoText() == "Apply Norwood–Hamilton V"
    assert dialogs.questions == []  # nothing was marked, so nothing to confirm
    for rid, state, _severity in template.states:
        assert window.model.zone(rid).state is state
        assert panel_row(window, rid)[1] == state.value.capitalize()

    window.stack.undo()
    assert window.model.scalp_map == ScalpMap()
    assert stored_map(window) == ScalpMap()
    window.stack.redo()
    assert stored_map(window) == expected


def test_overwriting_marks_asks_first(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    click_zone(qtbot, window, "occipital")  # a mark Ludwig II would undo
    before = window.model.scalp_map

    dialogs.confirm_answers.append(False)
    _menu_action(window, "Ludwig", "II").trigger()
    assert "changes areas you already marked" in dialogs.questions[-1]
    assert window.model.scalp_map == before
    assert window.stack.count() == 1

    dialogs.confirm_answers.append(True)
    _menu_action(window, "Ludwig", "II").trigger()
    assert window.model.zone("occipital").state is ZoneState.HEALTHY
    assert window.stack.count() == 2
    window.stack.undo()
    assert stored_map(window) == before


def test_templates_leave_drawn_zones_and_blocks_alone(window: MainWindow) -> None:
    zone_id = window.editor.add_zone([(0.42, 0.34), (0.58, 0.34), (0.58, 0.44), (0.42, 0.44)])
    window.editor.set_state(zone_id, ZoneState.THINNING)
    window.apply_template(template_table()["norwood-7"])
    assert window.model.zone(zone_id).state is ZoneState.THINNING


def test_clear_all_marks_is_one_step_after_a_question(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.apply_template(template_table()["norwood-6"])
    dialogs.confirm_answers.append(True)
    (map_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Map"]
    (clear,) = [a for a in map_menu.actions() if a.text() == "Clear all &marks"]
    clear.trigger()
    assert stored_map(window) == ScalpMap()
    assert window.stack.undoText() == "Clear all marks"
    window.stack.undo()
    assert window.model.scalp_map == apply_template(ScalpMap(), template_table()["norwood-6"])
