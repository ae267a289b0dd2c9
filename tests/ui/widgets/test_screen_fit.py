"""Windows ask for a size and get what the screen has; a saved size returns only if it fits."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from scalpzone.ui.widgets.screen_fit import available, resize_to_fit, restore_if_fits

pytestmark = pytest.mark.gui


def test_a_wish_bigger_than_the_screen_is_shrunk_to_it(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    room = available(widget).size()
    resize_to_fit(widget, room.width() + 500, room.height() + 500)
    assert widget.width() == room.width() and widget.height() == room.height()
    resize_to_fit(widget, 300, 200)
    assert (widget.width(), widget.height()) == (300, 200)


def test_a_saved_size_comes_back_only_when_it_fits(qtbot: QtBot) -> None:
    room = QWidget()
    qtbot.addWidget(room)
    area = available(room)
    small = QWidget()
    qtbot.addWidget(small)
    small.setGeometry(area.left() + 20, area.top() + 20, 400, 300)
    saved_small = small.saveGeometry()
    again = QWidget()
    qtbot.addWidget(again)
    restore_if_fits(again, saved_small, 1180, 780)
    assert (again.width(), again.height()) == (400, 300)

    # Saved on a bigger monitor (here: forced bigger than this screen): not forced on this one.
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(area.left(), area.top(), area.width() + 600, area.height() + 400)
    saved_big = big.saveGeometry()
    fresh = QWidget()
    qtbot.addWidget(fresh)
    restore_if_fits(fresh, saved_big, 1180, 780)
    assert fresh.width() <= area.width() and fresh.height() <= area.height()
    restore_if_fits(fresh, None, 1180, 780)
    assert fresh.width() <= area.width() and fresh.height() <= area.height()


def test_needle_boxes_write_millimetres_as_the_rest_of_the_app(qtbot: QtBot) -> None:
    from scalpzone.ui.widgets.refusals import needle_box

    parent = QWidget()
    qtbot.addWidget(parent)
    box = needle_box(parent, 1.0)
    assert box.text() == "1.0 mm"  # not "1.00 mm" beside "1.0 mm" elsewhere
    box.setValue(0.25)
    assert box.text() == "0.25 mm"
