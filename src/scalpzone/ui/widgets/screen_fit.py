"""Windows that fit the screen they open on, from a 1024×600 netbook up.

Sizes are asked for, never imposed: a window gets the size it would like, shrunk to the screen's
available geometry (what panels and docks leave) less room for the window manager's frame, and
a saved size comes back only when it still fits.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

#: The main window's size on a first start, or when the remembered one no longer fits.
FIRST_SIZE = (1180, 780)

#: Room for a title bar and borders, which the window manager adds outside the window.
FRAME = QSize(16, 40)


def screen_of(widget: QWidget) -> QScreen | None:
    """The screen the widget is on (its parent's before it is shown), or the primary one."""
    parent = widget.parentWidget()
    for candidate in (widget, parent.window() if parent is not None else None):
        if candidate is not None and candidate.screen() is not None:
            return candidate.screen()
    return QGuiApplication.primaryScreen()


def available(widget: QWidget) -> QRect:
    """Where a window may go on the widget's screen, its frame left out."""
    screen = screen_of(widget)
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)
    return QRect(area.topLeft(), area.size() - FRAME)


def fitted(widget: QWidget, wanted: QSize) -> QSize:
    """`wanted`, shrunk to fit the screen (never below the widget's own minimum)."""
    room = available(widget).size()
    return wanted.boundedTo(room).expandedTo(widget.minimumSizeHint().boundedTo(room))


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Ask for width × height; get that or as much of it as the screen has."""
    widget.resize(fitted(widget, QSize(width, height)))


def resize_to_contents(widget: QWidget, width: int) -> None:
    """Ask for `width` and the height the layout needs at that width (wrapped labels included;
    Qt's own first size leaves them out and squeezes what is below them)."""
    layout = widget.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = layout.totalHeightForWidth(width)
    else:
        height = widget.sizeHint().height()
    resize_to_fit(widget, width, height)


def cap_minimum(widget: QWidget) -> None:
    """A minimum size no bigger than the screen (layouts then scroll or squeeze instead)."""
    room = available(widget).size()
    widget.setMinimumSize(widget.minimumSize().boundedTo(room))


def restore_if_fits(widget: QWidget, saved: object, width: int, height: int) -> None:
    """Put back a saved geometry when it still fits the screen; otherwise ask for width × height.

    A size saved on a big monitor is not forced on a laptop: the window opens at what fits,
    and the window manager places it.
    """
    if isinstance(saved, QByteArray) and widget.restoreGeometry(saved):
        area = available(widget)
        if widget.width() <= area.width() and widget.height() <= area.height():
            if not area.adjusted(-8, -8, 8 + FRAME.width(), 8 + FRAME.height()).contains(
                widget.geometry()
            ):
                widget.move(area.topLeft())
            return
    # Where it goes is the window manager's choice (placing the client at the top would put
    # the title bar above the screen on some).
    resize_to_fit(widget, width, height)


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """The name the report's dialogs use for `resize_to_fit`."""
    resize_to_fit(widget, width, height)
