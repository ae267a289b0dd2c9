"""Paper for the printed plan: its ink, type and sizes, and the head drawn on it.

`PaperPage` holds what every printed page shares (wrapped text that is measured, never
clipped; the head with its numbered areas, resting areas and legend); `plan_page.Page` lays
out one week on it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
)

from scalpzone.ui.printing.paper import INK, draw_legend, draw_scalp_map

if TYPE_CHECKING:
    from scalpzone.ui.printing.plan_sheet import SheetContent

MARGIN = 36.0  # points
PAPER = QColor("white")
#: A number and its area's name never part at the end of a line.
KEEP = "\u00a0"
#: The map's box on paper: as drawn when there is room, and the least it shrinks to.
MAP_HEIGHT, MAP_FLOOR = 250.0, 170.0
FOOTER = 30.0
#: The one line that stands for the steps when a week's days and notes need their room.
SHORT_STEPS = 24.0
ROW_FLOOR = 22.0
COLUMNS = (
    ("Day", 84.0),
    ("Areas, in the order to roll them", 0.0),
    ("Min", 30.0),
    ("Needle", 54.0),
    ("Done", 36.0),
)


WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft)


def height_of(text: str, f: QFont, width: float) -> float:
    """How tall `text` wraps in `width`."""
    return QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 10_000), WRAP, text).height()


class PaperPage:
    """What a printed page draws with: the painter, whose plan, its first day, the numbers."""

    def __init__(
        self, painter: QPainter, content: SheetContent, first: date, numbers: dict[str, int]
    ) -> None:
        self.p = painter
        self.c = content
        self.first = first
        self.numbers = numbers

    def text(
        self, rect: QRectF, text: str, f: QFont, colour: QColor = INK, flags: int = 0
    ) -> float:
        """Draw wrapped text in rect (never clipped to it); return the height it took."""
        self.p.setFont(f)
        self.p.setPen(colour)
        wrap = WRAP | flags
        bounds = QFontMetricsF(f).boundingRect(
            QRectF(rect.left(), rect.top(), rect.width(), 10_000), wrap, text
        )
        self.p.drawText(
            QRectF(rect.left(), rect.top(), rect.width(), max(rect.height(), bounds.height())),
            wrap,
            text,
        )
        return bounds.height()

    # --- the page ---------------------------------------------------------------------

    def _blocked_this_week(self) -> list[str]:
        return [
            z.id
            for z in self.c.scalp_map.zones
            if z.blocked_until is not None and z.blocked_until >= self.first
        ]

    def map(self, box: QRectF) -> None:
        blocked = set(self._blocked_this_week())
        # Room under the head for the legend: two rows of swatches, three with "Resting".
        head = box.adjusted(0, 0, 0, -12) if blocked else box
        bottom = draw_scalp_map(self.p, head, self.c.scalp_map, self.numbers, blocked)
        legend = QRectF(box.left(), bottom + 4, max(box.width(), 210), 36)
        draw_legend(self.p, legend, blocked=bool(blocked))
