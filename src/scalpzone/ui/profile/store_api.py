"""What the UI needs from `scalpzone.storage` (docs/storage-contract.md), as typing protocols.

The UI imports the storage package only when it opens the database, after the window is on
screen: SQLAlchemy takes longer to import than Qt, and start-up should not wait for it. Every
window and dialog is typed against these protocols; `app.py` hands in the real `ProfileStore`
and `Database`, and mypy checks there that they fit, with no cast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol

from scalpzone.domain.geometry import Point
from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.progress import DatedMap
from scalpzone.domain.settings import Health, Settings
from scalpzone.domain.zones import ScalpMap


class ProfileSummaryLike(Protocol):
    """A profile in the list: its id and name."""

    @property
    def id(self) -> int:
        """The profile's id."""

    @property
    def name(self) -> str:
        """The profile's name."""


class StoredProfileLike(Protocol):
    """One profile as loaded: document and dated hairlines."""

    @property
    def id(self) -> int:
        """The profile's id."""

    @property
    def name(self) -> str:
        """The profile's name."""

    @property
    def document(self) -> MapDocument:
        """Map, settings, health and history."""

    @property
    def hairlines(self) -> Sequence[tuple[date, Sequence[Point]]]:
        """The hairline on each day it changed, oldest first."""

    @property
    def health_confirmed_on(self) -> date | None:
        """The day the health checklist was last gone through (None: never)."""


class RollerLike(Protocol):
    """A derma roller: its needle, first day, sessions done with it, and when it was retired."""

    @property
    def id(self) -> int:
        """The roller's id."""

    @property
    def needle_mm(self) -> float:
        """Its needle length."""

    @property
    def first_use(self) -> date:
        """The first day it was used."""

    @property
    def uses(self) -> int:
        """Sessions done with it so far."""

    @property
    def retired_on(self) -> date | None:
        """The day the next roller took over (None: in use)."""


class LoggedSessionLike(Protocol):
    """A session in the log with the id of its row, so it can be edited, removed or put back."""

    @property
    def id(self) -> int:
        """The log row's id."""

    @property
    def entry(self) -> HistoryEntry:
        """The session as logged."""


class ProfileStoreLike(Protocol):
    """The profile calls of the storage contract."""

    def profiles(self) -> Sequence[ProfileSummaryLike]:
        """Every profile, by name."""

    def create_profile(self, name: str) -> int:
        """A new, empty profile; its id."""

    def rename_profile(self, profile_id: int, name: str) -> None:
        """Give a profile a new name."""

    def delete_profile(self, profile_id: int) -> None:
        """Delete a profile and everything in it."""

    def load_profile(self, profile_id: int) -> StoredProfileLike:
        """Everything stored for a profile."""

    def save_map(self, profile_id: int, scalp_map: ScalpMap, day: date) -> None:
        """Write the map, dated `day` (and the hairline on that day when it changed)."""

    def import_document(
        self, doc: MapDocument, name: str | None = None, *, day: date | None = None
    ) -> int:
        """A new profile from a map file's document (its map dated `day`); its id."""

    def export_document(self, profile_id: int) -> MapDocument:
        """A profile as a map file's document."""

    def map_snapshots(self, profile_id: int) -> Sequence[DatedMap]:
        """The dated maps: every zone's state on each day the map was saved, oldest first.

        Storage calls these its map snapshots; in the UI a snapshot is only the start-up one.
        """

    def save_settings(self, profile_id: int, settings: Settings) -> None:
        """Write the plan settings (checked against the rules again)."""

    def save_health(self, profile_id: int, health: Health, confirmed_on: date) -> None:
        """Write the health checklist and the day it was gone through."""

    def log_session(self, profile_id: int, entry: HistoryEntry) -> None:
        """Add a session to the log."""

    def log_entries(self, profile_id: int) -> Sequence[LoggedSessionLike]:
        """The log with the id of each row, oldest first."""

    def replace_log_entry(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        """Correct a logged session."""

    def remove_log_entry(self, profile_id: int, log_id: int) -> HistoryEntry:
        """Remove a logged session; what it held, so it can be put back."""

    def restore_log_entry(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        """Put a removed session back under its old id."""

    def start_roller(self, profile_id: int, needle_mm: float, first_use: date) -> int:
        """Start using a new roller (the one in use retires that day); its id."""

    def current_roller(self, profile_id: int) -> RollerLike | None:
        """The roller in use, if one was recorded."""

    def rollers(self, profile_id: int) -> Sequence[RollerLike]:
        """Every roller the profile has had, oldest first."""

    def reset_settings(self, profile_id: int) -> None:
        """Put a profile's plan settings back to the defaults (a repair)."""

    def reset_health(self, profile_id: int) -> None:
        """Clear a profile's health checklist (it is asked again)."""


class BackupLike(Protocol):
    """One backup of the database, as a list shows it."""

    @property
    def name(self) -> str:
        """The backup's file name, which `restore_backup` takes."""

    def describe(self) -> str:
        """When it was taken and why, in words."""


class DatabaseLike(Protocol):
    """An open database."""

    @property
    def notices(self) -> Sequence[str]:
        """Plain-words notes about what happened while opening."""

    def close(self) -> None:
        """Back up and let go of the file."""

    def list_backups(self) -> Sequence[BackupLike]:
        """This database's backups, newest first."""

    def restore_backup(self, name: str) -> str:
        """Replace the database's content with a backup; what happened, in words."""


#: Opens the database and its profile store; called once the window is showing.
StorageOpener = Callable[[], tuple[DatabaseLike, ProfileStoreLike]]
