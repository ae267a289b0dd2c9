"""The profile store as every window but the autosave uses it: each call first lets the map's
pending writes finish, so a read sees every edit and a write never races the map's save."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.settings import Health, Settings
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.profile.store_api import (
    LoggedSessionLike,
    ProfileStoreLike,
    ProfileSummaryLike,
    RollerLike,
    StoredProfileLike,
)

if TYPE_CHECKING:
    from scalpzone.domain.progress import DatedMap  # loads after the first paint


class StoreAfterSaves:
    """A `ProfileStoreLike` whose every call first runs `flush` (the autosave's)."""

    def __init__(self, store: ProfileStoreLike, flush: Callable[[], None]) -> None:
        self.inner = store
        self._flush = flush

    def _after_saves(self) -> ProfileStoreLike:
        self._flush()
        return self.inner

    def profiles(self) -> Sequence[ProfileSummaryLike]:
        return self._after_saves().profiles()

    def create_profile(self, name: str) -> int:
        return self._after_saves().create_profile(name)

    def rename_profile(self, profile_id: int, name: str) -> None:
        self._after_saves().rename_profile(profile_id, name)

    def delete_profile(self, profile_id: int) -> None:
        self._after_saves().delete_profile(profile_id)

    def load_profile(self, profile_id: int) -> StoredProfileLike:
        return self._after_saves().load_profile(profile_id)

    def save_map(self, profile_id: int, scalp_map: ScalpMap, day: date) -> None:
        self._after_saves().save_map(profile_id, scalp_map, day)

    def import_document(
        self, doc: MapDocument, name: str | None = None, *, day: date | None = None
    ) -> int:
        return self._after_saves().import_document(doc, name, day=day)

    def export_document(self, profile_id: int) -> MapDocument:
        return self._after_saves().export_document(profile_id)

    def map_snapshots(self, profile_id: int) -> Sequence[DatedMap]:
        return self._after_saves().map_snapshots(profile_id)

    def save_settings(self, profile_id: int, settings: Settings) -> None:
        self._after_saves().save_settings(profile_id, settings)

    def save_health(self, profile_id: int, health: Health, confirmed_on: date) -> None:
        self._after_saves().save_health(profile_id, health, confirmed_on)

    def log_session(self, profile_id: int, entry: HistoryEntry) -> None:
        self._after_saves().log_session(profile_id, entry)

    def log_entries(self, profile_id: int) -> Sequence[LoggedSessionLike]:
        return self._after_saves().log_entries(profile_id)

    def replace_log_entry(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        self._after_saves().replace_log_entry(profile_id, log_id, entry)

    def remove_log_entry(self, profile_id: int, log_id: int) -> HistoryEntry:
        return self._after_saves().remove_log_entry(profile_id, log_id)

    def restore_log_entry(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        self._after_saves().restore_log_entry(profile_id, log_id, entry)

    def start_roller(self, profile_id: int, needle_mm: float, first_use: date) -> int:
        return self._after_saves().start_roller(profile_id, needle_mm, first_use)

    def current_roller(self, profile_id: int) -> RollerLike | None:
        return self._after_saves().current_roller(profile_id)

    def rollers(self, profile_id: int) -> Sequence[RollerLike]:
        return self._after_saves().rollers(profile_id)

    def reset_settings(self, profile_id: int) -> None:
        self._after_saves().reset_settings(profile_id)

    def reset_health(self, profile_id: int) -> None:
        self._after_saves().reset_health(profile_id)
