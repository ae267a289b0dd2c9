"""Light, dark or the system's own palette, chosen in View › Appearance and remembered.

Qt only follows the desktop's dark mode where a platform theme reports it; many Linux desktops
(and a bare X server) do not, so the person can choose explicitly.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

SETTINGS_KEY = "view/appearance"


class Appearance(StrEnum):
    """The palette the app uses."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def light_palette() -> QPalette:
    """Fusion's standard light palette, with selection and quiet text dark enough to read.

    Fusion's own highlight (#308cc6) gives white text 3.7:1 and its placeholder grey 3.9:1;
    both are darkened to pass WCAG AA (4.5:1), which tests/ui/test_contrast.py checks.
    """
    style = QStyleFactory.create("Fusion")
    p = style.standardPalette()
    _set_active(p, QPalette.ColorRole.Highlight, "#2a6fb0")
    _set_active(p, QPalette.ColorRole.PlaceholderText, "#5f5f5f")
    return p


def _set_active(palette: QPalette, role: QPalette.ColorRole, colour: str) -> None:
    """The colour for a role in the active and inactive groups (disabled keeps its own)."""
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, role, QColor(colour))


def dark_palette() -> QPalette:
    """A calm dark palette with enough contrast for text and the map's outlines."""
    p = QPalette()
    role = QPalette.ColorRole
    colours = {
        role.Window: "#2b2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f2023",
        role.AlternateBase: "#27292c",
        role.ToolTipBase: "#3a3d41",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#a0a3a7",
        role.Text: "#e6e6e6",
        role.Button: "#35373b",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4d52",
        role.Midlight: "#3e4145",
        role.Mid: "#2f3134",
        role.Dark: "#151618",
        role.Shadow: "#000000",
        role.Highlight: "#2f6bc4",
        role.HighlightedText: "#ffffff",
        role.Link: "#6cb8ff",
        role.LinkVisited: "#b48ef0",
    }
    for r, colour in colours.items():
        p.setColor(r, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, QColor("#7b7e83"))
    p.setColor(disabled, role.Highlight, QColor("#45484d"))
    return p


class AppearanceSwitcher:
    """Applies a palette to the application; remembers the system's so it can go back to it."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._system = QPalette(app.palette())
        self.current = Appearance.SYSTEM

    def install_style(self) -> None:
        """Use `IndicatorStyle` (once the window is on screen: it is not needed before)."""
        from scalpzone.ui.style.indicator_style import IndicatorStyle  # noqa: PLC0415

        if not isinstance(self._app.style(), IndicatorStyle):
            self._app.setStyle(IndicatorStyle())
            # Setting a style puts back its palette; keep the one chosen.
            self.apply(self.current)

    def apply(self, appearance: Appearance) -> None:
        """Switch the whole application; every window redraws through its PaletteChange."""
        self.current = appearance
        if appearance is Appearance.LIGHT:
            self._app.setPalette(light_palette())
        elif appearance is Appearance.DARK:
            self._app.setPalette(dark_palette())
        else:
            self._app.setPalette(self._system)


def parse_appearance(value: object) -> Appearance:
    """A stored setting back to an Appearance; anything unknown means the system's."""
    try:
        return Appearance(str(value))
    except ValueError:
        return Appearance.SYSTEM
