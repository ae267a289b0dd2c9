"""The app's frame: the last window's picture first, then the window built behind it (#16).

These start the app as `run_app` does (`show_frame`), over a real SQLite file, settings and
cache folder of the test's own, and close it as a person does, which keeps the picture.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scalpzone.app import picture_path, show_frame, window_of
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.start_frame import PictureView, StartFrame
from scalpzone.ui.style.appearance import SETTINGS_KEY as APPEARANCE_KEY
from scalpzone.ui.widgets.screen_fit import available
from tests.ui.helpers import MONDAY, busy_pointer, state_in_file, view_point

pytestmark = pytest.mark.gui

Starter = Callable[..., StartFrame]


@pytest.fixture
def start(
    qtbot: QtBot, qapp: QApplication, settings: QSettings, database_path: Path
) -> Iterator[Starter]:
    """Start the app's frame as `run_app` does; `today` is MONDAY unless given. The app's
    palette is put back afterwards (a start applies the appearance setting to the app)."""
    palette = QPalette(qapp.palette())

    def start_app(today: date = MONDAY) -> StartFrame:
        frame = show_frame(qapp, settings, database_path, {"code": 0}, today=lambda: today)
        qtbot.addWidget(frame)
        return frame

    yield start_app
    qapp.setPalette(palette)


def _opened(qtbot: QtBot, frame: StartFrame) -> MainWindow:
    qtbot.waitUntil(lambda: frame.content is not None, timeout=20_000)
    window = window_of(frame)
    qtbot.waitUntil(lambda: window.profiles.ready and not window.opening_signs.shown)
    return window


def _in_frame(frame: StartFrame, window: MainWindow, zone_id: str) -> QPoint:
    at = view_point(window, window.model.zone(zone_id).centre)
    return window.view.viewport().mapTo(frame, at)


def _closed_once(qtbot: QtBot, start: Starter) -> tuple[QPoint, QPoint]:
    """A first start (no picture: the window is built first), closed; where crown and the
    side list were in the frame."""
    frame = start()
    assert frame.content is not None
    assert not isinstance(frame.centralWidget(), PictureView)
    window = _opened(qtbot, frame)
    qtbot.mouseClick(window.tour_bar.skip_button, Qt.MouseButton.LeftButton)  # first start's tour
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # the map where it now is
    crown = _in_frame(frame, window, "crown")
    side = window.preview.mapTo(frame, window.preview.rect().center())
    frame.close()
    return crown, side


def test_the_next_start_paints_the_last_window_first_and_a_click_on_it_is_saved(
    qtbot: QtBot, start: Starter, database_path: Path
) -> None:
    crown, side = _closed_once(qtbot, start)
    assert picture_path(database_path).is_file()

    frame = start()
    picture = frame.centralWidget()
    assert isinstance(picture, PictureView)  # the picture, the window not built yet
    assert frame.content is None
    assert busy_pointer()
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=crown)  # on the map
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=side)  # not on the map
    window = _opened(qtbot, frame)
    assert window.model.zone("crown").state is ZoneState.THINNING
    assert "still opening" in window.notices.text()
    assert not busy_pointer()
    frame.close()
    assert state_in_file(database_path, "crown") is ZoneState.THINNING


def test_a_picture_in_another_palette_is_not_shown(
    qtbot: QtBot, start: Starter, settings: QSettings
) -> None:
    _closed_once(qtbot, start)
    settings.setValue(APPEARANCE_KEY, "dark")
    frame = start()
    assert frame.content is not None  # built first, as on a first start
    assert not isinstance(frame.centralWidget(), PictureView)
    _opened(qtbot, frame)


def test_on_another_day_the_coming_days_are_not_shown_from_the_picture(
    qtbot: QtBot, start: Starter
) -> None:
    _closed_once(qtbot, start)
    frame = start(today=date(2026, 12, 1))
    picture = frame.centralWidget()
    assert isinstance(picture, PictureView)
    preview = picture.picture.areas["preview"]
    shown = picture.grab().toImage()
    window_colour = picture.palette().window().color().name()
    corner = preview.topLeft() + QPoint(3, 3)
    assert shown.pixelColor(corner).name() == window_colour
    _opened(qtbot, frame)


def test_closing_while_the_picture_is_up_builds_nothing(
    qtbot: QtBot, start: Starter, database_path: Path
) -> None:
    _closed_once(qtbot, start)
    frame = start()
    assert isinstance(frame.centralWidget(), PictureView)
    frame.close()
    assert not busy_pointer()
    frame.painted.emit()  # as a paint that was already on its way would
    assert frame.content is None


def test_the_frame_keeps_its_size_and_quit_closes_it(qtbot: QtBot, start: Starter) -> None:
    frame = start()
    window = _opened(qtbot, frame)
    qtbot.mouseClick(window.tour_bar.skip_button, Qt.MouseButton.LeftButton)  # first start's tour
    room = available(frame).size()  # what fits on the screen
    size = (frame.minimumSizeHint() + QSize(10, 60)).boundedTo(room)
    assert size != frame.size()
    frame.resize(size)
    qtbot.waitUntil(lambda: frame.size() == size)
    window.finish_building()
    [quit_action] = [a for a in window.bars.file_menu.actions() if a.text() == "&Quit"]
    quit_action.trigger()  # File › Quit closes the app's window, not only what it holds
    assert not frame.isVisible()
    again = start()
    assert again.size() == size
    assert isinstance(again.centralWidget(), PictureView)  # the picture of that size
    _opened(qtbot, again)


def test_a_window_the_next_start_would_not_show_keeps_no_picture(
    qtbot: QtBot, start: Starter, database_path: Path
) -> None:
    _closed_once(qtbot, start)
    assert picture_path(database_path).is_file()
    frame = start()
    window = _opened(qtbot, frame)
    window.tabs.setCurrentIndex(1)  # the Week tab: a start opens on the map
    frame.close()
    assert not picture_path(database_path).exists()  # nor the older one, which no longer fits
    again = start()
    assert not isinstance(again.centralWidget(), PictureView)
    _opened(qtbot, again)


def test_a_click_on_the_picture_marks_that_area_wherever_the_window_draws_it(
    qtbot: QtBot, start: Starter, settings: QSettings, database_path: Path
) -> None:
    crown, _side = _closed_once(qtbot, start)
    settings.setValue("view/legend", False)  # the map is taller than in the picture
    frame = start()
    picture = frame.centralWidget()
    assert isinstance(picture, PictureView)
    qtbot.mouseClick(picture, Qt.MouseButton.LeftButton, pos=crown)
    window = _opened(qtbot, frame)
    assert _in_frame(frame, window, "crown") != crown  # drawn somewhere else
    assert window.model.zone("crown").state is ZoneState.THINNING
    frame.close()
    assert state_in_file(database_path, "crown") is ZoneState.THINNING


def test_clicks_while_the_window_is_built_behind_the_picture_are_clicks_on_the_picture(
    qtbot: QtBot, start: Starter, database_path: Path
) -> None:
    crown, side = _closed_once(qtbot, start)
    frame = start()
    qtbot.waitUntil(lambda: frame.content is not None, timeout=20_000)  # built, not drawn
    window = window_of(frame)
    assert window.opening_signs.shown  # still opening
    # Through the window system's way in, as a person's click comes (routed by position).
    handle = frame.windowHandle()
    assert handle is not None
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, crown)
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, side)
    assert window.model.zone("crown").state is ZoneState.THINNING  # taken at once
    assert "still opening" in window.notices.text()  # the click on the list was refused
    window = _opened(qtbot, frame)
    frame.close()
    assert state_in_file(database_path, "crown") is ZoneState.THINNING  # and saved once open
