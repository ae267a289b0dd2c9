"""The session runner: a planned session step by step, then logged in the real database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.plan import Plan, Session
from scalpzone.domain.planner import make_plan
from scalpzone.storage.store import ProfileStore
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.session.runner import SessionRunner
from scalpzone.ui.week.view import WeekView
from tests.ui.helpers import MONDAY, ScriptedDialogs, opened_profile
from tests.ui.thinning_profile import profile_with_thinning, screenshot

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton
TUESDAY = MONDAY + timedelta(days=1)


def treated_profile(window: MainWindow) -> tuple[ProfileStore, int]:
    """Thinning crown and mid-scalp, one session ten days ago (so today's is no patch test),
    and a roller started after it."""
    store, pid = profile_with_thinning(window)
    store.log_session(pid, HistoryEntry(MONDAY - timedelta(days=10), ("crown",), 1.0))
    store.start_roller(pid, 1.0, MONDAY - timedelta(days=5))
    return store, pid


def mondays_session(window: MainWindow) -> tuple[ProfileStore, int, Session]:
    """The treated profile and the session its plan holds for Monday."""
    store, pid = treated_profile(window)
    session = plan_from(store, pid, MONDAY).session_on(MONDAY)
    assert session is not None
    return store, pid, session


def plan_from(store: ProfileStore, pid: int, start: date) -> Plan:
    """A fresh plan from what the database holds now."""
    doc = store.load_profile(pid).document
    return make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, start, 1)


def uses(store: ProfileStore, pid: int) -> int:
    roller = store.current_roller(pid)
    assert roller is not None
    return roller.uses


def open_runner(
    qtbot: QtBot,
    window: MainWindow,
    session: Session,
    dialogs: ScriptedDialogs,
    today: date = MONDAY,
) -> SessionRunner:
    runner = SessionRunner(opened_profile(window, today), session, dialogs=dialogs)
    qtbot.addWidget(runner)
    runner.open()
    qtbot.waitExposed(runner)
    return runner


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A real click: on a check box's tick square, in the middle of anything else."""
    if isinstance(widget, QCheckBox):
        qtbot.mouseClick(widget, LEFT, pos=QPoint(8, widget.height() // 2))
    else:
        qtbot.mouseClick(widget, LEFT)


def next_to_finish(qtbot: QtBot, runner: SessionRunner) -> None:
    """Click Next until the finish page shows."""
    while not runner.done_button.isVisible():  # Done shows on the finish page only
        click(qtbot, runner.next_button)


def test_done_by_clicking_logs_zones_in_order_counts_a_use_and_changes_the_plan(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid = treated_profile(window)
    week = WeekView(opened_profile(window))
    qtbot.addWidget(week)
    assert week.plan is not None
    session = week.plan.session_on(MONDAY)
    assert session is not None and len(session.zones) == 3
    tuesday_before = plan_from(store, pid, TUESDAY).session_on(TUESDAY)
    assert tuesday_before is not None and set(session.zones) <= set(tuesday_before.zones)
    uses_before = uses(store, pid)
    logged_before = len(store.load_profile(pid).document.history)

    runner = open_runner(qtbot, window, session, dialogs)
    names = [window.model.zone(z).display_name for z in session.zones]
    names_numbered = [f"{i}. {name}" for i, name in enumerate(names, start=1)]
    assert runner.page_titles() == [
        "Before you start",
        *(f"Area {i} of 3: {name}" for i, name in enumerate(names, start=1)),
        "After the session",
        "Finish: log the session",
    ]
    assert (
        "needle 1.0 mm" in runner.header.text() and f"{session.minutes} min" in runner.header.text()
    )
    # Tick the steps on every page as the person goes.
    while not runner.done_button.isVisible():  # Done shows on the finish page only
        page = runner.pages.currentWidget()
        assert page is not None
        for step in [s for s in runner.step_checks if page.isAncestorOf(s)]:
            click(qtbot, step.box)
            assert step.checked
        click(qtbot, runner.next_button)
    steps = [runner.step_list.item(i).text() for i in range(runner.step_list.count())]
    assert steps[:-1] == [f"{name}  ✓" for name in ["Before", *names_numbered, "After"]]
    assert runner.done_button.isVisible() and runner.done_button.isDefault()
    with qtbot.waitSignal(runner.logged) as logged:
        click(qtbot, runner.done_button)

    expected = HistoryEntry(MONDAY, session.zones, 1.0, SessionStatus.DONE)
    assert logged.args == [expected]
    history = store.load_profile(pid).document.history
    assert len(history) == logged_before + 1
    assert history[-1] == expected
    assert uses(store, pid) == uses_before + 1
    tuesday_after = plan_from(store, pid, TUESDAY).session_on(TUESDAY)
    assert tuesday_after is None or not set(session.zones) & set(tuesday_after.zones)
    assert not runner.isVisible()
    assert runner.result() == SessionRunner.DialogCode.Accepted


def test_zone_pages_show_the_zone_and_the_way_to_roll(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    _store, _pid, session = mondays_session(window)
    runner = open_runner(qtbot, window, session, dialogs)
    screenshot(runner, "session-before")
    click(qtbot, runner.next_button)
    page = runner.zone_pages[0]
    assert runner.pages.currentWidget() is page
    assert page.map.isVisible() and page.map.zone_id == session.zones[0]
    assert page.map.roll_pass is not None and page.map.roll_pass.name == "Front to back"
    assert "Arrows: 1. front to back" in page.map_caption.text()
    assert "1.0 mm" in page.details.text()
    screenshot(runner, "session-zone")
    click(qtbot, page.steps[0].box)
    assert page.map.roll_pass.name.startswith("Across")
    assert "Arrows: 2." in page.map_caption.text()
    qtbot.mouseClick(page.steps[1].label, LEFT)  # the words tick the box too
    assert page.steps[1].checked
    assert page.map.roll_pass.name.startswith("Diagonally")
    crown = runner.zone_pages[-1]
    runner.go_to(runner.pages.indexOf(crown))
    for step in crown.steps[:2]:
        click(qtbot, step.box)
    assert crown.map.roll_pass is crown.passes[2]
    assert "Arrows: 3. diagonally" in crown.map_caption.text()
    screenshot(runner, "session-zone-diagonal")


def test_partial_done_logs_only_the_ticked_zones(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid, session = mondays_session(window)
    uses_before = uses(store, pid)
    runner = open_runner(qtbot, window, session, dialogs)
    next_to_finish(qtbot, runner)
    left_out = session.zones[-1]
    click(qtbot, runner.rolled_checks[left_out])
    assert "only the ticked areas" in runner.finish_hint.text()
    with qtbot.waitSignal(runner.logged):
        click(qtbot, runner.done_button)

    entry = store.load_profile(pid).document.history[-1]
    assert entry == HistoryEntry(MONDAY, session.zones[:-1], 1.0, SessionStatus.DONE)
    assert uses(store, pid) == uses_before + 1
    # The zone left out comes back in the next session; the rolled ones rest.
    following = plan_from(store, pid, TUESDAY).sessions[0]
    assert left_out in following.zones
    assert not set(session.zones[:-1]) & set(following.zones)


def test_nothing_ticked_cannot_be_logged_as_done(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    _store, _pid, session = mondays_session(window)
    runner = open_runner(qtbot, window, session, dialogs)
    next_to_finish(qtbot, runner)
    for box in runner.rolled_checks.values():
        click(qtbot, box)
    assert not runner.done_button.isEnabled()
    assert "tick the areas you rolled, or choose Skip" in runner.finish_hint.text()


def test_skip_logs_skipped_and_counts_no_use(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid, session = mondays_session(window)
    uses_before = uses(store, pid)
    runner = open_runner(qtbot, window, session, dialogs)
    runner.step_list.setCurrentRow(runner.step_list.count() - 1)  # jump straight to Finish
    assert runner.skip_button.isVisible()
    with qtbot.waitSignal(runner.logged) as logged:
        click(qtbot, runner.skip_button)
    entry = store.load_profile(pid).document.history[-1]
    assert entry == HistoryEntry(MONDAY, session.zones, 1.0, SessionStatus.SKIPPED)
    assert logged.args == [entry]
    assert uses(store, pid) == uses_before
    # Skipped is no treatment: the same zones are still due tomorrow.
    tuesday = plan_from(store, pid, TUESDAY).session_on(TUESDAY)
    assert tuesday is not None and set(session.zones) <= set(tuesday.zones)


def test_irritation_notes_it_and_asks_the_window_to_block_the_zone(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid, session = mondays_session(window)
    runner = open_runner(qtbot, window, session, dialogs)
    next_to_finish(qtbot, runner)
    assert not runner.irritation_box.isChecked()
    runner.irritation_box.setChecked(True)  # the group box's own check box
    assert runner.block_check.isChecked() and runner.block_days.value() == 3
    sore = session.zones[1]
    runner.irritation_zone.setCurrentIndex(runner.irritation_zone.findData(sore))
    qtbot.keyClicks(runner.irritation_note, "red bumps")
    runner.block_days.setValue(5)
    until = MONDAY + timedelta(days=5)
    name = window.model.zone(sore).display_name
    assert "until Sat 28 Nov" in runner.block_until_label.text()
    assert f"{name} is left out of the plan up to Sat 28 Nov" in runner.finish_hint.text()
    hint = runner.finish_hint
    qtbot.waitUntil(lambda: hint.height() >= hint.heightForWidth(hint.width()))  # shown whole
    screenshot(runner, "session-finish")
    blocks: list[tuple[str, date]] = []
    runner.blockRequested.connect(lambda zone, day: blocks.append((zone, day)))
    with qtbot.waitSignal(runner.logged):
        click(qtbot, runner.done_button)
    assert blocks == [(sore, until)]
    entry = store.load_profile(pid).document.history[-1]
    assert entry.status is SessionStatus.DONE and entry.zones == session.zones
    assert entry.note == f"Irritation on {name}: red bumps (left out of the plan up to 2026-11-28)"
    # The runner leaves the map alone: the window applies the block through its undo stack.
    assert store.load_profile(pid).document.scalp_map.zone(sore).blocked_until is None


def test_irritation_without_blocking_asks_for_no_block(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid, session = mondays_session(window)
    runner = open_runner(qtbot, window, session, dialogs)
    next_to_finish(qtbot, runner)
    runner.irritation_box.setChecked(True)
    click(qtbot, runner.block_check)
    assert not runner.block_days.isEnabled()
    blocks: list[object] = []
    runner.blockRequested.connect(lambda *args: blocks.append(args))
    with qtbot.waitSignal(runner.logged):
        click(qtbot, runner.skip_button)
    assert blocks == []
    entry = store.load_profile(pid).document.history[-1]
    assert entry.status is SessionStatus.SKIPPED
    assert entry.note == f"Irritation on {window.model.zone(session.zones[0]).display_name}"


def test_a_later_session_run_today_is_logged_today_and_says_so(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid = treated_profile(window)
    plan = plan_from(store, pid, MONDAY)
    later = next(s for s in plan.sessions if s.date > MONDAY)
    runner = open_runner(qtbot, window, later, dialogs)
    assert runner.log_day() == MONDAY
    said = f"planned for {later.date:%a} {later.date.day} {later.date:%b}"
    assert said in runner.header.text()
    assert "logged as today, Mon 23 Nov" in runner.header.text()
    next_to_finish(qtbot, runner)
    assert said in runner.finish_date_label.text()
    with qtbot.waitSignal(runner.logged):
        click(qtbot, runner.done_button)
    assert store.load_profile(pid).document.history[-1].date == MONDAY


def test_a_refused_log_is_shown_plainly_and_nothing_is_saved(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid, session = mondays_session(window)
    # Planned before a drawn zone was deleted: the store refuses a zone the map no longer has.
    gone = replace(session, zones=(*session.zones, "custom-9"))
    before = store.load_profile(pid).document.history
    uses_before = uses(store, pid)
    runner = open_runner(qtbot, window, gone, dialogs)
    assert runner.page_titles()[4] == "Area 4 of 4: custom-9"
    next_to_finish(qtbot, runner)
    with qtbot.assertNotEmitted(runner.logged), qtbot.assertNotEmitted(runner.blockRequested):
        click(qtbot, runner.done_button)
    assert runner.error_label.isVisible()
    text = runner.error_label.text()
    assert text.startswith("Nothing was logged.")
    assert "'custom-9' is not a zone of this map" in text
    assert "Traceback" not in text
    assert runner.isVisible()
    assert store.load_profile(pid).document.history == before
    assert uses(store, pid) == uses_before


def test_escape_logs_nothing_and_asks_only_when_steps_were_ticked(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid, session = mondays_session(window)
    before = store.load_profile(pid).document.history

    untouched = open_runner(qtbot, window, session, dialogs)
    with qtbot.waitSignal(untouched.rejected):
        qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert dialogs.questions == []

    runner = open_runner(qtbot, window, session, dialogs)
    click(qtbot, runner.step_checks[0].box)
    dialogs.confirm_answers = [False]
    qtbot.keyClick(runner, Qt.Key.Key_Escape)
    assert len(dialogs.questions) == 1 and "without logging" in dialogs.questions[0]
    assert runner.isVisible()
    dialogs.confirm_answers = [True]
    with qtbot.waitSignal(runner.rejected):
        qtbot.keyClick(runner, Qt.Key.Key_Escape)
    assert not runner.isVisible()
    assert store.load_profile(pid).document.history == before


def test_the_keyboard_alone_runs_a_session(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid, session = mondays_session(window)
    runner = open_runner(qtbot, window, session, dialogs)
    runner.activateWindow()
    qtbot.waitUntil(runner.isActiveWindow)
    # Space ticks the focused step; Return presses the default button (Next, then Done).
    runner.step_checks[0].box.setFocus()
    assert QApplication.focusWidget() is runner.step_checks[0].box
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert runner.step_checks[0].checked
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert runner.pages.currentIndex() == 1
    # Space on the focused Next button, page after page.
    runner.next_button.setFocus()
    while runner.next_button.isVisible():
        qtbot.keyClick(runner.next_button, Qt.Key.Key_Space)
    assert runner.done_button.isVisible()  # the finish page
    # Next hid under the focus; Return must mean Done, not Skip beside it.
    with qtbot.waitSignal(runner.logged):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    entry = store.load_profile(pid).document.history[-1]
    assert entry == HistoryEntry(MONDAY, session.zones, 1.0, SessionStatus.DONE)
    # Every control can take focus from the keyboard.
    for widget in (runner.next_button, runner.back_button, runner.done_button, runner.skip_button):
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_a_patch_test_says_so(qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs) -> None:
    store, pid = profile_with_thinning(window)  # nothing logged yet
    session = plan_from(store, pid, MONDAY).session_on(MONDAY)
    assert session is not None and session.patch_test and len(session.zones) == 1
    runner = open_runner(qtbot, window, session, dialogs)
    assert "Patch test: roll this one area only" in runner.header.text()
    assert "48 hours" in runner.header.text()
    assert runner.page_titles()[1].startswith("Area 1 of 1: ")


def test_with_no_roller_recorded_done_asks_before_logging(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid = profile_with_thinning(window)
    assert store.current_roller(pid) is None
    session = plan_from(store, pid, MONDAY).session_on(MONDAY)
    assert session is not None
    runner = open_runner(qtbot, window, session, dialogs)
    next_to_finish(qtbot, runner)
    dialogs.confirm_answers.append(False)
    click(qtbot, runner.done_button)
    assert "No roller is recorded" in dialogs.questions[-1]
    assert store.load_profile(pid).document.history == ()
    assert runner.isVisible()
    dialogs.confirm_answers.append(True)
    with qtbot.waitSignal(runner.logged):
        click(qtbot, runner.done_button)
    assert store.load_profile(pid).document.history[-1].zones == session.zones


def test_each_area_page_has_a_timer_for_the_areas_minutes(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    store, pid, session = mondays_session(window)
    runner = open_runner(qtbot, window, session, dialogs)
    scalp_map = store.load_profile(pid).document.scalp_map
    for page, zone_id in zip(runner.zone_pages, session.zones, strict=True):
        assert page.timer.total == scalp_map.zone(zone_id).minutes * 60
        assert not page.timer.running
