"""Marking zones with the mouse: the model, the database, the zone panel and the preview agree."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from pytestqt.qtbot import QtBot

from scalpzone.domain.regions import REGION_IDS, region_catalog
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.context_menu import ZoneMenu
from scalpzone.ui.map.next_sessions import NextSessionsPreview
from scalpzone.ui.map.tooltips import zone_tooltip
from tests.ui.helpers import (
    MONDAY,
    ScriptedDialogs,
    click_zone,
    panel_row,
    preview_text,
    stored_map,
    view_point,
)

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("region_id", REGION_IDS)
def test_clicking_a_region_cycles_it_everywhere(
    qtbot: QtBot, window: MainWindow, region_id: str
) -> None:
    name = region_catalog()[region_id].name

    click_zone(qtbot, window, region_id)
    assert window.model.zone(region_id).state is ZoneState.THINNING
    assert stored_map(window).zone(region_id).state is ZoneState.THINNING
    assert panel_row(window, region_id)[:3] == [name, "Thinning", "mild"]
    # The only thinning zone: the first session is its patch test, today.
    assert (
        preview_text(window).splitlines()[0]
        == f"Today: Patch test: {name} · {window.model.zone(region_id).minutes} min"
    )
    assert window.selection.current() == region_id

    click_zone(qtbot, window, region_id)
    assert window.model.zone(region_id).state is ZoneState.BALD
    assert stored_map(window).zone(region_id).state is ZoneState.BALD
    assert panel_row(window, region_id)[1:3] == ["Bald", "–"]
    assert name not in preview_text(window)
    assert "Bald areas are never planned" in zone_tooltip(window.model, region_id)

    click_zone(qtbot, window, region_id)
    assert window.model.zone(region_id).state is ZoneState.HEALTHY
    assert stored_map(window).zone(region_id).state is ZoneState.HEALTHY
    assert panel_row(window, region_id)[1] == "Healthy"


def test_clicking_outside_the_head_marks_nothing(qtbot: QtBot, window: MainWindow) -> None:
    before = window.model.scalp_map
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(window, (0.02, 0.98))
    )
    assert window.model.scalp_map == before
    assert window.stack.count() == 0
    assert window.selection.current() == ""


def test_selecting_in_the_panel_rings_the_zone_on_the_map(qtbot: QtBot, window: MainWindow) -> None:
    table = window.zone_panel.table
    row = window.zone_panel.table_model.row_of("crown")
    rect = table.visualRect(window.zone_panel.table_model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.selection.current() == "crown"
    assert window.scene.zone_item("crown").zValue() > window.scene.zone_item("occipital").zValue()

    click_zone(qtbot, window, "occipital")
    assert table.currentIndex().row() == window.zone_panel.table_model.row_of("occipital")


def test_hovering_highlights_the_zone_under_the_pointer(qtbot: QtBot, window: MainWindow) -> None:
    crown, occipital = window.scene.zone_item("crown"), window.scene.zone_item("occipital")
    # The zone under the pointer is drawn on top of its neighbours, its highlight whole.
    assert crown.zValue() == occipital.zValue()
    qtbot.mouseMove(window.view.viewport(), view_point(window, window.model.zone("crown").centre))
    qtbot.waitUntil(lambda: crown.zValue() > occipital.zValue())
    qtbot.mouseMove(
        window.view.viewport(), view_point(window, window.model.zone("occipital").centre)
    )
    qtbot.waitUntil(lambda: occipital.zValue() > crown.zValue())


def test_the_tooltip_says_when_and_why(window: MainWindow) -> None:
    editor = window.editor
    editor.set_severity("crown", 2)
    text = zone_tooltip(window.model, "crown")
    assert "<b>Crown</b>" in text
    assert "Thinning, moderate" in text
    assert "Last treated" in text and "never" in text
    assert "Next planned" in text and "Mon 23 Nov" in text

    editor.block_until("crown", date(2026, 11, 30))
    text = zone_tooltip(window.model, "crown")
    assert "blocked until 30 Nov 2026" in text
    assert "Blocked areas wait until after their date" in text
    assert "choice, because you know your scalp best" in text  # for "Why?"

    text = zone_tooltip(window.model, "occipital")
    assert "Healthy" in text and "Healthy areas are not planned" in text
    assert "[4] English et al. 2022" in text


def _menu(window: MainWindow, zone_id: str) -> ZoneMenu:
    return ZoneMenu(zone_id, window.model, window.editor, window.dialogs, window.notices, window)


def _trigger(menu: ZoneMenu, text: str) -> None:
    for action in menu.findChildren(type(menu.menuAction())):
        if action.text().replace("&", "") == text:
            action.trigger()
            return
    raise AssertionError(f"no menu item {text!r}")


def test_the_zone_menu_sets_severity_blocks_and_unblocks(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    _trigger(_menu(window, "crown"), "3 advanced")
    assert window.model.zone("crown").state is ZoneState.THINNING
    assert window.model.zone("crown").severity == 3
    assert panel_row(window, "crown")[2] == "advanced"

    _trigger(_menu(window, "crown"), "For 3 days")
    assert window.model.zone("crown").blocked_until == date(2026, 11, 26)
    assert stored_map(window).zone("crown").blocked_until == date(2026, 11, 26)
    assert "Crown" not in preview_text(window).split("Thu 26 Nov")[0]

    _trigger(_menu(window, "crown"), "Unblock (blocked until 26 Nov 2026)")
    assert window.model.zone("crown").blocked_until is None

    dialogs.date_answers.append(date(2026, 12, 24))
    _trigger(_menu(window, "crown"), "Until a date…")
    assert stored_map(window).zone("crown").blocked_until == date(2026, 12, 24)
    assert window.stack.undoText() == "Block Crown until 24 Dec 2026"

    # Making a blocked zone bald asks what to do with its block: closing the question cancels.
    _trigger(_menu(window, "crown"), "Bald")
    assert window.model.zone("crown").state is ZoneState.THINNING
    intro, listed, offered = dialogs.choices[-1]
    assert "blocked" in intro and listed == ["Crown: blocked until 24 Dec 2026"]
    assert offered == ["Remove the blocks", "Keep the blocks"]
    dialogs.choice_answers.append(1)
    _trigger(_menu(window, "crown"), "Bald")
    assert window.model.zone("crown").state is ZoneState.BALD
    assert window.model.zone("crown").blocked_until == date(2026, 12, 24)
    window.stack.undo()
    dialogs.choice_answers.append(0)
    _trigger(_menu(window, "crown"), "Healthy")
    crown = stored_map(window).zone("crown")
    assert crown.state is ZoneState.HEALTHY and crown.blocked_until is None
    # One step: undo brings back both the state and the block.
    window.stack.undo()
    assert window.model.zone("crown").blocked_until == date(2026, 12, 24)


def test_a_template_asks_about_blocks_on_areas_it_changes(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    from scalpzone.domain.templates import template_table

    window.editor.block_until("crown", date(2026, 12, 24))
    template = next(
        t for t in template_table().templates if t.state_of("crown")[0] is not ZoneState.HEALTHY
    )
    dialogs.choice_answers.append(0)
    window.editor.apply_template(template)
    assert dialogs.choices[-1][1] == ["Crown: blocked until 24 Dec 2026"]
    assert window.model.zone("crown").blocked_until is None


def test_right_click_opens_the_menu_of_the_zone_under_the_pointer(
    qtbot: QtBot, window: MainWindow
) -> None:
    requested: list[str] = []
    window.view.zoneMenuRequested.disconnect()
    window.view.zoneMenuRequested.connect(lambda zone_id, _at: requested.append(zone_id))
    pos = view_point(window, window.model.zone("parietal_left").centre)
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, window.view.viewport().mapToGlobal(pos)
    )
    QApplication.sendEvent(window.view.viewport(), event)
    assert requested == ["parietal_left"]
    assert window.selection.current() == "parietal_left"


def test_the_status_bar_shows_the_scores(qtbot: QtBot, window: MainWindow) -> None:
    click_zone(qtbot, window, "crown")
    click_zone(qtbot, window, "crown")  # bald
    qtbot.waitUntil(lambda: not window.scores.waiting)
    assert window.scores.scores is not None
    assert window.scores.scores.bald > 0
    bald = round(window.scores.scores.bald)
    assert window.scores.text().startswith(f"About {bald} % of your scalp marked bald, ")


def test_the_scores_follow_the_map_painted_or_an_undo_on_the_week_tab(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show()
    qtbot.waitExposed(window)
    painted_before_scored: list[bool] = []

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted_before_scored.append(window.scores.waiting)
            return False

    watch = PaintWatch()
    window.view.viewport().installEventFilter(watch)
    click_zone(qtbot, window, "crown")
    click_zone(qtbot, window, "crown")  # bald
    qtbot.waitUntil(lambda: not window.scores.waiting)
    assert painted_before_scored[0] is True  # the edit was on screen before it was scored
    assert window.scores.scores is not None and window.scores.scores.bald > 0
    # On the Week tab the map does not paint: an undo there is scored all the same.
    window.week.show_week()
    qtbot.waitUntil(lambda: not window.view.viewport().isVisible())
    window.editor.stack.undo()
    qtbot.waitUntil(lambda: not window.scores.waiting)
    assert window.scores.scores.bald == 0
    assert window.scores.text().startswith("About 0 % of your scalp marked bald, ")


def test_a_day_in_the_preview_lists_zones_in_rolling_order(window: MainWindow) -> None:
    assert MONDAY.weekday() == 0
    window.editor.set_state("crown", ZoneState.THINNING)
    window.editor.set_state("occipital", ZoneState.THINNING)
    lines = preview_text(window).splitlines()
    assert lines[0].startswith("Today: Patch test: ")
    assert len(lines) == 7
    assert lines[1].startswith("Tue 24 Nov")


def test_pointer_position_maps_back_to_the_zone(window: MainWindow) -> None:
    # The helper clicks where the scene says the zone is; check the mapping round-trips.
    centre = window.model.zone("temple_left").centre
    pos = view_point(window, centre)
    back = window.view.mapToScene(pos)
    assert window.scene.zone_at(QPointF(back)) == "temple_left"


def test_two_quick_clicks_are_two_steps(qtbot: QtBot, window: MainWindow) -> None:
    # The second press of a quick pair arrives as a double-click; it still counts.
    click_zone(qtbot, window, "crown")
    pos = view_point(window, window.model.zone("crown").centre)
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.model.zone("crown").state is ZoneState.BALD
    assert stored_map(window).zone("crown").state is ZoneState.BALD


def test_the_preview_sets_only_the_days_whose_plan_changed(window: MainWindow) -> None:
    # Setting a row re-measures and repaints the whole table: a click sets only what moved.
    preview = window.preview
    changed: list[int] = []
    preview.table.itemChanged.connect(lambda item: changed.append(item.row()))
    rows = preview.table.model()
    rows.headerDataChanged.connect(lambda _orientation, first, _last: changed.append(first))
    preview.refresh()
    assert changed == []
    window.editor.set_state("crown", ZoneState.THINNING)  # a patch test today, then sessions
    assert changed
    fresh = NextSessionsPreview(window.model)
    assert preview.day_texts() == fresh.day_texts()
    fresh.deleteLater()
    changed.clear()
    window.editor.set_state("occipital", ZoneState.BALD)  # never planned: the week stays
    assert changed == []
    assert preview.day_texts() == fresh.day_texts()
