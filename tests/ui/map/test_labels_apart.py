"""Zone names never sit on top of each other, at a small window's zoom or after drawing a zone."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainterPathStroker
from PySide6.QtWidgets import QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.scene_items import DateLabel, LineItem, ZoneLabel

pytestmark = pytest.mark.gui


def _letters(label: ZoneLabel) -> QRectF:
    """Where a name's letters are (its bounding rect also holds the halo around them)."""
    return QGraphicsSimpleTextItem.boundingRect(label)


def _overlaps(window: MainWindow) -> list[tuple[str, str]]:
    view = window.view
    rects: dict[str, QRectF] = {}
    for item in window.scene.items():
        if isinstance(item, ZoneLabel) and item.isVisible():
            device = item.deviceTransform(view.viewportTransform())
            rects[item.text()] = device.mapRect(_letters(item))
    return [(a, b) for a, b in combinations(rects, 2) if rects[a].intersects(rects[b])]


def test_names_keep_apart_in_a_small_window_and_around_a_drawn_zone(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(700, 480)
    qtbot.waitUntil(lambda: window.view.transform().m11() < 0.6)
    window.view.fit()
    assert _overlaps(window) == []
    # A drawn zone near the back of the head: its name does not cover "Back of head".
    window.editor.add_zone([(0.40, 0.80), (0.60, 0.80), (0.60, 0.90), (0.40, 0.90)])
    assert _overlaps(window) == []


def _names_on_lines(window: MainWindow) -> list[str]:
    """Names whose drawn text meets the hairline or an earlier hairline, on screen."""
    view = window.view
    stroker = QPainterPathStroker()
    stroker.setWidth(3.0)  # the hairline's pen, in pixels
    lines = [
        stroker.createStroke(view.viewportTransform().map(item.path()))
        for item in window.scene.items()
        if isinstance(item, LineItem) and item.isVisible() and not item.path().isEmpty()
    ]
    assert lines, "no hairline drawn"
    hits = []
    for item in window.scene.items():
        if isinstance(item, ZoneLabel) and item.isVisible():
            box = item.deviceTransform(view.viewportTransform()).mapRect(_letters(item))
            if any(line.intersects(box) for line in lines):
                hits.append(item.text())
    return hits


@pytest.mark.parametrize("size", [(700, 480), (1000, 640), (1500, 950)])
def test_the_hairline_never_runs_through_a_name(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    window.resize(*size)
    qtbot.waitUntil(lambda: window.view.size().width() < size[0])
    window.view.fit()
    # A hairline drawn along the front, through the three hairline areas.
    front = [(0.2, 0.2), (0.3, 0.13), (0.5, 0.1), (0.7, 0.13), (0.8, 0.2)]
    window.editor.set_hairline(front)
    assert _names_on_lines(window) == []
    assert _overlaps(window) == []
    # Zoomed in, and with the hairline drawn lower, through the temples.
    window.view.zoom_by(1.6)
    assert _names_on_lines(window) == []
    window.editor.set_hairline([(0.15, 0.30), (0.35, 0.22), (0.5, 0.2), (0.65, 0.22), (0.85, 0.30)])
    assert _names_on_lines(window) == []
    assert _overlaps(window) == []


@pytest.mark.parametrize("size", [(1000, 640), (1180, 800), (1280, 860), (1500, 950)])
def test_a_name_keeps_a_space_from_a_hairline_date(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    # Seen at 1600×1000: "Hairline (right)" and the hairline's "today" read as one word.
    window.resize(*size)
    qtbot.waitUntil(lambda: window.view.size().width() < size[0])
    window.view.fit()
    # The hairline drawn in that walk, read back from its database.
    front = [
        (0.2566, 0.1543),
        (0.3804, 0.1238),
        (0.5043, 0.1131),
        (0.6281, 0.1238),
        (0.7519, 0.1543),
    ]
    window.editor.set_hairline(front)
    window.scene.set_compare(True)
    view = window.view
    dates = [
        item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())
        for item in window.scene.items()
        if isinstance(item, DateLabel)
    ]
    assert dates  # the hairline drawn today carries "today"
    near = [
        item.text()
        for item in window.scene.items()
        if isinstance(item, ZoneLabel)
        and item.isVisible()
        and any(
            item.deviceTransform(view.viewportTransform())
            .mapRect(_letters(item))
            .adjusted(-4, 0, 4, 0)
            .intersects(date)
            for date in dates
        )
    ]
    assert near == []
