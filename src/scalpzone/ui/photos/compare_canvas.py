"""The picture area of the Compare dialog: two photos side by side, or one over the other with
a blend, and the landmarks the person marks to align them."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from scalpzone.domain.alignment import Similarity, alignment, marks_problem
from scalpzone.domain.geometry import Point
from scalpzone.domain.photos import Alignment

SIDE_BY_SIDE = "side"
OVERLAY = "overlay"
GAP = 8.0


def fit_transform(image: QImage, box: QRectF) -> QTransform:
    """Image pixels to widget coordinates: the whole image in `box`, centred, shape kept."""
    if image.isNull():
        return QTransform()
    scale = min(box.width() / image.width(), box.height() / image.height())
    dx = box.left() + (box.width() - image.width() * scale) / 2
    dy = box.top() + (box.height() - image.height() * scale) / 2
    return QTransform(scale, 0, 0, scale, dx, dy)


def similarity_transform(move: Similarity) -> QTransform:
    """The alignment as a Qt transform of the second photo's pixels onto the first's."""
    c, s = math.cos(move.angle) * move.scale, math.sin(move.angle) * move.scale
    return QTransform(c, s, -s, c, move.dx, move.dy)


class CompareCanvas(QWidget):
    """Draws the two photos; in marking mode, clicks place two landmarks on each (side by side)."""

    #: Left (-1) or Right (+1) pressed: step the later photo's date; with Shift the earlier's.
    stepped = Signal(int, bool)
    #: Both photos have two marks: the landmarks, ready to be remembered.
    marked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 200)
        self.first = QImage()
        self.second = QImage()
        self.mode = SIDE_BY_SIDE
        self.blend = 0.5
        self.aligned: Similarity | None = None
        self.marking = False
        self.marks: tuple[list[Point], list[Point]] = ([], [])
        self.setAccessibleName(self.tr("Photos compared"))

    def sizeHint(self) -> QSize:
        """Room for two photos side by side."""
        return QSize(760, 400)

    def set_photos(self, first: QImage, second: QImage, move: Similarity | None) -> None:
        """Show these two photos, the second aligned onto the first by `move` (None: not aligned)."""
        self.first, self.second, self.aligned = first, second, move
        self.marks = ([], [])
        self.update()

    def set_mode(self, mode: str) -> None:
        """SIDE_BY_SIDE or OVERLAY."""
        self.mode = mode
        self.update()

    def set_blend(self, blend: float) -> None:
        """In the overlay, how much of the later photo shows (0: none, 1: all of it)."""
        self.blend = min(1.0, max(0.0, blend))
        self.update()

    def start_marking(self) -> None:
        """Take the next clicks as landmarks: two on the earlier photo, then two on the later."""
        self.marking = True
        self.marks = ([], [])
        self.set_mode(SIDE_BY_SIDE)

    def stop_marking(self) -> None:
        """Leave marking mode, forgetting marks not yet used."""
        self.marking = False
        self.marks = ([], [])
        self.update()

    # -- geometry --------------------------------------------------------------------------

    def halves(self) -> tuple[QRectF, QRectF]:
        """Where each photo goes side by side."""
        r = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        w = (r.width() - GAP) / 2
        return QRectF(r.left(), r.top(), w, r.height()), QRectF(
            r.left() + w + GAP, r.top(), w, r.height()
        )

    def transforms(self) -> tuple[QTransform, QTransform]:
        """Pixels of each photo to the widget, as drawn now."""
        if self.mode == OVERLAY:
            base = fit_transform(self.first, QRectF(self.rect()).adjusted(4, 4, -4, -4))
            if self.aligned is None:
                return base, fit_transform(self.second, QRectF(self.rect()).adjusted(4, 4, -4, -4))
            return base, similarity_transform(self.aligned) * base
        left, right = self.halves()
        return fit_transform(self.first, left), fit_transform(self.second, right)

    # -- painting --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Both photos as the mode says, and the marks."""
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        first_t, second_t = self.transforms()
        images = ((self.first, first_t, 1.0), (self.second, second_t, 1.0))
        if self.mode == OVERLAY:
            images = ((self.first, first_t, 1.0), (self.second, second_t, self.blend))
        for image, transform, opacity in images:
            if image.isNull():
                continue
            painter.save()
            painter.setOpacity(opacity)
            painter.setTransform(transform)
            painter.drawImage(QPointF(0, 0), image)
            painter.restore()
        if self.mode == SIDE_BY_SIDE:
            for marks, transform in zip(self.marks, (first_t, second_t), strict=True):
                for number, point in enumerate(marks, start=1):
                    self._draw_mark(painter, transform.map(QPointF(*point)), number)
        painter.end()

    def _draw_mark(self, painter: QPainter, at: QPointF, number: int) -> None:
        # Black and white rings: visible on any photo, in either palette.
        for colour, width in ((QColor("black"), 4.0), (QColor("white"), 2.0)):
            painter.setPen(QPen(colour, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(at, 9, 9)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(at.x() + 10, at.y() - 22, 20, 20), str(number))

    # -- input -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """In marking mode, a click on a photo places the next landmark on it."""
        if not self.marking or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        side = 0 if len(self.marks[0]) < 2 else 1
        transform = self.transforms()[side]
        image = (self.first, self.second)[side]
        inverse, ok = transform.inverted()
        point = inverse.map(event.position())
        if not ok or not QRectF(image.rect()).contains(point):
            return
        self.marks[side].append((point.x(), point.y()))
        self.update()
        if len(self.marks[1]) == 2:
            a, b = self.marks
            landmarks = Alignment((a[0], a[1]), (b[0], b[1]))
            self.marking = False
            self.marked.emit(landmarks)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Left and Right step the later photo's date; with Shift, the earlier's."""
        step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.stepped.emit(step, shift)


def checked_alignment(landmarks: Alignment) -> tuple[Similarity | None, str | None]:
    """The alignment, or None and why the marks cannot give one."""
    for marks in (landmarks.first, landmarks.second):
        problem = marks_problem(marks)
        if problem is not None:
            return None, problem
    return alignment(landmarks), None
