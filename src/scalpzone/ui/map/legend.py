"""The legend under the map, with the fill-opacity slider."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from scalpzone.domain.zones import ZoneState
from scalpzone.ui.map.zone_panel import swatch
from scalpzone.ui.style.colours import MapColours
from scalpzone.ui.style.words import severity_word

ICON = 14


class LegendBar(QWidget):
    """Swatches for every state (bald hatched as on the map) and how strongly zones are filled."""

    opacityChanged = Signal(float)

    def __init__(self, colours: MapColours, opacity: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Legend"))
        self._entries: list[tuple[QLabel, ZoneState, int]] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(6)
        items = [
            (ZoneState.HEALTHY, 1, self.tr("Healthy")),
            (ZoneState.THINNING, 1, self.tr("Thinning: {s}").format(s=severity_word(1))),
            (ZoneState.THINNING, 2, severity_word(2)),
            (ZoneState.THINNING, 3, severity_word(3)),
            (ZoneState.BALD, 1, self.tr("Bald (hatched)")),
        ]
        for state, severity, text in items:
            icon = QLabel(self)
            icon.setAccessibleName(text)
            self._entries.append((icon, state, severity))
            layout.addWidget(icon)
            label = QLabel(text, self)
            layout.addWidget(label)
            layout.addSpacing(6)
        layout.addStretch(1)
        opacity_label = QLabel(self.tr("&Fill:"), self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(15, 100)
        self.slider.setValue(round(opacity * 100))
        self.slider.setFixedWidth(110)
        self.slider.setAccessibleName(self.tr("Fill opacity"))
        self.slider.setToolTip(self.tr("How strongly zones are filled"))
        opacity_label.setBuddy(self.slider)
        self.slider.valueChanged.connect(lambda value: self.opacityChanged.emit(value / 100))
        layout.addWidget(opacity_label)
        layout.addWidget(self.slider)
        self.set_colours(colours)

    def set_colours(self, colours: MapColours) -> None:
        """Redraw the swatches for a palette."""
        for icon, state, severity in self._entries:
            icon.setPixmap(swatch(colours, state, severity, ICON).pixmap(ICON, ICON))
