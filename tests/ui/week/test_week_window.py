"""The week in the main window: the Week tab, the banner, printing and the exports, as used."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.settings import Contraindication, Health
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.week.controller import EXPORT_WEEKS, PRINT_WEEKS
from tests.ui.helpers import MONDAY, ScriptedDialogs, window_store
from tests.ui.thinning_profile import THINNING

pytestmark = pytest.mark.gui


def mark_thinning(window: MainWindow, zones: tuple[str, ...] = THINNING) -> None:
    """Mark zones as the person would, through the editor (saved as it happens)."""
    for zone_id in zones:
        window.editor.set_state(zone_id, ZoneState.THINNING)


def confirm_health(window: MainWindow, health: Health | None = None) -> None:
    """The person went through the checklist today (nothing ticked unless said)."""
    window.profiles.open_profile.confirm_health(health or Health())  # dated today, MONDAY


def test_the_week_tab_follows_map_edits(qtbot: QtBot, window: MainWindow) -> None:
    window.commands  # noqa: B018  (the menus are built)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 1
    view = window.week.week_view
    assert view is not None and view.isVisible()
    assert not any("Crown" in text for text in view.day_texts())

    window.editor.set_state("crown", ZoneState.THINNING)
    qtbot.waitUntil(lambda: any("Crown" in text for text in view.day_texts()))

    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0


def test_a_new_profile_gets_a_week_of_its_own(qtbot: QtBot, window: MainWindow) -> None:
    mark_thinning(window)
    window.week.show_week()
    first = window.week.week_view
    store = window.profiles.store
    assert store is not None and first is not None
    assert any("Crown" in text for text in first.day_texts())
    window.profiles.switch_to(store.create_profile("Alex"))  # with the Week tab in front
    second = window.week.week_view
    assert second is not None and second is not first
    qtbot.waitUntil(second.isVisible)
    assert not any("Crown" in text for text in second.day_texts())


def test_the_week_is_planned_when_first_shown_with_every_edit_made_before(
    qtbot: QtBot, window: MainWindow
) -> None:
    # Opening a profile with the Map tab in front plans no week: nobody is looking at one.
    assert window.tabs.currentIndex() == 0
    assert window.week.week_view is None
    mark_thinning(window, ("crown",))  # edited on the map, the Week tab never shown
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.week.week_view
    assert view is not None and view.isVisible()
    shown = view.plan
    assert shown is not None and shown.sessions
    assert shown is window.model.plan  # the map's preview and the week: planned once
    assert any("Crown" in text for text in view.day_texts())
    assert not any("Temple" in text for text in view.day_texts())


def test_a_profile_opened_behind_the_map_shows_its_own_week_when_the_tab_is_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    mark_thinning(window, ("crown",))
    window.week.show_week()
    first = window.week.week_view
    assert first is not None and any("Crown" in text for text in first.day_texts())
    window.week.show_map()
    store = window.profiles.store
    assert store is not None
    window.profiles.switch_to(store.create_profile("Alex"))
    mark_thinning(window, ("temple_left",))  # Alex's map, edited before the week is looked at
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    second = window.week.week_view
    assert second is not None and second is not first and second.isVisible()
    texts = second.day_texts()
    assert any("Temple (left)" in text for text in texts)
    assert not any("Crown" in text for text in texts)


def test_the_banner_asks_for_the_checklist_until_it_is_answered(window: MainWindow) -> None:
    banner = window.plan_banner
    assert banner.isVisible()
    assert "health checklist" in banner.text()
    assert not banner.close_button.isVisible()  # cannot be waved away before the first answer
    confirm_health(window)
    assert not banner.isVisible()


def test_a_ticked_health_item_puts_a_hold_banner_over_the_map(window: MainWindow) -> None:
    mark_thinning(window)
    confirm_health(window, Health(frozenset({Contraindication.INFECTION_OR_WOUND})))
    assert window.model.plan.status.value == "hold"
    assert "on hold" in window.plan_banner.text()
    assert window.plan_banner.action_button.text().replace("&", "") == "Health checklist…"
    confirm_health(window)
    assert not window.plan_banner.isVisible()


def test_the_checklist_is_due_again_after_twelve_weeks(window: MainWindow) -> None:
    store = window.profiles.store
    assert store is not None
    recent, old = store.create_profile("Recent"), store.create_profile("Old")
    store.save_health(recent, Health(), MONDAY - timedelta(weeks=12) + timedelta(days=1))
    store.save_health(old, Health(), MONDAY - timedelta(weeks=12))

    window.profiles.switch_to(recent)
    assert not window.plan_banner.isVisible()
    window.profiles.switch_to(old)
    text = window.plan_banner.text()
    assert "last went through the health checklist on" in text and "12 weeks" in text
    assert window.plan_banner.close_button.isVisible()  # a reminder, which can be put off


def test_export_calendar_writes_one_event_per_session(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    mark_thinning(window)
    confirm_health(window)
    target = tmp_path / "out" / "plan.ics"
    target.parent.mkdir()
    dialogs.files.append(target)
    window.commands  # noqa: B018
    window.week.export_calendar()

    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    plan = window.week.plan_for(EXPORT_WEEKS)
    assert len(events) == len(plan.sessions) > 0
    starts = [e.decoded("DTSTART") for e in events]
    assert [s.date() for s in starts] == [s.date for s in plan.sessions]
    assert {s.time() for s in starts} == {time(20, 0)}
    assert all(list(e.walk("VALARM")) for e in events)
    assert not (tmp_path / "out" / "plan.ics.part").exists()
    assert [Path(s).name for s in dialogs.suggested] == ["scalpzone-plan.ics"]
    assert str(target) in window.statusBar().currentMessage()


def test_export_plan_and_log_as_csv(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    mark_thinning(window)
    window.profiles.open_profile.log_session(HistoryEntry(date(2026, 11, 20), ("crown",), 1.0))
    plan_csv, log_csv = tmp_path / "plan.csv", tmp_path / "log.csv"
    dialogs.files += [plan_csv, log_csv]
    window.week.export_plan_csv()
    window.week.export_log_csv()
    # The second export starts in the folder of the first.
    assert Path(dialogs.suggested[1]) == tmp_path / "scalpzone-log.csv"

    plan_rows = list(csv.DictReader(plan_csv.read_text(encoding="utf-8").splitlines()))
    assert plan_rows and all(date.fromisoformat(r["date"]) >= MONDAY for r in plan_rows)
    log_rows = list(csv.DictReader(log_csv.read_text(encoding="utf-8").splitlines()))
    assert [r["date"] for r in log_rows] == ["2026-11-20"]
    assert log_rows[0]["zones"] == "crown" and "Crown" in log_rows[0]["zone_names"]


def test_a_file_that_cannot_be_written_is_said_plainly(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.files.append(tmp_path / "no such folder" / "plan.csv")
    window.week.export_plan_csv()
    assert dialogs.errors
    title, text = dialogs.errors[-1]
    assert title == "Nothing was written" and "no such folder" in text
    assert not (tmp_path / "no such folder").exists()


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler-utils")
def test_export_pdf_writes_one_page_per_week(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    mark_thinning(window)
    target = tmp_path / "plan.pdf"
    dialogs.files.append(target)
    window.week.export_pdf()
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    pages = next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))
    assert pages.split()[1] == str(PRINT_WEEKS)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "My scalp" in text and "Crown" in text


def test_print_preview_opens_over_the_window(qtbot: QtBot, window: MainWindow) -> None:
    mark_thinning(window)
    window.week.print_preview()
    dialog = window.week.open_dialog
    assert isinstance(dialog, QPrintPreviewDialog)
    qtbot.waitExposed(dialog)
    dialog.close()
    qtbot.waitUntil(lambda: window.week.open_dialog is None)


def test_a_logged_session_settles_today_everywhere(qtbot: QtBot, window: MainWindow) -> None:
    from scalpzone.ui.session.runner import SessionRunner

    mark_thinning(window, ("crown",))
    confirm_health(window)
    store, pid = window_store(window), window.profiles.profile_id
    window.profiles.open_profile.start_roller(1.0, MONDAY - timedelta(days=7))
    assert window.model.plan.session_on(MONDAY) is not None
    window.week.show_week()
    window.week.today_session()
    runner = window.week.open_dialog
    assert isinstance(runner, SessionRunner)
    qtbot.waitExposed(runner)
    runner.go_to(len(runner.page_titles()) - 1)
    with qtbot.waitSignal(runner.logged):
        qtbot.mouseClick(runner.done_button, Qt.MouseButton.LeftButton)

    # The log holds the session, the roller counts it, and the plan goes on from tomorrow.
    (logged,) = store.load_profile(pid).document.history
    assert (logged.date, logged.zones) == (MONDAY, ("crown",))
    roller = store.current_roller(pid)
    assert roller is not None and roller.uses == 1
    assert window.model.plan.start == MONDAY + timedelta(days=1)
    assert window.preview.day_texts()[0] == ("Today", "Done: Crown")
    view = window.week.week_view
    assert view is not None
    qtbot.waitUntil(lambda: view.day_texts()[0].startswith("Mon 23 Nov\nToday\nDone"))
    assert "Start" not in view.day_texts()[0]
    assert window.statusBar().currentMessage() == "Session logged; the plan has moved on."

    window.week.today_session()
    title, text = window.dialogs.infos[-1]  # type: ignore[attr-defined]
    assert title == "Today's session is logged"
    assert "The next session is on" in text


def test_only_today_has_a_start_button(qtbot: QtBot, window: MainWindow) -> None:
    mark_thinning(window)
    confirm_health(window)
    window.week.show_week()
    view = window.week.week_view
    assert view is not None
    qtbot.waitUntil(lambda: view.plan is not None and len(view.plan.sessions) >= 2)
    for column in view.columns:
        has_button = column.findChild(QPushButton) is not None
        assert has_button == (column.day == MONDAY and column.session is not None)


def test_a_rest_day_says_when_the_next_session_is(window: MainWindow) -> None:
    mark_thinning(window)
    confirm_health(window)
    # Rolled yesterday: today is a rest day.
    window.profiles.open_profile.log_session(
        HistoryEntry(MONDAY - timedelta(days=1), THINNING, 1.0)
    )
    assert window.model.plan.session_on(MONDAY) is None
    window.week.today_session()
    title, text = window.dialogs.infos[-1]  # type: ignore[attr-defined]
    assert title == "Nothing planned for today"
    assert text.startswith("Today is a rest day for your scalp. The next session is on ")


def test_a_reminder_put_off_stays_off_while_editing(window: MainWindow) -> None:
    store = window.profiles.store
    assert store is not None
    old = store.create_profile("Old")
    store.save_health(old, Health(), MONDAY - timedelta(weeks=13))
    window.profiles.switch_to(old)
    assert window.plan_banner.isVisible()
    window.plan_banner.close_button.click()
    mark_thinning(window)
    assert not window.plan_banner.isVisible()


def test_irritation_noted_in_the_runner_blocks_the_zone_as_an_undoable_map_edit(
    qtbot: QtBot, window: MainWindow
) -> None:
    from scalpzone.ui.session.runner import SessionRunner

    mark_thinning(window, ("crown",))
    confirm_health(window)
    window.profiles.open_profile.start_roller(1.0, MONDAY)  # logging asks without one
    window.week.today_session()
    runner = window.week.open_dialog
    assert isinstance(runner, SessionRunner)
    runner.go_to(len(runner.page_titles()) - 1)
    runner.irritation_box.setChecked(True)
    runner.irritation_note.setText("red and sore")
    with qtbot.waitSignal(runner.logged):
        qtbot.mouseClick(runner.done_button, Qt.MouseButton.LeftButton)

    until = window.model.zone("crown").blocked_until
    assert until is not None and until > MONDAY
    store = window.profiles.store
    assert store is not None
    stored = store.load_profile(window.profiles.profile_id).document
    assert stored.scalp_map.zone("crown").blocked_until == until
    assert "red and sore" in stored.history[-1].note
    assert window.stack.undoText().startswith("Block Crown until")
    window.stack.undo()
    assert window.model.zone("crown").blocked_until is None
