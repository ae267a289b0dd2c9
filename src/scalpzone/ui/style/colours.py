"""The map's colours, derived from the widget palette so the diagram reads in light and dark."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from scalpzone.domain.zones import ZoneState


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """`amount` of the way from colour a to colour b."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
        1.0,
    )


def is_dark(palette: QPalette) -> bool:
    """Whether the palette draws light text on a dark window."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@dataclass(frozen=True, slots=True)
class MapColours:
    """Every colour the diagram uses; thinning gets stronger per severity, bald is also hatched."""

    background: QColor
    skin: QColor
    skin_edge: QColor
    zone_edge: QColor
    label: QColor
    healthy: QColor
    thinning: tuple[QColor, QColor, QColor]
    bald: QColor
    hatch: QColor
    custom_edge: QColor
    hover: QColor
    current: QColor
    hairline: QColor
    old_hairline: QColor
    draft: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> MapColours:
        """Colours for this palette: neutral parts from its roles, state hues kept recognisable."""
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        dark = is_dark(palette)
        if dark:
            skin = mix(base, QColor("#c9a48a"), 0.28)
            thinning_hue = QColor("#f2a93b")
            thinning = (
                mix(base, thinning_hue, 0.38),
                mix(base, thinning_hue, 0.66),
                thinning_hue,
            )
            bald = QColor("#c2413f")
            hatch = QColor(20, 8, 8, 220)
            hairline = QColor("#6cb8ff")
        else:
            skin = mix(base, QColor("#e6cdb8"), 0.5)
            thinning_hue = QColor("#e07b10")
            thinning = (
                mix(base, QColor("#f2b01e"), 0.42),
                mix(base, thinning_hue, 0.58),
                thinning_hue,
            )
            bald = QColor("#b3261e")
            hatch = QColor(255, 255, 255, 230)
            hairline = QColor("#1565c0")
        return cls(
            background=palette.color(QPalette.ColorRole.Base),
            skin=skin,
            skin_edge=mix(skin, text, 0.55),
            zone_edge=mix(base, text, 0.42),
            label=text,
            healthy=mix(base, text, 0.09),
            thinning=thinning,
            bald=bald,
            hatch=hatch,
            custom_edge=mix(text, highlight, 0.5),
            hover=mix(highlight, text, 0.25),
            current=highlight,
            hairline=hairline,
            old_hairline=mix(base, text, 0.5),
            draft=highlight,
        )

    def fill(self, state: ZoneState, severity: int) -> QColor:
        """The fill for a zone in this state."""
        if state is ZoneState.BALD:
            return self.bald
        if state is ZoneState.THINNING:
            return self.thinning[min(max(severity, 1), 3) - 1]
        return self.healthy
