"""The map's tools: mark zones, draw a zone, draw the hairline, edit a drawn zone's points.

The view hands each mouse and key event to the active tool; tools turn them into named edits on
the MapEditor and never touch the model themselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QTransform

from scalpzone.domain.geometry import EditRefusedError, Point, clamp_to_scalp, nearest_edge
from scalpzone.domain.regions import region_catalog
from scalpzone.ui.map.editing import MapEditor
from scalpzone.ui.map.model import ZoneSelection
from scalpzone.ui.map.scene import HAIRLINE, VERTEX, MapScene
from scalpzone.ui.map.shapes import to_map, to_scene

#: How close, in screen pixels, a click must be to a point or an edge to pick it.
PICK_PIXELS = 10.0


def tr(text: str) -> str:
    """Translate a user-visible text in this module's context."""
    return QCoreApplication.translate("MapTools", text)


def _on_scalp(pos: QPointF) -> Point:
    """A scene point as a map point on the scalp: past the edge, the nearest point of the edge."""
    return clamp_to_scalp(to_map(pos), region_catalog().head.scalp)


class Feedback(Protocol):
    """Where tools tell the person what happened or why something was refused."""

    def show_message(self, text: str) -> None:
        """A short note that something worked."""

    def show_problem(self, text: str) -> None:
        """A short note that something was refused, and why."""


class Gestures(Protocol):
    """Told when a drag starts and ends, so a drag is saved once, when it is over."""

    def begin_gesture(self) -> None:
        """A drag started."""

    def end_gesture(self) -> None:
        """The drag ended."""


@dataclass(frozen=True, slots=True)
class ToolContext:
    """What every tool works with."""

    scene: MapScene
    editor: MapEditor
    selection: ZoneSelection
    feedback: Feedback
    gestures: Gestures
    #: Called when a one-off job (the hairline) is done: the map goes back to marking areas.
    done: Callable[[], None] = lambda: None


@dataclass(frozen=True, slots=True)
class Pointer:
    """A mouse event as tools see it: where in the scene, which button, and the view's mapping."""

    pos: QPointF
    event: QMouseEvent
    device: QTransform

    @property
    def button(self) -> Qt.MouseButton:
        """The button that was pressed or released."""
        return self.event.button()

    def pixels_to(self, point: Point) -> float:
        """Screen distance from the pointer to a map point."""
        here = self.device.map(self.pos)
        there = self.device.map(to_scene(point))
        return math.dist((here.x(), here.y()), (there.x(), there.y()))


class Tool:
    """A tool that ignores everything; subclasses handle what they need."""

    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, context: ToolContext) -> None:
        self.ctx = context

    def activate(self) -> None:
        """The tool was chosen."""

    def deactivate(self) -> None:
        """Another tool was chosen; drop anything half-done."""

    def press(self, pointer: Pointer) -> None:
        """A mouse button went down."""

    def move(self, pointer: Pointer) -> None:
        """The mouse moved."""

    def release(self, pointer: Pointer) -> None:
        """A mouse button came up."""

    def double_click(self, pointer: Pointer) -> None:
        """A double-click."""

    def key(self, event: QKeyEvent) -> bool:
        """A key was pressed; True when the tool used it."""
        return False


class MarkTool(Tool):
    """Click a zone to cycle it healthy → thinning → bald → healthy."""

    def press(self, pointer: Pointer) -> None:
        """Make the zone under the pointer current and cycle its state."""
        if pointer.button != Qt.MouseButton.LeftButton:
            return
        zone_id = self.ctx.scene.zone_at(pointer.pos)
        self.ctx.selection.set_current(zone_id)
        if zone_id:
            self.ctx.editor.cycle_state(zone_id)

    def double_click(self, pointer: Pointer) -> None:
        """The second click of a quick pair is a click too: two clicks make a zone bald."""
        self.press(pointer)


class _PointsTool(Tool):
    """Shared by the two drawing tools: click to add points, Backspace, Esc, Enter."""

    cursor = Qt.CursorShape.CrossCursor
    least = 2

    def __init__(self, context: ToolContext) -> None:
        super().__init__(context)
        self.points: list[Point] = []
        self._hover: Point | None = None

    def deactivate(self) -> None:
        """Drop the outline being drawn."""
        self.cancel()

    def cancel(self) -> None:
        """Forget the points drawn so far."""
        self.points = []
        self._hover = None
        self._show()

    def _show(self) -> None:
        shown = self.points + ([self._hover] if self._hover and self.points else [])
        self.ctx.scene.set_draft(shown)

    def add_point(self, point: Point) -> None:
        """Add a point at the end."""
        if not self.points or self.points[-1] != point:
            self.points.append(point)
        self._show()

    def move(self, pointer: Pointer) -> None:
        """Draw a rubber band to the pointer."""
        self._hover = to_map(pointer.pos)
        if self.points:
            self._show()

    def double_click(self, pointer: Pointer) -> None:
        """Finish; the point is placed unless the press just before already placed it."""
        if pointer.button != Qt.MouseButton.LeftButton:
            return
        self.add_point(self._place(pointer))
        if len(self.points) >= self.least:
            self.finish()

    def _place(self, pointer: Pointer) -> Point:
        """Where a click puts a point."""
        return to_map(pointer.pos)

    def key(self, event: QKeyEvent) -> bool:
        """Enter finishes, Backspace drops the last point, Esc cancels."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.points:
            self.finish()
            return True
        if key == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self._show()
            return True
        if key == Qt.Key.Key_Escape and self.points:
            self.cancel()
            self.ctx.feedback.show_message(tr("Drawing cancelled."))
            return True
        return False

    def finish(self) -> None:
        """Turn the points into an edit."""
        raise NotImplementedError


class ZoneDrawTool(_PointsTool):
    """Click the corners of a zone; double-click, Enter or a click on the first point closes."""

    least = 3

    def press(self, pointer: Pointer) -> None:
        """Add a corner, or close the outline on its first point."""
        if pointer.button != Qt.MouseButton.LeftButton:
            return
        if len(self.points) >= 3 and pointer.pixels_to(self.points[0]) <= PICK_PIXELS:
            self.finish()
            return
        self.add_point(to_map(pointer.pos))

    def finish(self) -> None:
        """Add the zone, or say why the outline was refused and keep it for fixing."""
        try:
            zone_id = self.ctx.editor.add_zone(self.points)
        except EditRefusedError as refusal:
            self.ctx.feedback.show_problem(str(refusal))
            return
        self.cancel()
        self.ctx.selection.set_current(zone_id)
        name = self.ctx.scene.zone_item(zone_id).zone.display_name
        self.ctx.feedback.show_message(
            tr("Added {zone}. Right-click it to rename it or set its state.").format(zone=name)
        )


class HairlineTool(_PointsTool):
    """Click along the hairline and press Enter; drag its points to adjust it."""

    def __init__(self, context: ToolContext) -> None:
        super().__init__(context)
        self._dragging = -1
        self._gesture = 0

    def activate(self) -> None:
        """Show the hairline's handles."""
        self.ctx.scene.show_hairline_handles(True)

    def deactivate(self) -> None:
        """Hide the handles and drop a half-drawn line."""
        super().deactivate()
        self.ctx.scene.show_hairline_handles(False)

    def press(self, pointer: Pointer) -> None:
        """Grab a hairline point, or add a point to a new hairline."""
        if pointer.button != Qt.MouseButton.LeftButton:
            return
        handle = self.ctx.scene.handle_at(pointer.pos, pointer.device)
        if not self.points and handle is not None and handle.kind == HAIRLINE:
            self._dragging = handle.index
            self._gesture = self.ctx.editor.new_gesture()
            self.ctx.gestures.begin_gesture()
            return
        self.add_point(self._place(pointer))

    def _place(self, pointer: Pointer) -> Point:
        """Hairline points stay on the scalp."""
        return _on_scalp(pointer.pos)

    def move(self, pointer: Pointer) -> None:
        """Drag a point, or draw the rubber band."""
        if self._dragging < 0:
            super().move(pointer)
            return
        point = _on_scalp(pointer.pos)
        self.ctx.editor.move_hairline_point(self._dragging, point, self._gesture)

    def release(self, pointer: Pointer) -> None:
        """End a drag."""
        if self._dragging >= 0:
            self._dragging = -1
            self.ctx.gestures.end_gesture()

    def finish(self) -> None:
        """Make the drawn line the hairline."""
        try:
            self.ctx.editor.set_hairline(self.points)
        except EditRefusedError as refusal:
            self.ctx.feedback.show_problem(str(refusal))
            return
        self.cancel()
        self.ctx.done()
        self.ctx.feedback.show_message(
            tr(
                "Hairline saved; clicks mark areas again. To adjust the hairline, choose Draw "
                "hairline (H) and drag its points."
            )
        )


class VertexTool(Tool):
    """Reshape drawn zones: drag a corner, Alt+click an edge to add one, Delete removes one."""

    def __init__(self, context: ToolContext) -> None:
        super().__init__(context)
        self._dragging = -1
        self._gesture = 0
        self._refused = False

    def activate(self) -> None:
        """Show the corners of the current zone if it is a drawn one."""
        self.ctx.selection.currentChanged.connect(self._follow)
        self._follow(self.ctx.selection.current())

    def deactivate(self) -> None:
        """Hide the corners."""
        self.ctx.selection.currentChanged.disconnect(self._follow)
        self.ctx.scene.show_vertex_handles("")

    def _follow(self, zone_id: str) -> None:
        custom = bool(zone_id) and self.ctx.scene.zone_item(zone_id).zone.is_custom
        if zone_id != self.ctx.scene.vertex_zone:
            self.ctx.scene.show_vertex_handles(zone_id if custom else "")

    def press(self, pointer: Pointer) -> None:
        """Grab a corner, add one on an edge (Alt), or choose the zone under the pointer."""
        if pointer.button != Qt.MouseButton.LeftButton:
            return
        scene = self.ctx.scene
        handle = scene.handle_at(pointer.pos, pointer.device)
        if handle is not None and handle.kind == VERTEX:
            scene.show_vertex_handles(scene.vertex_zone, handle.index)
            self._dragging = handle.index
            self._gesture = self.ctx.editor.new_gesture()
            self._refused = False
            self.ctx.gestures.begin_gesture()
            return
        alt = bool(pointer.event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if alt and scene.vertex_zone and self._insert(pointer):
            return
        zone_id = scene.zone_at(pointer.pos)
        self.ctx.selection.set_current(zone_id)
        if zone_id and not scene.zone_item(zone_id).zone.is_custom:
            self.ctx.feedback.show_message(
                tr("Preset regions keep their shape. Draw your own zone to shape it freely.")
            )

    def _insert(self, pointer: Pointer) -> bool:
        zone_id = self.ctx.scene.vertex_zone
        polygon = self.ctx.scene.zone_item(zone_id).zone.polygon or ()
        edge, foot, _ = nearest_edge(polygon, to_map(pointer.pos), closed=True)
        if pointer.pixels_to(foot) > PICK_PIXELS:
            return False
        try:
            index = self.ctx.editor.insert_vertex(zone_id, edge, _on_scalp(pointer.pos))
        except EditRefusedError as refusal:
            self.ctx.feedback.show_problem(str(refusal))
            return True
        self.ctx.scene.show_vertex_handles(zone_id, index)
        return True

    def move(self, pointer: Pointer) -> None:
        """Drag the grabbed corner; a move that would cross the outline is not made."""
        if self._dragging < 0:
            return
        point = _on_scalp(pointer.pos)
        try:
            self.ctx.editor.move_vertex(
                self.ctx.scene.vertex_zone, self._dragging, point, self._gesture
            )
        except EditRefusedError as refusal:
            if not self._refused:
                self.ctx.feedback.show_problem(str(refusal))
            self._refused = True

    def release(self, pointer: Pointer) -> None:
        """End the drag."""
        if self._dragging >= 0:
            self._dragging = -1
            self.ctx.gestures.end_gesture()

    def key(self, event: QKeyEvent) -> bool:
        """Delete (or Backspace) removes the chosen corner; Esc lets go of it."""
        scene = self.ctx.scene
        chosen = scene.chosen_vertex
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and chosen >= 0:
            try:
                self.ctx.editor.remove_vertex(scene.vertex_zone, chosen)
            except EditRefusedError as refusal:
                self.ctx.feedback.show_problem(str(refusal))
                return True
            scene.show_vertex_handles(scene.vertex_zone, -1)
            return True
        if event.key() == Qt.Key.Key_Escape and chosen >= 0:
            scene.show_vertex_handles(scene.vertex_zone, -1)
            return True
        return False
