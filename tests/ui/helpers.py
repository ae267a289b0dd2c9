"""Shared by the UI tests: the person's answers to dialogs, and clicking on the map."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QPoint, QPointF, Qt
from pytestqt.qtbot import QtBot

from scalpzone.domain.geometry import Point
from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.shapes import to_scene

if TYPE_CHECKING:
    from scalpzone.storage import ProfileStore
    from scalpzone.ui.profile.open_profile import OpenProfile

#: A Monday, so the week the preview shows is Mon 23 – Sun 29 Nov 2026.
MONDAY = date(2026, 11, 23)


class ScriptedDialogs:
    """Answers the app's questions as the test says the person would, and keeps what it showed."""

    def __init__(self) -> None:
        self.confirm_answers: list[bool] = []
        self.text_answers: list[str | None] = []
        self.date_answers: list[date | None] = []
        self.files: list[Path | None] = []
        self.questions: list[str] = []
        self.errors: list[tuple[str, str]] = []
        self.problems: list[tuple[str, str, list[str]]] = []
        self.suggested: list[str] = []
        self.open_filters: list[str] = []
        self.infos: list[tuple[str, str]] = []
        self.choice_answers: list[int | None] = []
        self.choices: list[tuple[str, list[str], list[str]]] = []

    def choose(
        self, title: str, intro: str, problems: Sequence[str], choices: Sequence[str]
    ) -> int | None:
        """Pick the scripted way out (Close when the script ran out); keep what was offered."""
        self.choices.append((intro, list(problems), list(choices)))
        return self.choice_answers.pop(0) if self.choice_answers else None

    def choose_item(self, title: str, label: str, items: Sequence[str]) -> int | None:
        """Pick the scripted item (cancel when the script ran out)."""
        self.choices.append((label, list(items), []))
        return self.choice_answers.pop(0) if self.choice_answers else None

    def confirm(self, title: str, text: str, accept: str) -> bool:
        """Say yes or no as scripted (no when the script ran out)."""
        self.questions.append(text)
        return self.confirm_answers.pop(0) if self.confirm_answers else False

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        """Type the scripted text (cancel when the script ran out)."""
        self.questions.append(label)
        return self.text_answers.pop(0) if self.text_answers else None

    def ask_date(self, title: str, label: str, earliest: date, initial: date) -> date | None:
        """Pick the scripted day."""
        self.questions.append(label)
        return self.date_answers.pop(0) if self.date_answers else None

    def open_file(self, title: str, file_filter: str = "") -> Path | None:
        """Choose the scripted file (and remember which kinds of file were offered)."""
        self.open_filters.append(file_filter)
        return self.files.pop(0) if self.files else None

    def save_file(self, title: str, suggested: str, file_filter: str = "") -> Path | None:
        """Choose the scripted file (and remember what was suggested)."""
        self.suggested.append(suggested)
        return self.files.pop(0) if self.files else None

    def show_problems(self, title: str, intro: str, problems: Sequence[str]) -> None:
        """Remember the problems listed."""
        self.problems.append((title, intro, list(problems)))

    def show_error(self, title: str, text: str) -> None:
        """Remember the error shown."""
        self.errors.append((title, text))

    def show_info(self, title: str, text: str) -> None:
        """Remember the information shown."""
        self.infos.append((title, text))


def view_point(window: MainWindow, point: Point) -> QPoint:
    """Where a map point is in the map view's viewport."""
    return window.view.mapFromScene(to_scene(point))


def click_map(
    qtbot: QtBot,
    window: MainWindow,
    point: Point,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A real mouse click on the map at a map point."""
    qtbot.mouseClick(window.view.viewport(), button, modifier, view_point(window, point))


def click_zone(qtbot: QtBot, window: MainWindow, zone_id: str) -> None:
    """Click the centre of a zone."""
    click_map(qtbot, window, window.model.zone(zone_id).centre)


def drag_on_map(qtbot: QtBot, window: MainWindow, points: Sequence[Point]) -> None:
    """Press at the first point, move through the rest with the button held, release."""
    viewport = window.view.viewport()
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(viewport, left, pos=view_point(window, points[0]))
    for point in points[1:]:
        _move_with_button(viewport, view_point(window, point), left)
    qtbot.mouseRelease(viewport, left, pos=view_point(window, points[-1]))


def _move_with_button(viewport: object, pos: QPoint, button: Qt.MouseButton) -> None:
    # QTest.mouseMove sends no buttons; a drag needs the button held in the event.
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(viewport, QWidget)
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        button,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def window_store(window: MainWindow) -> ProfileStore:
    """The window's own store, as the window uses it: each call waits for the map's writes."""
    from scalpzone.storage import ProfileStore
    from scalpzone.storage.startup import StartupStore

    store = window.profiles.store
    assert isinstance(getattr(store, "inner", None), ProfileStore | StartupStore)
    return cast("ProfileStore", store)


def stored_map(window: MainWindow) -> ScalpMap:
    """The map as the database holds it now."""
    store = window.profiles.store
    assert store is not None
    return store.load_profile(window.profiles.profile_id).document.scalp_map


def busy_pointer() -> bool:
    """Whether the app shows the busy pointer (opening)."""
    from PySide6.QtGui import QGuiApplication

    cursor = QGuiApplication.overrideCursor()
    return cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor


def state_in_file(database_path: Path, zone_id: str) -> ZoneState:
    """A zone's state as the database file holds it (read with its own connection)."""
    from scalpzone.storage import Database, ProfileStore

    with Database.open(database_path) as db:
        store = ProfileStore(db)
        [profile] = store.profiles()
        return store.load_profile(profile.id).document.scalp_map.zone(zone_id).state


def stored_document(window: MainWindow) -> MapDocument:
    """The whole document as the database holds it now."""
    store = window.profiles.store
    assert store is not None
    return store.load_profile(window.profiles.profile_id).document


def panel_row(window: MainWindow, zone_id: str) -> list[str]:
    """The zone panel's row for a zone, as the person reads it."""
    table = window.zone_panel.table_model
    row = table.row_of(zone_id)
    return [str(table.index(row, column).data()) for column in range(table.columnCount())]


def preview_text(window: MainWindow) -> str:
    """Everything the "next 7 days" preview shows, one line a day."""
    return "\n".join(f"{day}: {what}" for day, what in window.preview.day_texts())


def opened_profile(
    window: MainWindow, today: date = MONDAY, profile_id: int | None = None
) -> OpenProfile:
    """The window's profile (or another of its store's) opened again from the real store as it
    holds it now, on a map model of its own whose plan starts `today`: what the dialogs and
    views under test take."""
    from scalpzone.ui.map.model import MapModel
    from scalpzone.ui.profile.open_profile import OpenProfile

    store = window_store(window)
    model = MapModel(lambda: today)
    profile = OpenProfile(model, window)  # the window owns it, as it owns its own
    model.setParent(profile)
    profile.take(store, store.load_profile(profile_id or window.profiles.profile_id))
    return profile
