"""Dialogs sized to the screen they open on: never larger than its available area."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to `width` × `height`, or to the available screen less a margin when smaller."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    # Leave room for the window frame and title bar that the window manager adds.
    widget.resize(min(width, room.width() - 24), min(height, room.height() - 48))
