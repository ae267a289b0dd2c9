"""Map coordinates to scene coordinates, outlines to painter paths, and clipping to the scalp."""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath, QPolygonF

from scalpzone.domain.geometry import Point, first_crossing, point_in_polygon, polygon_area
from scalpzone.domain.mapfile import MIN_ZONE_AREA, POLYGON_MAX_POINTS
from scalpzone.domain.regions import region_catalog

#: Scene units per map unit: the unit square becomes 1000 × 1000, comfortable for text and pens.
SCALE = 1000.0
#: Stored coordinates keep four decimals (a tenth of a millimetre on a real head).
DECIMALS = 4


class EditRefusedError(ValueError):
    """An edit that would break the map; the message says why in plain words."""


def to_scene(point: Point) -> QPointF:
    """A map point in scene coordinates."""
    return QPointF(point[0] * SCALE, point[1] * SCALE)


def to_map(point: QPointF) -> Point:
    """A scene point in map coordinates, rounded and kept inside the unit square."""
    x = min(max(point.x() / SCALE, 0.0), 1.0)
    y = min(max(point.y() / SCALE, 0.0), 1.0)
    return (round(x, DECIMALS), round(y, DECIMALS))


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


@functools.cache
def scalp_outline() -> tuple[Point, ...]:
    """The scalp's edge from the diagram data."""
    return region_catalog().head.scalp


def scalp_path() -> QPainterPath:
    """The scalp as a painter path, for clipping drawn zones."""
    return polygon_path(scalp_outline())


def _dedupe(points: Sequence[Point]) -> list[Point]:
    out: list[Point] = []
    for point in points:
        if not out or out[-1] != point:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def clip_to_scalp(points: Sequence[Point]) -> tuple[Point, ...]:
    """The part of a drawn outline that lies on the scalp, or EditRefusedError saying why not."""
    if len(_dedupe(points)) < 3:
        raise EditRefusedError("A zone needs at least three points.")
    if first_crossing(points) is not None:
        raise EditRefusedError(
            "The outline crosses itself. Draw it again without crossing lines, "
            "or press Backspace to take back the last points."
        )
    drawn = polygon_path(points)
    if scalp_path().contains(drawn):
        # Wholly on the scalp: keep the person's own corners, in their order.
        kept = _dedupe(points)
        if polygon_area(kept) < MIN_ZONE_AREA:
            raise EditRefusedError("The zone is too small to roll; draw a larger outline.")
        return tuple(kept)
    clipped = drawn.intersected(scalp_path()).simplified()
    parts = [
        _dedupe([to_map(polygon.at(i)) for i in range(polygon.size())])
        for polygon in clipped.toFillPolygons()
    ]
    parts = [part for part in parts if len(part) >= 3]
    if not parts:
        raise EditRefusedError("The outline lies outside the scalp; draw it on the scalp.")
    best = max(parts, key=polygon_area)
    if polygon_area(best) < MIN_ZONE_AREA:
        raise EditRefusedError("The zone is too small to roll; draw a larger outline.")
    if len(best) > POLYGON_MAX_POINTS:
        raise EditRefusedError(f"The outline has more than {POLYGON_MAX_POINTS} points.")
    if first_crossing(best) is not None:
        raise EditRefusedError("The outline folds over itself along the scalp's edge; redraw it.")
    return tuple(best)


def check_outline(points: Sequence[Point]) -> None:
    """Refuse an edited outline that would be broken: too few points, crossing or too small."""
    if len(points) < 3:
        raise EditRefusedError("A zone keeps at least three points.")
    if first_crossing(points) is not None:
        raise EditRefusedError("That would make the outline cross itself, so it was not changed.")
    if polygon_area(points) < MIN_ZONE_AREA:
        raise EditRefusedError("That would make the zone too small to roll, so it was not changed.")


def _project(point: Point, a: Point, b: Point) -> tuple[Point, float]:
    """The closest point to `point` on segment a–b, and how far away it is."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else ((point[0] - a[0]) * dx + (point[1] - a[1]) * dy) / length
    t = min(max(t, 0.0), 1.0)
    near = (a[0] + t * dx, a[1] + t * dy)
    return near, math.dist(point, near)


def nearest_edge(
    points: Sequence[Point], point: Point, *, closed: bool
) -> tuple[int, Point, float]:
    """The edge nearest to a point: its index (edge i runs from point i), the foot and distance."""
    count = len(points) if closed else len(points) - 1
    best = (0, points[0], math.inf)
    for i in range(count):
        near, distance = _project(point, points[i], points[(i + 1) % len(points)])
        if distance < best[2]:
            best = (i, near, distance)
    return best


def clamp_to_scalp(point: Point) -> Point:
    """The point itself when it lies on the scalp, else the nearest point of the scalp's edge."""
    outline = scalp_outline()
    if point_in_polygon(point, outline):
        return point
    _, near, _ = nearest_edge(outline, point, closed=True)
    return (round(near[0], DECIMALS), round(near[1], DECIMALS))
