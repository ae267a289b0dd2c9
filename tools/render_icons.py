"""Render the app icon SVG to PNGs in the usual hicolor sizes under resources/icons/hicolor/."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "src" / "scalpzone" / "resources" / "icons" / "org.scalpzone.ScalpZone.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    """Write one PNG per size, and the SVG as the scalable icon."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    hicolor = ROOT / "resources" / "icons" / "hicolor"
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = hicolor / f"{size}x{size}" / "apps" / "org.scalpzone.ScalpZone.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
    scalable = hicolor / "scalable" / "apps" / "org.scalpzone.ScalpZone.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
