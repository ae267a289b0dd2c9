"""What the UI needs from `scalpzone.storage` (docs/storage-contract.md), as typing protocols.

The UI imports the storage package only when it opens the database, after the window is on
screen: SQLAlchemy takes longer to import than Qt, and start-up should not wait for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Protocol

from scalpzone.domain.geometry import Point
from scalpzone.domain.mapfile import MapDocument
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
        """Dated hairline snapshots, oldest first."""

    @property
    def health_confirmed_on(self) -> date | None:
        """The day the health checklist was last gone through (None: never)."""


class RollerLike(Protocol):
    """The roller in use, as far as the plan cares."""

    @property
    def uses(self) -> int:
        """Sessions done with it so far."""


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
        """Write the map (and a dated hairline snapshot when it changed)."""

    def import_document(self, doc: MapDocument, name: str | None = None) -> int:
        """A new profile from a map file's document; its id."""

    def export_document(self, profile_id: int) -> MapDocument:
        """A profile as a map file's document."""

    def current_roller(self, profile_id: int) -> RollerLike | None:
        """The roller in use, if one was recorded."""

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
