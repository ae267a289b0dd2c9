"""Settings: refused values show limit, reason and source, block Save and are never stored."""

from __future__ import annotations

from datetime import time

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from scalpzone.domain import rules
from scalpzone.domain.settings import Settings, Weekday
from scalpzone.storage.store import ProfileStore
from scalpzone.ui.dialogs.settings import SettingsDialog
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import opened_profile
from tests.ui.thinning_profile import profile_with_thinning, screenshot

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton


def open_dialog(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    """The settings of the window's profile as the store holds them now."""
    dialog = SettingsDialog(opened_profile(window))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def refusal_texts(dialog: SettingsDialog) -> dict[str, str]:
    """What each refused field shows under it, by setting name (fields that are fine left out)."""
    return {key: label.text() for key, label in dialog.refusals.items() if label.text()}


@pytest.fixture
def profile(window: MainWindow) -> tuple[ProfileStore, int]:
    return profile_with_thinning(window)


def type_into(qtbot: QtBot, box: QAbstractSpinBox, text: str) -> None:
    """Select what the box holds and type over it, as a person would."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def stored(store: ProfileStore, pid: int) -> Settings:
    return store.load_profile(pid).document.settings


def test_it_shows_the_stored_settings(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    store.save_settings(pid, Settings(needle_mm=0.5, zone_rest_hours=96, session_minutes=25))
    dialog = open_dialog(qtbot, window)
    assert dialog.needle.value() == 0.5
    assert dialog.rest.own.isChecked() and dialog.rest.box.value() == 96
    assert dialog.cap.automatic.isChecked()
    assert dialog.cap.automatic.text() == "Automatic: 3 for 0.5 mm"
    assert dialog.session_minutes.value() == 25
    assert dialog.save_button.isEnabled()
    assert refusal_texts(dialog) == {}


def test_a_needle_too_long_is_refused_with_limit_reason_and_source(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    before = stored(store, pid)
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.needle, "3")
    assert dialog.needle.value() == 3.0
    text = refusal_texts(dialog)["needle_mm"]
    assert "Needle length: 3.0 is above the 1.5 mm maximum" in text
    assert "longer needles risk the hair follicle" in text
    assert rules.RULES_BY_ID["needle_length"].source_line in text
    assert "[1] Dhurat et al. 2013: rolled 1.5 mm once a week" in text
    assert dialog.refusals["needle_mm"].isVisible()
    assert not dialog.save_button.isEnabled()
    assert dialog.settings() is None
    screenshot(dialog, "settings-dialog-refused")

    qtbot.mouseClick(dialog.save_button, LEFT)
    dialog.save()  # even asked directly, a refused value is not written
    assert dialog.isVisible()
    assert stored(store, pid) == before


def test_a_rest_below_the_needle_floor_is_refused_until_the_needle_is_shorter(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.rest.own, LEFT)
    assert dialog.rest.box.isEnabled()
    type_into(qtbot, dialog.rest.box, "48")
    text = refusal_texts(dialog)["zone_rest_hours"]
    assert "48 is below the 72 h minimum" in text
    assert "1.0 mm needle" in text
    assert "Dhurat et al. 2013" in text
    assert "ScalpZone's choice for the 48 h and 72 h" in text
    assert not dialog.save_button.isEnabled()

    type_into(qtbot, dialog.needle, "0.5")
    assert "zone_rest_hours" not in refusal_texts(dialog)
    assert not dialog.refusals["zone_rest_hours"].isVisible()
    assert dialog.save_button.isEnabled()


def test_limits_that_are_product_choices_or_no_rule_say_so(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.session_minutes, "90")
    minutes = refusal_texts(dialog)["session_minutes"]
    assert "90 is above the maximum of 60 minutes" in minutes
    assert "ScalpZone's choice, because no study gives a session length" in minutes

    type_into(qtbot, dialog.roller_max_uses, "0")
    uses = refusal_texts(dialog)["roller_max_uses"]
    assert "0 is below the minimum of 1 use" in uses
    assert "ScalpZone's choice: this lower limit" in uses and "not a safety rule" in uses
    type_into(qtbot, dialog.roller_max_uses, "31")
    uses = refusal_texts(dialog)["roller_max_uses"]
    assert "31 is above the maximum of 30 uses" in uses
    assert "ScalpZone's choice for 30 and 10" in uses and "AAD 2018" in uses

    qtbot.mouseClick(dialog.rest.own, LEFT)
    type_into(qtbot, dialog.rest.box, "400")
    assert "400 is above the 336 h maximum" in refusal_texts(dialog)["zone_rest_hours"]
    assert "14-day rotation" in refusal_texts(dialog)["zone_rest_hours"]
    assert not dialog.save_button.isEnabled()


def test_more_sessions_or_a_higher_cap_than_the_rules_is_refused(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.sessions_per_week, "4")
    text = refusal_texts(dialog)["sessions_per_week"]
    assert "4 is above the maximum of 3 session days a week" in text
    assert "English et al. 2022: studies rolled from once a week" in text
    qtbot.mouseClick(dialog.cap.own, LEFT)
    type_into(qtbot, dialog.cap.box, "3")
    cap = refusal_texts(dialog)["zone_max_per_week"]
    assert "3 is above the maximum of 2 sessions a week on one area" in cap
    assert "[2] Kumar et al. 2018" in cap


def test_no_session_day_is_refused(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    dialog = open_dialog(qtbot, window)
    for box in dialog.day_boxes.values():
        if box.isChecked():
            qtbot.mouseClick(box, LEFT)
    assert "at least one session day" in refusal_texts(dialog)["session_days"]
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.day_boxes[Weekday.SAT], LEFT)
    assert dialog.save_button.isEnabled()


def test_good_values_are_saved_and_shown_again(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.needle, "0.5")
    for day, box in dialog.day_boxes.items():
        if box.isChecked() != (day in {Weekday.MON, Weekday.THU}):
            qtbot.mouseClick(box, LEFT)
    type_into(qtbot, dialog.sessions_per_week, "2")
    qtbot.mouseClick(dialog.rest.own, LEFT)
    type_into(qtbot, dialog.rest.box, "96")
    qtbot.mouseClick(dialog.cap.own, LEFT)
    type_into(qtbot, dialog.cap.box, "1")
    type_into(qtbot, dialog.session_minutes, "20")
    type_into(qtbot, dialog.roller_max_uses, "8")
    dialog.session_time.setTime(QTime(7, 30))
    assert refusal_texts(dialog) == {}
    with qtbot.waitSignal(dialog.saved) as signal:
        qtbot.mouseClick(dialog.save_button, LEFT)
    expected = Settings(
        needle_mm=0.5,
        session_days=frozenset({Weekday.MON, Weekday.THU}),
        sessions_per_week=2,
        zone_rest_hours=96,
        zone_max_per_week=1,
        session_minutes=20,
        roller_max_uses=8,
        session_time=time(7, 30),
    )
    assert signal.args == [expected]
    assert stored(store, pid) == expected
    assert not dialog.isVisible()

    again = open_dialog(qtbot, window)
    assert again.raw_settings() == expected.to_json()
    assert again.session_time.time() == QTime(7, 30)


def test_restore_defaults_fills_the_fields_and_saves_only_on_save(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    custom = Settings(needle_mm=0.5, sessions_per_week=1, session_minutes=30)
    store.save_settings(pid, custom)
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.defaults_button, LEFT)
    assert dialog.raw_settings() == Settings().to_json()
    assert dialog.rest.automatic.isChecked()
    assert stored(store, pid) == custom
    screenshot(dialog, "settings-dialog")
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert stored(store, pid) == Settings()


def test_cancel_keeps_what_was_stored(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    before = stored(store, pid)
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.session_minutes, "40")
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    assert stored(store, pid) == before
