"""Zone names never sit on top of each other, at a small window's zoom or after drawing a zone."""

from __future__ import annotations

from itertools import combinations

import pytest
from PySide6.QtCore import QRectF
from pytestqt.qtbot import QtBot

from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.scene_items import ZoneLabel

pytestmark = pytest.mark.gui


def _overlaps(window: MainWindow) -> list[tuple[str, str]]:
    view = window.view
    rects: dict[str, QRectF] = {}
    for item in window.scene.items():
        if isinstance(item, ZoneLabel) and item.isVisible():
            device = item.deviceTransform(view.viewportTransform())
            rects[item.text()] = device.mapRect(item.boundingRect())
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
