"""Polygon arithmetic in the unit square, and the rules a drawn outline must keep.

Measures are plain Python (no geometry library on the planning path). Clipping a drawn outline
to the scalp needs shapely, imported only when a zone is drawn past the scalp's edge.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from scalpzone.domain.limits import MIN_ZONE_AREA, OUTLINE_MAX_POINTS

Point = tuple[float, float]

#: Stored coordinates keep four decimals (a tenth of a millimetre on a real head).
DECIMALS = 4

#: Outlines remembered by the cached measures below: every drawn zone of the largest map
#: allowed (docs/limits.md), twice over, since an edit keeps most of a map's outlines.
_OUTLINES_REMEMBERED = 256


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


_EPSILON = 1e-12
#: The crossing check looks at corners on a grid of 1e-5, finer than the four decimals an outline
#: is stored with. On it every orientation is a multiple of 1e-10, far above both rounding error
#: and `_EPSILON`, so each test below is exact and never contradicts another: the sweep then
#: agrees with checking every pair even for corners a subnormal float apart, which count as one.
GRID_DECIMALS = 5


def on_grid(points: Sequence[Point]) -> list[Point]:
    """The corners as the crossing check sees them: on the 1e-5 grid."""
    return [(round(x, GRID_DECIMALS), round(y, GRID_DECIMALS)) for x, y in points]


def _orientation(a: Point, b: Point, c: Point) -> int:
    value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1])
    if abs(value) < _EPSILON:
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
    """A pair of edges (i, j), i < j, of a closed outline that touch or cross; None if it is simple.

    Edge i runs from point i to point i+1 (the last edge closes the outline). Neighbouring
    edges share a corner and only count when they fold back over each other. Runs in
    O(n log n) comparisons (a Shamos–Hoey sweep), so a 500-corner outline takes milliseconds.
    The corners are taken on the 1e-5 grid (`on_grid`), where every test is exact.
    """
    points = on_grid(points)
    n = len(points)
    folded = _folded_corner(points)
    if folded is not None or n < 4:
        return folded
    if _turns_once_around_centre(points):
        return None
    repeated = _repeated_corner(points)
    if repeated is not None:
        return repeated
    return _sweep(points)


def _neighbours(i: int, j: int, n: int) -> bool:
    return (j - i) % n in (1, n - 1)


def _pair(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def _folded_corner(points: Sequence[Point]) -> tuple[int, int] | None:
    """Two neighbouring edges that run back over each other at their shared corner."""
    n = len(points)
    after = [*points[1:], *points[:1]]
    next_after = [*points[2:], *points[:2]]
    for i, (far_a, shared, far_b) in enumerate(zip(points, after, next_after, strict=True)):
        if _orientation(far_a, shared, far_b) == 0 and _folds_back(far_a, shared, far_b):
            return _pair(i, (i + 1) % n)
    return None


def _turns_once_around_centre(points: Sequence[Point]) -> bool:
    """Whether the corners go round the mean of the corners once, each a little further the same
    way: then every edge keeps to its own wedge around that point and none can cross another.

    O(n): most drawn outlines are blobs that pass this; the others go to the sweep.
    """
    n = len(points)
    cx = sum(p[0] for p in points) / n
    cy = sum(p[1] for p in points) / n
    total = 0.0
    way = 0.0
    for (px, py), (qx, qy) in zip(points, [*points[1:], *points[:1]], strict=True):
        ax, ay = px - cx, py - cy
        bx, by = qx - cx, qy - cy
        cross = ax * by - ay * bx
        if abs(cross) < _EPSILON or cross * way < 0:
            return False
        way = cross
        total += math.atan2(cross, ax * bx + ay * by)
    return abs(abs(total) - 2 * math.pi) < 1e-6


def _repeated_corner(points: Sequence[Point]) -> tuple[int, int] | None:
    """Two edges that meet at a corner given twice (n >= 4, so such edges are not neighbours)."""
    n = len(points)
    seen: dict[Point, int] = {}
    for q, point in enumerate(points):
        p = seen.setdefault(point, q)
        if p == q:
            continue
        if q == p + 1:  # edge p has no length: the edges before and after it meet
            return _pair((p - 1) % n, q)
        if p == 0 and q == n - 1:  # the closing edge has no length
            return _pair(0, n - 2)
        return _pair(p, q)  # both edges start at the same corner
    return None


def _sweep(points: Sequence[Point]) -> tuple[int, int] | None:
    """Shamos–Hoey: sweep the corners left to right, keeping the edges the sweep line cuts in
    bottom-to-top order; only edges that become next to each other in that order can be the
    first to cross. Corners are distinct and no corner folds back (checked before)."""
    n = len(points)
    ends: list[tuple[Point, Point]] = []
    for k in range(n):
        a, b = points[k], points[(k + 1) % n]
        ends.append((a, b) if a < b else (b, a))
    status: list[int] = []  # edge numbers, bottom to top along the sweep line

    def meet(i: int, j: int) -> bool:
        if _neighbours(i, j, n):
            return False  # they share a corner and do not fold back
        (a1, a2), (b1, b2) = ends[i], ends[j]
        # Boxes apart (x is sorted within an edge, y is not): cannot meet.
        if a2[0] < b1[0] or b2[0] < a1[0]:
            return False
        if max(a1[1], a2[1]) < min(b1[1], b2[1]) or max(b1[1], b2[1]) < min(a1[1], a2[1]):
            return False
        return segments_intersect(a1, a2, b1, b2)

    def below_count(px: float, py: float) -> int:
        """How many edges in the status lie wholly below (px, py)."""
        lo, hi = 0, len(status)
        while lo < hi:
            mid = (lo + hi) // 2
            (lx, ly), (rx, ry) = ends[status[mid]]
            # the point above the edge: left → right → point turns anticlockwise
            if (ry - ly) * (px - rx) - (rx - lx) * (py - ry) < -_EPSILON:
                lo = mid + 1
            else:
                hi = mid
        return lo

    for v in sorted(range(n), key=points.__getitem__):
        p = points[v]
        px, py = p
        before, after = (v - 1) % n, v  # the edges into and out of this corner
        at = below_count(px, py)
        through = at
        while through < len(status):  # edges through p: only p's own two may touch it
            k = status[through]
            (lx, ly), (rx, ry) = ends[k]
            if abs((ry - ly) * (px - rx) - (rx - lx) * (py - ry)) >= _EPSILON:
                break
            if k not in (before, after):
                return _pair(k, v)
            through += 1
        starting = [
            k for k, far in ((before, points[before]), (after, points[(v + 1) % n])) if p < far
        ]
        # The edges through p are p's own that end here: they leave the sweep.
        del status[at:through]
        if through - at != 2 - len(starting):  # rounding hid one: take it out by name
            for k in (before, after):
                if k in status and k not in starting:
                    status.remove(k)
        if through > at and 0 < at < len(status) and meet(status[at - 1], status[at]):
            return _pair(status[at - 1], status[at])
        if not starting:
            continue
        if len(starting) == 2 and _orientation(p, ends[starting[0]][1], ends[starting[1]][1]) == 1:
            starting.reverse()  # the second runs below the first: bottom one first
        status[at:at] = starting  # nothing through p is left, so `at` still counts those below
        top = at + len(starting)
        if at > 0 and meet(status[at - 1], status[at]):
            return _pair(status[at - 1], status[at])
        if top < len(status) and meet(status[top - 1], status[top]):
            return _pair(status[top - 1], status[top])
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


# The same immutable outlines are measured again on every re-plan, save and load of a map; the
# remembered forms make that a dictionary lookup instead of a walk over up to 500 corners.
_area = lru_cache(maxsize=_OUTLINES_REMEMBERED)(polygon_area)
_centroid = lru_cache(maxsize=_OUTLINES_REMEMBERED)(polygon_centroid)
_crossing = lru_cache(maxsize=_OUTLINES_REMEMBERED)(first_crossing)


def forget_outlines() -> None:
    """Forget every outline measured so far: the next measure of each is worked out afresh (a
    benchmark times a fresh start's work this way, in a process that has seen the map before)."""
    _area.cache_clear()
    _centroid.cache_clear()
    _crossing.cache_clear()


def outline_area(points: Sequence[Point]) -> float:
    """`polygon_area`, remembered for outlines given as tuples of (x, y) tuples."""
    try:
        return _area(points)
    except TypeError:  # a list somewhere in it cannot be a key: measure it afresh
        return polygon_area(points)


def outline_centroid(points: Sequence[Point]) -> Point:
    """`polygon_centroid`, remembered for outlines given as tuples of (x, y) tuples."""
    try:
        return _centroid(points)
    except TypeError:
        return polygon_centroid(points)


def outline_crossing(points: Sequence[Point]) -> tuple[int, int] | None:
    """`first_crossing`, remembered for outlines given as tuples of (x, y) tuples."""
    try:
        return _crossing(points)
    except TypeError:
        return first_crossing(points)


class EditRefusedError(ValueError):
    """An edit that would break the map; the message says why in plain words."""


def rounded(point: Point) -> Point:
    """A point kept inside the unit square and rounded to the stored four decimals."""
    x = min(max(point[0], 0.0), 1.0)
    y = min(max(point[1], 0.0), 1.0)
    return (round(x, DECIMALS), round(y, DECIMALS))


def _dedupe(points: Sequence[Point]) -> list[Point]:
    """The corners without a corner repeated next to itself (nor the first repeated as last)."""
    out: list[Point] = []
    for point in points:
        if not out or out[-1] != point:
            out.append(point)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out


def check_outline(points: Sequence[Point]) -> None:
    """Refuse an edited outline that would be broken: too few points, crossing or too small."""
    if len(points) < 3:
        raise EditRefusedError("A zone keeps at least three points.")
    if first_crossing(points) is not None:
        raise EditRefusedError("That would make the outline cross itself, so it was not changed.")
    if polygon_area(points) < MIN_ZONE_AREA:
        raise EditRefusedError("That would make the zone too small to roll, so it was not changed.")


def _polygons(shape: Any) -> list[Any]:
    """The polygons in what an intersection gave: none, one, or several."""
    if shape.geom_type == "Polygon":
        return [shape]
    if shape.geom_type in ("MultiPolygon", "GeometryCollection"):
        return [part for geom in shape.geoms for part in _polygons(geom)]
    return []


def clip_to_scalp(points: Sequence[Point], scalp: Sequence[Point]) -> tuple[Point, ...]:
    """The part of a drawn outline that lies on the scalp, or EditRefusedError saying why not.

    An outline wholly on the scalp keeps the person's own corners, in their order; one that
    passes the edge keeps its largest piece on the scalp, its corners rounded like any stored.
    """
    if len(_dedupe(points)) < 3:
        raise EditRefusedError("A zone needs at least three points.")
    if first_crossing(points) is not None:
        raise EditRefusedError(
            "The outline crosses itself. Draw it again without crossing lines, "
            "or press Backspace to take back the last points."
        )
    from shapely import Polygon  # noqa: PLC0415  (shapely costs ~80 ms to import)

    edge, drawn = Polygon(scalp), Polygon(points)
    if edge.contains(drawn):
        kept = _dedupe(points)
        if polygon_area(kept) < MIN_ZONE_AREA:
            raise EditRefusedError("The zone is too small to roll; draw a larger outline.")
        return tuple(kept)
    parts = [
        _dedupe([rounded((x, y)) for x, y in polygon.exterior.coords])
        for polygon in _polygons(drawn.intersection(edge))
    ]
    parts = [part for part in parts if len(part) >= 3]
    if not parts:
        raise EditRefusedError("The outline lies outside the scalp; draw it on the scalp.")
    best = max(parts, key=polygon_area)
    if polygon_area(best) < MIN_ZONE_AREA:
        raise EditRefusedError("The zone is too small to roll; draw a larger outline.")
    if len(best) > OUTLINE_MAX_POINTS:
        raise EditRefusedError(f"The outline has more than {OUTLINE_MAX_POINTS} points.")
    if first_crossing(best) is not None:
        raise EditRefusedError("The outline folds over itself along the scalp's edge; redraw it.")
    return tuple(best)


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


def clamp_to_scalp(point: Point, scalp: Sequence[Point]) -> Point:
    """The point itself when it lies on the scalp, else the nearest point of the scalp's edge."""
    if point_in_polygon(point, scalp):
        return point
    _, near, _ = nearest_edge(scalp, point, closed=True)
    return (round(near[0], DECIMALS), round(near[1], DECIMALS))
