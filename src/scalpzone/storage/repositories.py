"""Repositories: read and write one kind of record for a profile, on a session they are given.

They never commit or roll back; the caller (ProfileStore) owns the transaction, one per user
action. Reads that can be long (the session log) select plain columns rather than ORM objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from typing import cast

from sqlalchemy import delete, select, text
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from scalpzone.domain.geometry import Point
from scalpzone.domain.mapfile import HAIRLINE_MAX_POINTS
from scalpzone.domain.problems import Problem
from scalpzone.domain.regions import REGION_IDS
from scalpzone.domain.settings import Contraindication, Health, Settings, Weekday
from scalpzone.domain.zones import Zone, ZoneState
from scalpzone.storage.errors import (
    ProfileNotFoundError,
    StoredDataError,
)
from scalpzone.storage.models import (
    HEALTH_ITEMS,
    HairlineSnapshotRow,
    HealthRow,
    MapSnapshotRow,
    ProfileRow,
    SettingsRow,
    ZoneRow,
)
from scalpzone.storage.validated import (
    check_zone_states,
    dated_json,
    points_problem,
)

_COMPACT = (",", ":")


@lru_cache(maxsize=256)  # a save compares every outline's text: remember the text of each
def _outline_text(points: tuple[Point, ...]) -> str:
    return json.dumps([[x, y] for x, y in points], separators=_COMPACT)


def points_json(points: Sequence[Point]) -> str:
    """Points as compact JSON `[[x,y],…]` (floats written exactly, as `repr` does)."""
    return _outline_text(tuple(map(tuple, points)))


def points_from_json(text: str) -> tuple[Point, ...]:
    """Points back from `points_json`."""
    return tuple((float(x), float(y)) for x, y in json.loads(text))


@dataclass(frozen=True, slots=True)
class ProfileSummary:
    """A profile as a list shows it."""

    id: int
    name: str


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


class ProfileRepository:
    """Profiles: names and the current hairline."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def summaries(self) -> list[ProfileSummary]:
        """Every profile, by name (case-insensitive), then id."""
        rows = self._s.execute(
            select(ProfileRow.id, ProfileRow.name).order_by(ProfileRow.name, ProfileRow.id)
        )
        return [ProfileSummary(pid, name) for pid, name in rows]

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
        existing = {
            row.zone_id: row
            for row in self._s.scalars(select(ZoneRow).where(ZoneRow.profile_id == profile_id))
        }
        for position, zone in enumerate(zones):
            values = {
                "position": position,
                "state": zone.state.value,
                "severity": zone.severity,
                "blocked_until": zone.blocked_until,
                "name": zone.name,
                "polygon": points_json(zone.polygon) if zone.polygon is not None else None,
            }
            row = existing.pop(zone.id, None)
            if row is None:
                self._s.add(ZoneRow(profile_id=profile_id, zone_id=zone.id, **values))
                continue
            for key, value in values.items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
        for row in existing.values():
            self._s.delete(row)
        self._s.flush()


class SnapshotRepository:
    """Dated copies of the hairline and of every zone's state."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def hairlines(self, profile_id: int) -> tuple[tuple[date, tuple[Point, ...]], ...]:
        """Every dated hairline, oldest first (StoredDataError names a row that is not one)."""
        rows = self._s.execute(
            text(
                "SELECT id, day, points FROM hairline_snapshots WHERE profile_id = :pid "
                "ORDER BY day"
            ),
            {"pid": profile_id},
        )
        found: list[tuple[date, tuple[Point, ...]]] = []
        problems: list[Problem] = []
        for where, day, raw in dated_json(rows, "hairline_snapshots", "points", problems):
            fail = points_problem(raw, HAIRLINE_MAX_POINTS)
            if fail is not None:
                problems.append(Problem(f"{where}, points", fail))
                continue
            points = cast(list[list[float]], raw)
            found.append((day, tuple((float(x), float(y)) for x, y in points)))
        if problems:
            raise StoredDataError("The dated hairlines", problems, profile_id=profile_id)
        return tuple(found)

    def put_hairline(self, profile_id: int, day: date, points: Sequence[Point]) -> None:
        """Keep this hairline for the day; a second save on the same day replaces the first."""
        stmt = insert(HairlineSnapshotRow).values(
            profile_id=profile_id, day=day, points=points_json(points)
        )
        self._s.execute(
            stmt.on_conflict_do_update(
                index_elements=["profile_id", "day"], set_={"points": stmt.excluded.points}
            )
        )

    def drop_hairline(self, profile_id: int, day: date) -> None:
        """Forget the hairline kept for a day (it was cleared the same day)."""
        self._s.execute(
            delete(HairlineSnapshotRow).where(
                HairlineSnapshotRow.profile_id == profile_id, HairlineSnapshotRow.day == day
            )
        )

    def put_map(self, profile_id: int, day: date, zones: Iterable[Zone]) -> None:
        """Keep every zone's state and severity as of the day (same day: replaced)."""
        states = json.dumps(
            [{"id": z.id, "state": z.state.value, "severity": z.severity} for z in zones],
            separators=_COMPACT,
        )
        stmt = insert(MapSnapshotRow).values(profile_id=profile_id, day=day, zones=states)
        self._s.execute(
            stmt.on_conflict_do_update(
                index_elements=["profile_id", "day"], set_={"zones": stmt.excluded.zones}
            )
        )

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


def _days_mask(days: Iterable[Weekday]) -> int:
    return sum(1 << day.number for day in days)


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
        values = {
            "needle_mm": settings.needle_mm,
            "session_days": _days_mask(settings.session_days),
            "sessions_per_week": settings.sessions_per_week,
            "zone_rest_hours": settings.zone_rest_hours,
            "zone_max_per_week": settings.zone_max_per_week,
            "session_minutes": settings.session_minutes,
            "roller_max_uses": settings.roller_max_uses,
            "session_time": settings.session_time.strftime("%H:%M"),
        }
        stmt = insert(SettingsRow).values(profile_id=profile_id, **values)
        self._s.execute(
            stmt.on_conflict_do_update(
                index_elements=["profile_id"], set_={k: stmt.excluded[k] for k in values}
            )
        )


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
        values: dict[str, object] = {
            item: int(Contraindication(item) in health.ticked) for item in HEALTH_ITEMS
        }
        values["confirmed_on"] = confirmed_on
        stmt = insert(HealthRow).values(profile_id=profile_id, **values)
        self._s.execute(
            stmt.on_conflict_do_update(
                index_elements=["profile_id"], set_={k: stmt.excluded[k] for k in values}
            )
        )
