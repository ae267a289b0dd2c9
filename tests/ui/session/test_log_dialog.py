"""The session log dialog: list, edit, remove, undo and redo on the window's stack, real SQLite."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.zones import Zone, ZoneState
from scalpzone.storage.log_repositories import LoggedSession
from scalpzone.storage.store import ProfileStore
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.profile.open_profile import OpenProfile
from scalpzone.ui.session.log_dialog import SessionLogDialog
from scalpzone.ui.session.log_edit import SessionEditDialog
from tests.ui.helpers import MONDAY, ScriptedDialogs, opened_profile, window_store
from tests.ui.thinning_profile import screenshot

pytestmark = pytest.mark.gui

LEFT = Qt.MouseButton.LeftButton
NOV = 11


def day(n: int) -> date:
    """A day of November 2026."""
    return date(2026, NOV, n)


@dataclass
class Setup:
    """The window's real store and open profile with a roller and three logged sessions."""

    store: ProfileStore
    pid: int
    profile: OpenProfile
    stack: QUndoStack
    dialogs: ScriptedDialogs
    changes: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.profile.logChanged.connect(lambda _zones: self.on_changed())

    def on_changed(self) -> None:
        """The open profile said its log changed (the window re-plans). Here: count the times."""
        self.changes.append(len(self.changes) + 1)

    def log(self) -> tuple[LoggedSession, ...]:
        """The log as the database holds it."""
        return self.store.log_entries(self.pid)

    def uses(self) -> int:
        """The roller in use's count, as the database counts it."""
        roller = self.store.current_roller(self.pid)
        assert roller is not None
        return roller.uses


@pytest.fixture
def setup(window: MainWindow, dialogs: ScriptedDialogs) -> Setup:
    """Sessions on preset zones, logged through the window's open profile."""
    profile = window.profiles.open_profile
    profile.start_roller(1.0, day(1))
    profile.log_session(HistoryEntry(day(16), ("crown", "midscalp_left"), 1.0, note="mild redness"))
    profile.log_session(HistoryEntry(day(18), ("crown",), 1.0, SessionStatus.SKIPPED, "tired"))
    profile.log_session(HistoryEntry(day(20), ("midscalp_right", "crown"), 0.5))
    store = window_store(window)
    return Setup(store, window.profiles.profile_id, profile, window.week.log_stack, dialogs)


def open_log(qtbot: QtBot, window: MainWindow, s: Setup) -> SessionLogDialog:
    dialog = SessionLogDialog(s.profile, s.stack, window, show_error=s.dialogs.show_error)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, LEFT)


def by_day(s: Setup, n: int) -> LoggedSession:
    return next(e for e in s.log() if e.entry.date == day(n))


def open_form(qtbot: QtBot, dialog: SessionLogDialog) -> SessionEditDialog:
    click(qtbot, dialog.edit_button)
    form = dialog.edit_dialog
    assert form is not None
    qtbot.waitExposed(form)
    return form


def test_the_log_lists_sessions_newest_first_with_zone_names(
    qtbot: QtBot, window: MainWindow, setup: Setup
) -> None:
    dialog = open_log(qtbot, window, setup)
    assert dialog.rows() == [
        ("Fri 20 Nov 2026", "Done", "Mid-scalp (right), Crown", "0.5 mm", ""),
        ("Wed 18 Nov 2026", "Skipped", "Crown", "1.0 mm", "tired"),
        ("Mon 16 Nov 2026", "Done", "Crown, Mid-scalp (left)", "1.0 mm", "mild redness"),
    ]
    assert dialog.selected_log_id() == by_day(setup, 20).id
    assert dialog.edit_button.isEnabled() and dialog.remove_button.isEnabled()
    screenshot(dialog, "session-log")


def test_remove_undo_redo_change_the_database_and_the_roller_count(
    qtbot: QtBot, window: MainWindow, setup: Setup
) -> None:
    dialog = open_log(qtbot, window, setup)
    before = setup.log()
    removed = by_day(setup, 16)
    assert setup.uses() == 2

    dialog.select_log_id(removed.id)
    click(qtbot, dialog.remove_button)
    assert removed not in setup.log() and len(setup.log()) == 2
    assert setup.uses() == 1
    assert [r[0] for r in dialog.rows()] == ["Fri 20 Nov 2026", "Wed 18 Nov 2026"]
    assert setup.stack.undoText() == "Remove session of Mon 16 Nov"
    assert setup.changes == [1]
    assert dialog.undo_button.isEnabled()
    assert dialog.undo_button.text() == "&Undo Remove session of Mon 16 Nov"
    undo = dialog.undo_button
    qtbot.waitUntil(lambda: undo.width() >= undo.sizeHint().width())  # the button grew
    screenshot(dialog, "session-log-after-remove")

    click(qtbot, dialog.undo_button)
    assert setup.log() == before  # same id, same content
    assert setup.uses() == 2
    assert len(dialog.rows()) == 3
    assert setup.changes == [1, 2]

    click(qtbot, dialog.redo_button)
    assert removed not in setup.log()
    assert setup.uses() == 1
    assert setup.changes == [1, 2, 3]
    assert not setup.dialogs.errors


def test_the_delete_key_removes_the_selected_session(
    qtbot: QtBot, window: MainWindow, setup: Setup
) -> None:
    dialog = open_log(qtbot, window, setup)
    skipped = by_day(setup, 18)
    dialog.select_log_id(skipped.id)
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert skipped not in setup.log()
    assert setup.uses() == 2  # a skipped session was never a use
    assert setup.stack.undoText() == "Remove session of Wed 18 Nov"


def test_enter_and_double_click_open_the_form_for_the_selected_session(
    qtbot: QtBot, window: MainWindow, setup: Setup
) -> None:
    dialog = open_log(qtbot, window, setup)
    dialog.select_log_id(by_day(setup, 18).id)
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    form = dialog.edit_dialog
    assert form is not None
    assert form.entry() == by_day(setup, 18).entry
    assert form.skipped_button.isChecked()
    with qtbot.waitSignal(form.finished):
        form.reject()
    assert dialog.edit_dialog is None

    cell = dialog.table.item(2, 0)
    assert cell is not None
    rect = dialog.table.visualItemRect(cell)
    # a real double-click is a click, then a double-click event (QTest sends only the latter)
    qtbot.mouseClick(dialog.table.viewport(), LEFT, pos=rect.center())
    qtbot.mouseDClick(dialog.table.viewport(), LEFT, pos=rect.center())
    form = dialog.edit_dialog
    assert form is not None
    assert form.entry() == by_day(setup, 16).entry


def test_editing_a_sessions_zones_is_saved_and_undone(
    qtbot: QtBot, window: MainWindow, setup: Setup
) -> None:
    dialog = open_log(qtbot, window, setup)
    target = by_day(setup, 20)
    dialog.select_log_id(target.id)
    form = open_form(qtbot, dialog)
    screenshot(form, "session-edit")

    # untick the crown and tick the back of the head
    for zone_id in ("crown", "occipital"):
        box = form.zone_boxes[zone_id]
        qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))  # on the box itself
    assert form.checked_zones() == ("midscalp_right", "occipital")
    with qtbot.waitSignal(form.finished):
        click(qtbot, form.save_button)

    saved = by_day(setup, 20)
    assert saved.id == target.id
    assert saved.entry.zones == ("midscalp_right", "occipital")
    assert saved.entry.needle_mm == 0.5 and saved.entry.status is SessionStatus.DONE
    assert dialog.rows()[0][2] == "Mid-scalp (right), Back of head"
    assert setup.stack.undoText() == "Edit session of Fri 20 Nov"
    assert setup.changes == [1]

    setup.stack.undo()  # as Edit › Undo in the window does
    assert by_day(setup, 20) == target
    assert dialog.rows()[0][2] == "Mid-scalp (right), Crown"
    assert setup.changes == [1, 2]


def test_marking_a_session_skipped_drops_one_roller_use(
    qtbot: QtBot, window: MainWindow, setup: Setup
) -> None:
    dialog = open_log(qtbot, window, setup)
    dialog.select_log_id(by_day(setup, 16).id)
    form = open_form(qtbot, dialog)
    click(qtbot, form.skipped_button)
    form.note_edit.setPlainText("did not happen after all")
    click(qtbot, form.save_button)
    assert by_day(setup, 16).entry.status is SessionStatus.SKIPPED
    assert by_day(setup, 16).entry.note == "did not happen after all"
    assert setup.uses() == 1
    assert dialog.rows()[2][1:] == (
        "Skipped",
        "Crown, Mid-scalp (left)",
        "1.0 mm",
        "did not happen after all",
    )


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda f: f.needle_spin.setValue(2.0),
            "Needle: 2.0 mm is above the 1.5 mm maximum (longer needles risk the hair follicle)",
        ),
        (
            lambda f: f.needle_spin.setValue(0.1),
            "Needle: 0.1 mm is below the 0.2 mm minimum",
        ),
        (
            lambda f: f.note_edit.setPlainText("x" * 2001),
            "Note: 2001 characters is above the 2000-character maximum",
        ),
        (
            lambda f: [f.zone_boxes[z].setChecked(False) for z in ("midscalp_right", "crown")],
            "Zones: none is ticked; tick at least one zone",
        ),
        (
            lambda f: f.date_edit.setDate(f.date_edit.date().addDays(4)),
            "Date: Tue 24 Nov 2026 is in the future (today is Mon 23 Nov 2026)",
        ),
    ],
)
def test_a_refused_edit_says_why_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, setup: Setup, change: object, message: str
) -> None:
    dialog = open_log(qtbot, window, setup)
    before = setup.log()
    form = open_form(qtbot, dialog)
    assert callable(change)
    change(form)
    click(qtbot, form.save_button)
    assert form.isVisible()
    assert form.problems.isVisible()
    text = form.problems.text()
    assert "Not saved; nothing was changed" in text
    assert message in text
    assert setup.log() == before
    assert setup.stack.count() == 0
    assert setup.changes == []
    if "Needle: 2.0" in message:
        assert "Sources: [1] Dhurat et al. 2013" in text
        screenshot(form, "session-edit-refused")


def test_the_logs_undo_is_its_own_and_the_maps_stays_with_the_map(
    qtbot: QtBot, window: MainWindow, setup: Setup
) -> None:
    window.editor.set_state("temple_left", ZoneState.THINNING)
    map_steps = window.stack.count()
    window.week.session_log()
    dialog = window.week.open_dialog
    assert isinstance(dialog, SessionLogDialog)
    qtbot.waitExposed(dialog)
    # Nothing of the map is offered for undo in a dialog about sessions.
    assert not dialog.undo_button.isEnabled()
    before = setup.log()
    click(qtbot, dialog.remove_button)
    assert len(setup.log()) == 2
    assert dialog.undo_button.text().replace("&", "") == "Undo Remove session of Fri 20 Nov"
    # The window's Edit › Undo still names the map's last change and leaves the log alone.
    assert window.stack.count() == map_steps
    assert window.commands.undo.text().replace("&", "") == "Undo Mark Temple (left) thinning"
    click(qtbot, dialog.undo_button)
    assert setup.log() == before
    assert window.model.zone("temple_left").state is ZoneState.THINNING
    assert not dialog.undo_button.isEnabled()
    # The map's undo takes back the mark and nothing in the log.
    window.stack.undo()
    assert window.model.zone("temple_left").state is ZoneState.HEALTHY
    assert setup.log() == before


def test_a_session_that_vanished_is_a_plain_message_not_a_traceback(
    qtbot: QtBot, window: MainWindow, setup: Setup
) -> None:
    dialog = open_log(qtbot, window, setup)
    newest = by_day(setup, 20)
    setup.store.remove_log_entry(setup.pid, newest.id)  # behind the dialog's back
    assert dialog.selected_log_id() == newest.id

    click(qtbot, dialog.remove_button)
    [(title, text)] = setup.dialogs.errors
    assert title == "The session was not removed"
    assert f"Logged session #{newest.id} is not in this profile's log" in text
    assert setup.stack.count() == 0  # nothing to undo: the step was dropped
    assert len(dialog.rows()) == 2  # the list shows the log as it is


def test_an_undo_the_store_refuses_is_shown_and_dropped(qtbot: QtBot, window: MainWindow) -> None:
    """A drawn zone deleted after its session was removed: putting the session back is refused."""
    store = window_store(window)
    pid = store.create_profile("Sam")  # not the window's profile: its map is ours to change
    part = Zone(
        "custom-1",
        ZoneState.THINNING,
        1,
        None,
        "Part line",
        ((0.45, 0.30), (0.55, 0.30), (0.55, 0.50), (0.45, 0.50)),
    )
    scalp_map = store.load_profile(pid).document.scalp_map.with_zone(part)
    store.save_map(pid, scalp_map, MONDAY)
    store.log_session(pid, HistoryEntry(day(20), ("custom-1", "crown"), 1.0))
    dialogs = ScriptedDialogs()
    s = Setup(store, pid, opened_profile(window, profile_id=pid), QUndoStack(), dialogs)
    dialog = open_log(qtbot, window, s)
    assert dialog.rows()[0][2] == "Part line, Crown"

    click(qtbot, dialog.remove_button)
    store.save_map(pid, scalp_map.without_zone("custom-1"), MONDAY)
    click(qtbot, dialog.undo_button)
    [(title, text)] = dialogs.errors
    assert title == "The session was not put back"
    assert "'custom-1' is not a zone of this map" in text
    assert s.log() == ()
    assert s.stack.count() == 0
    assert dialog.rows() == []
    assert dialog.empty_label.isVisible() and "No sessions logged yet" in dialog.empty_label.text()
    assert not dialog.remove_button.isEnabled()
