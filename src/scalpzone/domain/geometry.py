"""Plain-Python polygon arithmetic in the unit square (no geometry library on the planning path)."""

from __future__ import annotations

from collections.abc import Sequence

Point = tuple[float, float]


def polygon_area(points: Sequence[Point]) -> float:
    """Area enclosed by a closed polygon (shoelace formula), always positive."""
    total = 0.0
    n = len(points)
    for i in range(n):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return abs(total) / 2.0


def polygon_centroid(points: Sequence[Point]) -> Point:
    """Centre of mass of a simple polygon; the vertex mean when it has no area."""
    a = 0.0
    cx = cy = 0.0
    n = len(points)
    for i in range(n):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % n]
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if abs(a) < 1e-12:
        return (sum(p[0] for p in points) / n, sum(p[1] for p in points) / n)
    return (cx / (3.0 * a), cy / (3.0 * a))


def _orientation(a: Point, b: Point, c: Point) -> int:
    value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1])
    if abs(value) < 1e-12:
        return 0
    return 1 if value > 0 else 2


def _on_segment(a: Point, b: Point, c: Point) -> bool:
    """Whether b lies on segment a–c, given the three are collinear."""
    return min(a[0], c[0]) <= b[0] <= max(a[0], c[0]) and min(a[1], c[1]) <= b[1] <= max(a[1], c[1])


def segments_intersect(p1: Point, p2: Point, q1: Point, q2: Point) -> bool:
    """Whether two closed segments share at least one point."""
    o1 = _orientation(p1, p2, q1)
    o2 = _orientation(p1, p2, q2)
    o3 = _orientation(q1, q2, p1)
    o4 = _orientation(q1, q2, p2)
    if o1 != o2 and o3 != o4:
        return True
    return (
        (o1 == 0 and _on_segment(p1, q1, p2))
        or (o2 == 0 and _on_segment(p1, q2, p2))
        or (o3 == 0 and _on_segment(q1, p1, q2))
        or (o4 == 0 and _on_segment(q1, p2, q2))
    )


def first_crossing(points: Sequence[Point]) -> tuple[int, int] | None:
    """The first pair of edges of a closed outline that touch or cross, or None if it is simple.

    Edge i runs from point i to point i+1 (the last edge closes the outline). Neighbouring
    edges share a corner and only count when they fold back over each other.
    """
    n = len(points)
    edges = [(points[i], points[(i + 1) % n]) for i in range(n)]
    for i in range(n):
        a1, a2 = edges[i]
        for j in range(i + 1, n):
            b1, b2 = edges[j]
            neighbours = j == i + 1 or (i == 0 and j == n - 1)
            if neighbours:
                shared = a2 if j == i + 1 else a1
                far_a = a1 if shared == a2 else a2
                far_b = b2 if shared == b1 else b1
                if _orientation(far_a, shared, far_b) == 0 and _folds_back(far_a, shared, far_b):
                    return (i, j)
                continue
            if segments_intersect(a1, a2, b1, b2):
                return (i, j)
    return None


def _folds_back(a: Point, shared: Point, b: Point) -> bool:
    """For collinear a, shared, b: whether a and b lie on the same side of the shared corner."""
    dot = (a[0] - shared[0]) * (b[0] - shared[0]) + (a[1] - shared[1]) * (b[1] - shared[1])
    return dot > 0


def point_in_polygon(point: Point, polygon: Sequence[Point]) -> bool:
    """Even-odd rule test; points on the edge may go either way."""
    x, y = point
    inside = False
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        if (y1 > y) != (y2 > y):
            x_cross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if x < x_cross:
                inside = not inside
    return inside
