"""The main window: menus, zoom and pan, remembered layout, hairline comparison, palettes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.scene_items import DateLabel
from tests.ui.conftest import WindowMaker

pytestmark = pytest.mark.gui


def test_the_window_has_the_expected_menus_and_title(window: MainWindow) -> None:
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "View", "Map", "Plan", "Help"]
    assert window.windowTitle() == "My scalp — ScalpZone"
    for action in window.findChildren(type(window.commands.undo)):
        if action.text() and not action.isSeparator() and action.menu() is None:
            assert action.statusTip(), action.text()


def test_zoom_keys_zoom_and_ctrl_0_fits(qtbot: QtBot, window: MainWindow) -> None:
    window.view.setFocus()
    fitted = window.view.zoom
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == pytest.approx(fitted * 1.25)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == pytest.approx(fitted * 0.8)
    qtbot.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom == pytest.approx(fitted)


def _wheel(window: MainWindow, pos: QPoint, steps: int, modifiers: Qt.KeyboardModifier) -> None:
    viewport = window.view.viewport()
    event = QWheelEvent(
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_ctrl_wheel_zooms_to_the_cursor(window: MainWindow) -> None:
    view = window.view
    pos = view.viewport().rect().center() + QPoint(80, 60)
    before = view.mapToScene(pos)
    fitted = view.zoom
    _wheel(window, pos, 2, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(fitted * 1.25**2)
    after = view.mapToScene(pos)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2


def test_the_middle_button_pans(qtbot: QtBot, window: MainWindow) -> None:
    from tests.ui.helpers import _move_with_button

    window.view.zoom_by(3)
    bar = window.view.verticalScrollBar()
    start = bar.value()
    viewport = window.view.viewport()
    centre = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=centre)
    _move_with_button(viewport, centre + QPoint(0, 40), Qt.MouseButton.MiddleButton)
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=centre + QPoint(0, 40))
    assert bar.value() == start - 40
    assert window.stack.count() == 0


def test_layout_and_last_profile_are_remembered(qtbot: QtBot, make_window: WindowMaker) -> None:
    first = make_window()
    first.resize(first.minimumSizeHint().width() + 10, 520)
    size = first.size()
    first.splitter.setSizes([420, 260])
    first.commands.show_names.setChecked(False)
    first.legend.slider.setValue(40)
    store = first.profiles.store
    assert store is not None
    other = store.create_profile("Alex")
    first.profiles.switch_to(other)
    sizes = first.splitter.sizes()
    first.close()

    second = make_window()
    assert second.size() == size
    assert second.splitter.sizes() == sizes
    assert not second.commands.show_names.isChecked()
    assert second.scene.look.fill_opacity == pytest.approx(0.40)
    assert second.profiles.profile_id == other
    assert second.windowTitle() == "Alex — ScalpZone"


def date_labels(window: MainWindow) -> list[str]:
    """The dates written beside the hairlines on the map, in the order drawn."""
    items = window.scene.items(Qt.SortOrder.AscendingOrder)
    return [item.text() for item in items if isinstance(item, DateLabel) and item.isVisible()]


def test_compare_hairlines_overlays_earlier_days_with_dates(window: MainWindow) -> None:
    store = window.profiles.store
    assert store is not None
    earlier = ScalpMap().with_hairline(((0.25, 0.16), (0.5, 0.12), (0.75, 0.16)))
    profile = store.import_document(MapDocument(earlier), "Progress", day=date(2026, 8, 24))
    window.profiles.switch_to(profile)
    window.editor.set_hairline([(0.25, 0.19), (0.5, 0.15), (0.75, 0.19)])

    window.commands.compare.setChecked(True)
    assert window.scene.comparing
    assert date_labels(window) == ["24 Aug 2026", "today"]
    window.commands.compare.setChecked(False)
    assert date_labels(window) == []


@pytest.fixture
def dark_palette(qapp: QApplication) -> Iterator[QPalette]:
    """Switch the app to a dark palette for one test."""
    light = qapp.palette()
    dark = QPalette(light)
    for role, colour in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e6e6e6"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e6e6e6"),
        (QPalette.ColorRole.Button, "#333333"),
        (QPalette.ColorRole.ButtonText, "#e6e6e6"),
    ):
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)
    yield dark
    qapp.setPalette(light)


def test_switching_to_a_dark_palette_recolours_the_map(
    qtbot: QtBot, window: MainWindow, dark_palette: QPalette
) -> None:
    qtbot.waitUntil(lambda: window.scene.look.colours.background.lightness() < 64)
    assert window.scene.backgroundBrush().color().lightness() < 64
    assert window.scene.look.colours.healthy.lightness() < 96


def test_compare_without_earlier_hairlines_says_so(window: MainWindow) -> None:
    window.commands.compare.setChecked(True)
    assert "No hairline from an earlier day yet" in window.notices.text()


def test_notes_float_over_the_map_without_moving_it(window: MainWindow) -> None:
    before = window.view.geometry()
    fitted = window.view.zoom
    window.notices.show_problem("A long note " * 12)
    assert window.notices.isVisible()
    assert window.view.geometry() == before
    assert window.view.zoom == fitted
    assert window.view.viewport().geometry().contains(window.notices.geometry().topLeft())
    window.notices.close_button.click()
    assert window.notices.text() == ""
