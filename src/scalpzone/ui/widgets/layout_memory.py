"""The window's size, toolbars and splitters, remembered between runs in QSettings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from scalpzone.ui.widgets.screen_fit import FIRST_SIZE, restore_if_fits


@dataclass(frozen=True, slots=True)
class RememberedSplitter:
    """A splitter whose sizes are kept under `key`; `first_sizes` until there are any."""

    key: str
    splitter: QSplitter
    first_sizes: tuple[int, int]


def restore_layout(
    settings: QSettings, window: QMainWindow, splitters: Sequence[RememberedSplitter]
) -> None:
    """Put back the window's geometry, toolbars and splitters as they were last saved."""
    # A size saved on a bigger screen is not forced on this one (see screen_fit). The geometry
    # is the top-level's: the window may be held by the app's StartFrame.
    restore_if_fits(window.window(), settings.value("window/geometry"), *FIRST_SIZE)
    state = settings.value("window/state")
    if state is not None:
        window.restoreState(state)
    for remembered in splitters:
        saved = settings.value(remembered.key)
        if saved is None or not remembered.splitter.restoreState(saved):
            remembered.splitter.setSizes(list(remembered.first_sizes))


def save_layout(
    settings: QSettings, window: QMainWindow, splitters: Sequence[RememberedSplitter]
) -> None:
    """Keep the window's geometry, toolbars and splitters for the next start."""
    settings.setValue("window/geometry", window.window().saveGeometry())
    settings.setValue("window/state", window.saveState())
    for remembered in splitters:
        settings.setValue(remembered.key, remembered.splitter.saveState())
