"""Map coordinates to scene coordinates, and outlines to painter paths.

The rules an outline keeps (no crossing, on the scalp, large enough) are the domain's
(`domain/geometry.py`); this module only converts between the unit square and the scene.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from scalpzone.domain.geometry import Point, rounded
from scalpzone.domain.regions import region_catalog

#: Scene units per map unit: the unit square becomes 1000 × 1000, comfortable for text and pens.
SCALE = 1000.0


def to_scene(point: Point) -> QPointF:
    """A map point in scene coordinates."""
    return QPointF(point[0] * SCALE, point[1] * SCALE)


def to_map(point: QPointF) -> Point:
    """A scene point in map coordinates, rounded and kept inside the unit square."""
    return rounded((point.x() / SCALE, point.y() / SCALE))


def polygon_path(points: Sequence[Point]) -> QPainterPath:
    """A closed outline as a painter path in scene coordinates."""
    path = QPainterPath()
    path.addPolygon(QPolygonF([to_scene(p) for p in points]))
    path.closeSubpath()
    return path


def polyline_path(points: Sequence[Point]) -> QPainterPath:
    """An open line through the points, in scene coordinates."""
    path = QPainterPath()
    if points:
        path.moveTo(to_scene(points[0]))
        for point in points[1:]:
            path.lineTo(to_scene(point))
    return path


def scalp_path() -> QPainterPath:
    """The scalp as a painter path, for clipping what is drawn on it."""
    return polygon_path(region_catalog().head.scalp)
