"""A click on the map redraws what it changed and no more (the rest of the window stays put)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QPaintEvent, QRegion
from PySide6.QtWidgets import QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import click_zone

pytestmark = pytest.mark.gui


class _Watch(QObject):
    """Counts a widget's layout requests and collects what it repaints."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.layouts = 0
        self.painted = QRegion()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.layouts += 1
        elif event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.painted += event.region()
        return False


@contextmanager
def _watching(*widgets: QWidget) -> Iterator[list[_Watch]]:
    watches = [_Watch(widget) for widget in widgets]
    yield watches
    for widget, watch in zip(widgets, watches, strict=True):
        widget.removeEventFilter(watch)


def _area(region: QRegion) -> int:
    return sum(rect.width() * rect.height() for rect in region)


def _click_and_wait_for_the_map(qtbot: QtBot, window: MainWindow, zone_id: str) -> None:
    with _watching(window.view.viewport()) as (map_area,):
        click_zone(qtbot, window, zone_id)
        qtbot.waitUntil(lambda: not map_area.painted.isEmpty())


def test_an_edit_leaves_the_toolbar_as_it_is_while_undo_says_what_it_takes_back(
    window: MainWindow,
) -> None:
    toolbar = window.findChild(QToolBar, "tools")
    assert toolbar is not None
    undo = next(
        b for b in toolbar.findChildren(QToolButton) if b.defaultAction() is window.bars.undo
    )
    assert not undo.isEnabled()
    size = undo.sizeHint()
    with _watching(toolbar) as (bar,):
        window.editor.set_state("crown", ZoneState.THINNING)
        QCoreApplication.sendPostedEvents()
    assert bar.layouts == 0
    assert undo.isEnabled()
    assert "Crown" in undo.toolTip()
    assert undo.toolTip().startswith("Undo")
    assert undo.sizeHint() == size
    window.stack.undo()
    assert not undo.isEnabled()
    assert "Crown" not in undo.toolTip()


def test_a_click_repaints_the_rows_it_changed_and_not_the_headings(
    qtbot: QtBot, window: MainWindow
) -> None:
    _click_and_wait_for_the_map(qtbot, window, "crown")  # the list's current row is now set
    table = window.zone_panel.table
    preview = window.preview.table
    header = table.horizontalHeader()
    days_before = window.preview.day_texts()
    with _watching(
        window.view.viewport(), table.viewport(), header.viewport(), preview.viewport()
    ) as (map_area, rows, headings, days):
        click_zone(qtbot, window, "occipital")
        qtbot.waitUntil(lambda: not map_area.painted.isEmpty())
    assert window.model.zone("occipital").state is not ZoneState.HEALTHY

    assert headings.painted.isEmpty()
    # The zone list: the row left and the row chosen (the one marked), not the whole list.
    row_area = (table.rowHeight(0) + 1) * table.viewport().width()  # a row's rect and its edge
    assert 0 < _area(rows.painted) <= 2 * row_area
    # The seven days: the rows whose words changed (Qt may take in a row beside them), not all.
    changed = sum(
        before != after
        for before, after in zip(days_before, window.preview.day_texts(), strict=True)
    )
    day_area = (preview.rowHeight(0) + 1) * preview.viewport().width()
    assert 0 < changed < 6
    assert _area(days.painted) <= (changed + 1) * day_area
