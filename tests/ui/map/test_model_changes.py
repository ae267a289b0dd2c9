"""The map model tells the views only what changed: a log or settings change is no map edit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.model import MapChange
from tests.ui.helpers import MONDAY, window_store

pytestmark = pytest.mark.gui


def _changes(window: MainWindow) -> list[MapChange]:
    seen: list[MapChange] = []
    window.model.mapChanged.connect(seen.append)
    return seen


def test_a_logged_session_redraws_only_the_zones_it_rolled(
    qtbot: QtBot, window: MainWindow
) -> None:
    profile = window.profiles.open_profile
    seen = _changes(window)
    with qtbot.waitSignal(window.model.planChanged):
        profile.log_session(HistoryEntry(MONDAY.replace(day=20), ("crown", "temple_left"), 1.0))
    assert [c.changed for c in seen] == [frozenset({"crown", "temple_left"})]
    assert window.model.last_treated("crown") == MONDAY.replace(day=20)
    row = window.zone_panel.table_model.row_of("crown")
    table = window.zone_panel.table_model
    shown = table.index(row, table.LAST).data()
    assert "20" in str(shown)


def test_a_settings_change_replans_without_a_map_change(qtbot: QtBot, window: MainWindow) -> None:
    store, pid = window_store(window), window.profiles.profile_id
    seen = _changes(window)
    settings = store.load_profile(pid).document.settings
    with qtbot.waitSignal(window.model.planChanged):
        window.profiles.open_profile.save_settings(
            replace(settings, session_minutes=settings.session_minutes + 5)
        )
    assert seen == []
    assert store.load_profile(pid).document.settings.session_minutes == settings.session_minutes + 5
    assert window.model.document.settings.session_minutes == settings.session_minutes + 5
