"""The keyboard path: Tab through zones on the map, Space cycles, 1/2/3 set the state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from scalpzone.domain.regions import REGION_IDS
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import panel_row, stored_map

pytestmark = pytest.mark.gui


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Type a key into whatever has the keyboard focus, as the person would."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)


def test_marking_three_zones_without_the_mouse(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)

    _press(qtbot, Qt.Key.Key_Tab)  # first zone
    assert window.selection.current() == REGION_IDS[0]
    _press(qtbot, Qt.Key.Key_Space)
    assert window.model.zone(REGION_IDS[0]).state is ZoneState.THINNING

    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_3)
    assert window.model.zone(REGION_IDS[1]).state is ZoneState.BALD

    for _ in range(8):
        _press(qtbot, Qt.Key.Key_Tab)
    assert window.selection.current() == "crown"
    _press(qtbot, Qt.Key.Key_2)
    _press(qtbot, Qt.Key.Key_Space)  # thinning → bald
    _press(qtbot, Qt.Key.Key_2)  # back to thinning
    assert window.model.zone("crown").state is ZoneState.THINNING

    saved = stored_map(window)
    assert saved.zone(REGION_IDS[0]).state is ZoneState.THINNING
    assert saved.zone(REGION_IDS[1]).state is ZoneState.BALD
    assert saved.zone("crown").state is ZoneState.THINNING
    assert panel_row(window, "crown")[1] == "Thinning"

    _press(qtbot, Qt.Key.Key_1)
    assert window.model.zone("crown").state is ZoneState.HEALTHY
    assert QApplication.focusWidget() is window.view


def test_shift_tab_goes_back_and_tab_leaves_the_map_after_the_last_zone(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_Tab)
    _press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.current() == REGION_IDS[0]

    for _ in range(len(REGION_IDS) - 1):
        _press(qtbot, Qt.Key.Key_Tab)
    assert window.selection.current() == REGION_IDS[-1]
    _press(qtbot, Qt.Key.Key_Tab)  # past the last zone: on to the next control
    assert QApplication.focusWidget() is window.zone_panel.table


def test_space_held_with_a_drag_pans_instead_of_cycling(qtbot: QtBot, window: MainWindow) -> None:
    window.view.zoom_by(3.0)
    window.selection.set_current("crown")
    window.view.setFocus()
    bar = window.view.horizontalScrollBar()
    start = bar.value()
    viewport = window.view.viewport()
    qtbot.keyPress(window.view, Qt.Key.Key_Space)
    centre = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=centre)
    from tests.ui.helpers import _move_with_button

    _move_with_button(viewport, centre + type(centre)(60, 0), Qt.MouseButton.LeftButton)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=centre + type(centre)(60, 0))
    qtbot.keyRelease(window.view, Qt.Key.Key_Space)
    assert bar.value() == start - 60
    assert window.model.zone("crown").state is ZoneState.HEALTHY
    assert window.stack.count() == 0


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QAbstractSlider, QGraphicsView

    controls = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, QAbstractItemView | QAbstractSlider | QGraphicsView | QAbstractButton)
        and w.isVisibleTo(window)
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]
    assert controls
    unnamed = [
        type(w).__name__
        for w in controls
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert unnamed == []
