"""Templates from the Map menu: one undoable step, with a question before marks are overwritten."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from scalpzone.domain.templates import apply_template, template_table
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.ui.dialogs.template_gallery import TemplateGallery
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import ScriptedDialogs, click_zone, panel_row, stored_map

pytestmark = pytest.mark.gui


def _gallery(qtbot: QtBot, window: MainWindow) -> TemplateGallery:
    """Map › Apply template… as the person opens it."""
    (map_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Map"]
    (action,) = [a for a in map_menu.actions() if a.text() == "Apply &template…"]
    action.trigger()
    gallery = window.gallery
    qtbot.waitExposed(gallery)
    return gallery


def _choose(qtbot: QtBot, window: MainWindow, template_id: str) -> None:
    """Open the gallery, click the stage's picture, then Apply."""
    gallery = _gallery(qtbot, window)
    ids = [t.id for t in template_table().templates]
    item = gallery.list.item(ids.index(template_id))
    rect = gallery.list.visualItemRect(item)
    qtbot.mouseClick(gallery.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    apply = gallery.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert apply.isEnabled()
    qtbot.mouseClick(apply, Qt.MouseButton.LeftButton)


def test_the_gallery_shows_every_stage_as_a_picture_with_a_line_of_words(
    qtbot: QtBot, window: MainWindow
) -> None:
    gallery = _gallery(qtbot, window)
    templates = template_table().templates
    assert gallery.list.count() == len(templates) == 11
    pictures = []
    for row, template in enumerate(templates):
        item = gallery.list.item(row)
        name, line = item.text().split("\n")
        assert name == template.name and len(line) > 10
        assert template.description.startswith(line.rstrip("."))
        picture = item.icon().pixmap(64, 64).toImage()
        assert not picture.isNull()
        pictures.append(picture)
    # Each stage looks different from the first (no two identical placeholders).
    assert all(p != pictures[0] for p in pictures[1:])
    # Nothing is applied before the person says so.
    assert not gallery.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    gallery.reject()
    assert window.model.scalp_map == ScalpMap()


def test_a_template_is_one_undoable_step(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    template = template_table()["norwood-5"]
    _choose(qtbot, window, "norwood-5")

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
    _choose(qtbot, window, "ludwig-2")
    assert "changes areas you already marked" in dialogs.questions[-1]
    assert window.model.scalp_map == before
    assert window.stack.count() == 1

    dialogs.confirm_answers.append(True)
    _choose(qtbot, window, "ludwig-2")
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
    (clear,) = [a for a in map_menu.actions() if a.text() == "&Clear all marks"]
    clear.trigger()
    assert stored_map(window) == ScalpMap()
    assert window.stack.undoText() == "Clear all marks"
    window.stack.undo()
    assert window.model.scalp_map == apply_template(ScalpMap(), template_table()["norwood-6"])
