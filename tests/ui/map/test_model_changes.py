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
    store, pid = window_store(window), window.profiles.profile_id
    seen = _changes(window)
    store.log_session(pid, HistoryEntry(MONDAY.replace(day=20), ("crown", "temple_left"), 1.0))
    with qtbot.waitSignal(window.model.planChanged):
        window.week.details_changed()
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
    store.save_settings(pid, replace(settings, session_minutes=settings.session_minutes + 5))
    with qtbot.waitSignal(window.model.planChanged):
        window.week.details_changed()
    assert seen == []
    assert window.model.document.settings.session_minutes == settings.session_minutes + 5
