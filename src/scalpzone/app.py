"""Builds the application and its main window (the only module the CLI imports Qt through).

Start-up shows the window first, drawn from the last session's snapshot, and opens the
database after the first paint on a worker thread, with plain `sqlite3` when the file is up to
date (storage/startup.py: importing SQLAlchemy takes longer than Qt itself); the map takes
clicks meanwhile and they are saved once it is open (ui/profile/opening.py). SQLAlchemy loads
on a thread once the window is usable.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from scalpzone import APP_NAME, DESKTOP_ID, RESOURCES, __version__
from scalpzone.plain_files import read_plain_file
from scalpzone.ui.start_frame import Notes, StartFrame, colours_of
from scalpzone.ui.start_picture import PictureFile, PictureKey, WindowPicture
from scalpzone.ui.style.appearance import SETTINGS_KEY as APPEARANCE_KEY
from scalpzone.ui.style.appearance import Appearance, AppearanceSwitcher, parse_appearance
from scalpzone.ui.widgets.errors import install_excepthook
from scalpzone.ui.widgets.screen_fit import FIRST_SIZE, restore_if_fits

if TYPE_CHECKING:  # the window's modules load after the first paint (ui/start_frame.py)
    from PySide6.QtWidgets import QWidget

    from scalpzone.ui.main_window import MainWindow
    from scalpzone.ui.profile.autosave import StartupSnapshot
    from scalpzone.ui.profile.store_api import DatabaseLike, ProfileStoreLike, StorageOpener
    from scalpzone.ui.widgets.questions import Dialogs

SETTINGS_FILE = "scalpzone.ini"
APP_ICON = RESOURCES / "icons" / "org.scalpzone.ScalpZone.svg"
DATABASE_ENV = "SCALPZONE_DB"


def config_dir() -> Path:
    """Where the settings file lives (e.g. ~/.config/ScalpZone)."""
    from platformdirs import user_config_dir  # noqa: PLC0415

    return Path(user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Where the start-up snapshot lives (e.g. ~/.cache/ScalpZone)."""
    from platformdirs import user_cache_dir  # noqa: PLC0415

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def snapshot_path(database_path: Path | None) -> Path:
    """One snapshot per database, so `--database` never shows another file's map.

    The path is told apart by its CRC-32 (zlib is already loaded; hashlib would load OpenSSL
    before the first paint). The snapshot only speeds up the first paint: the database is the
    truth once it opens, so even a clash would be put right within a second.
    """
    chosen = str(database_path) if database_path else os.environ.get(DATABASE_ENV, "")
    suffix = f"{zlib.crc32(chosen.encode()):08x}" if chosen else "default"
    return cache_dir() / f"last-map-{suffix}.json"


def storage_opener(database_path: Path | None) -> StorageOpener:
    """Opens the database at `database_path`, or where storage says by default."""

    def open_storage() -> tuple[DatabaseLike, ProfileStoreLike]:
        from scalpzone.storage import open_for_start  # noqa: PLC0415  (no SQLAlchemy yet)

        return open_for_start(database_path)

    return open_storage


def picture_path(database_path: Path | None) -> Path:
    """The last window's picture, beside its snapshot (ui/start_picture.py)."""
    snapshot = snapshot_path(database_path)
    return snapshot.with_name(snapshot.name.replace("last-map-", "last-window-")).with_suffix(
        ".picture"
    )


def picture_key(frame: QWidget, snapshot: Path) -> PictureKey:
    """What the picture must have been taken with to stand for the window about to be built."""
    data = read_plain_file(snapshot, 64 * 1024 * 1024)
    crc = -1 if data is None else zlib.crc32(data)
    size = (frame.width(), frame.height())
    return PictureKey(__version__, size, frame.devicePixelRatioF(), colours_of(frame), crc)


class WindowContent:
    """What the app's frame needs of the main window it holds (start_frame.FrameContent)."""

    def __init__(self, window: MainWindow, today: Callable[[], date]) -> None:
        self._window = window
        self._today = today

    @property
    def notices(self) -> Notes:
        """The notes over the map."""
        return self._window.notices

    def close(self) -> bool:
        """Close the window (it saves)."""
        return self._window.close()

    def early_click_target(self) -> QWidget:
        """The map, where clicks the picture took are replayed."""
        return self._window.view.viewport()

    def areas(self) -> dict[str, QRect]:
        """Where the map, the head on it, the status bar and the side list are, in the frame."""
        window = self._window
        top = window.window()
        viewport = window.view.viewport()
        head = window.view.mapFromScene(window.scene.sceneRect()).boundingRect()
        parts = {
            "map": (viewport, viewport.rect()),
            "head": (viewport, head),
            "status": (window.statusBar(), window.statusBar().rect()),
            "preview": (window.preview, window.preview.rect()),
        }
        seen = top.rect()  # a part may run past a small window's edge
        return {k: QRect(w.mapTo(top, r.topLeft()), r.size()) & seen for k, (w, r) in parts.items()}

    def picture(self) -> WindowPicture | None:
        """The window as it is now, for the next start's first frame; None when the next start
        would not look like it: no profile open, or not the map as a start shows it (the Map
        tab, the marking tool, no tour running)."""
        window = self._window
        if not window.profiles.ready or window.tabs.currentIndex() != 0:
            return None
        if window.view.tool is not window.tools["mark"] or window.tour_bar.isVisible():
            return None
        window.notices.hide()  # a passing note is not part of the window
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)  # as it will be drawn
        image = window.window().grab().toImage()
        return WindowPicture(image, self.areas(), self._today().isoformat())


def build_window(
    settings: QSettings,
    open_storage: StorageOpener,
    snapshot: StartupSnapshot,
    today: Callable[[], date] = date.today,
    appearance: AppearanceSwitcher | None = None,
    dialogs: Dialogs | None = None,
    parent: QWidget | None = None,
) -> MainWindow:
    """The main window, drawn from the snapshot when there is one (the database opens later).

    `dialogs` answers the window's questions (default: real dialogs; the self-test's own);
    `parent` is the app's StartFrame, which holds it.
    """
    from scalpzone.ui.main_window import MainWindow  # noqa: PLC0415  (after the first paint)

    window = MainWindow(
        settings,
        open_storage,
        snapshot,
        today=today,
        appearance=appearance,
        dialogs=dialogs,
        parent=parent,
    )
    window.profiles.show_snapshot()
    return window


def run_app(argv: Sequence[str], database_path: Path | None = None) -> int:
    """Create the QApplication, show the main window and run until it closes."""
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationDomain("scalpzone.org")
    QApplication.setDesktopFileName(DESKTOP_ID)
    settings = QSettings(str(config_dir() / SETTINGS_FILE), QSettings.Format.IniFormat)
    previous = sys.excepthook
    status = {"code": 0}
    show_frame(app, settings, database_path, status)
    try:
        code = app.exec()
    finally:
        sys.excepthook = previous
    return status["code"] or int(code)


def show_frame(
    app: QApplication,
    settings: QSettings,
    database_path: Path | None,
    status: dict[str, int],
    today: Callable[[], date] = date.today,
) -> StartFrame:
    """Show the app's frame: the last window's picture first when it matches, with the window
    built after that first paint; otherwise the window is built first (ui/start_frame.py).
    `status["code"]` becomes 1 if the database cannot be opened."""
    appearance = AppearanceSwitcher(app)
    appearance.apply(parse_appearance(settings.value(APPEARANCE_KEY, Appearance.SYSTEM.value)))
    frame = StartFrame(APP_NAME)
    restore_if_fits(frame, settings.value("window/geometry"), *FIRST_SIZE)
    snapshot = snapshot_path(database_path)
    pictures = PictureFile(picture_path(database_path))

    def keep_picture(picture: WindowPicture | None) -> None:
        if picture is None:  # the next start would not look like this: show no old picture
            pictures.forget()
        else:
            pictures.save(picture, picture_key(frame, snapshot))

    def styled(_ok: bool) -> None:
        # The icon and the style's dark-palette fix wait until the window is usable.
        app.setWindowIcon(QIcon(str(APP_ICON)))
        appearance.install_style()

    def opened(ok: bool) -> None:
        if ok:  # usable now: SQLAlchemy loads on a thread for everything past the start
            from scalpzone.storage import load_rest_in_background  # noqa: PLC0415

            load_rest_in_background(window_of(frame).profiles.database)
        else:
            status["code"] = 1
            if not window_of(frame).stack.count():  # nothing on screen worth keeping open for
                frame.close()

    def build() -> None:
        from scalpzone.ui.profile.autosave import StartupSnapshot  # noqa: PLC0415

        window = build_window(
            settings,
            storage_opener(database_path),
            StartupSnapshot(snapshot),
            today=today,
            appearance=appearance,
            parent=frame,
        )
        install_excepthook(window.dialogs.show_error)
        window.show_opening()
        frame.adopt(window, WindowContent(window, today))
        frame.keep_picture = keep_picture
        window.openingFinished.connect(styled)
        if picture is None:  # the database opens once the window is on screen
            window.openingFinished.connect(opened)
            window.firstPainted.connect(
                window.open_database_in_background, Qt.ConnectionType.SingleShotConnection
            )
            return
        # The picture stays until the database is open and the style is in place (the window
        # is then laid out as it will be drawn), and the clicks held meanwhile are given to it
        # before SQLAlchemy starts loading: drawing the window first would only make them wait
        # longer (ui/start_frame.py).
        window.openingFinished.connect(
            frame.release_drawing, Qt.ConnectionType.SingleShotConnection
        )
        window.openingFinished.connect(opened)
        window.open_database_in_background()

    picture = pictures.load(picture_key(frame, snapshot))
    if picture is not None:
        frame.show_picture(picture, frame.tr("Opening…"), today().isoformat())
        # Closed before it painted: nothing to build.
        frame.painted.connect(
            lambda: build() if frame.isVisible() else None, Qt.ConnectionType.SingleShotConnection
        )
    else:
        build()
    frame.show()
    return frame


def window_of(frame: StartFrame) -> MainWindow:
    """The main window the frame holds (once built)."""
    from scalpzone.ui.main_window import MainWindow  # noqa: PLC0415

    window = frame.centralWidget()
    assert isinstance(window, MainWindow)
    return window


def main() -> None:
    """GUI-script entry point (no console window on Windows)."""
    sys.exit(run_app(sys.argv))
