"""The small colour square the week puts before each zone's name, so the list reads like the map."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget


class ColourChip(QLabel):
    """A small square in a zone's map colour, so the list reads like the map."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        size = self.fontMetrics().height() - 2
        self.setFixedSize(size, size)
        self.colour = colour
        self.setStyleSheet(
            f"background-color: {colour.name()}; border: 1px solid palette(mid); border-radius: 2px;"
        )
