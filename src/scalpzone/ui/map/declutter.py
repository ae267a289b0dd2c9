"""Zone names that do not sit on top of each other at the map's current zoom.

Names are drawn the same size on screen at any zoom, so at a small zoom neighbouring names meet
("Hairline (left)" over "Hairline (centre)", a drawn zone's name over "Back of head"). Each name
is tried at its zone's centre, then a line lower or higher, and takes the first place where it
overlaps no name placed before it; the preset regions' names are placed first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsSimpleTextItem

#: How far a name may move, in lines of text, before it stays where it overlaps.
STEPS = (0.0, 1.0, -1.0, 2.0, -2.0)


def place_labels(labels: Iterable[QGraphicsSimpleTextItem], scale: float) -> int:
    """Move each label off the ones placed before it; returns how many still overlap."""
    placed: list[QRectF] = []
    clashing = 0
    for label in labels:
        rect = label.boundingRect()
        width, height = rect.width(), rect.height()
        centre = QPointF(label.pos().x() * scale, label.pos().y() * scale)
        chosen = None
        for step in STEPS:
            box = QRectF(
                centre.x() - width / 2, centre.y() - height / 2 + step * height, width, height
            )
            if not any(box.intersects(other) for other in placed):
                chosen = (step, box)
                break
        if chosen is None:
            clashing += 1
            chosen = (0.0, QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height))
        step, box = chosen
        placed.append(box.adjusted(-2, -1, 2, 1))
        label.setTransform(QTransform.fromTranslate(-width / 2, -height / 2 + step * height))
    return clashing
