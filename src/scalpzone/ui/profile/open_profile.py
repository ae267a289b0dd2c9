"""The profile that is open: what belongs to it, read once, and what each change touched.

`OpenProfile` holds the open profile's id, its map (through the map model, which the map's undo
commands change), settings, health answers and the day they were confirmed, the roller in use,
the session log and the dated hairlines. Dialogs and views take it in their constructor and read
what they show from it; none of them reloads the whole profile to read one field.

A change (a setting saved, the checklist confirmed, a roller started, a session logged, edited,
removed or put back) is one method here, in the manner of Anki's operations: it writes through
the store, takes what the store now holds for that part only, re-plans, and says what changed
with a signal of its own. A log change names the zones its sessions touch, never "every zone".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.plan import Plan
from scalpzone.domain.progress import DatedMap
from scalpzone.domain.settings import Health, Settings
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.map.model import DatedHairline, MapChange, MapModel
from scalpzone.ui.profile.store_api import (
    LoggedSessionLike,
    ProfileStoreLike,
    RollerLike,
    StoredProfileLike,
)

_T = TypeVar("_T")


class OpenProfile(QObject):
    """The open profile: its id, map, settings, health, rollers, log and hairlines.

    Signals say what a change touched, so a view redraws only that:
    `mapChanged(frozenset[str])` the zones a map edit changed, added or removed;
    `settingsChanged()`; `healthChanged()`; `rollersChanged()` the roller in use or its count of
    uses; `logChanged(frozenset[str])` the zones named by the sessions that were logged, edited,
    removed or put back. All but `mapChanged` (passed on from the map model as an edit happens)
    are emitted after the plan was made again.
    """

    mapChanged = Signal(object)
    settingsChanged = Signal()
    healthChanged = Signal()
    rollersChanged = Signal()
    logChanged = Signal(object)

    def __init__(self, model: MapModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._store: ProfileStoreLike | None = None
        self._id = 0
        self._confirmed_on: date | None = None
        self._roller: RollerLike | None = None
        self._replanning = False
        model.mapChanged.connect(self._on_map_changed)

    # Whose and when ----------------------------------------------------------------------------

    @property
    def profile_id(self) -> int:
        """The open profile's id (0 before one is open)."""
        return self._id

    @property
    def model(self) -> MapModel:
        """The map model: the map as edited, with its live plan (for views that draw the map)."""
        return self._model

    @property
    def store(self) -> ProfileStoreLike | None:
        """The store the profile is read from and written to (None until the database opens)."""
        return self._store

    def today(self) -> date:
        """The day plans start and sessions are dated."""
        return self._model.today()

    # What is held ------------------------------------------------------------------------------

    @property
    def name(self) -> str:
        """The profile's name."""
        return self._model.profile_name

    @property
    def document(self) -> MapDocument:
        """Map, settings, health and log as they are now."""
        return self._model.document

    @property
    def scalp_map(self) -> ScalpMap:
        """The map as it is now (with edits not yet written)."""
        return self._model.scalp_map

    @property
    def settings(self) -> Settings:
        """The plan settings."""
        return self._model.document.settings

    @property
    def health(self) -> Health:
        """The health checklist's answers."""
        return self._model.document.health

    @property
    def history(self) -> tuple[HistoryEntry, ...]:
        """The session log, in the order logged."""
        return self._model.document.history

    @property
    def hairlines(self) -> tuple[DatedHairline, ...]:
        """The dated hairlines, oldest first."""
        return self._model.hairlines

    @property
    def health_confirmed_on(self) -> date | None:
        """The day the health checklist was last gone through (None: never)."""
        return self._confirmed_on

    @property
    def current_roller(self) -> RollerLike | None:
        """The roller in use, with its uses counted from the log (None: none recorded)."""
        return self._roller

    @property
    def plan(self) -> Plan:
        """The coming week's plan, made from everything above."""
        return self._model.plan

    # What is read from the store when asked ----------------------------------------------------

    def log_entries(self) -> Sequence[LoggedSessionLike]:
        """The log with the id of each row, oldest day first (for correcting it)."""
        return self._require().log_entries(self._id)

    def rollers(self) -> Sequence[RollerLike]:
        """Every roller the profile has had, oldest first."""
        return self._require().rollers(self._id)

    def dated_maps(self) -> Sequence[DatedMap]:
        """Every zone's state on each day the map was saved, oldest first."""
        return self._require().map_snapshots(self._id)

    # Changes: each writes, takes what it changed, re-plans and says so --------------------------

    def save_settings(self, settings: Settings) -> None:
        """Store the plan settings (a StorageError, and nothing changed, if refused)."""
        self._require().save_settings(self._id, settings)
        self._replan(replace(self.document, settings=settings))
        self.settingsChanged.emit()

    def confirm_health(self, health: Health) -> None:
        """Store the checklist's answers, confirmed today."""
        today = self.today()
        self._require().save_health(self._id, health, today)
        self._confirmed_on = today
        self._replan(replace(self.document, health=health))
        self.healthChanged.emit()

    def start_roller(self, needle_mm: float, first_use: date) -> None:
        """A new roller is in use from `first_use` (the one in use retires that day)."""
        store = self._require()
        store.start_roller(self._id, needle_mm, first_use)
        self._roller = store.current_roller(self._id)
        self._replan(self.document)
        self.rollersChanged.emit()

    def log_session(self, entry: HistoryEntry) -> frozenset[str]:
        """Add a session to the log; the zones it names."""
        return self._change_log(lambda store: store.log_session(self._id, entry))[1]

    def replace_log_entry(self, log_id: int, entry: HistoryEntry) -> frozenset[str]:
        """Correct a logged session; the zones named before or after."""
        return self._change_log(lambda s: s.replace_log_entry(self._id, log_id, entry))[1]

    def remove_log_entry(self, log_id: int) -> HistoryEntry:
        """Take a session out of the log; what it held, so it can be put back."""
        return self._change_log(lambda store: store.remove_log_entry(self._id, log_id))[0]

    def restore_log_entry(self, log_id: int, entry: HistoryEntry) -> frozenset[str]:
        """Put a removed session back under its old id; the zones it names."""
        return self._change_log(lambda s: s.restore_log_entry(self._id, log_id, entry))[1]

    def _change_log(self, write: Callable[[ProfileStoreLike], _T]) -> tuple[_T, frozenset[str]]:
        """Write to the log, then take the log as the store holds it; also after a refusal,
        which may come from another program having changed the log meanwhile."""
        store = self._require()
        try:
            done = write(store)
        except BaseException:
            self._take_log()
            raise
        return done, self._take_log()

    def _take_log(self) -> frozenset[str]:
        """Read the log (and the roller, whose uses it counts) again; the zones that moved.

        Nothing is said when neither changed."""
        store = self._require()
        before = self.history
        # The log in the order logged (row ids grow), as the profile is loaded.
        history = tuple(s.entry for s in sorted(store.log_entries(self._id), key=lambda s: s.id))
        roller = store.current_roller(self._id)
        uses_moved = _uses(roller) != _uses(self._roller)
        if history == before and not uses_moved:
            return frozenset()
        changed = (Counter(before) - Counter(history)) + (Counter(history) - Counter(before))
        zones = frozenset(z for entry in changed for z in entry.zones)
        self._roller = roller
        self._replan(replace(self.document, history=history))
        if history != before:
            self.logChanged.emit(zones)
        if uses_moved:
            self.rollersChanged.emit()
        return zones

    def _replan(self, document: MapDocument) -> None:
        # The model redraws the zones whose "last rolled" day moved; that is no map edit.
        self._replanning = True
        try:
            self._model.update_details(document, _uses(self._roller))
        finally:
            self._replanning = False

    def _require(self) -> ProfileStoreLike:
        if self._store is None:
            raise RuntimeError("the database is not open yet")
        return self._store

    def _on_map_changed(self, change: MapChange) -> None:
        if self._replanning:
            return
        zones = set(change.changed) | set(change.added) | set(change.removed)
        if change.reset:
            zones |= {z.id for z in self._model.scalp_map.zones}
        if zones or change.hairline:
            self.mapChanged.emit(frozenset(zones))

    # Opening (the profile controller) ----------------------------------------------------------

    def show_startup_snapshot(
        self, profile_id: int, document: MapDocument, hairlines: tuple[DatedHairline, ...]
    ) -> None:
        """Show the start-up snapshot (the last run's map) while the database opens."""
        self._id = profile_id
        self._model.reset(document, hairlines)

    def take(
        self, store: ProfileStoreLike, stored: StoredProfileLike, *, keep_map: bool = False
    ) -> None:
        """Hold this stored profile from now on; with `keep_map` the map on screen stays.

        The map's undo history is the caller's: it clears it when another profile opens.
        """
        self._store = store
        self._id = stored.id
        self._confirmed_on = stored.health_confirmed_on
        self._roller = store.current_roller(stored.id)
        document = replace(stored.document, profile_name=stored.name)
        hairlines = tuple((day, tuple(points)) for day, points in stored.hairlines)
        if not keep_map:
            self._model.reset(document, hairlines, _uses(self._roller))
            return
        edited = replace(document, scalp_map=self._model.scalp_map)
        # The same map, other details (a new profile's name, hairlines kept since the snapshot).
        if edited != self._model.document or hairlines != self._model.hairlines:
            self._model.reset(edited, hairlines)
        self._model.set_roller_uses(_uses(self._roller))

    def let_go(self) -> None:
        """The database is closed: nothing is read or written any more."""
        self._store = None


def _uses(roller: RollerLike | None) -> int | None:
    return roller.uses if roller is not None else None
