"""The zone list beside the map: how its rows are drawn."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.style.colours import mix

pytestmark = pytest.mark.gui


def test_the_last_treated_column_is_drawn_quieter_than_the_names(window: MainWindow) -> None:
    table = window.zone_panel.table_model
    colours = window.scene.look.colours
    delegate = window.zone_panel.table.itemDelegate()
    assert isinstance(delegate, QStyledItemDelegate)
    drawn = {}
    for column in (table.ZONE, table.LAST):
        option = QStyleOptionViewItem()
        option.palette = window.zone_panel.table.palette()
        delegate.initStyleOption(option, table.index(0, column))
        drawn[column] = option.palette.color(QPalette.ColorRole.Text)
    assert drawn[table.LAST] == mix(colours.background, colours.label, 0.62)
    assert drawn[table.ZONE] == window.zone_panel.table.palette().color(QPalette.ColorRole.Text)
