"""The right-click menu of a zone: state, severity, blocking; rename and delete for drawn zones."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QWidget

from scalpzone.domain.geometry import EditRefusedError
from scalpzone.domain.zones import SEVERITIES, Zone, ZoneState
from scalpzone.ui.map.editing import MapEditor
from scalpzone.ui.map.model import MapModel
from scalpzone.ui.style.words import long_date, severity_word
from scalpzone.ui.widgets.actions import ActionFactory
from scalpzone.ui.widgets.notices import NoticeBar
from scalpzone.ui.widgets.questions import Dialogs

BLOCK_DAYS = (1, 3, 7, 14)


class ZoneMenu(QMenu):
    """Everything that can be done to one zone, built fresh each time it opens."""

    def __init__(
        self,
        zone_id: str,
        model: MapModel,
        editor: MapEditor,
        dialogs: Dialogs,
        notices: NoticeBar,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._zone_id = zone_id
        self._model = model
        self._editor = editor
        self._dialogs = dialogs
        self._notices = notices
        zone = model.zone(zone_id)
        make = ActionFactory(self, self.palette(), "ZoneMenu")
        self.setTitle(zone.display_name)
        self.setAccessibleName(self.tr("Zone menu for {zone}").format(zone=zone.display_name))
        header = self.addSection(zone.display_name)
        header.setEnabled(False)

        states = (
            (ZoneState.HEALTHY, "&Healthy", "Mark this zone healthy"),
            (ZoneState.THINNING, "&Thinning", "Mark this zone thinning"),
            (ZoneState.BALD, "&Bald", "Mark this zone bald (never scheduled)"),
        )
        state_actions = []
        for state, text, tip in states:
            action = make.make(text, tip, self._state_setter(state))
            state_actions.append(action)
            self.addAction(action)
        make.group(state_actions)
        state_actions[[s for s, _, _ in states].index(zone.state)].setChecked(True)

        severity_menu = self.addMenu(self.tr("&Severity"))
        severity_actions = []
        for severity in SEVERITIES:
            action = make.make(
                f"&{severity} {severity_word(severity)}",
                "Set how far this zone's thinning has gone",
                self._severity_setter(severity),
                translate=False,
            )
            severity_actions.append(action)
            severity_menu.addAction(action)
        make.group(severity_actions)
        if zone.state is ZoneState.THINNING:
            severity_actions[zone.severity - 1].setChecked(True)

        self.addSeparator()
        block_menu = self.addMenu(self.tr("B&lock"))
        for days in BLOCK_DAYS:
            text = self.tr("For 1 day") if days == 1 else self.tr("For {n} days").format(n=days)
            block_menu.addAction(
                make.make(
                    text,
                    "Leave this zone out of the plan for a while",
                    self._blocker(days),
                    translate=False,
                )
            )
        block_menu.addSeparator()
        block_menu.addAction(
            make.make(
                "&Until a date…",
                "Leave this zone out of the plan up to a day you pick",
                self._block_until_date,
            )
        )
        unblock = make.make(
            "&Unblock",
            "Let this zone be planned again",
            lambda: self._editor.unblock(self._zone_id),
        )
        blocked_until = model.block_until(zone_id)
        unblock.setEnabled(blocked_until is not None)
        if blocked_until is not None:
            unblock.setText(
                self.tr("&Unblock (blocked until {day})").format(day=long_date(blocked_until))
            )
        self.addAction(unblock)

        if zone.is_custom:
            self.addSeparator()
            self.addAction(make.make("&Rename…", "Give this zone a new name", self._rename))
            self.addAction(make.make("&Delete zone", "Delete this drawn zone", self._delete))

    def _state_setter(self, state: ZoneState) -> Callable[[], None]:
        return lambda: self._editor.set_state(self._zone_id, state)

    def _severity_setter(self, severity: int) -> Callable[[], None]:
        return lambda: self._editor.set_severity(self._zone_id, severity)

    def _blocker(self, days: int) -> Callable[[], None]:
        return lambda: self._editor.block_until(
            self._zone_id, self._model.today() + timedelta(days=days)
        )

    def _block_until_date(self) -> None:
        today = self._model.today()
        zone = self._model.zone(self._zone_id)
        day = self._dialogs.ask_date(
            self.tr("Block {zone}").format(zone=zone.display_name),
            self.tr("Leave {zone} out of the plan up to and including:").format(
                zone=zone.display_name
            ),
            today,
            self._model.block_until(self._zone_id) or today + timedelta(days=7),
        )
        if day is not None:
            self._editor.block_until(self._zone_id, day)

    def _rename(self) -> None:
        zone = self._model.zone(self._zone_id)
        name = self._dialogs.ask_text(
            self.tr("Rename zone"), self.tr("New name:"), zone.display_name
        )
        if name is None:
            return
        try:
            self._editor.rename(self._zone_id, name)
        except EditRefusedError as refusal:
            self._notices.show_problem(str(refusal))

    def _delete(self) -> None:
        self._editor.delete_zone(self._zone_id)


def block_question(dialogs: Dialogs) -> Callable[[list[Zone]], bool | None]:
    """Ask what to do with the blocks of zones an edit makes healthy or bald, or a template
    changes: remove them (True), keep them (False), or cancel the edit (None)."""

    def ask(zones: list[Zone]) -> bool | None:
        names = [
            tr_menu("{zone}: blocked until {day}").format(
                zone=z.display_name, day=long_date(z.blocked_until)
            )
            for z in zones
            if z.blocked_until is not None
        ]
        intro = tr_menu(
            "This change touches areas you blocked. A block keeps an area out of the plan while "
            "it rests; once an area is healthy or bald the plan leaves it out anyway."
        )
        choice = dialogs.choose(
            tr_menu("Blocked areas"),
            intro,
            names,
            [tr_menu("Remove the blocks"), tr_menu("Keep the blocks")],
        )
        return None if choice is None else choice == 0

    return ask


def tr_menu(text: str) -> str:
    """Translate a user-visible text in the zone menu's context."""
    return QCoreApplication.translate("ZoneMenu", text)
