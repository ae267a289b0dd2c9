"""The map's zones through Qt's accessibility interfaces (what the AT-SPI bridge reads)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scalpzone.domain.regions import REGION_IDS, region_catalog
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map import accessible
from scalpzone.ui.map.model import MapModel
from tests.ui.helpers import stored_map

pytestmark = pytest.mark.gui


def _map(window: MainWindow) -> QAccessibleInterface:
    found = QAccessible.queryAccessibleInterface(window.view)
    assert found is not None
    return found


def _zone(window: MainWindow, name: str) -> QAccessibleInterface:
    scalp_map = _map(window)
    for index in range(scalp_map.childCount()):
        child = scalp_map.child(index)
        if child.text(QAccessible.Text.Name) == name:
            return child
    raise AssertionError(f"no zone named {name} among the map's children")


def test_the_map_is_a_list_of_every_zone_with_its_state(window: MainWindow) -> None:
    scalp_map = _map(window)
    assert scalp_map.role() == QAccessible.Role.List
    assert scalp_map.childCount() == len(REGION_IDS)
    names = [scalp_map.child(i).text(QAccessible.Text.Name) for i in range(len(REGION_IDS))]
    assert names == [region.name for region in region_catalog().regions]
    crown = _zone(window, "Crown")
    assert crown.role() == QAccessible.Role.ListItem
    assert crown.parent().object() is window.view
    assert scalp_map.indexOfChild(crown) == names.index("Crown")
    assert crown.text(QAccessible.Text.Description) == "healthy; last treated never"


def test_a_zone_s_actions_mark_it_and_the_mark_is_saved(qtbot: QtBot, window: MainWindow) -> None:
    crown = _zone(window, "Crown")
    assert crown.actionInterface() is not None
    names = crown.actionInterface().actionNames()
    assert names[:4] == ["Cycle state", "Set healthy", "Set thinning", "Set bald"]
    assert crown.actionInterface().keyBindingsForAction("Set bald") == ["3"]

    crown.actionInterface().doAction("Set thinning")
    assert crown.text(QAccessible.Text.Description).startswith("thinning, mild; last treated never")
    assert "next planned" in crown.text(QAccessible.Text.Description)
    crown.actionInterface().doAction("Cycle state")
    qtbot.waitUntil(lambda: stored_map(window).zone("crown").state is ZoneState.BALD)


def test_the_focused_zone_is_the_map_s_focused_child(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    scalp_map = _map(window)
    focused = scalp_map.focusChild()
    assert focused is not None
    assert focused.text(QAccessible.Text.Name) == "Hairline (left)"
    assert focused.state().focused
    assert not _zone(window, "Crown").state().focused


def test_zone_actions_do_nothing_but_focus_while_editing_is_off(window: MainWindow) -> None:
    window.view.editing_enabled = False
    crown = _zone(window, "Crown")
    assert crown.actionInterface().actionNames() == [QAccessibleActionInterface.setFocusAction()]
    crown.actionInterface().doAction("Set bald")
    assert window.model.zone("crown").state is ZoneState.HEALTHY


def test_the_preview_heads_each_row_with_its_day_and_says_no_session_in_words(
    window: MainWindow,
) -> None:
    table = window.preview.table
    headers = [table.verticalHeaderItem(row).text() for row in range(table.rowCount())]
    assert headers == [day for day, _ in window.preview.day_texts()]
    assert headers[0] == "Today"
    # Nothing is marked thinning: there is no plan, and each day says so in words.
    assert {what for _, what in window.preview.day_texts()} == {"no session"}
    columns = [table.horizontalHeaderItem(column).text() for column in range(2)]
    assert columns == ["Day", "Plan"]


def test_the_zone_table_reads_a_dash_as_words(window: MainWindow) -> None:
    table = QAccessible.queryAccessibleInterface(window.zone_panel.table)
    assert table is not None
    names = [table.child(i).text(QAccessible.Text.Name) for i in range(table.childCount())]
    assert "–" not in names
    assert "no severity" in names


def test_a_click_words_again_only_the_zones_it_or_the_new_plan_touched(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wording all 13 areas (63 on a drawn map) after every click was a tenth of its time.
    worded: list[str] = []
    word = accessible.zone_state_sentence

    def counted(model: MapModel, zone_id: str) -> str:
        worded.append(zone_id)
        return word(model, zone_id)

    monkeypatch.setattr(accessible, "zone_state_sentence", counted)
    zones = window.view.accessibility
    window.editor.set_state("crown", ZoneState.THINNING)  # the plan now rolls the crown
    qtbot.waitUntil(lambda: "crown" in worded)
    assert len(worded) < len(REGION_IDS) / 2
    model = window.model
    told = {z: (model.zone(z).display_name, word(model, z)) for z in REGION_IDS}
    assert zones._told == told  # what a screen reader was last told
    assert "next planned" in told["crown"][1]
