"""Notes above the map come, go and change height; the areas stay under the same pixel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from scalpzone.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _crown_at(window: MainWindow) -> QPoint:
    """Where the Crown's centre is drawn, in the window's pixels."""
    view = window.view
    centre = window.scene.zone_item("crown").boundingRect().center()
    return view.viewport().mapTo(window, view.mapFromScene(centre))


def _no_notes(qtbot: QtBot, window: MainWindow) -> None:
    """A first start shows the tour and the checklist's banner; begin without them."""
    window.resize(1000, 520)  # the head's height limits its scale
    qtbot.mouseMove(window.zone_panel.table.viewport())
    window.tour_bar.dismiss()
    window.plan_banner.dismiss()
    qtbot.waitUntil(lambda: window.view.y() < window.tour_bar.sizeHint().height())
    window.view.fit()


def pointer_on_map(qtbot: QtBot, window: MainWindow) -> QPoint:
    at = window.view.viewport().mapFrom(window, _crown_at(window))
    qtbot.mouseMove(window.view.viewport(), at + QPoint(3, 3))
    qtbot.mouseMove(window.view.viewport(), at)
    qtbot.waitUntil(window.view.pointer_on_map)
    return at


def test_a_banner_under_the_pointer_moves_nothing_on_the_map(
    qtbot: QtBot, window: MainWindow
) -> None:
    _no_notes(qtbot, window)
    pointer_on_map(qtbot, window)
    before, scale = _crown_at(window), window.view.zoom
    top = window.view.y()

    # The plan's banner appears above the map: the view gets shorter, the map does not move.
    window.plan_banner.show_action(
        "Before your first session, go through the checklist.", "Health checklist…", lambda: None
    )
    qtbot.waitUntil(lambda: window.view.y() > top)
    assert window.view.zoom == scale
    assert (_crown_at(window) - before).manhattanLength() <= 1

    # The tour's text changes height from step to step; still nothing moves.
    window.tour_bar.start_tour(["One line.", "A step " + "with many words " * 30], lambda: None)
    qtbot.waitUntil(lambda: window.view.y() > top + window.plan_banner.height())
    below_one_line = window.view.y()
    window.tour_bar.next_button.click()
    qtbot.waitUntil(lambda: window.view.y() > below_one_line)
    assert window.view.zoom == scale
    assert (_crown_at(window) - before).manhattanLength() <= 1

    window.tour_bar.skip_button.click()
    window.plan_banner.dismiss()
    qtbot.waitUntil(lambda: window.view.y() == top)
    assert window.view.zoom == scale
    assert (_crown_at(window) - before).manhattanLength() <= 1


def test_away_from_the_pointer_the_map_refits_to_its_room(qtbot: QtBot, window: MainWindow) -> None:
    _no_notes(qtbot, window)
    scale = window.view.zoom
    window.plan_banner.show_action("Something to do.\nOn two lines.", "Do it", lambda: None)
    # The map is not under the pointer: it fits the smaller room, so the whole head shows.
    qtbot.waitUntil(lambda: window.view.zoom < scale)
    head = window.view.mapFromScene(window.scene.sceneRect()).boundingRect()
    assert window.view.viewport().rect().adjusted(-1, -1, 1, 1).contains(head)


def test_a_fit_put_off_under_the_pointer_happens_when_it_leaves(
    qtbot: QtBot, window: MainWindow
) -> None:
    _no_notes(qtbot, window)
    pointer_on_map(qtbot, window)
    scale = window.view.zoom
    window.plan_banner.show_action("Something to do.\nOn two lines.", "Do it", lambda: None)
    qtbot.waitUntil(lambda: window.view.y() > 0 and window.plan_banner.isVisible())
    assert window.view.zoom == scale
    qtbot.mouseMove(window.zone_panel.table.viewport())
    qtbot.waitUntil(lambda: window.view.zoom < scale)


def test_clicking_an_area_moves_on_the_tour_and_the_area_stays_put(
    qtbot: QtBot, window: MainWindow
) -> None:
    """The first-start tour's next step is shorter than the first; the click's area stays."""
    window.resize(1000, 520)
    qtbot.waitUntil(lambda: window.tour_bar.tour_step == 0)
    before, scale = _crown_at(window), window.view.zoom
    top = window.view.y()
    at = window.view.viewport().mapFrom(window, before)
    qtbot.mouseMove(window.view.viewport(), at)  # one jump there, as a tablet or xdotool does
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.waitUntil(lambda: window.tour_bar.tour_step == 1)
    qtbot.waitUntil(lambda: window.view.y() != top)
    assert window.view.zoom == scale
    assert (_crown_at(window) - before).manhattanLength() <= 1
