"""Start-up: the database opens on a worker thread while the window takes clicks (issue #16).

The opener is the real one over a real SQLite file; a gate holds it back until the test has
clicked, so "a click while opening" happens every time, not by luck of timing.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from scalpzone.app import storage_opener
from scalpzone.domain.zones import ZoneState
from scalpzone.storage import Database
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.profile.store_api import DatabaseLike, ProfileStoreLike
from tests.ui.conftest import WindowMaker
from tests.ui.helpers import ScriptedDialogs, busy_pointer, click_zone, state_in_file, stored_map

pytestmark = pytest.mark.gui

Opened = tuple[DatabaseLike, ProfileStoreLike]


class Gate:
    """Lets the real opener run only when the test says so."""

    def __init__(self, opener: Callable[[], Opened]) -> None:
        self._opener = opener
        self._open = threading.Event()
        self.started = threading.Event()

    def __call__(self) -> Opened:
        self.started.set()
        if not self._open.wait(timeout=30):
            raise RuntimeError("the test never let the database open")
        return self._opener()

    def release(self) -> None:
        self._open.set()


@pytest.fixture
def start_window(
    make_window: WindowMaker, database_path: Path
) -> Callable[..., tuple[MainWindow, Gate]]:
    """A window started as the app starts it, its real opener held back by a gate."""

    def start(opener: Callable[[], Opened] | None = None) -> tuple[MainWindow, Gate]:
        gate = Gate(opener or storage_opener(database_path))
        return make_window(open_storage=gate, in_background=True), gate

    return start


def test_a_click_while_opening_is_shown_at_once_and_saved_once_open(
    qtbot: QtBot, make_window: WindowMaker, start_window: Callable[..., tuple[MainWindow, Gate]]
) -> None:
    first = make_window()
    click_zone(qtbot, first, "crown")
    first.close()

    window, gate = start_window()
    assert window.opening_signs.label.isVisible()
    assert window.opening_signs.label.text() == "Opening…"
    assert busy_pointer()
    assert window.commands.tools["mark"].isEnabled()  # the map takes edits …
    assert not any(action.isEnabled() for action in window.commands.week)  # … the rest waits
    click_zone(qtbot, window, "occipital")
    assert not window.profiles.ready  # the click came while the database was still opening
    assert window.model.zone("occipital").state is ZoneState.THINNING
    assert window.stack.undoText() == "Mark Back of head thinning"

    with qtbot.waitSignal(window.openingFinished) as opened:
        gate.release()
    assert opened.args == [True]
    assert stored_map(window).zone("occipital").state is ZoneState.THINNING
    assert stored_map(window).zone("crown").state is ZoneState.THINNING
    assert window.stack.canUndo()  # the step stays undoable, and undoing it is saved too
    window.stack.undo()
    assert stored_map(window).zone("occipital").state is ZoneState.HEALTHY
    assert not window.opening_signs.label.isVisible()
    assert not busy_pointer()
    assert window.view.editing_enabled
    assert all(action.isEnabled() for action in window.commands.week)
    window.close()


def test_a_click_made_while_opening_is_saved_by_the_window_itself_as_the_database_opens(
    qtbot: QtBot, database_path: Path, start_window: Callable[..., tuple[MainWindow, Gate]]
) -> None:
    """The window waits for that first save anyway: it writes it on its own thread, and the
    start needs no worker thread (nor the module that makes one) before the click is saved."""
    on_main_thread: list[bool] = []

    class RecordingStore:
        def __init__(self, store: ProfileStoreLike) -> None:
            self._store = store

        def __getattr__(self, name: str) -> object:
            return getattr(self._store, name)

        def save_map(self, *args: object) -> None:
            on_main_thread.append(threading.current_thread() is threading.main_thread())
            self._store.save_map(*args)  # type: ignore[arg-type]

    opener = storage_opener(database_path)

    def recording_opener() -> Opened:
        database, store = opener()
        return database, RecordingStore(store)  # type: ignore[return-value]

    window, gate = start_window(recording_opener)
    click_zone(qtbot, window, "occipital")
    with qtbot.waitSignal(window.openingFinished):
        gate.release()
    assert on_main_thread == [True]
    assert stored_map(window).zone("occipital").state is ZoneState.THINNING
    with qtbot.waitSignal(window.autosave.saved):
        click_zone(qtbot, window, "occipital")  # later clicks are written on the worker
    assert on_main_thread == [True, False]
    assert stored_map(window).zone("occipital").state is ZoneState.BALD
    window.close()


def test_first_start_keeps_a_click_made_before_the_new_database_exists(
    qtbot: QtBot,
    start_window: Callable[..., tuple[MainWindow, Gate]],
    database_path: Path,
) -> None:
    window, gate = start_window()
    assert not database_path.exists()
    click_zone(qtbot, window, "crown")
    with qtbot.waitSignal(window.openingFinished) as opened:
        gate.release()
    assert opened.args == [True]
    assert window.windowTitle() == "My scalp — ScalpZone"
    assert window.tour_bar.text().startswith("Step 1 of 4")  # the first start's tour still comes
    assert window.model.zone("crown").state is ZoneState.THINNING
    window.close()
    assert state_in_file(database_path, "crown") is ZoneState.THINNING


def test_closing_while_opening_waits_and_saves_the_click(
    qtbot: QtBot, start_window: Callable[..., tuple[MainWindow, Gate]], database_path: Path
) -> None:
    window, gate = start_window()
    click_zone(qtbot, window, "midscalp_center")
    assert gate.started.wait(timeout=30)
    gate.release()
    window.close()  # before the opener's result reached the window
    assert not busy_pointer()
    assert state_in_file(database_path, "midscalp_center") is ZoneState.THINNING


def test_when_the_database_cannot_open_the_click_stays_on_screen_and_the_person_is_told(
    qtbot: QtBot,
    start_window: Callable[..., tuple[MainWindow, Gate]],
    database_path: Path,
    dialogs: ScriptedDialogs,
) -> None:
    holder = Database.open(database_path)  # another ScalpZone has it: the open is refused
    try:
        window, gate = start_window()
        click_zone(qtbot, window, "crown")
        with qtbot.waitSignal(window.openingFinished) as opened:
            gate.release()
        assert opened.args == [False]
        title, text = dialogs.errors[-1]
        assert title == "Your data could not be opened"
        assert "still on screen, but they are not saved" in text
        assert "Traceback" not in text
        assert window.model.zone("crown").state is ZoneState.THINNING
        assert window.opening_signs.label.text() == "Not saved: your data could not be opened."
        assert window.opening_signs.label.isVisible()
        assert not busy_pointer()
        assert not window.view.editing_enabled  # further clicks are refused, not lost later
        click_zone(qtbot, window, "midscalp_center")
        assert window.model.zone("midscalp_center").state is ZoneState.HEALTHY
        window.close()
        assert len(dialogs.errors) == 1  # closing does not try (and fail) again
    finally:
        holder.close()


def test_an_unexpected_error_while_opening_still_ends_the_opening(
    qtbot: QtBot, start_window: Callable[..., tuple[MainWindow, Gate]]
) -> None:
    def broken() -> Opened:
        raise RuntimeError("a bug in the opener")

    window, gate = start_window(broken)
    click_zone(qtbot, window, "crown")
    with qtbot.captureExceptions() as raised, qtbot.waitSignal(window.openingFinished) as opened:
        gate.release()
    assert opened.args == [False]
    assert [str(error) for _, error, _ in raised] == ["a bug in the opener"]  # to the excepthook
    assert not busy_pointer()
    assert window.opening_signs.label.text() == "Not saved: your data could not be opened."
    assert window.model.zone("crown").state is ZoneState.THINNING
    window.close()


def test_an_older_database_is_upgraded_while_the_window_takes_clicks(
    qtbot: QtBot, start_window: Callable[..., tuple[MainWindow, Gate]], database_path: Path
) -> None:
    from scalpzone.storage import schema
    from scalpzone.storage.engines import file_engine

    database_path.parent.mkdir(parents=True)
    engine = file_engine(database_path)
    schema.upgrade(engine, "0002")  # a real database as ScalpZone's schema 0002 made it
    engine.dispose()

    window, gate = start_window()
    click_zone(qtbot, window, "crown")
    with qtbot.waitSignal(window.openingFinished) as opened:
        gate.release()
    assert opened.args == [True]
    assert f"was upgraded from schema 0002 to {schema.HEAD_REVISION}" in window.notices.text()
    window.close()
    assert state_in_file(database_path, "crown") is ZoneState.THINNING


@pytest.mark.parametrize("revision", ["0004", "0003"])
def test_alembic_is_imported_only_when_the_schema_needs_an_upgrade(
    tmp_path: Path, revision: str
) -> None:
    from scalpzone.storage import schema
    from scalpzone.storage.engines import file_engine

    path = tmp_path / "data" / "scalpzone.sqlite3"
    if revision == schema.HEAD_REVISION:
        Database.open(path).close()
    else:
        path.parent.mkdir(parents=True)
        engine = file_engine(path)
        schema.upgrade(engine, revision)
        engine.dispose()
    opened = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from scalpzone.storage import Database; "
            "Database.open(sys.argv[1]).close(); print('alembic' in sys.modules)",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert opened.stdout.split() == [str(revision != schema.HEAD_REVISION)]


def test_an_existing_profile_opens_without_sqlalchemy_then_hands_over_to_it(
    qtbot: QtBot,
    make_window: WindowMaker,
    start_window: Callable[..., tuple[MainWindow, Gate]],
    database_path: Path,
) -> None:
    from scalpzone.storage import load_rest_in_background
    from scalpzone.storage.startup import StartupDatabase

    first = make_window()
    click_zone(qtbot, first, "crown")
    first.close()

    window, gate = start_window()
    click_zone(qtbot, window, "occipital")
    with qtbot.waitSignal(window.openingFinished) as opened:
        gate.release()
    assert opened.args == [True]
    db = window.profiles.database
    assert isinstance(db, StartupDatabase)  # the plain path: no SQLAlchemy needed to get here
    assert db._full is None
    assert stored_map(window).zone("occipital").state is ZoneState.THINNING

    load_rest_in_background(db)  # as the app does once the window is usable
    db.full()
    assert window.profiles.photo_store() is not None  # photos need the full database
    click_zone(qtbot, window, "midscalp_center")
    assert stored_map(window).zone("midscalp_center").state is ZoneState.THINNING
    assert db.store().load_profile(
        window.profiles.profile_id
    ) == window.profiles.store.load_profile(window.profiles.profile_id)
    window.close()
    assert state_in_file(database_path, "midscalp_center") is ZoneState.THINNING
    assert state_in_file(database_path, "crown") is ZoneState.THINNING
