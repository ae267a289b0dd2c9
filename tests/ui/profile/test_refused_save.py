"""A change the database refuses is taken back on screen, so later edits save again."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import MONDAY, ScriptedDialogs, click_zone, stored_map

SQUARE = [(0.42, 0.40), (0.50, 0.40), (0.50, 0.48), (0.42, 0.48)]


@pytest.mark.gui
def test_deleting_a_logged_zone_is_refused_and_the_map_stays_as_saved(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    zone_id = window.editor.add_zone(SQUARE)
    store = window.profiles.store
    assert store is not None
    store.log_session(
        window.profiles.profile_id, HistoryEntry(MONDAY, (zone_id,), 1.0, SessionStatus.DONE)
    )

    window.editor.delete_zone(zone_id)

    # The map is written off the GUI thread: the refusal arrives once the write ends.
    qtbot.waitUntil(lambda: bool(dialogs.errors))  # the person is told it was not saved
    assert zone_id in window.model.scalp_map
    assert zone_id in stored_map(window)
    # and the next edit is saved as usual
    click_zone(qtbot, window, "crown")
    assert window.model.scalp_map.zone("crown").state is ZoneState.THINNING
    assert stored_map(window).zone("crown").state is ZoneState.THINNING
    assert len(dialogs.errors) == 1
