"""The map scene: builds its items from the model and keeps them in step with it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPalette, QTransform
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QToolTip,
    QWidget,
)

from scalpzone.domain.geometry import Point
from scalpzone.domain.regions import region_catalog
from scalpzone.ui.map.model import MapChange, MapModel, ZoneSelection
from scalpzone.ui.map.scene_items import (
    DateLabel,
    HandleItem,
    HeadItem,
    LineItem,
    MapLook,
    ZoneItem,
    ZoneLabel,
)
from scalpzone.ui.map.shapes import to_scene
from scalpzone.ui.map.tooltips import zone_tooltip
from scalpzone.ui.style.colours import MapColours
from scalpzone.ui.style.words import long_date

#: Room around the head, in scene units; the view fits exactly this.
FIT_MARGIN = 20.0

HAIRLINE = "hairline"
VERTEX = "vertex"


class MapScene(QGraphicsScene):
    """Every zone, the head, the hairline and editing aids, drawn from the model."""

    def __init__(
        self,
        model: MapModel,
        selection: ZoneSelection,
        palette: QPalette,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._selection = selection
        self.look = MapLook(MapColours.from_palette(palette))
        self._zones: dict[str, ZoneItem] = {}
        self._labels: dict[str, ZoneLabel] = {}
        self._label_scale = 1.0
        self._clashes: int | None = None  # names placed for _label_scale: how many still meet
        self._labels_visible = True
        self._compare = False
        self._compare_items: list[LineItem | DateLabel] = []
        self._handles: list[HandleItem] = []
        self._hairline_handles = False
        self._vertex_zone = ""
        self._chosen_vertex = -1
        self._current = ""

        self.head = HeadItem(region_catalog().head, self.look)
        # Kept as a pixmap: every click repaints the head under the zone it changed.
        self.head.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.addItem(self.head)
        self.hairline = LineItem(self.look.colours.hairline, 3.0, Qt.PenStyle.SolidLine, 15)
        self.addItem(self.hairline)
        self.draft = LineItem(self.look.colours.draft, 2.0, Qt.PenStyle.DashLine, 18)
        self.addItem(self.draft)
        self.setSceneRect(
            self.head.boundingRect().adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        )
        self.setBackgroundBrush(self.look.colours.background)
        self._rebuild_zones()
        self._show_hairline()
        model.mapChanged.connect(self._on_map_changed)
        selection.currentChanged.connect(self._on_current_changed)

    # Queries -----------------------------------------------------------------------------------

    def zone_item(self, zone_id: str) -> ZoneItem:
        """The item drawing this zone."""
        return self._zones[zone_id]

    def zone_at(self, pos: QPointF) -> str:
        """The topmost zone under a scene point, or ""."""
        for item in self.items(pos):
            if isinstance(item, ZoneItem):
                return item.zone_id
        return ""

    def handle_at(self, pos: QPointF, device: QTransform) -> HandleItem | None:
        """The editing handle under a point (handles keep their size on screen)."""
        for item in self.items(
            pos, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder, device
        ):
            if isinstance(item, HandleItem):
                return item
        return None

    def zone_ids_in_view_order(self) -> list[str]:
        """Zones as Tab visits them: presets front to back, then drawn zones."""
        return [z.id for z in self._model.scalp_map.zones]

    # Appearance --------------------------------------------------------------------------------

    def set_palette(self, palette: QPalette) -> None:
        """Recolour everything for a new palette (light/dark switch)."""
        self.look.colours = MapColours.from_palette(palette)
        colours = self.look.colours
        self.setBackgroundBrush(colours.background)
        self.hairline.set_colour(colours.hairline)
        self.draft.set_colour(colours.draft)
        for label in self._labels.values():
            label.refresh_colours()
        for handle in self._handles:
            handle.refresh_colours()
        self.head.update()  # its cached drawing
        self._show_compare()
        self.update()

    def set_fill_opacity(self, opacity: float) -> None:
        """How strongly zones are filled (0–1); outlines and hatching stay readable."""
        self.look.fill_opacity = opacity
        for item in self._zones.values():
            item.update()
        for label in self._labels.values():
            label.refresh_colours()

    def labels_visible(self) -> bool:
        """Whether the zones' names are shown."""
        return self._labels_visible

    def set_labels_visible(self, visible: bool) -> None:
        """Show or hide zone names on the map."""
        self._labels_visible = visible
        for label in self._labels.values():
            label.setVisible(visible)

    def set_compare(self, compare: bool) -> None:
        """Overlay the hairlines of earlier days, each with its date."""
        self._compare = compare
        self._show_compare()
        self.declutter()

    @property
    def comparing(self) -> bool:
        """Whether earlier hairlines are shown."""
        return self._compare

    # Editing aids ------------------------------------------------------------------------------

    def set_draft(self, points: Sequence[Point], *, closed: bool = False) -> None:
        """Show an outline being drawn."""
        self.draft.set_points(points, closed=closed)

    def show_hairline_handles(self, show: bool) -> None:
        """Show the hairline's points as draggable handles."""
        self._hairline_handles = show
        self._rebuild_handles()

    def show_vertex_handles(self, zone_id: str, chosen: int = -1) -> None:
        """Show a drawn zone's corners as handles ("" hides them); `chosen` is filled."""
        self._vertex_zone = zone_id
        self._chosen_vertex = chosen
        self._rebuild_handles()

    @property
    def vertex_zone(self) -> str:
        """The drawn zone whose corners are shown."""
        return self._vertex_zone

    @property
    def chosen_vertex(self) -> int:
        """The corner Delete removes, or -1."""
        return self._chosen_vertex

    def _rebuild_handles(self) -> None:
        for handle in self._handles:
            self.removeItem(handle)
        self._handles = []
        if self._hairline_handles:
            for i, point in enumerate(self._model.scalp_map.hairline):
                self._add_handle(HAIRLINE, i, point, chosen=False)
        zone_id = self._vertex_zone
        if zone_id and zone_id in self._model.scalp_map:
            polygon = self._model.zone(zone_id).polygon or ()
            if self._chosen_vertex >= len(polygon):
                self._chosen_vertex = -1
            for i, point in enumerate(polygon):
                self._add_handle(VERTEX, i, point, chosen=i == self._chosen_vertex)
        elif zone_id:
            self._vertex_zone = ""

    def _add_handle(self, kind: str, index: int, point: Point, *, chosen: bool) -> None:
        handle = HandleItem(kind, index, self.look)
        handle.setPos(to_scene(point))
        handle.set_chosen(chosen)
        self.addItem(handle)
        self._handles.append(handle)

    # Following the model -----------------------------------------------------------------------

    def _rebuild_zones(self) -> None:
        for item in self._zones.values():
            self.removeItem(item)
        for label in self._labels.values():
            self.removeItem(label)
        self._zones = {}
        self._labels = {}
        self._current = ""
        for zone in self._model.scalp_map.zones:
            self._add_zone(zone.id)
        self._on_current_changed(self._selection.current())

    def _add_zone(self, zone_id: str) -> None:
        zone = self._model.zone(zone_id)
        item = ZoneItem(zone, self.look, resting=self._model.block_until(zone_id) is not None)
        self.addItem(item)
        self._zones[zone_id] = item
        label = ZoneLabel(zone, self.look)
        label.setVisible(self._labels_visible)
        self.addItem(label)
        self._labels[zone_id] = label

    def declutter(self, scale: float | None = None) -> int:
        """Keep zone names off each other at this zoom (the view's scale); how many still meet.

        Without a scale the names are placed again at the last zoom (the zones, names or lines
        changed); at the zoom they were last placed for, nothing has moved and nothing is done
        (a window settling its layout fits the map several times at the same zoom).
        """
        from scalpzone.ui.map.declutter import place_labels  # noqa: PLC0415

        if scale is not None:
            if scale == self._label_scale and self._clashes is not None:
                return self._clashes
            self._label_scale = scale
        order = sorted(
            self._labels.values(), key=lambda label: self._model.zone(label.zone_id).is_custom
        )
        lines = [self.hairline.path()]
        lines += [item.path() for item in self._compare_items if isinstance(item, LineItem)]
        scale = self._label_scale
        dates = [
            QRectF(item.pos() * scale, item.boundingRect().size())
            for item in self._compare_items
            if isinstance(item, DateLabel)
        ]
        was = [label.transform() for label in order]
        self._clashes = place_labels(order, scale, lines, dates)
        if any(label.transform() != before for label, before in zip(order, was, strict=True)):
            # A name that ignores the zoom leaves its old place unpainted when it moves: redraw.
            for view in self.views():
                view.viewport().update()
        return self._clashes

    def _on_map_changed(self, change: MapChange) -> None:
        if change.reset and list(self._zones) == [z.id for z in self._model.scalp_map.zones]:
            # Another document with the same zones: redraw the items rather than rebuild them.
            change = MapChange(changed=frozenset(self._zones), hairline=True)
        # Names are placed again only when one may now meet another or a line: a zone added,
        # removed, renamed or reshaped, or the hairline moved (not for a new state or colour).
        names_moved = bool(change.reset or change.added or change.removed or change.hairline)
        if change.reset:
            self._rebuild_zones()
        else:
            for zone_id in change.removed:
                self.removeItem(self._zones.pop(zone_id))
                self.removeItem(self._labels.pop(zone_id))
            for zone_id in change.added:
                self._add_zone(zone_id)
            for zone_id in change.changed:
                zone = self._model.zone(zone_id)
                resting = self._model.block_until(zone_id) is not None
                self._zones[zone_id].set_zone(zone, resting=resting)
                names_moved |= self._labels[zone_id].set_zone(zone)
        if change.hairline:
            self._show_hairline()
            self._show_compare()
        if names_moved:
            self.declutter()
        if change.hairline or change.reset or self._vertex_zone in change.changed:
            self._rebuild_handles()
        elif self._vertex_zone in change.removed:
            self.show_vertex_handles("")

    def _on_current_changed(self, zone_id: str) -> None:
        previous = self._zones.get(self._current)
        if previous is not None:
            previous.set_current(False)
        self._current = zone_id
        item = self._zones.get(zone_id)
        if item is not None:
            item.set_current(True)

    def _show_hairline(self) -> None:
        self.hairline.set_points(self._model.scalp_map.hairline)

    def _show_compare(self) -> None:
        for item in self._compare_items:
            self.removeItem(item)
        self._compare_items = []
        if not self._compare:
            return
        colours = self.look.colours
        earlier = self._model.earlier_hairlines()
        for day, points in earlier:
            line = LineItem(colours.old_hairline, 2.0, Qt.PenStyle.DashLine, 14)
            line.set_points(points)
            label = DateLabel(long_date(day), to_scene(points[-1]) + QPointF(8, -8), colours.label)
            self._compare_items += [line, label]
        current = self._model.scalp_map.hairline
        if current:
            at = to_scene(current[-1]) + QPointF(8, 8)
            self._compare_items.append(DateLabel(self.tr("today"), at, colours.hairline))
        for item in self._compare_items:
            self.addItem(item)

    # Tooltips ----------------------------------------------------------------------------------

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """Build the zone's tooltip when it is asked for, so it is never out of date."""
        zone_id = self.zone_at(event.scenePos())
        if not zone_id:
            QToolTip.hideText()
            event.ignore()
            return
        view = event.widget()
        QToolTip.showText(event.screenPos(), zone_tooltip(self._model, zone_id), view)
        event.accept()
