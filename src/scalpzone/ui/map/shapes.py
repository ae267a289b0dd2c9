"""Map coordinates to scene coordinates, and outlines to painter paths.

The rules an outline keeps (no crossing, on the scalp, large enough) are the domain's
(`domain/geometry.py`); this module only converts between the unit square and the scene.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

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
    path = polyline_path(points)
    path.closeSubpath()
    return path


def polyline_path(points: Sequence[Point]) -> QPainterPath:
    """An open line through the points, in scene coordinates."""
    # Plain numbers, not a QPointF per corner: three times as fast on the largest map allowed.
    path = QPainterPath()
    if points:
        x, y = points[0]
        path.moveTo(x * SCALE, y * SCALE)
        line_to = path.lineTo
        for x, y in points[1:]:
            line_to(x * SCALE, y * SCALE)
    return path


def scalp_path() -> QPainterPath:
    """The scalp as a painter path, for clipping what is drawn on it."""
    return QPainterPath(_scalp_path())


@cache
def _scalp_path() -> QPainterPath:
    return polygon_path(region_catalog().head.scalp)
