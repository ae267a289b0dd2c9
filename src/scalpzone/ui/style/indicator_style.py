"""Check boxes and radio buttons that stay visible on a dark palette (see `IndicatorStyle`)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

#: Outlines of check boxes and radio buttons on a dark palette.
DARK_INDICATOR_EDGE = "#8a8d93"

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


class IndicatorStyle(QProxyStyle):
    """The app's style, with check boxes that stay visible on a dark palette.

    Fusion outlines check boxes and radio buttons in a shade darker than the window colour; on a
    dark palette that is the colour of the box itself and the box disappears. On a dark palette
    this draws them as if the window were light grey, so the outline reads; nothing else changes.
    """

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """Draw as the base style does, lightening the outline of indicators on dark palettes."""
        palette = option.palette
        if element in _INDICATORS and palette.color(QPalette.ColorRole.Window).lightness() < 110:
            lighter = QPalette(palette)
            # Fusion's outline is the window colour made 40 % darker.
            lighter.setColor(QPalette.ColorRole.Window, QColor(DARK_INDICATOR_EDGE).lighter(140))
            option.palette = lighter
            try:
                super().drawPrimitive(element, option, painter, widget)
            finally:
                option.palette = palette
            return
        super().drawPrimitive(element, option, painter, widget)
