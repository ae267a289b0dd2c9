"""A small head with one zone picked out and arrows showing which way to roll it.

The head and zones are the map scene's own items (`HeadItem`, `ZoneItem`) in a private scene,
so the geometry and colours are those of the editor; only the arrows are drawn here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsScene, QSizePolicy, QWidget

from scalpzone.domain.geometry import Point, point_in_polygon
from scalpzone.domain.regions import region_catalog
from scalpzone.domain.technique import RollPass
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.map.scene_items import HeadItem, MapLook, ZoneItem
from scalpzone.ui.map.shapes import SCALE, to_scene
from scalpzone.ui.style.colours import MapColours

#: How strongly the other zones show, so the one to roll stands out.
OTHERS_OPACITY = 0.3
#: Offsets of the parallel arrows across the zone, as fractions of its half-width.
ARROW_OFFSETS = (-0.55, 0.0, 0.55)
#: Parallel arrows need at least this many pixels between them.
ARROW_GAP_PX = 13.0
#: Samples along each arrow's line when finding where it lies inside the zone.
SAMPLES = 80


def _dot(a: Point, b: Point) -> float:
    return a[0] * b[0] + a[1] * b[1]


def arrow_lines(
    outline: Sequence[Point], direction: Point, min_gap: float = 0.0
) -> list[tuple[Point, Point]]:
    """Up to three parallel arrows (start, end) in map coordinates that lie inside the outline.

    Arrows closer together than `min_gap` (map units) would run into each other: then only the
    middle one is drawn.
    """
    d = direction
    n = (-d[1], d[0])
    along = [_dot(p, d) for p in outline]
    across = [_dot(p, n) for p in outline]
    lo, hi = min(along), max(along)
    middle = (min(across) + max(across)) / 2
    half = (max(across) - min(across)) / 2
    lines: list[tuple[Point, Point]] = []
    offsets = (
        ARROW_OFFSETS if min(map(abs, filter(None, ARROW_OFFSETS))) * half >= min_gap else (0.0,)
    )
    for fraction in offsets:
        offset = middle + fraction * half

        def at(t: float, offset: float = offset) -> Point:
            return (offset * n[0] + t * d[0], offset * n[1] + t * d[1])

        best: tuple[float, float] | None = None
        run_start: float | None = None
        for i in range(SAMPLES + 1):
            t = lo + (hi - lo) * i / SAMPLES
            inside = point_in_polygon(at(t), outline)
            if inside and run_start is None:
                run_start = t
            if run_start is not None and (not inside or i == SAMPLES):
                end = t
                if best is None or end - run_start > best[1] - best[0]:
                    best = (run_start, end)
                run_start = None
        if best is None:
            continue
        length = best[1] - best[0]
        if length < (hi - lo) * 0.3:
            continue
        trim = length * 0.12
        lines.append((at(best[0] + trim), at(best[1] - trim)))
    return lines


class ZoneMap(QWidget):
    """The whole head, small, with one zone highlighted and the pass's direction as arrows."""

    def __init__(self, scalp_map: ScalpMap, zone_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone_id = zone_id
        self.roll_pass: RollPass | None = None
        colours = MapColours.from_palette(self.palette())
        self._others = MapLook(colours, OTHERS_OPACITY)
        self._focus = MapLook(colours, 0.95)
        self._scene = QGraphicsScene(self)
        head = HeadItem(region_catalog().head, self._others)
        self._scene.addItem(head)
        self._source = head.boundingRect()
        self._outline: tuple[Point, ...] = ()
        for zone in scalp_map.zones:
            chosen = zone.id == zone_id
            item = ZoneItem(zone, self._focus if chosen else self._others)
            self._scene.addItem(item)
            if chosen:
                item.set_current(True)
                self._outline = zone.outline
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        """Small, but large enough to see a temple."""
        return QSize(250, 270)

    def set_pass(self, roll_pass: RollPass | None) -> None:
        """Show this pass's direction (None: no arrows)."""
        self.roll_pass = roll_pass
        self.update()

    def refresh_colours(self) -> None:
        """Follow the palette."""
        colours = MapColours.from_palette(self.palette())
        self._others.colours = colours
        self._focus.colours = colours
        self._scene.update()
        self.update()

    def changeEvent(self, event: QEvent) -> None:
        """Recolour when the palette changes."""
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_colours()
        super().changeEvent(event)

    def _target(self) -> QRectF:
        """Where the head goes in the widget: centred, aspect kept."""
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        scale = min(area.width() / self._source.width(), area.height() / self._source.height())
        width, height = self._source.width() * scale, self._source.height() * scale
        return QRectF(
            area.left() + (area.width() - width) / 2,
            area.top() + (area.height() - height) / 2,
            width,
            height,
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """The head and zones from the scene, then the arrows on top."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = self._focus.colours
        painter.fillRect(self.rect(), colours.background)
        target = self._target()
        self._scene.render(painter, target, self._source, Qt.AspectRatioMode.IgnoreAspectRatio)
        if self.roll_pass is not None and self._outline:
            scale = target.width() / self._source.width()

            def to_widget(point: Point) -> QPointF:
                scene = to_scene(point)
                return QPointF(
                    target.left() + (scene.x() - self._source.left()) * scale,
                    target.top() + (scene.y() - self._source.top()) * scale,
                )

            lines = [
                (to_widget(a), to_widget(b))
                for a, b in arrow_lines(
                    self._outline, self.roll_pass.direction, ARROW_GAP_PX / (scale * SCALE)
                )
            ]
            for colour, width in ((colours.background, 5.0), (colours.label, 2.0)):
                for start, end in lines:
                    _draw_arrow(painter, start, end, colour, width)
        painter.end()


def _draw_arrow(
    painter: QPainter, start: QPointF, end: QPointF, colour: QColor, width: float
) -> None:
    """A shaft and a filled head; a wide pass in the background colour makes a halo."""
    pen = QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(pen.color())
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    size = min(9.0, max(5.0, length * 0.35))
    base = QPointF(end.x() - ux * size, end.y() - uy * size)
    painter.drawLine(start, base)
    wing = size * 0.55
    head = QPolygonF(
        [
            end,
            QPointF(base.x() - uy * wing, base.y() + ux * wing),
            QPointF(base.x() + uy * wing, base.y() - ux * wing),
        ]
    )
    painter.drawPolygon(head)
