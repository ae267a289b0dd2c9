"""Every text in every main view and dialog reaches WCAG AA contrast, in light and in dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from scalpzone.ui.style.appearance import dark_palette, light_palette
from tests.ui.conftest import WindowMaker
from tests.ui.contrast import contrast_failures, contrast_findings, ratio
from tests.ui.views import every_view, lived_in

pytestmark = pytest.mark.gui

PALETTES = {"light": light_palette, "dark": dark_palette}


def test_the_ratio_is_wcag_s() -> None:
    assert ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert ratio(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


def test_the_check_catches_faint_text(qtbot: QtBot) -> None:
    """The check itself can fail: grey on grey is found, black on white is not."""
    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    faint = QLabel("Next 7 days", box)
    faint.setObjectName("faint")
    faint.setStyleSheet("color: #b0b0b0; background: #c8c8c8;")
    plain = QLabel("Monday", box)
    plain.setObjectName("plain")
    plain.setStyleSheet("color: black; background: white;")
    layout.addWidget(faint)
    layout.addWidget(plain)
    box.show()
    qtbot.waitExposed(box)
    names = {f.where for f in contrast_failures(box)}
    assert names == {"faint"}
    assert {f.where for f in contrast_findings(box)} == {"faint", "plain"}


@pytest.mark.parametrize("palette", PALETTES)
def test_every_view_reads_in_both_palettes(
    qtbot: QtBot, make_window: WindowMaker, palette: str
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QPalette(app.palette())
    other = "dark" if palette == "light" else "light"
    app.setPalette(PALETTES[other]())
    try:
        # Built in the other palette and then switched, as View › Appearance does.
        window = make_window()
        lived_in(window)
        chosen = PALETTES[palette]()
        app.setPalette(chosen)
        window_colour = chosen.color(QPalette.ColorRole.Window)
        qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window) == window_colour)
        failures = []
        checked = 0
        for name, view in every_view(qtbot, window):
            findings = contrast_findings(view)
            assert findings, f"{name}: no text found to check"
            checked += len(findings)
            failures += [f"{name}: {f}" for f in findings if f.ratio < f.needed]
        assert checked > 100
        assert not failures, "\n".join(failures)
    finally:
        app.setPalette(original)
