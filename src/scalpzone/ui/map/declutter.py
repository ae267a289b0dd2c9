"""Zone names that sit neither on top of each other nor under a line, at the map's current zoom.

Names are drawn the same size on screen at any zoom, so at a small zoom neighbouring names meet
("Hairline (left)" over "Hairline (centre)", a drawn zone's name over "Back of head"), and the
hairline runs through the names of the areas it crosses. Each name is tried at its zone's
centre, then a line lower or higher, and takes the first place where it meets no name placed
before it, no line and no fixed text (an earlier hairline's date). If every place meets a line,
the first place clear of other names is taken. The preset regions' names are placed first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QTransform
from PySide6.QtWidgets import QGraphicsSimpleTextItem

#: How far a name may move, in lines of text, before it stays where it overlaps.
STEPS = (0.0, 1.0, -1.0, 2.0, -2.0)

#: How far (pixels) a name keeps from fixed text beside it, such as an earlier hairline's date.
FIXED_GAP = 6.0

#: How wide a band along a line (in pixels) names keep out of: the drawn line and a gap.
LINE_CLEARANCE = 7.0


def place_labels(
    labels: Iterable[QGraphicsSimpleTextItem],
    scale: float,
    lines: Sequence[QPainterPath] = (),
    fixed: Sequence[QRectF] = (),
) -> int:
    """Move each label off the ones placed before it and off `lines` (scene paths) and `fixed`
    (rects at `scale`, in pixels); returns how many still overlap another name."""
    to_pixels = QTransform.fromScale(scale, scale)
    stroker = QPainterPathStroker()
    stroker.setWidth(LINE_CLEARANCE)
    bands = [stroker.createStroke(to_pixels.map(line)) for line in lines if not line.isEmpty()]
    # A date keeps a space's width from a name, so "Hairline (right)" and "today" never read as
    # one word.
    placed: list[QRectF] = [QRectF(rect).adjusted(-FIXED_GAP, -1, FIXED_GAP, 1) for rect in fixed]
    clashing = 0
    for label in labels:
        rect = QGraphicsSimpleTextItem.boundingRect(label)  # the letters (not a label's halo)
        width, height = rect.width(), rect.height()
        centre = QPointF(label.pos().x() * scale, label.pos().y() * scale)
        boxes = [
            (
                step,
                QRectF(
                    centre.x() - width / 2, centre.y() - height / 2 + step * height, width, height
                ),
            )
            for step in STEPS
        ]
        apart = [(step, box) for step, box in boxes if not any(box.intersects(o) for o in placed)]
        clear = [(step, box) for step, box in apart if not any(b.intersects(box) for b in bands)]
        if not apart:
            clashing += 1
        step, box = (clear or apart or boxes)[0]
        placed.append(box.adjusted(-2, -1, 2, 1))
        middle = rect.center()
        label.setTransform(QTransform.fromTranslate(-middle.x(), -middle.y() + step * height))
    return clashing
