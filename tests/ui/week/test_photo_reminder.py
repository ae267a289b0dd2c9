"""The photo reminder in the week and in the calendar: every 4 weeks from the first session done."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.settings import Health
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from tests.ui.helpers import MONDAY, ScriptedDialogs
from tests.ui.thinning_profile import THINNING

pytestmark = pytest.mark.gui


def test_the_first_session_four_weeks_on_says_photos_first_in_the_week_and_the_calendar(
    qtbot: QtBot, window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    for zone_id in THINNING:  # marked through the editor, as the person does
        window.editor.set_state(zone_id, ZoneState.THINNING)
    profile = window.profiles.open_profile
    profile.confirm_health(Health())  # today, MONDAY
    first_done = MONDAY - timedelta(weeks=4)  # so a 4-week mark falls on MONDAY
    profile.log_session(HistoryEntry(first_done, ("crown",), 1.0))
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    view = window.week.week_view
    assert view is not None
    qtbot.waitUntil(lambda: any("Photos first" in text for text in view.day_texts()))
    marked = [text for text in view.day_texts() if "Photos first" in text]
    assert len(marked) == 1 and marked[0].startswith("Mon 23 Nov")

    target = tmp_path / "plan.ics"
    dialogs.files.append(target)
    window.week.export_calendar()
    events = list(Calendar.from_ical(target.read_bytes()).walk("VEVENT"))
    reminded = [e for e in events if "progress photos" in str(e["summary"])]
    days = sorted(e["dtstart"].dt.date() for e in reminded)
    assert days[0] == MONDAY
    assert all((b - a) >= timedelta(weeks=4) for a, b in itertools.pairwise(days))
    assert "Progress photos before rolling" in str(reminded[0]["description"])
