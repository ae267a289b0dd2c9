"""Render the head diagram and the hair-loss templates to PNG files, for reviewing the data.

Draws ``resources/regions.json`` (and, per template, ``resources/templates.json``) with QPainter
on a QImage, so it needs no display:  ``python tools/render_regions.py --out /tmp``.
It writes ``regions.png`` and ``template-<id>.png`` for each template asked for.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)


def guard_none_refcount(spare: int = 200_000) -> None:
    """Work around PySide6 6.12.0 on CPython 3.11, which loses a reference to None per call.

    Every call of a Qt method that returns nothing drops one reference to None, and a few
    thousand calls free None and abort the interpreter ("none_dealloc"). Spare references that
    are never given back keep this short-lived tool alive. From 3.12 on None is immortal.
    """
    if sys.version_info >= (3, 12):
        return
    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    for _ in range(spare):
        incref(None)


RESOURCES = Path(__file__).resolve().parents[1] / "src" / "scalpzone" / "resources"
EXAMPLE_HAIRLINE = ((0.25, 0.16), (0.50, 0.12), (0.75, 0.16))
DEFAULT_TEMPLATES = ("norwood-3v", "norwood-6", "ludwig-2")

SKIN = QColor("#f3dcc8")
SKIN_EDGE = QColor("#8a6a55")
REGION_EDGE = QColor("#5f6b7a")
# Pale, distinct fills, one per region in file order.
PALETTE = (
    "#cfe3f7", "#d9f0d3", "#cfe3f7", "#fde2c4", "#fde2c4", "#e8dcf5", "#d4efec", "#fff3bf",
    "#d4efec", "#f9d5dc", "#e2ecc6", "#e2ecc6", "#dde3ea",
)  # fmt: skip
THINNING = {1: QColor("#ffd8a8"), 2: QColor("#ffa94d"), 3: QColor("#e8590c")}
BALD = QColor("#adb5bd")


class Canvas:
    """Maps unit-square coordinates onto a square image."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.image = QImage(size, size, QImage.Format.Format_ARGB32)
        self.image.fill(QColor("white"))
        self.painter = QPainter(self.image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def point(self, xy: Sequence[float]) -> QPointF:
        return QPointF(xy[0] * self.size, xy[1] * self.size)

    def polygon(self, points: Sequence[Sequence[float]], fill: QBrush | QColor, edge: QPen) -> None:
        self.painter.setPen(edge)
        self.painter.setBrush(fill)
        self.painter.drawPolygon(QPolygonF([self.point(p) for p in points]))

    def polyline(self, points: Sequence[Sequence[float]], edge: QPen) -> None:
        path = QPainterPath(self.point(points[0]))
        for p in points[1:]:
            path.lineTo(self.point(p))
        self.painter.setPen(edge)
        self.painter.setBrush(Qt.BrushStyle.NoBrush)
        self.painter.drawPath(path)

    def text(
        self, xy: Sequence[float], text: str, pixel_size: int, colour: QColor, width: int = 120
    ) -> None:
        font = QFont("DejaVu Sans")
        font.setPixelSize(pixel_size)
        font.setBold(True)
        self.painter.setFont(font)
        self.painter.setPen(colour)
        centre = self.point(xy)
        box = QRectF(centre.x() - width / 2, centre.y() - pixel_size, width, 2 * pixel_size)
        self.painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def save(self, path: Path) -> None:
        self.painter.end()
        if not self.image.save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(f"wrote {path}")


def pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    result = QPen(colour, width, style)
    result.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    result.setCapStyle(Qt.PenCapStyle.RoundCap)
    return result


def draw_head(canvas: Canvas, head: dict[str, list]) -> None:
    """Ears, nose and the head outline, with L and R beside the ears."""
    for part in ("ear_left", "ear_right", "nose", "outline"):
        canvas.polygon(head[part], SKIN, pen(SKIN_EDGE, 2.0))
    canvas.text(head["label_left"], "L", 30, SKIN_EDGE)
    canvas.text(head["label_right"], "R", 30, SKIN_EDGE)


def draw_regions(canvas: Canvas, regions: list[dict], fills: Sequence[QBrush | QColor]) -> None:
    """Each region filled, outlined and numbered 1..13 in file order."""
    for region, fill in zip(regions, fills, strict=True):
        canvas.polygon(region["polygon"], fill, pen(REGION_EDGE, 1.2))
    for number, region in enumerate(regions, start=1):
        canvas.text(region["label"], str(number), 17, QColor("#1f2933"))


def render_regions(data: dict, out: Path, size: int) -> None:
    canvas = Canvas(size)
    draw_head(canvas, data["head"])
    draw_regions(canvas, data["regions"], [QColor(c) for c in PALETTE])
    canvas.polygon(data["head"]["scalp"], Qt.BrushStyle.NoBrush, pen(QColor("#3b4754"), 2.0))
    canvas.polyline(EXAMPLE_HAIRLINE, pen(QColor("#e03131"), 3.0))
    legend = "  ".join(f"{n} {r['id']}" for n, r in enumerate(data["regions"], start=1))
    font = QFont("DejaVu Sans")
    font.setPixelSize(11)
    canvas.painter.setFont(font)
    canvas.painter.setPen(QColor("#333333"))
    canvas.painter.drawText(QRectF(8, size - 44, size - 16, 40), Qt.TextFlag.TextWordWrap, legend)
    canvas.save(out / "regions.png")


def render_template(data: dict, template: dict, out: Path, size: int) -> None:
    fills: list[QBrush | QColor] = []
    for region in data["regions"]:
        zone = template["zones"].get(region["id"], {"state": "healthy"})
        if zone["state"] == "bald":
            brush = QBrush(BALD, Qt.BrushStyle.BDiagPattern)
            fills.append(brush)
        elif zone["state"] == "thinning":
            fills.append(THINNING[zone.get("severity", 1)])
        else:
            fills.append(QColor("#e9f5e1"))
    canvas = Canvas(size)
    draw_head(canvas, data["head"])
    # bald: a pale grey ground under the hatch
    for region, fill in zip(data["regions"], fills, strict=True):
        if isinstance(fill, QBrush):
            canvas.polygon(region["polygon"], QColor("#e9ecef"), pen(REGION_EDGE, 0))
    draw_regions(canvas, data["regions"], fills)
    canvas.text((0.5, 0.98), template["name"], 20, QColor("#1f2933"), width=size)
    canvas.save(out / f"template-{template['id']}.png")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp"), help="folder for the PNGs")
    parser.add_argument("--size", type=int, default=800, help="image width and height in pixels")
    parser.add_argument(
        "--template", action="append", help="template id to render (repeatable; 'all' for all)"
    )
    args = parser.parse_args(argv)
    guard_none_refcount()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    data = json.loads((RESOURCES / "regions.json").read_text("utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    render_regions(data, args.out, args.size)
    templates_file = RESOURCES / "templates.json"
    if templates_file.exists():
        templates = json.loads(templates_file.read_text("utf-8"))["templates"]
        wanted = args.template or list(DEFAULT_TEMPLATES)
        for template in templates:
            if "all" in wanted or template["id"] in wanted:
                render_template(data, template, args.out, args.size)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
