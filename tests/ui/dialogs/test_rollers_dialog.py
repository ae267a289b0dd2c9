"""Rollers: uses counted from the log, a replace warning at the limit, a new roller stored."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from scalpzone.domain import rules
from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.storage.store import ProfileStore
from scalpzone.ui.dialogs.rollers import RollersDialog
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.profile.open_profile import OpenProfile
from tests.ui.helpers import MONDAY, opened_profile
from tests.ui.thinning_profile import profile_with_thinning, screenshot

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton
FIRST_USE = MONDAY - timedelta(days=30)


@pytest.fixture
def profile(window: MainWindow) -> tuple[ProfileStore, int]:
    store, pid = profile_with_thinning(window)
    settings = store.load_profile(pid).document.settings
    store.save_settings(pid, replace(settings, roller_max_uses=3))
    return store, pid


def open_dialog(qtbot: QtBot, profile: OpenProfile) -> RollersDialog:
    dialog = RollersDialog(profile)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def earlier_rows(dialog: RollersDialog) -> list[list[str]]:
    """The earlier rollers' table as the person reads it, newest first."""
    table = dialog.earlier_table
    return [
        [
            item.text() if (item := table.item(r, c)) is not None else ""
            for c in range(table.columnCount())
        ]
        for r in range(table.rowCount())
    ]


def log(store: ProfileStore, pid: int, days_after_first_use: int, done: bool = True) -> None:
    status = SessionStatus.DONE if done else SessionStatus.SKIPPED
    day = FIRST_USE + timedelta(days=days_after_first_use)
    store.log_session(pid, HistoryEntry(day, ("crown",), 1.0, status))


def test_without_a_roller_it_says_how_to_add_one(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, opened_profile(window))
    assert "No roller recorded yet" in dialog.current_label.text()
    assert not dialog.replace_warning.isVisible()
    assert earlier_rows(dialog) == []


def test_uses_count_done_sessions_and_the_warning_comes_at_the_limit(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    store.start_roller(pid, 1.0, FIRST_USE)
    log(store, pid, 2)
    log(store, pid, 5)
    log(store, pid, 8, done=False)
    profile = opened_profile(window)
    dialog = open_dialog(qtbot, profile)
    text = dialog.current_label.text()
    assert "1.0 mm needles, first used Sat 24 Oct 2026" in text
    assert "Uses: 2 of 3" in text
    assert not dialog.replace_warning.isVisible()

    # A session logged while the dialog is open (the runner's way): the count follows.
    with qtbot.waitSignal(profile.rollersChanged):
        profile.log_session(HistoryEntry(FIRST_USE + timedelta(days=11), ("crown",), 1.0))
    assert "Uses: 3 of 3" in dialog.current_label.text()
    assert dialog.replace_warning.isVisible()
    warning = dialog.replace_warning.text()
    assert warning.startswith("Replace this roller now: it has been used 3 times")
    assert "US FDA" in warning and "AAD 2018" in warning and "CDC 2008" in warning
    assert "ScalpZone's choice for the default of 10 uses" in warning
    screenshot(dialog, "rollers-dialog-replace")


def test_one_roller_per_person_is_stated_plainly(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, opened_profile(window))
    words = " ".join(label.text() for label in dialog.findChildren(type(dialog.current_label)))
    assert "One roller per person." in words
    assert "never share it" in words
    assert "does not make it sterile" in words


def test_a_needle_out_of_range_is_refused_and_a_good_one_stored(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    old = store.start_roller(pid, 1.0, FIRST_USE)
    log(store, pid, 3)
    dialog = open_dialog(qtbot, opened_profile(window))
    qtbot.mouseClick(dialog.new_roller_button, LEFT)
    form = dialog.new_roller_dialog
    assert form is not None
    qtbot.waitExposed(form)
    assert form.needle.value() == 1.0
    assert form.first_use_day() == MONDAY

    form.needle.selectAll()
    qtbot.keyClicks(form.needle, "2")
    refusal = form.needle_refusal.text()
    assert "Needle length: 2.0 is above the 1.5 mm maximum" in refusal
    assert rules.RULES_BY_ID["needle_length"].source in refusal
    assert not form.ok_button.isEnabled()
    screenshot(form, "new-roller-refused")
    qtbot.mouseClick(form.ok_button, LEFT)
    assert store.current_roller(pid) is not None
    assert store.current_roller(pid).id == old  # type: ignore[union-attr]

    form.needle.selectAll()
    qtbot.keyClicks(form.needle, "0.5")
    assert not form.needle_refusal.isVisible()
    assert form.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(form.ok_button, LEFT)

    current = store.current_roller(pid)
    assert current is not None and current.id != old
    assert (current.needle_mm, current.first_use, current.uses) == (0.5, MONDAY, 0)
    assert "0.5 mm needles, first used Mon 23 Nov 2026" in dialog.current_label.text()
    assert "Uses: 0 of 3" in dialog.current_label.text()
    assert earlier_rows(dialog) == [["1.0 mm", "Sat 24 Oct 2026", "Mon 23 Nov 2026", "1"]]
    assert "made for 1.0 mm needles" in dialog.needle_note.text()
    screenshot(dialog, "rollers-dialog")


def test_a_first_day_before_the_roller_in_use_is_refused(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    store.start_roller(pid, 1.0, FIRST_USE)
    dialog = open_dialog(qtbot, opened_profile(window))
    form = dialog.ask_new_roller()
    qtbot.waitExposed(form)
    early = FIRST_USE - timedelta(days=1)
    form.first_use.setDate(QDate(early.year, early.month, early.day))
    text = form.date_refusal.text()
    assert "First day of use: 2026-10-23 is before 2026-10-24" in text
    assert not form.ok_button.isEnabled()
    with qtbot.waitSignal(form.rejected):
        form.reject()
    assert len(store.rollers(pid)) == 1
