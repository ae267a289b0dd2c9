"""The health checklist: a ticked item, once confirmed, is stored and puts the plan on hold."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from scalpzone.domain.plan import PlanStatus
from scalpzone.domain.planner import make_plan
from scalpzone.domain.settings import Contraindication, Health
from scalpzone.storage.store import ProfileStore
from scalpzone.ui.dialogs.health import HealthDialog
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import MONDAY, opened_profile
from tests.ui.thinning_profile import profile_with_thinning, screenshot

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def profile(window: MainWindow) -> tuple[ProfileStore, int]:
    return profile_with_thinning(window)


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the box itself (a wide checkbox only reacts on its box and its words)."""
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    qtbot.mouseClick(box, LEFT, pos=indicator.center())


def open_dialog(qtbot: QtBot, window: MainWindow) -> HealthDialog:
    """The checklist on the window's profile as the store holds it now (today is MONDAY)."""
    dialog = HealthDialog(opened_profile(window))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def test_never_confirmed_says_so_and_lists_every_item(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    assert store.load_profile(pid).health_confirmed_on is None
    dialog = open_dialog(qtbot, window)
    assert dialog.last_confirmed.text().startswith("Last confirmed: never")
    assert [box.text() for box in dialog.boxes.values()] == [c.label for c in Contraindication]
    assert not any(box.isChecked() for box in dialog.boxes.values())
    assert not dialog.outcome.isVisible()
    screenshot(dialog, "health-dialog")


def test_a_ticked_item_confirmed_is_stored_and_puts_the_plan_on_hold(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    dialog = open_dialog(qtbot, window)
    where = dialog.confirm_button.mapToGlobal(dialog.confirm_button.rect().center())
    tick(qtbot, dialog.boxes[Contraindication.SUNBURN])
    assert dialog.outcome.isVisible()
    # Ticking moved nothing: Confirm is still under the pointer that will press it.
    assert dialog.confirm_button.mapToGlobal(dialog.confirm_button.rect().center()) == where
    assert "on hold" in dialog.outcome.text()
    assert "dermatologist" in dialog.outcome.text()
    screenshot(dialog, "health-dialog-ticked")
    with qtbot.waitSignal(dialog.confirmed) as signal:
        qtbot.mouseClick(dialog.confirm_button, LEFT)
    assert signal.args == [Health(frozenset({Contraindication.SUNBURN}))]
    assert not dialog.isVisible()

    saved = store.load_profile(pid)
    assert saved.health_confirmed_on == MONDAY
    assert saved.document.health.ticked == {Contraindication.SUNBURN}
    doc = saved.document
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, MONDAY, 1)
    assert plan.status is PlanStatus.HOLD
    assert not plan.sessions
    assert "sunburnt scalp" in plan.message

    again = open_dialog(qtbot, window)
    assert again.last_confirmed.text().startswith("Last confirmed: Mon 23 Nov 2026.")
    assert "Due again on Mon 15 Feb 2027" in again.last_confirmed.text()
    assert again.boxes[Contraindication.SUNBURN].isChecked()


def test_unticking_and_confirming_lifts_the_hold(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    store.save_health(pid, Health(frozenset({Contraindication.ROSACEA})), MONDAY)
    dialog = open_dialog(qtbot, window)
    tick(qtbot, dialog.boxes[Contraindication.ROSACEA])
    with qtbot.waitSignal(dialog.confirmed):
        qtbot.mouseClick(dialog.confirm_button, LEFT)
    doc = store.load_profile(pid).document
    assert not doc.health.ticked
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, MONDAY, 1)
    assert plan.status is PlanStatus.OK


def test_after_twelve_weeks_it_asks_to_go_through_the_list_again(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    store.save_health(pid, Health(), MONDAY - timedelta(weeks=12))
    dialog = open_dialog(qtbot, window)
    text = dialog.last_confirmed.text()
    assert text.startswith("Last confirmed: Mon 31 Aug 2026.")
    assert "12 weeks or more ago" in text
    assert "go through the list again" in text


def test_cancel_stores_nothing(
    qtbot: QtBot, profile: tuple[ProfileStore, int], window: MainWindow
) -> None:
    store, pid = profile
    dialog = open_dialog(qtbot, window)
    tick(qtbot, dialog.boxes[Contraindication.KELOID])
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()
    saved = store.load_profile(pid)
    assert saved.health_confirmed_on is None
    assert not saved.document.health.ticked
