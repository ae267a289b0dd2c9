"""Repositories: read and write one kind of record for a profile, on a session they are given.

They never commit or roll back; the caller (ProfileStore) owns the transaction, one per user
action. Reads that can be long (the session log) select plain columns rather than ORM objects.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import cast

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from scalpzone.domain.geometry import Point
from scalpzone.domain.problems import Problem
from scalpzone.domain.regions import REGION_IDS
from scalpzone.domain.settings import Contraindication, Health, Settings, Weekday
from scalpzone.domain.zones import Zone, ZoneState
from scalpzone.storage.errors import (
    ProfileNotFoundError,
    StoredDataError,
)
from scalpzone.storage.models import (
    HealthRow,
    ProfileRow,
    SettingsRow,
    ZoneRow,
)
from scalpzone.storage.profile_rows import save_health, save_settings
from scalpzone.storage.rows import (
    ProfileSummary,
    hairlines,
    points_from_json,
    points_json,
    profile_summaries,
    put_hairline_snapshot,
    put_map_snapshot,
    save_zones,
)
from scalpzone.storage.schema import HEALTH_ITEMS
from scalpzone.storage.validated import check_zone_states, dated_json

__all__ = [
    "HealthRepository",
    "MapSnapshot",
    "ProfileRepository",
    "ProfileSummary",
    "SettingsRepository",
    "SnapshotRepository",
    "ZoneRepository",
    "ZoneStateSnapshot",
    "points_from_json",
    "points_json",
]


@dataclass(frozen=True, slots=True)
class ZoneStateSnapshot:
    """One zone's state and severity as of a snapshot's day."""

    zone_id: str
    state: ZoneState
    severity: int


@dataclass(frozen=True, slots=True)
class MapSnapshot:
    """Every zone's state on one day, for comparing progress."""

    day: date
    zones: tuple[ZoneStateSnapshot, ...]


def raw_connection(session: Session) -> sqlite3.Connection:
    """The session's own `sqlite3` connection, inside its transaction (for rows.py)."""
    return cast(sqlite3.Connection, session.connection().connection.dbapi_connection)


class ProfileRepository:
    """Profiles: names and the current hairline."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def summaries(self) -> list[ProfileSummary]:
        """Every profile, by name (case-insensitive), then id."""
        return profile_summaries(self._s)

    def get(self, profile_id: int) -> ProfileRow:
        """The profile row, or ProfileNotFoundError."""
        row = self._s.get(ProfileRow, profile_id)
        if row is None:
            raise ProfileNotFoundError(f"There is no profile with id {profile_id} (deleted?).")
        return row

    def names(self) -> list[tuple[int, str]]:
        """(id, name) of every profile."""
        return [
            (pid, name) for pid, name in self._s.execute(select(ProfileRow.id, ProfileRow.name))
        ]

    def add(self, name: str) -> ProfileRow:
        """A new profile row with this name and no hairline."""
        row = ProfileRow(name=name, hairline="[]")
        self._s.add(row)
        self._s.flush()
        return row

    def delete(self, profile_id: int) -> None:
        """Remove a profile; everything that belongs to it goes with it (ON DELETE CASCADE)."""
        self._s.delete(self.get(profile_id))
        self._s.flush()


class ZoneRepository:
    """The zones of a profile's map, in map order."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def load(self, profile_id: int) -> tuple[Zone, ...]:
        """Every zone of the map: the 13 presets in their fixed order, then drawn zones."""
        rows = self._s.execute(
            select(
                ZoneRow.zone_id,
                ZoneRow.state,
                ZoneRow.severity,
                ZoneRow.blocked_until,
                ZoneRow.name,
                ZoneRow.polygon,
            )
            .where(ZoneRow.profile_id == profile_id)
            .order_by(ZoneRow.position)
        )
        stored = {
            zid: Zone(
                zid,
                ZoneState(state),
                severity,
                blocked,
                name,
                points_from_json(polygon) if polygon is not None else None,
            )
            for zid, state, severity, blocked, name, polygon in rows
        }
        presets = tuple(stored.pop(rid, Zone(rid)) for rid in REGION_IDS)
        return (*presets, *stored.values())

    def ids(self, profile_id: int) -> set[str]:
        """The ids of every stored zone."""
        return set(self._s.scalars(select(ZoneRow.zone_id).where(ZoneRow.profile_id == profile_id)))

    def save(self, profile_id: int, zones: Sequence[Zone]) -> None:
        """Make the stored zones exactly these: changed rows updated, new added, missing removed."""
        self._s.flush()
        save_zones(raw_connection(self._s), profile_id, zones)


class SnapshotRepository:
    """Dated copies of the hairline and of every zone's state."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def hairlines(self, profile_id: int) -> tuple[tuple[date, tuple[Point, ...]], ...]:
        """Every dated hairline, oldest first (StoredDataError names a row that is not one)."""
        return hairlines(self._s, profile_id)

    def put_hairline(self, profile_id: int, day: date, points: Sequence[Point]) -> None:
        """Keep this hairline for the day; a second save on the same day replaces the first."""
        put_hairline_snapshot(raw_connection(self._s), profile_id, day, points)

    def put_map(self, profile_id: int, day: date, zones: Iterable[Zone]) -> None:
        """Keep every zone's state and severity as of the day (same day: replaced)."""
        put_map_snapshot(raw_connection(self._s), profile_id, day, zones)

    def maps(self, profile_id: int) -> tuple[MapSnapshot, ...]:
        """Every dated map snapshot, oldest first (StoredDataError names a row that is not one)."""
        rows = self._s.execute(
            text("SELECT id, day, zones FROM map_snapshots WHERE profile_id = :pid ORDER BY day"),
            {"pid": profile_id},
        )
        found: list[MapSnapshot] = []
        problems: list[Problem] = []
        for where, day, raw in dated_json(rows, "map_snapshots", "zones", problems):
            bad = check_zone_states(raw, f"{where}, zones")
            if bad or not isinstance(raw, list):
                problems += bad
                continue
            states = tuple(
                ZoneStateSnapshot(z["id"], ZoneState(z["state"]), z["severity"]) for z in raw
            )
            found.append(MapSnapshot(day, states))
        if problems:
            raise StoredDataError("The dated maps", problems, profile_id=profile_id)
        return tuple(found)


def _days_from_mask(mask: int) -> frozenset[Weekday]:
    return frozenset(day for day in Weekday if mask & (1 << day.number))


class SettingsRepository:
    """A profile's plan settings."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def load(self, profile_id: int) -> Settings:
        """The stored settings; defaults when none were ever saved."""
        row = self._s.get(SettingsRow, profile_id)
        if row is None:
            return Settings()
        hours, minutes = row.session_time.split(":")
        return Settings(
            needle_mm=row.needle_mm,
            session_days=_days_from_mask(row.session_days),
            sessions_per_week=row.sessions_per_week,
            zone_rest_hours=row.zone_rest_hours,
            zone_max_per_week=row.zone_max_per_week,
            session_minutes=row.session_minutes,
            roller_max_uses=row.roller_max_uses,
            session_time=time(int(hours), int(minutes)),
        )

    def save(self, profile_id: int, settings: Settings) -> None:
        """Store the settings (already checked against the rules)."""
        self._s.flush()
        save_settings(raw_connection(self._s), profile_id, settings)


class HealthRepository:
    """A profile's health checklist and the day it was last confirmed."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def load(self, profile_id: int) -> tuple[Health, date | None]:
        """The ticked items and the day they were confirmed (None: never)."""
        row = self._s.get(HealthRow, profile_id)
        if row is None:
            return Health(), None
        ticked = frozenset(Contraindication(item) for item in HEALTH_ITEMS if getattr(row, item))
        return Health(ticked), row.confirmed_on

    def save(self, profile_id: int, health: Health, confirmed_on: date | None) -> None:
        """Store the checklist and when the person confirmed it."""
        self._s.flush()
        save_health(raw_connection(self._s), profile_id, health, confirmed_on)
