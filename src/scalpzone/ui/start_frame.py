"""The app's top-level window: at start-up the picture of the last window, then the window.

The frame is what the window manager sees from launch to quit. When there is a picture that
matches (start_picture.py), the frame paints it at once, says "Opening…" over its status bar
and shows a busy pointer; the main window is built after that first paint, behind the
picture, and drawn once the database is open. Until it is drawn, a click on the frame is a
click on the picture: one on the map goes to the same point of the map in the window (which
may lay the map out a little differently), the rest are refused with a note over the map.
Without a picture the main window is built before the frame is first shown.

Only Qt is imported here: this module is on the path to the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import (
    QEvent,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QTimer,
    Signal,
)
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

    def areas(self) -> dict[str, QRect]:
        """Where its parts are now, as a picture records them."""
        ...

    def early_click_target(self) -> QWidget:
        """Where a click taken by the picture is replayed (the map), if it was over it."""
        ...

    def close(self) -> bool: ...


Click = tuple[QPoint, Qt.MouseButton, Qt.KeyboardModifier]  # where (in the frame), how


def _same_point(at: QPoint, shown: dict[str, QRect], now: dict[str, QRect]) -> QPoint | None:
    """Where the point of the head under `at` in the picture is now (the window may lay the
    map out a little differently, e.g. a note above it wraps onto another line); None when
    `at` was not on the map, or that point is not on the map now."""
    was, head = shown["head"], now["head"]
    if not shown["map"].contains(at) or was.isEmpty() or head.isEmpty():
        return None
    x = head.x() + (at.x() - was.x()) * head.width() / was.width()
    y = head.y() + (at.y() - was.y()) * head.height() / was.height()
    moved = QPoint(round(x), round(y))
    return moved if now["map"].contains(moved) else None


class PictureView(QWidget):
    """Paints the picture; what is not covered by it is the window's colour."""

    def __init__(self, picture: WindowPicture, opening: str, today: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.picture = picture
        self._opening = opening
        self._stale = picture.day != today
        self.setAccessibleName(opening)
        self.clicks: list[Click] = []

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
        self.keep_picture: Callable[[WindowPicture | None], None] | None = None
        self._picture: PictureView | None = None
        self._painted = False
        self._shown: dict[str, QRect] | None = None  # the picture's parts while it is up
        self._window: QMainWindow | None = None

    def show_picture(self, picture: WindowPicture, opening: str, today: str) -> None:
        """Paint `picture` until `adopt`, with `opening` over its status bar and a busy pointer."""
        self._picture = PictureView(picture, opening, today, self)
        self.setCentralWidget(self._picture)
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))

    def adopt(self, window: QMainWindow, content: FrameContent) -> None:
        """Hold `window` (made with this frame as its parent) in place of the picture.

        With a picture up, the window is not drawn until `release_drawing`; until then a click
        on the frame is a click on the picture. One on the map goes to the same point of the
        map in the window, wherever the window lays it out (a note above the map comes with the
        opening): it is taken at once, and saved as soon as the database is open. Any other is
        refused, and the person told.
        """
        self.content = content
        picture = self._picture
        self.setCentralWidget(window)  # deletes the picture's widget
        window.show()
        if picture is None:
            return
        self._picture = None
        QGuiApplication.restoreOverrideCursor()
        self.setUpdatesEnabled(False)
        self._shown = picture.picture.areas
        self._settled(content)
        self._take(picture.clicks)
        # Clicks reach the frame itself until the window is drawn (an application-wide event
        # filter would do it too, but makes PySide6 wrap every event of every object: ≈ 40 ms).
        window.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._window = window

    def _take(self, clicks: list[Click]) -> None:
        """Clicks on the picture: on the map, given to it; anywhere else, refused."""
        content, shown = self.content, self._shown
        if content is None or shown is None or not clicks:
            return
        refused = self._replay(clicks, shown, content.areas(), content.early_click_target())
        if refused:
            content.notices.show_message(
                self.tr("The window was still opening: please click again.")
            )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """While the picture is up, a click on the window is a click on the picture."""
        if self._shown is not None:
            self._take([(event.position().toPoint(), event.button(), event.modifiers())])
        event.accept()

    def release_drawing(self, *_args: object) -> None:
        """Draw the window now: from here on the person sees what they click on."""
        if self._shown is None:
            return
        self._shown = None
        if self._window is not None:
            self._window.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self.setUpdatesEnabled(True)
        self.repaint()  # an update() after updates come back would not reach the window

    def _settled(self, content: FrameContent) -> dict[str, QRect]:
        """Where the window's parts are once its layout has settled (a wrapped line of text
        takes a pass or two to find its height at its width)."""
        now = content.areas()
        for _ in range(4):
            layout = self.layout()
            if layout is not None:
                layout.activate()
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            before, now = now, content.areas()
            if now == before:
                break
        return now

    def _replay(
        self,
        clicks: list[Click],
        shown: dict[str, QRect],
        now: dict[str, QRect],
        target: QWidget,
    ) -> int:
        """Give the map the clicks that were on the map in the picture, at the same point of
        the head wherever the window draws it now; how many were not on the map."""
        refused = 0
        for at, button, modifiers in clicks:
            moved = _same_point(at, shown, now)
            if moved is None:
                refused += 1
                continue
            local = QPointF(target.mapFrom(self, moved))
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
        if self.keep_picture is not None:  # None: no picture for the next start
            self.keep_picture(picture)
        event.accept()


def colours_of(widget: QWidget) -> str:
    """The palette's window and text colours: a picture taken in others is not shown."""
    palette = widget.palette()
    return f"{palette.window().color().name()} {palette.windowText().color().name()}"
