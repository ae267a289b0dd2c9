"""Run by test_small_screen.py on an offscreen 1024×600 screen (not collected on its own).

Every main view and dialog opens inside the screen's available geometry, every button in it
can be reached (it lies on the screen), and no text in it is squeezed shorter than it needs.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowMaker
from tests.ui.views import every_view, lived_in

pytestmark = pytest.mark.gui


def test_every_view_and_its_buttons_fit_the_screen(qtbot: QtBot, make_window: WindowMaker) -> None:
    screen = QGuiApplication.primaryScreen()
    assert screen.size().width() == 1024 and screen.size().height() == 600
    area = screen.availableGeometry()
    window = make_window()
    lived_in(window)
    problems = []
    for name, view in every_view(qtbot, window):
        frame = view.frameGeometry()
        if not area.contains(frame):
            problems.append(f"{name}: {frame.getRect()} is not inside {area.getRect()}")
        for button in view.findChildren(QAbstractButton):
            if not button.isVisible() or button.window() is not view:
                continue
            where = QRect(button.mapToGlobal(button.rect().topLeft()), button.size())
            if not area.contains(where.center()):
                problems.append(
                    f"{name}: button {button.text()!r} at {where.getRect()} is off-screen"
                )
        problems += [f"{name}: {what}" for what in _squeezed(view)]
    assert not problems, "\n".join(problems)


def _squeezed(view: QWidget) -> list[str]:
    """Texts given less height than they need (a check box's letters cut at the bottom, a
    wrapped label's last line missing)."""
    out = []
    for widget in view.findChildren(QWidget):
        if not widget.isVisible() or widget.window() is not view:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            needed = widget.minimumSizeHint().height()
        elif isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
        else:
            continue
        if widget.height() < needed:
            out.append(f"{widget.text()[:40]!r} is {widget.height()} px high, needs {needed}")
    return out
