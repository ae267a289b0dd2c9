"""The session runner's per-area timer: counts the area's minutes down, says when they are up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scalpzone.ui.session.timer import AreaTimer, clock

pytestmark = pytest.mark.gui


def test_clock_reads_minutes_and_seconds() -> None:
    assert clock(0) == "0:00"
    assert clock(65) == "1:05"
    assert clock(600) == "10:00"


def test_the_timer_starts_pauses_says_time_is_up_and_resets(qtbot: QtBot) -> None:
    timer = AreaTimer(3)
    qtbot.addWidget(timer)
    timer.show()
    assert timer.label.text() == "3:00 left of about 3:00"
    timer.total = 1  # a one-second area, so the test does not wait minutes
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    assert timer.running and timer.start_button.text() == "&Pause"
    with qtbot.waitSignal(timer.finished, timeout=5000):
        pass
    assert "Time is up for this area" in timer.label.text()
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    assert not timer.running and timer.start_button.text() == "Go &on"
    qtbot.mouseClick(timer.reset_button, Qt.MouseButton.LeftButton)
    assert timer.elapsed() == 0 and "left of about" in timer.label.text()
