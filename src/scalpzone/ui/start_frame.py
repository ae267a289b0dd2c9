"""The app's top-level window: at start-up the picture of the last window, then the window.

The frame is what the window manager sees from launch to quit. When there is a picture that
matches (start_picture.py), the frame paints it at once, says "Opening…" over its status bar
and shows a busy pointer; the main window is built after that first paint and takes the
picture's place. Clicks made meanwhile reach the real window: those that wait in the queue
while it is being built land on whatever is at that spot by then (the same thing the picture
showed); the few the picture itself takes are replayed on the map when they were on the map,
and otherwise refused in the status bar. Without a picture the main window is built before
the frame is first shown, as it always was.

Only Qt is imported here: this module is on the path to the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QCursor,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from scalpzone.ui.start_picture import WindowPicture


class Notes(Protocol):
    """Where the window says short things (its notice bar over the map)."""

    def show_message(self, text: str) -> None: ...


class FrameContent(Protocol):
    """What the frame needs of the main window it holds."""

    @property
    def notices(self) -> Notes:
        """Says that a click was not taken."""
        ...

    def picture(self) -> WindowPicture | None:
        """The window as it is now and where its parts are; None if it is not worth keeping."""
        ...

    def early_click_target(self) -> QWidget:
        """Where a click taken by the picture is replayed (the map), if it was over it."""
        ...

    def close(self) -> bool: ...


class PictureView(QWidget):
    """Paints the picture; what is not covered by it is the window's colour."""

    def __init__(self, picture: WindowPicture, opening: str, today: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.picture = picture
        self._opening = opening
        self._stale = picture.day != today
        self.setAccessibleName(opening)
        self.clicks: list[tuple[QPoint, Qt.MouseButton, Qt.KeyboardModifier]] = []

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        painter.drawImage(0, 0, self.picture.image)
        base = self.palette().window().color()
        text = self.palette().windowText().color()
        status = self.picture.areas["status"]
        if not status.isEmpty():  # the last session's words there are not true yet
            painter.fillRect(status, base)
            painter.setPen(text)
            painter.drawText(
                status.adjusted(8, 0, -8, 0), Qt.AlignmentFlag.AlignVCenter, self._opening
            )
        preview = self.picture.areas["preview"]
        if self._stale and not preview.isEmpty():  # the coming days were counted from another day
            painter.fillRect(preview, base)
            painter.setPen(text)
            painter.drawText(preview, Qt.AlignmentFlag.AlignCenter, self._opening)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicks.append((event.position().toPoint(), event.button(), event.modifiers()))
        event.accept()


class StartFrame(QMainWindow):
    """The top-level window: the picture first when there is one, then the main window."""

    painted = Signal()

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setWindowTitle(title)
        self.setObjectName("StartFrame")
        self.content: FrameContent | None = None
        self.keep_picture: Callable[[WindowPicture], None] | None = None
        self._picture: PictureView | None = None
        self._painted = False

    def show_picture(self, picture: WindowPicture, opening: str, today: str) -> None:
        """Paint `picture` until `adopt`, with `opening` over its status bar and a busy pointer."""
        self._picture = PictureView(picture, opening, today, self)
        self.setCentralWidget(self._picture)
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))

    def adopt(self, window: QMainWindow, content: FrameContent) -> None:
        """Hold `window` (made with this frame as its parent) in place of the picture."""
        self.content = content
        picture = self._picture
        self.setCentralWidget(window)  # deletes the picture's widget
        window.show()
        if picture is None:
            return
        self._picture = None
        QGuiApplication.restoreOverrideCursor()
        clicks = list(picture.clicks)
        if clicks:
            layout = self.layout()
            if layout is not None:
                layout.activate()  # the map where it is drawn before the clicks are replayed
            QApplication.sendPostedEvents()
            refused = self._replay(clicks, content.early_click_target())
            if refused:
                content.notices.show_message(
                    self.tr("The window was still opening: please click again.")
                )

    def hold_drawing(self) -> None:
        """Keep the picture on screen while the window behind it already takes clicks."""
        self.setUpdatesEnabled(False)

    def release_drawing(self, *_args: object) -> None:
        """Draw the window now (an update() after updates come back would not reach it)."""
        self.setUpdatesEnabled(True)
        self.repaint()

    def _replay(
        self,
        clicks: list[tuple[QPoint, Qt.MouseButton, Qt.KeyboardModifier]],
        target: QWidget,
    ) -> int:
        """Give `target` the clicks that were over it; how many were not."""
        area = QRect(target.mapTo(self, QPoint(0, 0)), target.size())
        refused = 0
        for at, button, modifiers in clicks:
            if not area.contains(at):
                refused += 1
                continue
            local = QPointF(target.mapFrom(self, at))
            where = QPointF(target.mapToGlobal(local.toPoint()))
            for kind, buttons in (
                (QEvent.Type.MouseButtonPress, button),
                (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton),
            ):
                event = QMouseEvent(kind, local, where, button, buttons, modifiers)
                QApplication.sendEvent(target, event)
        return refused

    def event(self, event: QEvent) -> bool:
        """Say when the frame first painted (the picture, or the window itself)."""
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._say_painted)
        return handled

    def _say_painted(self) -> None:
        # The drawing may still wait in the connection to the display server: send it now,
        # or the picture would only show once the window built after it is done.
        QGuiApplication.sync()
        self.painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the window held (it saves); keep its picture for the next start."""
        content = self.content
        if content is None:  # closed while the picture was up: nothing to save yet
            if self._picture is not None:
                self._picture = None
                QGuiApplication.restoreOverrideCursor()
            event.accept()
            return
        picture = content.picture() if self.keep_picture is not None else None
        if not content.close():
            event.ignore()
            return
        if picture is not None and self.keep_picture is not None:
            self.keep_picture(picture)
        event.accept()


def colours_of(widget: QWidget) -> str:
    """The palette's window and text colours: a picture taken in others is not shown."""
    palette = widget.palette()
    return f"{palette.window().color().name()} {palette.windowText().color().name()}"
