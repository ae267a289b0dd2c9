"""Every main view and dialog a person can open, on a profile with something in each.

One list for the checks that must hold everywhere (contrast in both palettes, fitting a small
screen): a new view or dialog added here is checked by all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.settings import Health
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import MONDAY

THINNING = ("crown", "midscalp_left", "midscalp_right", "front_center")


def lived_in(window: MainWindow) -> None:
    """A profile a week into its plan: thinning and bald areas, a block, a logged session."""
    for zone_id in THINNING:
        window.editor.set_state(zone_id, ZoneState.THINNING)
    window.editor.set_state("temple_left", ZoneState.BALD)
    window.editor.block_until("midscalp_right", MONDAY + timedelta(days=2))
    profile = window.profiles.open_profile
    profile.confirm_health(Health())
    profile.start_roller(1.0, MONDAY - timedelta(days=8))
    profile.log_session(HistoryEntry(MONDAY - timedelta(days=4), ("crown",), 1.0))
    window.notices.show_message("Saved. This note is here to be read like any other.")


def _dialogs(window: MainWindow) -> list[tuple[str, Callable[[], None]]]:
    week = window.week
    today = window.model.plan.session_on(window.model.today())
    runs: list[tuple[str, Callable[[], None]]] = []
    if today is not None:
        runs.append(("session runner", lambda: week.run_session(today)))
    return [
        *runs,
        ("session log", week.session_log),
        ("plan settings", week.plan_settings),
        ("health checklist", week.health_checklist),
        ("rollers", week.rollers),
        ("progress", week.progress),
        ("care guide", week.care_guide),
        ("print preview", week.print_preview),
    ]


def every_view(qtbot: QtBot, window: MainWindow) -> Iterator[tuple[str, QWidget]]:
    """The Map tab, the Week tab and each dialog in turn, shown and laid out."""
    window.week.show_map()
    yield "map tab", window
    window.week.show_week()
    QApplication.processEvents()
    yield "week tab", window
    window.week.show_map()
    window.template_gallery()
    gallery = window.gallery
    qtbot.waitExposed(gallery)
    gallery.choose("norwood-3v")
    yield "template gallery", gallery
    gallery.reject()
    for name, open_it in _dialogs(window):
        open_it()
        dialog = window.week.open_dialog
        assert isinstance(dialog, QDialog), f"{name} did not open"
        qtbot.waitExposed(dialog)
        yield name, dialog
        dialog.close()
        qtbot.waitUntil(lambda: window.week.open_dialog is None)
