"""The map's zones as accessible objects: what a screen reader finds inside the scalp map.

Qt's accessibility knows widgets, not scene items, so each zone gets a `ZoneHandle`: a small
hidden widget that stands for the zone. A factory gives the map an interface whose children
are the zones (role list item, the zone's name, its state in plain words, actions to cycle or
set the state), and `MapAccessibility` raises the events a screen reader follows: focus when the
current zone changes, description changes when a zone's state or plan changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QGraphicsView, QWidget
from shiboken6 import isValid

from scalpzone.domain.zones import ZoneState
from scalpzone.ui.map.editing import MapEditor
from scalpzone.ui.map.model import MapChange, MapModel, ZoneSelection
from scalpzone.ui.map.scene import MapScene
from scalpzone.ui.map.tooltips import state_text, tr
from scalpzone.ui.style.words import short_day
from scalpzone.ui.widgets.accessible_parts import LeafInterface
from scalpzone.ui.widgets.accessible_parts import install_factory as install_leaf_factory

CYCLE = "Cycle state"
SET = {
    ZoneState.HEALTHY: "Set healthy",
    ZoneState.THINNING: "Set thinning",
    ZoneState.BALD: "Set bald",
}
KEYS = {CYCLE: "Space", SET[ZoneState.HEALTHY]: "1", SET[ZoneState.THINNING]: "2", "Set bald": "3"}


def zone_state_sentence(model: MapModel, zone_id: str) -> str:
    """ "thinning, mild; last treated never; next planned Mon 30 Nov" in plain words."""
    state = state_text(model, zone_id)
    last = model.last_treated(zone_id)
    parts = [
        state[:1].lower() + state[1:],
        tr("last treated {day}").format(day=short_day(last) if last else tr("never")),
    ]
    planned = model.next_planned(zone_id)
    if planned is not None:
        parts.append(tr("next planned {day}").format(day=short_day(planned)))
    return "; ".join(parts)


class ZoneHandle(QWidget):
    """A hidden stand-in for one zone, so accessibility has an object per zone."""

    def __init__(self, zone_id: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.zone_id = zone_id
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.hide()


class MapAccessibility(QObject):
    """Keeps one ZoneHandle per zone and tells assistive tools what changed."""

    def __init__(
        self,
        view: QGraphicsView,
        scene: MapScene,
        model: MapModel,
        selection: ZoneSelection,
        editor: MapEditor,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.scene = scene
        self.model = model
        self.selection = selection
        self.editor = editor
        self.editing_enabled: Callable[[], bool] = lambda: True
        self.handles: dict[str, ZoneHandle] = {}
        # What was last told, so only what a person would hear differently raises an event.
        self._told: dict[str, tuple[str, str]] = {}
        self._facts: dict[str, tuple[object, ...]] = {}  # what each zone's told words came from
        # A map edit, then the new plan, change a zone's words twice in one go: told once.
        self._tell_timer = _zero_timer(self, self._tell_changes)
        self._focus_timer = _zero_timer(self, self._announce_focus_now)
        self._sync()
        model.mapChanged.connect(self._on_map_changed)
        model.planChanged.connect(self._on_plan_changed)
        selection.currentChanged.connect(self._on_current_changed)

    def ordered(self) -> list[ZoneHandle]:
        """The handles in the order Tab visits the zones."""
        return [self.handles[z] for z in self.scene.zone_ids_in_view_order() if z in self.handles]

    def focused_zone(self) -> str:
        """The current zone when the map has the keyboard focus, else ""."""
        return self.selection.current() if self.view.hasFocus() else ""

    def announce_focus(self) -> None:
        """Tell assistive tools the focus sits on the current zone.

        Told once control is back in the event loop: after Qt's own focus event for the map
        (when Tab has just brought the focus in), which would otherwise come second and win.
        """
        self._focus_timer.start()

    def _announce_focus_now(self) -> None:
        zone_id = self.focused_zone()
        if zone_id in self.handles:
            _notify(self.handles[zone_id], QAccessible.Event.Focus)

    def do(self, zone_id: str, action: str) -> None:
        """Carry out a zone's accessible action."""
        if zone_id not in self.model.scalp_map:
            return
        if action == QAccessibleWidget.setFocusAction():
            self.selection.set_current(zone_id)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.editing_enabled():
            return
        if action == CYCLE:
            self.editor.cycle_state(zone_id)
        for state, name in SET.items():
            if action == name:
                self.editor.set_state(zone_id, state)

    def _sync(self) -> None:
        wanted = [z.id for z in self.model.scalp_map.zones]
        for zone_id in [z for z in self.handles if z not in wanted]:
            handle = self.handles.pop(zone_id)
            self._told.pop(zone_id, None)
            self._facts.pop(zone_id, None)
            _notify(handle, QAccessible.Event.ObjectDestroyed)
            handle.deleteLater()
        for zone_id in wanted:
            if zone_id not in self.handles:
                self.handles[zone_id] = ZoneHandle(zone_id, self.view)
                self._told[zone_id] = (
                    self.model.zone(zone_id).display_name,
                    zone_state_sentence(self.model, zone_id),
                )
                _notify(self.handles[zone_id], QAccessible.Event.ObjectCreated)

    def _on_map_changed(self, change: MapChange) -> None:
        if change.added or change.removed or change.reset:
            self._sync()
        self._tell_timer.start()

    def _on_plan_changed(self) -> None:
        self._tell_timer.start()  # "next planned" may have moved for any zone

    def _tell_changes(self) -> None:
        model = self.model
        today = model.today()  # with the zone, what its block is (see MapModel.block_until)
        for zone_id, handle in self.handles.items():
            if zone_id not in model.scalp_map:
                continue  # removed since; the handle goes with the next map change
            zone = model.zone(zone_id)
            # What the words are made of: a zone whose facts are unchanged keeps its words, so
            # a click words only the zones it (or the new plan) touched.
            facts = (zone, today, model.last_treated(zone_id), model.next_planned(zone_id))
            if self._facts.get(zone_id) == facts and zone_id in self._told:
                continue
            self._facts[zone_id] = facts
            name = zone.display_name
            sentence = zone_state_sentence(model, zone_id)
            told = self._told.get(zone_id)
            self._told[zone_id] = (name, sentence)
            if told is None:
                continue
            if told[0] != name:
                _notify(handle, QAccessible.Event.NameChanged)
            if told[1] != sentence:
                _notify(handle, QAccessible.Event.DescriptionChanged)

    def _on_current_changed(self, zone_id: str) -> None:
        if zone_id in self.handles:
            _notify(self.handles[zone_id], QAccessible.Event.Selection)
        self.announce_focus()


def _zero_timer(parent: QObject, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(0)
    timer.timeout.connect(slot)
    return timer


def _notify(target: QObject, kind: QAccessible.Event) -> None:
    if QAccessible.isActive() and isValid(target):
        QAccessible.updateAccessibility(QAccessibleEvent(target, kind))


class MapInterface(QAccessibleWidget):
    """The scalp map: a list whose items are the zones."""

    def __init__(self, view: QGraphicsView, zones: MapAccessibility) -> None:
        super().__init__(view, QAccessible.Role.List)
        self._zones = zones

    def childCount(self) -> int:
        return len(self._zones.handles)

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        handles = self._zones.ordered()
        if 0 <= index < len(handles):
            return QAccessible.queryAccessibleInterface(handles[index])
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        handle = child.object() if child is not None else None
        handles = self._zones.ordered()
        return handles.index(handle) if handle in handles else -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        zone_id = self._zones.focused_zone()
        if zone_id in self._zones.handles:
            return QAccessible.queryAccessibleInterface(self._zones.handles[zone_id])
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        view = self._zones.view
        local = view.viewport().mapFromGlobal(QPoint(x, y))
        zone_id = self._zones.scene.zone_at(view.mapToScene(local))
        if zone_id in self._zones.handles:
            return QAccessible.queryAccessibleInterface(self._zones.handles[zone_id])
        return None


class ZoneInterface(LeafInterface):
    """One zone: its name, its state in words, and what can be done to it."""

    def __init__(self, handle: ZoneHandle, zones: MapAccessibility) -> None:
        super().__init__(handle, QAccessible.Role.ListItem, zones.view)
        self._handle = handle
        self._zones = zones

    def _zone_id(self) -> str:
        return self._handle.zone_id if isValid(self._handle) else ""

    def isValid(self) -> bool:
        return bool(self._zone_id()) and self._zone_id() in self._zones.model.scalp_map

    def text(self, kind: QAccessible.Text) -> str:
        zone_id = self._zone_id()
        if not self.isValid():
            return ""
        if kind == QAccessible.Text.Name:
            return self._zones.model.zone(zone_id).display_name
        if kind == QAccessible.Text.Description:
            return zone_state_sentence(self._zones.model, zone_id)
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.focusable = True
        state.selectable = True
        zone_id = self._zone_id()
        state.selected = bool(zone_id) and zone_id == self._zones.selection.current()
        state.focused = bool(zone_id) and zone_id == self._zones.focused_zone()
        return state

    def rect(self) -> QRect:
        zone_id = self._zone_id()
        if not self.isValid():
            return QRect()
        view = self._zones.view
        polygon = view.mapFromScene(self._zones.scene.zone_item(zone_id).sceneBoundingRect())
        local = polygon.boundingRect()
        return QRect(view.viewport().mapToGlobal(local.topLeft()), local.size())

    def actionNames(self) -> list[str]:
        names = [QAccessibleWidget.setFocusAction()]
        if self._zones.editing_enabled():
            names = [CYCLE, *SET.values(), *names]
        return names

    def localizedActionName(self, name: str) -> str:
        return tr(name) if name in KEYS else super().localizedActionName(name)

    def localizedActionDescription(self, name: str) -> str:
        return self.localizedActionName(name)

    def keyBindingsForAction(self, name: str) -> list[str]:
        return [KEYS[name]] if name in KEYS else []

    def doAction(self, name: str) -> None:
        self._zones.do(self._zone_id(), name)


def _factory(classname: str, target: QObject | None) -> QAccessibleInterface | None:
    if isinstance(target, ZoneHandle):
        owner = target.parentWidget()
        zones = owner.findChild(MapAccessibility) if owner is not None else None
        return ZoneInterface(target, zones) if zones is not None else None
    if isinstance(target, QGraphicsView):
        zones = target.findChild(MapAccessibility)
        return MapInterface(target, zones) if zones is not None else None
    return None


def install_factory() -> None:
    """Let Qt ask this module for the map's and the zones' interfaces."""
    install_leaf_factory(_factory)
