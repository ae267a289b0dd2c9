"""The rows the window's start-up needs, in plain SQL that both ways into the database run.

`ProfileStore` runs these on its session's connection, inside its own transaction; the start-up
path (startup.py) runs them on a plain `sqlite3` connection before SQLAlchemy is loaded. So the
profile list, the dated hairlines, the roller in use and the saving of the map are written
once, and the whole storage suite exercises what start-up runs. Reads are checked by
validated.py, as every read is.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import cast

from scalpzone.domain.geometry import Point
from scalpzone.domain.mapfile import (
    HAIRLINE_MAX_POINTS,
    MapDocument,
    map_document_json,
    parse_map_data,
    was_read_whole,
)
from scalpzone.domain.problems import Problem, ProblemsError
from scalpzone.domain.zones import ScalpMap, Zone
from scalpzone.storage.errors import (
    InvalidProfileDataError,
    ProfileNotFoundError,
    StoredDataError,
    ZoneInUseError,
)
from scalpzone.storage.validated import (
    Reader,
    check_roller_rows,
    dated_json,
    points_problem,
    rows_of,
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
class StoredProfile:
    """A profile as loaded: its map, settings, health and log, and its dated hairlines."""

    id: int
    name: str
    document: MapDocument
    hairlines: tuple[tuple[date, tuple[Point, ...]], ...]
    health_confirmed_on: date | None


@dataclass(frozen=True, slots=True)
class Roller:
    """A derma roller: needle length, first day used, sessions logged with it, retirement day.

    `uses` is counted from the log when read: the done sessions dated on or after `first_use`
    and before `retired_on` (the day the next roller took over), see `rollers`.
    """

    id: int
    needle_mm: float
    first_use: date
    uses: int
    retired_on: date | None = None


def check_document(doc: MapDocument, what: str) -> None:
    """Refuse what the map file could not write back: the export must always import again."""
    if was_read_whole(doc):
        return  # straight from the reader: reading its export again gives it back
    try:
        parse_map_data(map_document_json(doc))
    except ProblemsError as error:
        raise InvalidProfileDataError(what, error.problems) from None


def profile_summaries(reader: Reader) -> list[ProfileSummary]:
    """Every profile, by name (case-insensitive: the column's collation), then id."""
    rows = rows_of(reader, "SELECT id, name FROM profiles ORDER BY name, id", 0)
    return [ProfileSummary(int(pid), str(name)) for pid, name in rows]


def hairlines(reader: Reader, profile_id: int) -> tuple[tuple[date, tuple[Point, ...]], ...]:
    """Every dated hairline, oldest first (StoredDataError names a row that is not one)."""
    rows = rows_of(
        reader,
        "SELECT id, day, points FROM hairline_snapshots WHERE profile_id = :pid ORDER BY day",
        profile_id,
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


#: A profile's rollers as Roller fields, each with its uses counted from the log.
_ROLLERS = (
    "SELECT r.id, r.needle_mm, r.first_use, ("
    "SELECT count(*) FROM session_log AS l WHERE l.profile_id = r.profile_id "
    "AND l.status = 'done' AND l.day >= r.first_use "
    "AND (r.retired_on IS NULL OR l.day < r.retired_on)"
    "), r.retired_on FROM rollers AS r WHERE r.profile_id = :pid"
)


def rollers(reader: Reader, profile_id: int, *, current: bool = False) -> tuple[Roller, ...]:
    """Every roller, first bought first; with `current`, only the one in use (if any).

    The rows are checked first (StoredDataError names a needle or day that breaks the rules).
    """
    check_roller_rows(reader, profile_id)
    sql = (
        f"{_ROLLERS} AND r.retired_on IS NULL ORDER BY r.id DESC LIMIT 1"
        if current
        else f"{_ROLLERS} ORDER BY r.id"
    )
    return tuple(
        Roller(
            int(rid),
            float(needle),
            date.fromisoformat(first_use),
            int(uses),
            date.fromisoformat(retired_on) if retired_on is not None else None,
        )
        for rid, needle, first_use, uses, retired_on in rows_of(reader, sql, profile_id)
    )


def _zone_values(position: int, zone: Zone) -> tuple[object, ...]:
    """A zone's stored columns after its ids: position, state, severity, blocked_until, name,
    polygon (dates as SQLAlchemy's Date stores them: ISO text)."""
    return (
        position,
        zone.state.value,
        zone.severity,
        zone.blocked_until.isoformat() if zone.blocked_until is not None else None,
        zone.name,
        points_json(zone.polygon) if zone.polygon is not None else None,
    )


def write_map(cx: sqlite3.Connection, profile_id: int, scalp_map: ScalpMap, day: date) -> None:
    """Make the stored map exactly `scalp_map`, keeping dated snapshots for `day` (see
    `ProfileStore.save_map`). Runs inside the caller's write transaction and never ends it."""
    row = cx.execute("SELECT hairline FROM profiles WHERE id = ?", (profile_id,)).fetchone()
    if row is None:
        raise ProfileNotFoundError(f"There is no profile with id {profile_id} (deleted?).")
    stored = {str(zid) for (zid,) in cx.execute(_ZONE_IDS, (profile_id,))}
    removed = stored - {z.id for z in scalp_map.zones}
    if removed:
        in_log = sorted(removed & _zone_ids_in_log(cx, profile_id))
        if in_log:
            raise ZoneInUseError(
                f"The drawn zone(s) {', '.join(in_log)} cannot be removed: the session "
                "log still names them. The map was not saved."
            )
    save_zones(cx, profile_id, scalp_map.zones)
    hairline = points_json(scalp_map.hairline)
    if hairline != row[0]:
        cx.execute("UPDATE profiles SET hairline = ? WHERE id = ?", (hairline, profile_id))
        if scalp_map.hairline:
            put_hairline_snapshot(cx, profile_id, day, scalp_map.hairline)
        else:
            cx.execute(
                "DELETE FROM hairline_snapshots WHERE profile_id = ? AND day = ?",
                (profile_id, day.isoformat()),
            )
    put_map_snapshot(cx, profile_id, day, scalp_map.zones)


_ZONE_IDS = "SELECT zone_id FROM zones WHERE profile_id = ?"


def save_zones(cx: sqlite3.Connection, profile_id: int, zones: Sequence[Zone]) -> None:
    """Make the stored zones exactly these: changed rows updated, new added, missing removed
    (with every link of the profile's photos to a removed one)."""
    existing = {
        str(zid): (rid, tuple(values))
        for rid, zid, *values in cx.execute(
            "SELECT id, zone_id, position, state, severity, blocked_until, name, polygon "
            "FROM zones WHERE profile_id = ?",
            (profile_id,),
        )
    }
    for position, zone in enumerate(zones):
        values = _zone_values(position, zone)
        found = existing.pop(zone.id, None)
        if found is None:
            cx.execute(
                "INSERT INTO zones (profile_id, zone_id, position, state, severity, "
                "blocked_until, name, polygon) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (profile_id, zone.id, *values),
            )
        elif found[1] != values:
            cx.execute(
                "UPDATE zones SET position = ?, state = ?, severity = ?, blocked_until = ?, "
                "name = ?, polygon = ? WHERE id = ?",
                (*values, found[0]),
            )
    if not existing:
        return
    gone = json.dumps(sorted(existing))
    cx.execute(
        "DELETE FROM zones WHERE profile_id = ? AND zone_id IN (SELECT value FROM json_each(?))",
        (profile_id, gone),
    )
    cx.execute(
        "DELETE FROM photo_zones WHERE zone_id IN (SELECT value FROM json_each(?)) "
        "AND photo_id IN (SELECT id FROM photos WHERE profile_id = ?)",
        (gone, profile_id),
    )


def put_hairline_snapshot(
    cx: sqlite3.Connection, profile_id: int, day: date, points: Sequence[Point]
) -> None:
    """Keep this hairline for the day; a second save on the same day replaces the first."""
    cx.execute(
        "INSERT INTO hairline_snapshots (profile_id, day, points) VALUES (?, ?, ?) "
        "ON CONFLICT (profile_id, day) DO UPDATE SET points = excluded.points",
        (profile_id, day.isoformat(), points_json(points)),
    )


def _zone_ids_in_log(cx: sqlite3.Connection, profile_id: int) -> set[str]:
    return {
        str(zid)
        for (zid,) in cx.execute(
            "SELECT DISTINCT j.value FROM session_log, json_each(session_log.zones) AS j "
            "WHERE session_log.profile_id = ?",
            (profile_id,),
        )
    }


def put_map_snapshot(
    cx: sqlite3.Connection, profile_id: int, day: date, zones: Iterable[Zone]
) -> None:
    """Keep every zone's state and severity as of the day (same day: replaced)."""
    states = json.dumps(
        [{"id": z.id, "state": z.state.value, "severity": z.severity} for z in zones],
        separators=_COMPACT,
    )
    cx.execute(
        "INSERT INTO map_snapshots (profile_id, day, zones) VALUES (?, ?, ?) "
        "ON CONFLICT (profile_id, day) DO UPDATE SET zones = excluded.zones",
        (profile_id, day.isoformat(), states),
    )
