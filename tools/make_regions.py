"""Generate ``src/scalpzone/resources/regions.json``: the head diagram and the 13 preset regions.

The diagram is a schematic top-down view of a head (face at the top of the screen, the person's
left on the screen's left) in unit-square coordinates. Every shape is built here from a few
curves with shapely, so the data can be regenerated and reviewed instead of hand-edited:

* the head outline is a closed spline through a handful of points (a broad forehead, the widest
  line a little behind the middle, a round back); the nose and ears are rounded shapes outside it;
* the scalp is the outline pulled in slightly, cut at the front by the natural hairline, a smooth
  curve that runs back along the temples and meets the edge above the ears;
* the regions are the faces of the scalp cut by a few boundary lines and the crown circle,
  noded together so that neighbours share exactly the same corners.

Only the left half (x <= 0.5) is cut; the right half is its mirror image, so the regions are
exactly symmetric. Run from anywhere:  ``python tools/make_regions.py [--check]``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon, box
from shapely.ops import polylabel, unary_union

Coord = tuple[float, float]

OUTPUT = Path(__file__).resolve().parents[1] / "src" / "scalpzone" / "resources" / "regions.json"
DECIMALS = 4

# --- head outline -------------------------------------------------------------------------------
# Left half of the head, front centre to back centre; the right half is its mirror. A closed
# Catmull-Rom spline runs through these points: a broad forehead, the widest line a little behind
# the middle, a round back.
OUTLINE_LEFT: tuple[Coord, ...] = (
    (0.500, 0.066),
    (0.410, 0.0715),
    (0.330, 0.0880),
    (0.265, 0.1135),
    (0.2225, 0.1530),
    (0.1985, 0.2050),
    (0.1850, 0.2700),
    (0.1750, 0.3450),
    (0.1680, 0.4250),
    (0.1645, 0.5050),
    (0.1635, 0.5850),
    (0.1675, 0.6650),
    (0.1790, 0.7420),
    (0.2015, 0.8110),
    (0.2380, 0.8680),
    (0.2900, 0.9110),
    (0.3570, 0.9390),
    (0.4280, 0.9520),
    (0.500, 0.9560),
)
CURVE_TOLERANCE = 0.0003  # simplification of the sampled curves (about 0.25 px at 800 px)

# --- scalp --------------------------------------------------------------------------------------
SCALP_INSET = 0.008  # a thin rim of skin between the drawn outline and the hair
# Natural hairline, left half: across the front from the midline to the frontotemporal corner
# (the first point only mirrors the second so the curve crosses the midline level) ...
HAIRLINE_FRONT: tuple[Coord, ...] = (
    (0.580, 0.1125),
    (0.500, 0.1100),
    (0.420, 0.1125),
    (0.345, 0.1200),
    (0.290, 0.1305),
    (0.256, 0.1410),
    (0.241, 0.1500),
)
# ... then back along the temple, inside the scalp's edge by a strip of bare temple skin that
# narrows from TEMPLE_SKIN wide at the corner to nothing at TEMPLE_SKIN_END_Y, above the ear.
TEMPLE_SKIN = 0.011
TEMPLE_SKIN_END_Y = 0.36

# --- region boundaries (left half) --------------------------------------------------------------
COLUMN_X = 0.39  # centre column (hairline centre, front, mid-scalp centre): x 0.39 .. 0.61
BAND_DEPTH = 0.055  # depth of the hairline band behind the natural hairline
# The hairline band wraps round the frontotemporal corner and ends at this line; the temple
# lies beyond and behind it.
BAND_END: tuple[Coord, Coord] = ((0.215, 0.135), (0.255, 0.215))
# temple / mid-scalp boundary, a gentle arc, deeper at the side (where temples recede most)
TEMPLE_BACK: tuple[Coord, ...] = ((0.05, 0.350), (0.18, 0.340), (0.29, 0.322), (0.39, 0.300))
FRONT_BACK_Y = 0.362  # front / forelock ends on the midline, curving forward to the sides ...
FRONT_BACK_BEND = 0.6  # ... by this times (x - 0.5)²
CROWN_CENTRE: Coord = (0.5, 0.66)
CROWN_RADIUS = 0.13
PARIETAL_WIDTH = 0.112  # the sides: a band this wide along the scalp's edge ...
PARIETAL_TOP = 0.28  # ... from the temples ...
PARIETAL_END_Y = 0.83  # ... to here, where a line runs out to the edge:
PARIETAL_BACK_EDGE_Y = 0.90
MIDSCALP_BACK: tuple[Coord, Coord] = ((0.26, 0.660), (0.41, 0.672))  # mid-scalp / back, side

# --- landmarks ----------------------------------------------------------------------------------
NOSE_TIP_Y = 0.026
NOSE_TIP_RADIUS = 0.021
NOSE_HALF_WIDTH = 0.038
EAR_CENTRE: Coord = (0.164, 0.525)  # left ear; the right one is its mirror
EAR_RADII: Coord = (0.030, 0.072)
EAR_TILT_DEG = 12.0  # the back of the ear stands further out than the front
LABEL_LEFT: Coord = (0.065, 0.525)

# --- durations ----------------------------------------------------------------------------------
# Whole minutes per unit of area: minutes = max(1, round(area * MINUTES_PER_UNIT_AREA)). Chosen so
# that the crown takes 3 minutes, the hairline parts and temples 1 each.
MINUTES_PER_UNIT_AREA = 50.0

REGIONS: tuple[tuple[str, str, str], ...] = (
    ("hairline_left", "Hairline (left)", "top"),
    ("hairline_center", "Hairline (centre)", "top"),
    ("hairline_right", "Hairline (right)", "top"),
    ("temple_left", "Temple (left)", "left"),
    ("temple_right", "Temple (right)", "right"),
    ("front_center", "Front / forelock", "top"),
    ("midscalp_left", "Mid-scalp (left)", "top"),
    ("midscalp_center", "Mid-scalp (centre)", "top"),
    ("midscalp_right", "Mid-scalp (right)", "top"),
    ("crown", "Crown", "top"),
    ("parietal_left", "Side (left)", "left"),
    ("parietal_right", "Side (right)", "right"),
    ("occipital", "Back of head", "back"),
)
CENTRE_REGIONS = frozenset(
    {"hairline_center", "front_center", "midscalp_center", "crown", "occipital"}
)

# The intended whole minutes per region (left and centre ids; right ones mirror the left),
# checked on every run.
EXPECTED_MINUTES: dict[str, tuple[int, ...]] = {
    "hairline_left": (1,),
    "hairline_center": (1,),
    "temple_left": (1,),
    "front_center": (2,),
    "midscalp_left": (2,),
    "midscalp_center": (2,),
    "crown": (3,),
    "parietal_left": (2, 3),
    "occipital": (3, 4),
}

# SPEC §4's example hairline; it must lie on the hairline band.
EXAMPLE_HAIRLINE: tuple[Coord, ...] = ((0.25, 0.16), (0.50, 0.12), (0.75, 0.16))

ABOUT = (
    "Top-down scalp diagram in unit-square coordinates: x 0 = the person's left (screen left; "
    "the head is seen from above and behind), x 1 = their right; y 0 = the front (face, top of "
    "the screen), y 1 = the back of the head. Polygons are lists of [x, y] corners, "
    "counter-clockwise in x-right/y-up terms (clockwise on screen), without a repeated closing "
    "point. The 13 regions tile the scalp polygon exactly. minutes = max(1, round(area * "
    "minutes_per_unit_area)). Generated by tools/make_regions.py; do not edit by hand."
)


# --- curves -------------------------------------------------------------------------------------
def catmull_rom(points: Sequence[Coord], samples: int = 16, closed: bool = False) -> list[Coord]:
    """A smooth curve through the points (uniform Catmull-Rom spline).

    Open curves pass through ``points[1:-1]``; the first and last points only steer the ends.
    """
    ring = [*points[-1:], *points, *points[:2]] if closed else list(points)
    out: list[Coord] = []
    for i in range(1, len(ring) - 2):
        p0, p1, p2, p3 = (np.asarray(ring[j]) for j in range(i - 1, i + 3))
        for t in np.linspace(0.0, 1.0, samples, endpoint=False):
            point = 0.5 * (
                2 * p1
                + (p2 - p0) * t
                + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t * t
                + (3 * p1 - p0 - 3 * p2 + p3) * t**3
            )
            out.append((float(point[0]), float(point[1])))
    if not closed:
        out.append(ring[-2])
    return out


def mirrored_points(points: Sequence[Coord]) -> list[Coord]:
    return [(1.0 - x, y) for x, y in points]


def head_outline() -> Polygon:
    """The whole head seen from above, symmetric about x = 0.5."""
    right = mirrored_points(OUTLINE_LEFT[1:-1])[::-1]
    return Polygon(catmull_rom([*OUTLINE_LEFT, *right], closed=True)).simplify(CURVE_TOLERANCE)


def ellipse(centre: Coord, radii: Coord, tilt_deg: float = 0.0, samples: int = 72) -> Polygon:
    """A sampled ellipse, turned by ``tilt_deg`` (positive turns +y towards -x)."""
    tilt = math.radians(tilt_deg)
    coords = []
    for t in np.linspace(0.0, 2 * math.pi, samples, endpoint=False):
        dx, dy = radii[0] * math.cos(t), radii[1] * math.sin(t)
        coords.append(
            (
                centre[0] + dx * math.cos(tilt) - dy * math.sin(tilt),
                centre[1] + dx * math.sin(tilt) + dy * math.cos(tilt),
            )
        )
    return Polygon(coords)


def mirror(geometry: shapely.Geometry) -> shapely.Geometry:
    """Reflect across the midline x = 0.5 (exact for coordinates already rounded)."""
    return shapely.transform(geometry, lambda xy: np.column_stack([1.0 - xy[:, 0], xy[:, 1]]))


def edge_x(polygon: Polygon, y: float) -> float:
    """The leftmost x of the polygon on the horizontal line at y."""
    return float(polygon.intersection(LineString([(-1.0, y), (2.0, y)])).bounds[0])


def interpolator(points: Sequence[Coord]) -> Callable[[float], float]:
    """y as a function of x along a smooth curve through the points (x increasing)."""
    curve = catmull_rom([points[0], *points, points[-1]])
    xs, ys = zip(*curve, strict=True)
    return lambda x: float(np.interp(x, xs, ys))


# --- the scalp and its partition ----------------------------------------------------------------
def scalp_left_half(outline: Polygon) -> tuple[Polygon, list[Coord]]:
    """The hair-bearing scalp, left half (up to the midline), and its natural hairline curve."""
    inner = outline.buffer(-SCALP_INSET, quad_segs=16).simplify(CURVE_TOLERANCE)
    corner_y = HAIRLINE_FRONT[-1][1]
    side = []
    for y in np.linspace(corner_y + 0.02, TEMPLE_SKIN_END_Y + 0.1, 30):
        # past TEMPLE_SKIN_END_Y the curve runs on outside the edge, so it leaves it smoothly
        narrowing = (TEMPLE_SKIN_END_Y - y) / (TEMPLE_SKIN_END_Y - corner_y)
        gap = TEMPLE_SKIN * math.copysign(abs(narrowing) ** 1.5, narrowing)
        side.append((edge_x(inner, y) + gap, float(y)))
    hairline = catmull_rom([*HAIRLINE_FRONT, *side, (side[-1][0] - 0.01, side[-1][1] + 0.01)])
    mask = Polygon([*hairline, (-0.5, hairline[-1][1]), (-0.5, 1.5), (0.5, 1.5)])
    half = inner.intersection(mask).intersection(box(-1.0, -1.0, 0.5, 2.0))
    return single_polygon(half.simplify(CURVE_TOLERANCE), "scalp"), hairline


class LeftHalf:
    """Cuts the left half of the scalp into the left and the (half) centre regions."""

    def __init__(self, outline: Polygon, scalp_left: Polygon, hairline: Sequence[Coord]) -> None:
        self.scalp = scalp_left
        self.band = self._band(hairline).simplify(CURVE_TOLERANCE)
        self.temple_back = interpolator(TEMPLE_BACK)
        self.parietal_ys = np.linspace(PARIETAL_TOP, PARIETAL_END_Y, 40)
        inset = SCALP_INSET + PARIETAL_WIDTH
        self.parietal_xs = [edge_x(outline, y) + inset for y in self.parietal_ys]
        end = (self.parietal_xs[-1], PARIETAL_END_Y)
        self.parietal_back = (end, (edge_x(scalp_left, PARIETAL_BACK_EDGE_Y), PARIETAL_BACK_EDGE_Y))

    @staticmethod
    def _band(hairline: Sequence[Coord]) -> Polygon:
        """Everything from the hairline to BAND_DEPTH behind it, medial of the BAND_END line.

        Past the frontotemporal corner the back edge keeps the corner's depth, so the band wraps
        round the corner until the BAND_END line cuts it off.
        """
        front = sorted(p for p in hairline if p[0] >= HAIRLINE_FRONT[-1][0])
        xs, ys = zip(*front, strict=True)
        back = [
            (x, float(np.interp(min(x, 1.0 - x), xs, ys)) + BAND_DEPTH)
            for x in np.linspace(0.15, 0.56, 165)
        ]
        reach = Polygon([*back, (0.56, -0.5), (0.15, -0.5)])
        (x0, y0), (x1, y1) = BAND_END
        far = 10.0
        medial = Polygon(
            [
                (x0 - far * (x1 - x0), y0 - far * (y1 - y0)),
                (x1 + far * (x1 - x0), y1 + far * (y1 - y0)),
                (2.0, 2.0),
                (2.0, -2.0),
            ]
        )
        return single_polygon(reach.intersection(medial), "hairline band")

    def front_back(self, x: float) -> float:
        return FRONT_BACK_Y - FRONT_BACK_BEND * (x - 0.5) ** 2

    def parietal_inner(self, y: float) -> float:
        return float(np.interp(y, self.parietal_ys, self.parietal_xs))

    def cuts(self) -> list[LineString]:
        """The boundary lines, each running a little past the regions it separates."""
        temple_xs = np.linspace(0.0, COLUMN_X, 40)
        front_xs = np.linspace(COLUMN_X, 0.55, 20)
        (x0, y0), (x1, y1) = self.parietal_back
        return [
            self.band.exterior,
            LineString([(COLUMN_X, 0.0), (COLUMN_X, CROWN_CENTRE[1])]),
            LineString([(x, self.temple_back(x)) for x in temple_xs]),
            LineString([(x, self.front_back(x)) for x in front_xs]),
            LineString(zip(self.parietal_xs, self.parietal_ys, strict=True)),
            LineString([(x0, y0), (x1 + 2 * (x1 - x0), y1 + 2 * (y1 - y0))]),
            LineString(MIDSCALP_BACK),
            Point(CROWN_CENTRE).buffer(CROWN_RADIUS, quad_segs=24).exterior,
        ]

    def classify(self, x: float, y: float) -> str:
        """Which region a point of the left half belongs to (by the same lines as ``cuts``)."""
        if math.dist((x, y), CROWN_CENTRE) < CROWN_RADIUS:
            return "crown"
        if self.band.contains(Point(x, y)):
            return "hairline_center" if x > COLUMN_X else "hairline_left"
        if x > COLUMN_X:
            if y < self.front_back(x):
                return "front_center"
            return "midscalp_center" if y < CROWN_CENTRE[1] else "occipital"
        if y < self.temple_back(x):
            return "temple_left"
        (x0, y0), (x1, y1) = self.parietal_back
        if (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) < 0:  # behind the side / back line
            return "occipital"
        if x < self.parietal_inner(y):
            return "parietal_left"
        (x0, y0), (x1, y1) = MIDSCALP_BACK
        return "midscalp_left" if y < y0 + (y1 - y0) * (x - x0) / (x1 - x0) else "occipital"

    def regions(self) -> dict[str, Polygon]:
        """Region id -> polygon (the centre regions as their left halves)."""
        # The cuts run past the scalp edge so that noding finds every crossing; clipping them
        # first would leave end points a rounding error off the edge.
        lines = [self.scalp.exterior, *self.cuts()]
        faces: dict[str, list[Polygon]] = {}
        for face in shapely.get_parts(shapely.polygonize(shapely.get_parts(unary_union(lines)))):
            inside = face.representative_point()
            if not self.scalp.contains(inside):
                continue
            faces.setdefault(self.classify(inside.x, inside.y), []).append(face)
        return {rid: single_polygon(unary_union(parts), rid) for rid, parts in faces.items()}


def single_polygon(geometry: shapely.Geometry, what: str) -> Polygon:
    """The geometry as one polygon without holes, or a clear error."""
    if not isinstance(geometry, Polygon) or geometry.interiors:
        raise SystemExit(f"{what}: expected one polygon without holes, got {geometry.geom_type}")
    return geometry


def clean(polygon: Polygon, what: str) -> Polygon:
    """Rounded to DECIMALS places, without repeated corners, counter-clockwise, and valid."""
    ring = np.round(np.asarray(polygon.exterior.coords)[:-1], DECIMALS)
    keep = [p for i, p in enumerate(ring) if not np.array_equal(p, ring[i - 1])]
    result = shapely.orient_polygons(Polygon(keep), exterior_cw=False)
    if not result.is_valid:
        raise SystemExit(f"{what}: invalid after rounding: {shapely.is_valid_reason(result)}")
    return single_polygon(result, what)


def coords(polygon: Polygon) -> list[list[float]]:
    return [[float(x), float(y)] for x, y in np.asarray(polygon.exterior.coords)[:-1]]


def label_point(polygon: Polygon, centred: bool) -> Coord:
    """A roomy point inside the region for its number.

    The centroid when it sits well inside, otherwise the point farthest from the edge; for the
    regions across the midline both are taken on the midline.
    """

    def room(x: float, y: float) -> float:
        inside = polygon.contains(Point(x, y))
        return polygon.exterior.distance(Point(x, y)) if inside else -1.0

    centroid = polygon.centroid
    if centred:
        _, top, _, bottom = polygon.bounds
        pole_y = max(np.linspace(top, bottom, 400), key=lambda y: room(0.5, y))
        pole: Coord = (0.5, float(pole_y))
        middle: Coord = (0.5, centroid.y)
    else:
        inner = polylabel(polygon, tolerance=1e-4)
        pole, middle = (inner.x, inner.y), (centroid.x, centroid.y)
    best = middle if room(*middle) >= 0.6 * room(*pole) else pole
    return (round(best[0], 3), round(best[1], 3))


def minutes_for(area: float) -> int:
    return max(1, round(area * MINUTES_PER_UNIT_AREA))


def build() -> dict[str, object]:
    outline = clean(head_outline(), "outline")
    scalp_left, hairline = scalp_left_half(outline)
    halves = LeftHalf(outline, scalp_left, hairline).regions()

    regions: dict[str, Polygon] = {}
    for rid, half in halves.items():
        poly = clean(half, rid)
        if rid.endswith("_left"):
            regions[rid] = poly
            regions[rid.removesuffix("_left") + "_right"] = clean(mirror(poly), rid)
        else:
            whole = unary_union([poly, mirror(poly)])
            regions[rid] = clean(single_polygon(whole, rid), rid)
    scalp = clean(single_polygon(unary_union(list(regions.values())), "scalp"), "scalp")

    tip = Point(0.5, NOSE_TIP_Y + NOSE_TIP_RADIUS).buffer(NOSE_TIP_RADIUS, quad_segs=12)
    base = Point(0.5, OUTLINE_LEFT[0][1] + 0.01).buffer(NOSE_HALF_WIDTH, quad_segs=12)
    nose_shape = shapely.convex_hull(shapely.union_all([tip, base]))
    nose = clean(single_polygon(nose_shape.difference(outline), "nose"), "nose")
    ear = ellipse(EAR_CENTRE, EAR_RADII, EAR_TILT_DEG).difference(outline)
    ear_left = clean(single_polygon(ear, "ear"), "ear_left")
    ear_right = clean(mirror(ear_left), "ear_right")

    region_entries = []
    for rid, name, quadrant in REGIONS:
        poly = regions[rid]
        region_entries.append(
            {
                "id": rid,
                "name": name,
                "quadrant": quadrant,
                "minutes": minutes_for(poly.area),
                "polygon": coords(poly),
                "label": list(label_point(poly, centred=rid in CENTRE_REGIONS)),
            }
        )
    return {
        "about": ABOUT,
        "minutes_per_unit_area": MINUTES_PER_UNIT_AREA,
        "head": {
            "outline": coords(outline),
            "scalp": coords(scalp),
            "nose": coords(nose),
            "ear_left": coords(ear_left),
            "ear_right": coords(ear_right),
            "label_left": list(LABEL_LEFT),
            "label_right": [round(1.0 - LABEL_LEFT[0], DECIMALS), LABEL_LEFT[1]],
        },
        "regions": region_entries,
    }


# --- checks -------------------------------------------------------------------------------------
def check(data: dict[str, object]) -> list[str]:
    """Everything the app relies on; returns the problems found (empty when all is well)."""
    problems: list[str] = []
    head = data["head"]
    entries = data["regions"]
    assert isinstance(head, dict)
    assert isinstance(entries, list)
    polygons = {e["id"]: Polygon(e["polygon"]) for e in entries}
    if [e["id"] for e in entries] != [rid for rid, _, _ in REGIONS]:
        problems.append("region ids or order differ from the 13 fixed ids")
    shapes = {k: Polygon(head[k]) for k in ("outline", "scalp", "nose", "ear_left", "ear_right")}
    for what, poly in [*shapes.items(), *polygons.items()]:
        problems += polygon_problems(what, poly)
    for what, poly in [*shapes.items(), *polygons.items()]:
        x0, y0, x1, y1 = poly.bounds
        if min(x0, y0) < 0.005 or max(x1, y1) > 0.995:
            problems.append(f"{what}: reaches the edge of the unit square {poly.bounds}")
    ids = list(polygons)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            overlap = polygons[a].intersection(polygons[b]).area
            if overlap >= 1e-6:
                problems.append(f"{a} and {b} overlap by {overlap:.2e}")
    if not shapely.coverage_is_valid(list(polygons.values())):
        problems.append("neighbouring regions do not share the same corners along their edges")
    union = unary_union(list(polygons.values()))
    difference = union.symmetric_difference(shapes["scalp"]).area
    if difference >= 1e-4:
        problems.append(f"the regions' union differs from the scalp by {difference:.2e}")
    band = unary_union([polygons[f"hairline_{side}"] for side in ("left", "center", "right")])
    if not band.contains(LineString(EXAMPLE_HAIRLINE)):
        problems.append("the example hairline leaves the hairline band")
    if not shapes["outline"].buffer(1e-9).contains(shapes["scalp"]):
        problems.append("the scalp sticks out of the head outline")
    for what in ("nose", "ear_left", "ear_right"):
        if shapes[what].intersection(shapes["outline"]).area > 1e-6:
            problems.append(f"{what} overlaps the head outline")
    for e in entries:
        rid = e["id"]
        if not polygons[rid].contains(Point(e["label"])):
            problems.append(f"{rid}: label {e['label']} is not inside the region")
        if e["minutes"] != minutes_for(polygons[rid].area):
            problems.append(f"{rid}: minutes {e['minutes']} do not follow the area formula")
        base = rid.removesuffix("_right").removesuffix("_left") + "_left"
        if e["minutes"] not in EXPECTED_MINUTES.get(base, EXPECTED_MINUTES.get(rid, ())):
            problems.append(f"{rid}: {e['minutes']} min is off target ({polygons[rid].area:.4f})")
        twin = mirrored_id(rid)
        if polygons[rid].symmetric_difference(mirror(polygons[twin])).area > 1e-9:
            problems.append(f"{rid} is not the mirror image of {twin}")
    return problems


def mirrored_id(rid: str) -> str:
    if rid.endswith("_left"):
        return rid.removesuffix("_left") + "_right"
    if rid.endswith("_right"):
        return rid.removesuffix("_right") + "_left"
    return rid


def polygon_problems(what: str, poly: Polygon) -> list[str]:
    problems = []
    ring = list(poly.exterior.coords)[:-1]
    if not poly.is_valid:
        problems.append(f"{what}: invalid ({shapely.is_valid_reason(poly)})")
    if poly.interiors:
        problems.append(f"{what}: has holes")
    if not poly.exterior.is_ccw:
        problems.append(f"{what}: not counter-clockwise")
    if len(set(ring)) != len(ring):
        problems.append(f"{what}: repeats a corner")
    if any(round(v, DECIMALS) != v for xy in ring for v in xy):
        problems.append(f"{what}: coordinates not rounded to {DECIMALS} places")
    return problems


def report(data: dict[str, object]) -> Iterable[str]:
    entries = data["regions"]
    assert isinstance(entries, list)
    for e in entries:
        area = Polygon(e["polygon"]).area
        yield f"{e['id']:16} area {area:.4f}  minutes {e['minutes']}  points {len(e['polygon'])}"
    yield f"{'total':16} area {sum(Polygon(e['polygon']).area for e in entries):.4f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the file, write nothing")
    parser.add_argument("--draft", action="store_true", help="write even when a check fails")
    args = parser.parse_args(argv)
    data = build()
    for line in report(data):
        print(line)
    problems = check(data)
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    if problems and not args.draft:
        return 1
    text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text("utf-8") == text
        print("regions.json is up to date" if same else "regions.json is out of date")
        return 0 if same else 1
    OUTPUT.write_text(text, "utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
