"""Drawing a zone and the hairline with the mouse; crossing outlines are refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scalpzone.domain.geometry import point_in_polygon, polygon_area
from scalpzone.domain.regions import region_catalog
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import (
    click_map,
    click_zone,
    drag_on_map,
    panel_row,
    stored_map,
    view_point,
)

pytestmark = pytest.mark.gui

SQUARE = [(0.42, 0.34), (0.58, 0.34), (0.58, 0.44), (0.42, 0.44)]


def _near(a: tuple[float, float], b: tuple[float, float], tolerance: float = 0.004) -> bool:
    # A click lands on a whole pixel, so the stored point is within a pixel of the aim.
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance


def test_drawing_a_zone_by_clicks_and_a_double_click(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("zone")
    for point in SQUARE:
        click_map(qtbot, window, point)
    assert window.model.scalp_map.custom_zones == ()  # not closed yet
    qtbot.mouseDClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=view_point(window, SQUARE[-1])
    )

    (zone,) = window.model.scalp_map.custom_zones
    assert zone.id == "custom-1" and zone.name == "Zone 1"
    assert zone.polygon is not None and len(zone.polygon) == 4
    assert all(_near(a, b) for a, b in zip(zone.polygon, SQUARE, strict=True))
    assert stored_map(window).zone("custom-1") == zone
    assert panel_row(window, "custom-1")[:2] == ["Zone 1", "Healthy"]
    assert window.selection.current() == "custom-1"
    assert "Added Zone 1" in window.notices.text()
    assert window.stack.undoText() == "Draw Zone 1"

    # The new zone is drawn above the presets: a click marks it, not the region beneath.
    window.choose_tool("mark")
    click_map(qtbot, window, (0.5, 0.39))
    assert window.model.zone("custom-1").state is ZoneState.THINNING
    assert window.model.zone("midscalp_center").state is ZoneState.HEALTHY


def test_enter_closes_backspace_drops_and_esc_cancels(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("zone")
    for point in [*SQUARE, (0.7, 0.7)]:
        click_map(qtbot, window, point)
    qtbot.keyClick(window.view, Qt.Key.Key_Backspace)  # drops (0.7, 0.7)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    (zone,) = window.model.scalp_map.custom_zones
    assert zone.polygon is not None and len(zone.polygon) == 4

    for point in SQUARE[:3]:
        click_map(qtbot, window, (point[0], point[1] + 0.2))
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.notices.text() == "Drawing cancelled."
    qtbot.keyClick(window.view, Qt.Key.Key_Return)  # nothing left to close
    assert len(window.model.scalp_map.custom_zones) == 1


def test_clicking_the_first_point_closes_the_outline(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("zone")
    for point in [*SQUARE, SQUARE[0]]:
        click_map(qtbot, window, point)
    assert len(window.model.scalp_map.custom_zones) == 1


def test_a_crossing_outline_is_refused_with_a_message(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("zone")
    bow_tie = [(0.42, 0.34), (0.58, 0.44), (0.58, 0.34), (0.42, 0.44)]
    for point in bow_tie:
        click_map(qtbot, window, point)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)

    assert window.model.scalp_map.custom_zones == ()
    assert stored_map(window).custom_zones == ()
    assert window.stack.count() == 0
    assert window.notices.kind == "problem"
    assert "crosses itself" in window.notices.text()

    # The points are kept so the person can fix them: take back three, redraw, close.
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Backspace)
    for point in [(0.58, 0.34), (0.58, 0.44), (0.42, 0.44)]:
        click_map(qtbot, window, point)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert len(window.model.scalp_map.custom_zones) == 1


def test_a_zone_drawn_past_the_scalp_is_clipped_to_it(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("zone")
    past_the_edge = [(0.05, 0.45), (0.30, 0.45), (0.30, 0.60), (0.05, 0.60)]
    for point in past_the_edge:
        click_map(qtbot, window, point)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    (zone,) = window.model.scalp_map.custom_zones
    scalp = region_catalog().head.scalp
    assert zone.polygon is not None
    assert all(point_in_polygon(p, scalp) or _on_edge(p) for p in zone.polygon)
    assert polygon_area(zone.polygon) < polygon_area(past_the_edge)
    assert stored_map(window).zone(zone.id) == zone


def _on_edge(point: tuple[float, float]) -> bool:
    from scalpzone.domain.geometry import clamp_to_scalp

    return _near(clamp_to_scalp(point, region_catalog().head.scalp), point, 0.002)


def test_drawing_the_hairline_and_dragging_a_point(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("hairline")
    line = [(0.25, 0.18), (0.40, 0.15), (0.60, 0.15), (0.75, 0.18)]
    for point in line:
        click_map(qtbot, window, point)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)

    hairline = window.model.scalp_map.hairline
    assert len(hairline) == 4 and all(_near(a, b) for a, b in zip(hairline, line, strict=True))
    assert stored_map(window).hairline == hairline
    assert window.stack.undoText() == "Draw hairline"

    # Dragging its points is the hairline tool's (Enter went back to marking areas).
    window.choose_tool("hairline")
    # Drag the second point down: one undo step, one save when the drag ends.
    saves: list[object] = []
    window.autosave.saved.connect(lambda: saves.append(None))
    drag_on_map(qtbot, window, [hairline[1], (0.40, 0.17), (0.40, 0.19), (0.40, 0.20)])
    moved = window.model.scalp_map.hairline
    assert _near(moved[1], (0.40, 0.20))
    assert moved[0] == hairline[0] and moved[2:] == hairline[2:]
    assert window.stack.count() == 2
    assert window.stack.undoText() == "Move a hairline point"
    # Reading the store waits for the write in flight (it runs off the GUI thread).
    assert stored_map(window).hairline == moved
    assert len(saves) == 1

    window.stack.undo()
    assert stored_map(window).hairline == hairline


def test_enter_finishing_the_hairline_goes_back_to_marking(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.choose_tool("hairline")
    for point in [(0.25, 0.18), (0.50, 0.15), (0.75, 0.18)]:
        click_map(qtbot, window, point)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert len(window.model.scalp_map.hairline) == 3
    assert window.view.tool is window.tools["mark"]
    assert window.bars.tools["mark"].isChecked()
    assert not window.bars.tools["hairline"].isChecked()
    # The next click on an area marks it, as the person expects.
    click_zone(qtbot, window, "crown")
    assert window.model.zone("crown").state is ZoneState.THINNING
    assert "clicks mark areas again" in window.notices.text()


def test_a_hairline_needs_two_points(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("hairline")
    click_map(qtbot, window, (0.5, 0.15))
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.model.scalp_map.hairline == ()
    assert "at least two points" in window.notices.text()


def test_hairline_points_stay_on_the_scalp(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("hairline")
    for point in [(0.3, 0.02), (0.7, 0.02)]:  # on the forehead, off the scalp
        click_map(qtbot, window, point)
    qtbot.keyClick(window.view, Qt.Key.Key_Enter)
    scalp = region_catalog().head.scalp
    assert all(_on_edge(p) or point_in_polygon(p, scalp) for p in window.model.scalp_map.hairline)
    assert all(p[1] > 0.1 for p in window.model.scalp_map.hairline)


def test_switching_tools_drops_a_half_drawn_outline(qtbot: QtBot, window: MainWindow) -> None:
    window.choose_tool("zone")
    for point in SQUARE[:2]:
        click_map(qtbot, window, point)
    assert not window.scene.draft.path().isEmpty()
    window.choose_tool("mark")
    assert window.scene.draft.path().isEmpty()
