"""Today's session starts from the Map tab, by mouse or keyboard, beside the next seven days."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.plan import PlanStatus
from scalpzone.ui.dialogs.health import HealthDialog
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.session.runner import SessionRunner
from tests.ui.helpers import MONDAY
from tests.ui.week.test_week_window import confirm_health, mark_thinning

pytestmark = pytest.mark.gui


def close_runner(qtbot: QtBot, window: MainWindow) -> None:
    """The session runner is open over the window; the person cancels it."""
    runner = window.week.open_dialog
    assert isinstance(runner, SessionRunner)
    qtbot.waitExposed(runner)
    runner.reject()
    qtbot.waitUntil(lambda: window.week.open_dialog is None)


def checklist_from_start_button(qtbot: QtBot, window: MainWindow) -> HealthDialog:
    """A new profile with thinning areas: "Start today's session…" opens the health checklist."""
    mark_thinning(window)
    qtbot.waitUntil(window.preview.start_button.isVisible)
    qtbot.mouseClick(window.preview.start_button, Qt.MouseButton.LeftButton)
    checklist = window.week.open_dialog
    assert isinstance(checklist, HealthDialog)
    qtbot.waitExposed(checklist)
    return checklist


def test_the_map_tab_starts_todays_session_from_the_keyboard(
    qtbot: QtBot, window: MainWindow
) -> None:
    button = window.preview.start_button
    assert not button.isVisible()  # nothing marked: no session today, no button
    mark_thinning(window)
    confirm_health(window)
    assert window.model.plan.session_on(MONDAY) is not None
    qtbot.waitUntil(button.isVisible)
    assert button.isEnabled()
    assert button.text().replace("&", "") == "Start today's session…"
    # Tab from the next seven days reaches it, and Space presses it.
    window.preview.table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.preview.table.hasFocus)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    close_runner(qtbot, window)


def test_no_start_button_on_a_rest_day_or_before_the_database_opens(
    qtbot: QtBot, window: MainWindow
) -> None:
    mark_thinning(window)
    confirm_health(window)
    button = window.preview.start_button
    qtbot.waitUntil(button.isVisible)
    window.set_editing_enabled(False)
    assert not button.isEnabled()
    window.set_editing_enabled(True)
    # Rolled yesterday: today is a rest day.
    window.profiles.open_profile.log_session(
        HistoryEntry(MONDAY - timedelta(days=1), ("crown", "midscalp_left"), 1.0)
    )
    assert window.model.plan.session_on(MONDAY) is None
    qtbot.waitUntil(lambda: not button.isVisible())


def test_a_first_session_goes_on_to_the_runner_once_the_checklist_is_confirmed(
    qtbot: QtBot, window: MainWindow
) -> None:
    checklist = checklist_from_start_button(qtbot, window)  # the checklist comes first
    qtbot.mouseClick(checklist.confirm_button, Qt.MouseButton.LeftButton)  # nothing applies
    qtbot.waitUntil(lambda: isinstance(window.week.open_dialog, SessionRunner))
    close_runner(qtbot, window)


def test_a_ticked_checklist_item_stops_the_session_from_starting(
    qtbot: QtBot, window: MainWindow
) -> None:
    checklist = checklist_from_start_button(qtbot, window)
    first = checklist.findChildren(QCheckBox)[0]
    first.setChecked(True)
    qtbot.mouseClick(checklist.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.week.open_dialog is None)
    assert window.model.plan.status is PlanStatus.HOLD
    assert window.week.open_dialog is None  # no runner on hold
