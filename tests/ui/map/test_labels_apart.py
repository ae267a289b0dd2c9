"""Zone names never sit on top of each other, at a small window's zoom or after drawing a zone."""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsSimpleTextItem
from pytestqt.qtbot import QtBot

from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map import declutter
from scalpzone.ui.map.scene_items import HALO, DateLabel, LineItem, ZoneLabel, halo_path

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


def _fitted_at(qtbot: QtBot, window: MainWindow, size: tuple[int, int]) -> None:
    """The window at `size`, laid out, with the head fitted to the map."""
    window.resize(*size)
    qtbot.waitUntil(lambda: window.view.size().width() < size[0])
    window.view.fit()


@pytest.mark.parametrize("size", [(700, 480), (1000, 640), (1500, 950)])
def test_the_hairline_never_runs_through_a_name(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    _fitted_at(qtbot, window, size)
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
    _fitted_at(qtbot, window, size)
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


def test_names_are_placed_again_only_when_one_is_renamed_moved_added_or_removed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Placing 63 names took half of a click's time; a new state or colour moves none of them.
    placed: list[int] = []
    place = declutter.place_labels

    def counted(*args: Any, **kwargs: Any) -> int:
        placed.append(1)
        return place(*args, **kwargs)

    monkeypatch.setattr(declutter, "place_labels", counted)
    editor = window.editor
    zone_id = editor.add_zone([(0.40, 0.40), (0.50, 0.40), (0.50, 0.50), (0.40, 0.50)])
    assert len(placed) == 1
    editor.cycle_state("crown")
    editor.cycle_state(zone_id)
    editor.set_severity("occipital", 3)
    editor.block_until(zone_id, window.model.today())
    editor.stack.undo()
    assert len(placed) == 1
    editor.rename(zone_id, "A much longer name for this patch")
    assert len(placed) == 2
    editor.move_vertex(zone_id, 0, (0.30, 0.30), editor.new_gesture())
    assert len(placed) == 3
    editor.delete_zone(zone_id)
    assert len(placed) == 4
    assert _overlaps(window) == []


def test_a_names_halo_is_the_stroke_around_its_letters() -> None:
    # The halo's outline is kept per name; filled, it paints what stroking the letters painted.
    font = QFont()
    font.setPixelSize(11)
    halo = QColor("#a0c0e0")

    def blank() -> QImage:
        image = QImage(160, 30, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor("#808080"))
        return image

    def drawn(fill: bool) -> QImage:
        image = blank()
        painter = QPainter(image)
        painter.translate(10.3, 5.7)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if fill:
            painter.fillPath(halo_path("Hairline (left)", font), halo)
        else:
            letters = QPainterPath()
            letters.addText(QPointF(0, QFontMetricsF(font).ascent()), font, "Hairline (left)")
            pen = QPen(halo, 2 * HALO, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.strokePath(letters, pen)
        painter.end()
        return image

    stroked = drawn(fill=False)
    assert stroked != blank()  # there is a halo to compare
    assert drawn(fill=True) == stroked
