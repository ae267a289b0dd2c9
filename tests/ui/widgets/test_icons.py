"""The actions' line icons: drawn in the palette's text colour, enabled and disabled."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from scalpzone import RESOURCES
from scalpzone.ui.widgets.actions import ICON_PIXELS, load_icon

pytestmark = pytest.mark.gui

ICONS = sorted(
    path.stem for path in (RESOURCES / "icons").glob("*.svg") if not path.stem.startswith("org.")
)


def _inked(icon: QIcon, mode: QIcon.Mode) -> list[QColor]:
    """The colours of the icon's clearly drawn pixels (half opaque or more)."""
    image = icon.pixmap(ICON_PIXELS, ICON_PIXELS, mode).toImage()
    colours = (image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width()))
    return [colour for colour in colours if colour.alpha() >= 128]


def _near(colour: QColor, expected: QColor) -> bool:
    # Filling the drawn shape rounds like drawing in the colour does, to within a step or two.
    return (
        abs(colour.red() - expected.red()) <= 2
        and abs(colour.green() - expected.green()) <= 2
        and abs(colour.blue() - expected.blue()) <= 2
    )


@pytest.mark.parametrize("name", ICONS)
def test_an_icon_is_drawn_in_the_text_colour_and_the_disabled_text_colour(
    qapp: QApplication, name: str
) -> None:
    palette = QPalette(qapp.palette())
    palette.setColor(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText, QColor("#1a5fb4"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#c0bfbc"))
    icon = load_icon(name, palette)
    for mode, ink in ((QIcon.Mode.Normal, "#1a5fb4"), (QIcon.Mode.Disabled, "#c0bfbc")):
        inked = _inked(icon, mode)
        assert len(inked) > 20, (name, mode)
        assert all(_near(colour, QColor(ink)) for colour in inked), (name, mode)


def test_a_missing_icon_is_an_empty_one(qapp: QApplication) -> None:
    assert load_icon("no-such-icon", qapp.palette()).isNull()
