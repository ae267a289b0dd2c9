"""The Map and Edit menus' commands on the open map: a state for the current zone, a template,
clearing the marks, deleting a drawn zone, comparing hairlines. Each asks first where an edit
would undo the person's own marks, and says so when there is nothing to act on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from scalpzone.domain.zones import ZoneState
from scalpzone.ui.map.editing import MapEditor
from scalpzone.ui.map.model import MapModel, ZoneSelection
from scalpzone.ui.map.scene import MapScene
from scalpzone.ui.widgets.notices import NoticeBar
from scalpzone.ui.widgets.questions import Dialogs

if TYPE_CHECKING:
    from scalpzone.domain.templates import Template


class MapCommands(QObject):
    """What the map's menu items do; the window wires them to its menus."""

    def __init__(
        self,
        editor: MapEditor,
        model: MapModel,
        selection: ZoneSelection,
        scene: MapScene,
        dialogs: Dialogs,
        notices: NoticeBar,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._model = model
        self._selection = selection
        self._scene = scene
        self._dialogs = dialogs
        self._notices = notices

    def apply_template(self, template: Template) -> None:
        """Set the regions as a hair-loss stage has them, after asking if marks would change."""
        if self._editor.template_overwrites_marks(template):
            question = self.tr(
                "{template} changes areas you already marked. Apply it anyway? "
                "(Edit › Undo takes it back in one step.)"
            ).format(template=template.name)
            if not self._dialogs.confirm(self.tr("Apply template"), question, self.tr("Apply")):
                return
        self._editor.apply_template(template)
        self._notices.show_message(template.description)

    def compare(self, on: bool) -> None:
        """Show or hide the hairlines of earlier days."""
        self._scene.set_compare(on)
        if on and not self._model.earlier_hairlines():
            self._notices.show_message(
                self.tr(
                    "No hairline from an earlier day yet. ScalpZone keeps the hairline of each "
                    "day you draw it; come back after your next review to compare."
                )
            )

    def clear_marks(self) -> None:
        """Every region back to healthy, after asking."""
        question = self.tr("Set every region back to healthy? (Edit › Undo takes it back.)")
        if self._dialogs.confirm(self.tr("Clear all marks"), question, self.tr("Clear")):
            self._editor.clear_marks()

    def set_current_state(self, state: ZoneState) -> None:
        """Mark the current zone, or say how to choose one."""
        zone_id = self._selection.current()
        if zone_id:
            self._editor.set_state(zone_id, state)
        else:
            self._notices.show_message(self.tr("Choose a zone first: click it or press Tab."))

    def delete_current_zone(self) -> None:
        """Delete the current zone when it is one the person drew."""
        zone_id = self._selection.current()
        if zone_id and self._model.zone(zone_id).is_custom:
            self._editor.delete_zone(zone_id)
