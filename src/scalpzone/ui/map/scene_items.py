"""What the map scene draws: the head, the zones, labels, the hairline, handles and drafts.

Items are drawings only; they hold a copy of what to draw and never change the model.
Pens are cosmetic, so lines stay one crisp width at any zoom and on HiDPI screens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSimpleTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from scalpzone.domain.geometry import Point
from scalpzone.domain.regions import HeadDiagram
from scalpzone.domain.zones import Zone, ZoneState
from scalpzone.ui.map.shapes import polygon_path, polyline_path, scalp_path, to_scene
from scalpzone.ui.style.block_mark import block_brush, paint_block_sign
from scalpzone.ui.style.colours import MapColours, mix

#: Handles are this many device pixels across, whatever the zoom.
HANDLE_SIZE = 9.0
#: The radius of a blocked zone's pause sign, in screen pixels.
BLOCK_SIGN_PIXELS = 7.0
#: How far a zone name's halo reaches beyond its letters, in screen pixels.
HALO = 1.0


@dataclass(slots=True)
class MapLook:
    """How the map is drawn right now; shared by every item and changed by the scene."""

    colours: MapColours
    fill_opacity: float = 0.85


def cosmetic_pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    """A pen whose width is in device pixels, not scene units."""
    pen = QPen(colour, width, style, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(True)
    return pen


def with_alpha(colour: QColor, alpha: float) -> QColor:
    """The colour at this opacity (0–1) times its own."""
    out = QColor(colour)
    out.setAlphaF(max(0.0, min(1.0, colour.alphaF() * alpha)))
    return out


class HeadItem(QGraphicsItem):
    """The head seen from above: outline, ears, nose, and the L and R marks."""

    def __init__(self, head: HeadDiagram, look: MapLook) -> None:
        super().__init__()
        self._look = look
        self._outline = polygon_path(head.outline)
        self._landmarks = QPainterPath()
        for part in (head.nose, head.ear_left, head.ear_right):
            self._landmarks.addPath(polygon_path(part))
        self._labels = ((to_scene(head.label_left), "L"), (to_scene(head.label_right), "R"))
        bounds = self._outline.boundingRect().united(self._landmarks.boundingRect())
        for centre, _ in self._labels:
            bounds = bounds.united(QRectF(centre.x() - 40, centre.y() - 40, 80, 80))
        self._bounds = bounds.adjusted(-4, -4, 4, 4)
        self.setZValue(-10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        """The head, ears, nose and labels."""
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Skin-toned landmarks under the zones, the outline and the side letters."""
        colours = self._look.colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(cosmetic_pen(colours.skin_edge, 1.4))
        painter.setBrush(colours.skin)
        painter.drawPath(self._landmarks)
        painter.drawPath(self._outline)
        font = QFont()
        font.setPixelSize(44)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(colours.label)
        for centre, letter in self._labels:
            box = QRectF(centre.x() - 40, centre.y() - 40, 80, 80)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, letter)


class ZoneItem(QGraphicsPathItem):
    """One zone drawn in its state's colour; bald zones are hatched, blocked ones lined and
    marked with a pause sign."""

    def __init__(self, zone: Zone, look: MapLook, *, resting: bool = False) -> None:
        super().__init__()
        self._look = look
        self.zone_id = zone.id
        self._zone = zone
        self._resting = resting
        self._hovered = False
        self._current = False
        self.setAcceptHoverEvents(True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1 if zone.is_custom else 0)
        self._set_path(zone)

    @property
    def zone(self) -> Zone:
        """The zone as last drawn."""
        return self._zone

    def _set_path(self, zone: Zone) -> None:
        path = polygon_path(zone.outline)
        if zone.is_custom:
            path = path.intersected(scalp_path())
        self.setPath(path)

    def set_zone(self, zone: Zone, *, resting: bool = False) -> None:
        """Draw the zone as it is now (`resting`: blocked today)."""
        if zone.outline != self._zone.outline:
            self._set_path(zone)
        self._zone = zone
        self._resting = resting
        self.update()

    def set_current(self, current: bool) -> None:
        """Ring the zone the person is working on."""
        self._current = current
        self._raise()
        self.update()

    def _raise(self) -> None:
        base = 1 if self._zone.is_custom else 0
        self.setZValue(base + (0.5 if self._current else 0) + (0.25 if self._hovered else 0))

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Highlight under the pointer."""
        self._hovered = True
        self._raise()
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        """Drop the highlight."""
        self._hovered = False
        self._raise()
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Fill, hatch, outline, and the highlight rings."""
        colours = self._look.colours
        zone = self._zone
        path = self.path()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        fill = colours.fill(zone.state, zone.severity)
        if self._hovered:
            fill = fill.lighter(112) if fill.lightness() < 128 else fill.darker(106)
        painter.setBrush(with_alpha(fill, self._look.fill_opacity))
        painter.drawPath(path)
        if zone.state is ZoneState.BALD:
            hatch = QBrush(
                with_alpha(colours.hatch, max(self._look.fill_opacity, 0.6)),
                Qt.BrushStyle.BDiagPattern,
            )
            painter.setBrush(hatch)
            painter.drawPath(path)
        blocked = self._resting
        if blocked:
            # Resting: lines across the area, and a pause sign under its name (drawn, no font).
            painter.setBrush(block_brush(with_alpha(colours.label, 0.55)))
            painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        edge = colours.custom_edge if zone.is_custom else colours.zone_edge
        style = Qt.PenStyle.DashLine if blocked else Qt.PenStyle.SolidLine
        painter.setPen(cosmetic_pen(edge, 1.6 if zone.is_custom else 1.0, style))
        painter.drawPath(path)
        if self._current:
            painter.setPen(cosmetic_pen(colours.current, 3.0))
            painter.drawPath(path)
        elif self._hovered:
            painter.setPen(cosmetic_pen(colours.hover, 2.0))
            painter.drawPath(path)
        if blocked:
            self._paint_sign(painter)

    def _paint_sign(self, painter: QPainter) -> None:
        """The pause sign, the same size on screen at any zoom, just under the zone's name."""
        scale = painter.worldTransform().m11() or 1.0
        centre = to_scene(self._zone.centre)
        radius = BLOCK_SIGN_PIXELS / scale
        at = QPointF(centre.x(), centre.y() + (BLOCK_SIGN_PIXELS + 8) / scale)
        colours = self._look.colours
        paint_block_sign(painter, at, radius, colours.label, colours.background)


class ZoneLabel(QGraphicsSimpleTextItem):
    """A zone's name at its label point, the same size on screen at any zoom."""

    def __init__(self, zone: Zone, look: MapLook) -> None:
        super().__init__()
        self._look = look
        self.zone_id = zone.id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        font = QFont()
        font.setPixelSize(11)
        self.setFont(font)
        # Kept with the text: the scene asks each name for it many times a paint.
        self._bounds = self._letters_and_halo()
        # Above the outlines and the hairline, on a halo of the colour behind it (see paint).
        self.setZValue(17)
        # Drawn once into a pixmap of its own and copied from it after: a click on a large
        # area repaints every name over it, and laying out and filling letters and halo each
        # time was a third of that paint. A change of text, colour or palette calls update(),
        # which draws it again.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._halo = QColor()
        # The halo's outline, made once per name (stroking the letters each paint is slow).
        self._halo_text = ""
        self._halo_path = QPainterPath()
        self.set_zone(zone)

    def set_zone(self, zone: Zone) -> bool:
        """Show the zone's current name at its centre; whether the name or its place changed
        (only then may it meet other names where it did not before)."""
        renamed = zone.display_name != self.text()
        if renamed:
            self.setText(zone.display_name)
            self._bounds = self._letters_and_halo()
            centre = self.boundingRect().center()
            # With ItemIgnoresTransformations this offset is in pixels: centre the text on it.
            self.setTransform(QTransform.fromTranslate(-centre.x(), -centre.y()))
        at = to_scene(zone.centre)
        moved = at != self.pos()
        if moved:
            self.setPos(at)
        self._zone = zone
        self.refresh_colours()
        return renamed or moved

    def refresh_colours(self) -> None:
        """Dark text on light fills and light text on dark ones, whatever the palette."""
        colours = self._look.colours
        fill = colours.fill(self._zone.state, self._zone.severity)
        shown = mix(colours.background, fill, self._look.fill_opacity)
        self.setBrush(QColor("#111111") if shown.lightnessF() > 0.55 else QColor("#f2f2f2"))
        self.setPen(Qt.PenStyle.NoPen)
        self._halo = shown
        self.update()

    def boundingRect(self) -> QRectF:
        """The text and its halo."""
        return QRectF(self._bounds)  # a copy: the caller may change it

    def _letters_and_halo(self) -> QRectF:
        return super().boundingRect().adjusted(-HALO, -HALO, HALO, HALO)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """A line that passes under a name (an outline, the hairline) stops short of its
        letters: the text sits on a thin halo of the colour of its area."""
        if self._halo_text != self.text():
            self._halo_text = self.text()
            self._halo_path = halo_path(self.text(), self.font())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(self._halo_path, self._halo)
        painter.restore()
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt takes None


def halo_path(text: str, font: QFont) -> QPainterPath:
    """The band `HALO` wide around each letter of `text`, filled to draw a name's halo (the
    same pixels as stroking the letters' outline with a round pen `2 * HALO` wide)."""
    outline = QPainterPath()
    outline.addText(QPointF(0, QFontMetricsF(font).ascent()), font, text)
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * HALO)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return stroker.createStroke(outline)


class HandleItem(QGraphicsEllipseItem):
    """A draggable point: a hairline point or a corner of a drawn zone."""

    def __init__(self, kind: str, index: int, look: MapLook) -> None:
        half = HANDLE_SIZE / 2
        super().__init__(-half, -half, HANDLE_SIZE, HANDLE_SIZE)
        self.kind = kind
        self.index = index
        self._look = look
        self._selected = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(20)
        self.refresh_colours()

    def set_chosen(self, chosen: bool) -> None:
        """Fill the handle the Delete key would remove."""
        self._selected = chosen
        self.refresh_colours()

    def refresh_colours(self) -> None:
        """Follow the palette."""
        colours = self._look.colours
        self.setPen(cosmetic_pen(colours.current, 1.6))
        self.setBrush(colours.current if self._selected else colours.background)


class LineItem(QGraphicsPathItem):
    """An open line in one colour: the hairline, an earlier hairline, or a draft outline."""

    def __init__(self, colour: QColor, width: float, style: Qt.PenStyle, z: float) -> None:
        super().__init__()
        self.setPen(cosmetic_pen(colour, width, style))
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(z)

    def set_points(self, points: Sequence[Point], *, closed: bool = False) -> None:
        """Draw through these map points."""
        path = polyline_path(points)
        if closed and len(points) > 2:
            path.closeSubpath()
        self.setPath(path)

    def set_colour(self, colour: QColor) -> None:
        """Recolour, keeping width and dash."""
        pen = self.pen()
        pen.setColor(colour)
        self.setPen(pen)


class DateLabel(QGraphicsSimpleTextItem):
    """The date next to an earlier hairline, constant in size on screen."""

    def __init__(self, text: str, at: QPointF, colour: QColor) -> None:
        super().__init__(text)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        font = QFont()
        font.setPixelSize(11)
        self.setFont(font)
        self.setBrush(colour)
        self.setPos(at)
        self.setZValue(16)
