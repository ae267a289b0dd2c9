"""The map view: zoom to the cursor, pan, keyboard access to zones, and the active tool."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QCursor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QMoveEvent,
    QPainter,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from scalpzone.ui.map.accessible import MapAccessibility, MapInterface, install_factory
from scalpzone.ui.map.editing import MapEditor
from scalpzone.ui.map.model import MapModel, ZoneSelection
from scalpzone.ui.map.scene import MapScene
from scalpzone.ui.map.tools import Pointer, Tool
from scalpzone.ui.widgets.accessible_parts import forget_interface

ZOOM_STEP = 1.25
ZOOM_MIN = 0.2
ZOOM_MAX = 12.0


class MapView(QGraphicsView):
    """Shows the map scene and turns input into tool actions, zoom and pan."""

    zoneMenuRequested = Signal(str, QPoint)  # zone id, global position

    def __init__(
        self,
        scene: MapScene,
        model: MapModel,
        selection: ZoneSelection,
        editor: MapEditor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(scene, parent)
        self._scene = scene
        self._model = model
        self._selection = selection
        self._editor = editor
        self._tool: Tool | None = None
        self._auto_fit = True
        self._refit_pending = False
        self._pointing = False  # the pointer moved over the map and has not left it
        self._pointer_at: QPointF | None = None
        self._top = 0  # the viewport's top in the window, to keep the map still when it moves
        self._space_held = False
        self._space_panned = False
        self._pan_from: QPointF | None = None
        self.editing_enabled = True
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        # A resize keeps the scroll position; _keep_still() then undoes any move of the top edge.
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setAccessibleName(self.tr("Scalp map"))
        self.setAccessibleDescription(
            self.tr(
                "Top-down diagram of your scalp, face at the top. Tab moves between zones; "
                "Space cycles healthy, thinning, bald; 1, 2 and 3 set them."
            )
        )
        self.setMinimumSize(320, 320)
        selection.currentChanged.connect(self._on_current_changed)
        # The zones are the map's accessible children (a screen reader hears the focused one).
        install_factory()
        self.accessibility = MapAccessibility(self, scene, model, selection, editor)
        self.accessibility.editing_enabled = lambda: self.editing_enabled
        forget_interface(self, unless=MapInterface)

    # Tools -------------------------------------------------------------------------------------

    @property
    def tool(self) -> Tool | None:
        """The active tool."""
        return self._tool

    def set_tool(self, tool: Tool) -> None:
        """Switch tools; the old one drops anything half-done."""
        if self._tool is tool:
            return
        if self._tool is not None:
            self._tool.deactivate()
        self._tool = tool
        tool.activate()
        self.viewport().setCursor(tool.cursor)

    def _pointer(self, event: QMouseEvent) -> Pointer:
        pos = self.mapToScene(event.position().toPoint())
        return Pointer(QPointF(pos), event, self.viewportTransform())

    # Zoom and pan ------------------------------------------------------------------------------

    def fit(self) -> None:
        """Show the whole head, and keep it fitted as the window resizes."""
        self._auto_fit = True
        self._refit_pending = False
        self._show_scroll_bars(False)
        head = self._scene.sceneRect()
        # Room around the head, so the view can scroll to keep the map still (see _keep_still).
        room = max(head.width(), head.height())
        self.setSceneRect(QRectF(head).adjusted(-room, -room, room, room))
        self.fitInView(head, Qt.AspectRatioMode.KeepAspectRatio)
        self._scene.declutter(self.transform().m11())

    def _show_scroll_bars(self, show: bool) -> None:
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if show else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom in (> 1) or out (< 1), keeping the point under `anchor` (or the centre) still."""
        current = self.transform().m11()
        factor = min(max(current * factor, ZOOM_MIN), ZOOM_MAX) / current
        self._auto_fit = False
        self._refit_pending = False
        self._show_scroll_bars(True)
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            self.scale(factor, factor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
            self._scene.declutter(self.transform().m11())
            return
        before = self.mapToScene(anchor)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(factor, factor)
        after = self.mapToScene(anchor)
        delta = after - before
        self.translate(delta.x(), delta.y())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._scene.declutter(self.transform().m11())

    @property
    def zoom(self) -> float:
        """Device pixels per scene unit."""
        return self.transform().m11()

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms to the cursor; the wheel alone scrolls."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.zoom_by(ZOOM_STEP**steps, event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the head fitted until the person zooms, but never under the pointer."""
        super().resizeEvent(event)
        self._keep_still()

    def moveEvent(self, event: QMoveEvent) -> None:
        """A note above the map came or went: the map stays where it is on screen."""
        super().moveEvent(event)
        self._keep_still()

    def _keep_still(self) -> None:
        """Notes above and below the map change its room; the map must not jump.

        While the pointer is over the map its scale stays and it scrolls by as much as its top
        edge moved, so every area stays under the same pixel. Elsewhere a fitted map refits to
        its room; a fit put off while the pointer was on the map happens when it leaves.
        """
        top = self.viewport().mapTo(self.window(), QPoint(0, 0)).y()
        moved, self._top = top - self._top, top
        if self._auto_fit and not self.pointer_on_map():
            self.fit()
            return
        if moved:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + moved)
        self._refit_pending = self._auto_fit

    def pointer_on_map(self) -> bool:
        """Whether the person is pointing at the map (moved the mouse onto it, still there).

        A pointer that only rests where the map appeared (at start-up) does not count.
        """
        viewport = self.viewport()
        inside = viewport.rect().contains(viewport.mapFromGlobal(QCursor.pos()))
        return self._pointing and viewport.isVisible() and inside

    def viewportEvent(self, event: QEvent) -> bool:
        """Follow the pointer: a fit put off while it was on the map happens when it leaves."""
        if isinstance(event, QMouseEvent) and event.type() == QEvent.Type.MouseMove:
            # Qt also sends moves when the map appears or moves under a still pointer.
            at = event.globalPosition()
            self._pointing |= self._pointer_at is not None and at != self._pointer_at
            self._pointer_at = at
        elif event.type() == QEvent.Type.MouseButtonPress:
            self._pointing = True
        elif event.type() == QEvent.Type.Leave:
            self._pointing = False
            if self._refit_pending:
                self.fit()
        return super().viewportEvent(event)

    def _pan(self, event: QMouseEvent) -> None:
        assert self._pan_from is not None
        delta = event.position() - self._pan_from
        self._pan_from = event.position()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - round(delta.x()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - round(delta.y()))

    # Mouse -------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Middle button or Space+drag pans; other presses go to the tool."""
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (self._space_held and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position()
            self._space_panned = True
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self._tool is not None and self.editing_enabled:
            self._tool.press(self._pointer(event))
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Pan, or let the tool follow the pointer (hover still works through the scene)."""
        if self._pan_from is not None:
            self._pan(event)
            event.accept()
            return
        super().mouseMoveEvent(event)
        if self._tool is not None and self.editing_enabled:
            self._tool.move(self._pointer(event))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """End a pan or let the tool finish a drag."""
        if self._pan_from is not None:
            self._pan_from = None
            cursor = self._tool.cursor if self._tool else Qt.CursorShape.ArrowCursor
            if self._space_held:
                cursor = Qt.CursorShape.OpenHandCursor
            self.viewport().setCursor(cursor)
            event.accept()
            return
        if self._tool is not None and self.editing_enabled:
            self._tool.release(self._pointer(event))
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click finishes a drawing."""
        if self._tool is not None and self.editing_enabled:
            self._tool.double_click(self._pointer(event))
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click (or the Menu key) opens the zone's menu."""
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            zone_id = self._scene.zone_at(self.mapToScene(event.pos()))
            if zone_id:
                self._selection.set_current(zone_id)
            at = event.globalPos()
        else:
            zone_id = self._selection.current()
            centre = self._scene.zone_item(zone_id).boundingRect().center() if zone_id else None
            at = self.viewport().mapToGlobal(self.mapFromScene(centre)) if centre else QPoint()
        if zone_id and self.editing_enabled:
            self.zoneMenuRequested.emit(zone_id, at)
        event.accept()

    # Keyboard ----------------------------------------------------------------------------------

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab walk the zones; past the last one, focus moves on."""
        if self._selection.step(forward):
            return True
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Coming in with Tab starts at the first zone, with Shift+Tab at the last."""
        super().focusInEvent(event)
        before = self._selection.current()
        reason = event.reason()
        if reason == Qt.FocusReason.TabFocusReason:
            ids = self._scene.zone_ids_in_view_order()
            self._selection.set_current(ids[0])
        elif reason == Qt.FocusReason.BacktabFocusReason:
            ids = self._scene.zone_ids_in_view_order()
            self._selection.set_current(ids[-1])
        if self._selection.current() == before:
            self.accessibility.announce_focus()  # a new current zone announced itself

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The tool's keys first; then Space (cycle, or pan while held with a drag)."""
        if self.editing_enabled and self._tool is not None and self._tool.key(event):
            event.accept()
            return
        if event.key() == Qt.Key.Key_Space and not event.modifiers():
            if not event.isAutoRepeat():
                self._space_held = True
                self._space_panned = False
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        """Space let go without a drag cycles the current zone."""
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_held:
            self._space_held = False
            self.viewport().setCursor(
                self._tool.cursor if self._tool else Qt.CursorShape.ArrowCursor
            )
            zone_id = self._selection.current()
            if not self._space_panned and zone_id and self.editing_enabled:
                self._editor.cycle_state(zone_id)
            event.accept()
            return
        super().keyReleaseEvent(event)

    # Following the selection -------------------------------------------------------------------

    def _on_current_changed(self, zone_id: str) -> None:
        if zone_id and not self._auto_fit:
            self.ensureVisible(self._scene.zone_item(zone_id), 30, 30)
