"""UI fixtures: a real main window over a real SQLite file, settings and snapshot in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from scalpzone.app import storage_opener
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.profile.autosave import StartupSnapshot
from tests.ui.helpers import MONDAY, ScriptedDialogs

HERE = Path(__file__).parent

#: The offscreen platform cannot pass size hints to a window manager and says so; it is a
#: property of the test platform, not of the app (the Xvfb test runs on xcb without it).
OFFSCREEN_NOTE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Let GUI tests here run on the offscreen platform without tripping on its one note."""
    for item in items:
        if HERE in Path(str(item.path)).parents and item.get_closest_marker("gui"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTE))


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """A settings file of the test's own."""
    return QSettings(str(tmp_path / "config" / "scalpzone.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def database_path(tmp_path: Path) -> Path:
    """The test's own SQLite file."""
    return tmp_path / "data" / "scalpzone.sqlite3"


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    """The person's answers to any question the app asks."""
    return ScriptedDialogs()


WindowMaker = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot,
    tmp_path: Path,
    settings: QSettings,
    database_path: Path,
    dialogs: ScriptedDialogs,
) -> WindowMaker:
    """Build a main window as the app does: snapshot first, then the database."""

    def make(*, open_database: bool = True) -> MainWindow:
        window = MainWindow(
            settings,
            storage_opener(database_path),
            StartupSnapshot(tmp_path / "cache" / "last-map.json"),
            dialogs=dialogs,
            today=lambda: MONDAY,
        )
        qtbot.addWidget(window)
        window.profiles.show_snapshot()
        window.show()
        qtbot.waitExposed(window)
        if open_database:
            assert window.open_database()
        return window

    return make


@pytest.fixture
def window(make_window: WindowMaker) -> MainWindow:
    """A shown main window with its profile open."""
    return make_window()
