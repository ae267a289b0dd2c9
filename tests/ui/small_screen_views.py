"""Run by test_small_screen.py on an offscreen 1024×600 screen (not collected on its own).

Every main view and dialog opens inside the screen's available geometry, and every button in
it can be reached (it lies on the screen).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton
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
    assert not problems, "\n".join(problems)
