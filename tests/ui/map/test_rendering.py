"""What the map looks like: state colours and the bald hatch, in the light and the dark palette."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from scalpzone.domain.geometry import Point, polygon_centroid
from scalpzone.domain.regions import region_catalog
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.scene_items import ZoneLabel
from scalpzone.ui.style.colours import mix
from tests.ui.conftest import WindowMaker
from tests.ui.helpers import view_point

pytestmark = pytest.mark.gui

DARK = {
    QPalette.ColorRole.Window: "#2b2b2b",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1e1e",
    QPalette.ColorRole.AlternateBase: "#262626",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#333333",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
}


@pytest.fixture(params=["light", "dark"])
def palette_name(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """Run the test in the light palette, then in a dark one."""
    original = qapp.palette()
    if request.param == "dark":
        dark = QPalette(original)
        for role, colour in DARK.items():
            dark.setColor(role, QColor(colour))
        qapp.setPalette(dark)
    yield str(request.param)
    qapp.setPalette(original)


def _pixel(image: QImage, window: MainWindow, zone_id: str, dy: int = 0) -> QColor:
    return _pixel_at(image, window, window.model.zone(zone_id).centre, dy)


def _close(a: QColor, b: QColor, tolerance: int = 14) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_states_read_by_colour_and_bald_also_by_hatch(
    tmp_path: Path, palette_name: str, make_window: WindowMaker
) -> None:
    window = make_window()
    editor = window.editor
    editor.set_state("crown", ZoneState.BALD)
    editor.set_severity("occipital", 3)
    editor.set_severity("midscalp_center", 1)
    window.commands.show_names.setChecked(False)
    image = window.view.viewport().grab().toImage()
    image.save(str(tmp_path / f"map-{palette_name}.png"))

    colours = window.scene.look.colours
    opacity = window.scene.look.fill_opacity
    background = colours.background
    assert (background.lightness() < 80) == (palette_name == "dark")

    def shown(fill: QColor) -> QColor:
        return mix(background, fill, opacity * fill.alphaF())

    assert _close(_pixel(image, window, "parietal_left"), shown(colours.healthy))
    assert _close(_pixel(image, window, "occipital", 20), shown(colours.thinning[2]))
    assert _close(_pixel(image, window, "midscalp_center", 20), shown(colours.thinning[0]))

    # Bald: a patch of the crown holds the bald colour and, between its stripes, the hatch.
    patch = [_pixel(image, window, "crown", dy) for dy in range(10, 22)]
    assert any(_close(p, shown(colours.bald), 30) for p in patch)
    assert len({p.rgb() for p in patch}) >= 2

    # Thinning severities differ in lightness, not only in hue.
    lightness = [shown(c).lightness() for c in colours.thinning]
    assert len(set(lightness)) == 3


def test_the_opacity_slider_fades_the_fills(window: MainWindow) -> None:
    window.editor.set_severity("occipital", 3)
    window.commands.show_names.setChecked(False)
    strong = _pixel(window.view.viewport().grab().toImage(), window, "occipital", 20)
    window.legend.slider.setValue(20)
    assert window.scene.look.fill_opacity == pytest.approx(0.2)
    faint = _pixel(window.view.viewport().grab().toImage(), window, "occipital", 20)
    background = window.scene.look.colours.background
    assert abs(faint.lightness() - background.lightness()) < abs(
        strong.lightness() - background.lightness()
    )


def test_a_new_palette_redraws_the_head_and_names_kept_as_pixmaps(window: MainWindow) -> None:
    """The head and the names are drawn once and copied after: a new palette draws them again."""
    window.commands.show_names.setChecked(True)
    ear = polygon_centroid(region_catalog().head.ear_left)
    label = next(
        item
        for item in window.scene.items()
        if isinstance(item, ZoneLabel) and item.zone_id == "occipital"
    )
    light_text = label.brush().color()
    before = window.view.viewport().grab().toImage()  # fills the cached drawings
    assert _close(_pixel_at(before, window, ear), window.scene.look.colours.skin)

    dark = QPalette(window.palette())
    for role, colour in DARK.items():
        dark.setColor(role, QColor(colour))
    window.scene.set_palette(dark)  # the scene alone: nothing else on screen moves
    after = window.view.viewport().grab().toImage()
    colours = window.scene.look.colours
    assert colours.background.lightness() < 80
    assert _close(_pixel_at(after, window, ear), colours.skin)
    dark_text = label.brush().color()
    assert dark_text != light_text
    shown = label.deviceTransform(window.view.viewportTransform())
    letters = _pixels_in(after, shown.mapRect(label.boundingRect()).toRect())
    assert any(_close(p, dark_text, 30) for p in letters)
    assert not any(_close(p, light_text, 12) for p in letters)


def _pixel_at(image: QImage, window: MainWindow, point: Point, dy: int = 0) -> QColor:
    ratio = image.devicePixelRatio()
    pos = view_point(window, point) + QPoint(0, dy)
    return image.pixelColor(round(pos.x() * ratio), round(pos.y() * ratio))


def _pixels_in(image: QImage, box: QRect) -> list[QColor]:
    ratio = image.devicePixelRatio()
    return [
        image.pixelColor(round(x * ratio), round(y * ratio))
        for x in range(box.left(), box.right() + 1)
        for y in range(box.top(), box.bottom() + 1)
    ]
