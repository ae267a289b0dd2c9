"""View › Appearance switches the whole app between light and dark, and is remembered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory
from pytestqt.qtbot import QtBot

from scalpzone.app import storage_opener
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.profile.autosave import StartupSnapshot
from scalpzone.ui.style.appearance import Appearance, AppearanceSwitcher, parse_appearance
from tests.ui.helpers import MONDAY, ScriptedDialogs


@pytest.fixture
def switcher(qapp: QApplication) -> Iterator[AppearanceSwitcher]:
    """A switcher that puts the system palette back afterwards, for the other tests."""
    original = QPalette(qapp.palette())
    yield AppearanceSwitcher(qapp)
    qapp.setPalette(original)


def _window_lightness(widget: MainWindow) -> int:
    return widget.palette().color(QPalette.ColorRole.Window).lightness()


@pytest.mark.gui
def test_dark_and_light_apply_to_the_window_and_map_and_are_saved(
    qtbot: QtBot,
    tmp_path: Path,
    settings: QSettings,
    database_path: Path,
    switcher: AppearanceSwitcher,
) -> None:
    window = MainWindow(
        settings,
        storage_opener(database_path),
        StartupSnapshot(tmp_path / "cache" / "snap.json"),
        dialogs=ScriptedDialogs(),
        today=lambda: MONDAY,
        appearance=switcher,
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.commands.appearance["system"].isChecked()
    light_background = window.scene.look.colours.background.lightness()

    window.commands.appearance["dark"].trigger()
    qtbot.waitUntil(lambda: _window_lightness(window) < 100)
    assert window.scene.look.colours.background.lightness() < light_background
    assert settings.value("view/appearance") == "dark"
    assert window.commands.appearance["dark"].isChecked()

    window.commands.appearance["light"].trigger()
    qtbot.waitUntil(lambda: _window_lightness(window) > 180)
    assert settings.value("view/appearance") == "light"


def test_unknown_stored_values_mean_the_system_palette() -> None:
    assert parse_appearance("dark") is Appearance.DARK
    assert parse_appearance("sepia") is Appearance.SYSTEM
    assert parse_appearance(None) is Appearance.SYSTEM


@pytest.mark.gui
def test_check_boxes_keep_a_visible_outline_on_the_dark_palette(
    qtbot: QtBot, switcher: AppearanceSwitcher, qapp: QApplication
) -> None:
    from PySide6.QtWidgets import QCheckBox, QStyle

    from scalpzone.ui.style.indicator_style import IndicatorStyle

    switcher.apply(Appearance.DARK)
    box = QCheckBox("Sunburn")
    qtbot.addWidget(box)
    box.resize(box.sizeHint())

    def outline_contrast(style: QStyle) -> int:
        box.setStyle(style)
        image = box.grab().toImage()
        base = box.palette().color(QPalette.ColorRole.Base).lightness()
        # The indicator sits at the left; its outline is the lightest or darkest ring there.
        return max(
            abs(image.pixelColor(x, y).lightness() - base)
            for x in range(image.width() // 4)
            for y in range(image.height())
        )

    plain = QStyleFactory.create("Fusion")
    fixed = IndicatorStyle(QStyleFactory.create("Fusion"))
    assert outline_contrast(plain) < 30  # the problem: Fusion's outline vanishes on dark
    assert outline_contrast(fixed) > 60
