"""Reading a profile back as checked as importing one: rows are data from outside until proven.

A database can be edited outside ScalpZone (SQLite skips CHECK constraints when told to) or
damaged in ways SQLite's own check does not see. So a profile is read as plain values, put
together as the map file would hold them, and run through the map file's own reader: the same
ranges, states, ids, polygons and dates as an import. A problem is reported by table, row and
field ("settings of profile 1, needle_mm: 1.6 is above the 1.5 mm maximum …"), and nothing is
planned from a profile that has one. What loads is, by construction, what `export` can write
and `import` will take back.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, TypeAlias

from scalpzone.domain.history import SessionStatus
from scalpzone.domain.mapfile import (
    FORMAT,
    NOTE_MAX,
    VERSION,
    MapDocument,
    day_problem,
    parse_map_data,
)
from scalpzone.domain.mapfile_input import collector_paused
from scalpzone.domain.problems import Problem, ProblemsError, show
from scalpzone.domain.rules import NEEDLE_MAX_MM, NEEDLE_MIN_MM
from scalpzone.domain.settings import SETTING_KEYS, Weekday
from scalpzone.domain.zones import ZoneState
from scalpzone.storage.errors import ProfileNotFoundError, StoredDataError
from scalpzone.storage.schema import HEALTH_ITEMS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Where rows are read from: an ORM session, or a plain connection (the start-up path,
#: storage/startup.py), which reads the same SQL and is checked by the same code.
Reader: TypeAlias = "Session | sqlite3.Connection"

_INDEXED = re.compile(r"(zones|history)\[(\d+)\](?:\.(\w+))?(.*)")
#: Map file field → database column, where they differ.
_COLUMNS = {"id": "zone_id", "date": "day"}
_SETTING_COLUMNS = SETTING_KEYS


def rows_of(reader: Reader, sql: str, profile_id: int) -> list[Any]:
    if isinstance(reader, sqlite3.Connection):
        return reader.execute(sql, {"pid": profile_id}).fetchall()
    from sqlalchemy import text  # noqa: PLC0415  (loaded by then: the session is SQLAlchemy's)

    return list(reader.execute(text(sql), {"pid": profile_id}))


def _json(value: object, where: str, problems: list[Problem]) -> object:
    if not isinstance(value, str):
        problems.append(Problem(where, f"{show(value)} is not JSON text"))
        return None
    try:
        return json.loads(value)
    except (ValueError, RecursionError):
        problems.append(Problem(where, f"{show(value)} is not valid JSON"))
        return None


class _Where:
    """Turns the map file's paths in a problem back into table, row and column."""

    def __init__(self, profile_id: int) -> None:
        self.profile_id = profile_id
        self.zone_rows: list[tuple[int, object]] = []
        self.log_rows: list[int] = []

    def __call__(self, problem: Problem) -> Problem:
        path = problem.path
        match = _INDEXED.fullmatch(path)
        if match is not None:
            kind, index, field, rest = match.groups()
            i = int(index)
            if kind == "zones" and i < len(self.zone_rows):
                row, zone_id = self.zone_rows[i]
                place = f"zones row {row} ({show(zone_id)})"
            elif kind == "history" and i < len(self.log_rows):
                place = f"session_log row {self.log_rows[i]}"
            else:
                return problem
            column = _COLUMNS.get(field, field) if field else ""
            return Problem(f"{place}, {column}{rest}" if column else place, problem.message)
        head, _, tail = path.partition(".")
        owner = f"of profile {self.profile_id}"
        tables = {
            "settings": f"settings {owner}",
            "health": f"health {owner}",
            "profile": f"profiles row {self.profile_id}",
            "hairline": f"profiles row {self.profile_id}, hairline",
        }
        if head in tables:
            return Problem(f"{tables[head]}, {tail}" if tail else tables[head], problem.message)
        return problem


def _settings(session: Reader, pid: int, problems: list[Problem]) -> dict[str, object]:
    rows = rows_of(
        session, f"SELECT {', '.join(_SETTING_COLUMNS)} FROM settings WHERE profile_id = :pid", pid
    )
    if not rows:
        return {}
    values = dict(zip(_SETTING_COLUMNS, rows[0], strict=True))
    mask = values["session_days"]
    if isinstance(mask, int) and not isinstance(mask, bool) and 1 <= mask <= 127:
        values["session_days"] = [d.value for d in Weekday if mask & (1 << d.number)]
    else:
        problems.append(
            Problem(
                f"settings of profile {pid}, session_days",
                f"{show(mask)} is not a set of weekdays (a number from 1 to 127)",
            )
        )
        del values["session_days"]
    return {k: v for k, v in values.items() if v is not None}


def _health(session: Reader, pid: int, problems: list[Problem]) -> tuple[dict[str, object], Any]:
    rows = rows_of(
        session,
        f"SELECT {', '.join(HEALTH_ITEMS)}, confirmed_on FROM health WHERE profile_id = :pid",
        pid,
    )
    if not rows:
        return {}, None
    *flags, confirmed = rows[0]
    health = {
        item: bool(flag) if flag in (0, 1) and not isinstance(flag, float) else flag
        for item, flag in zip(HEALTH_ITEMS, flags, strict=True)
    }
    if confirmed is not None and (fail := day_problem(confirmed)) is not None:
        problems.append(Problem(f"health of profile {pid}, confirmed_on", fail))
        confirmed = None
    return health, confirmed


def load_document(session: Reader, profile_id: int) -> tuple[str, MapDocument, date | None]:
    """A profile's name, document and checklist date, or StoredDataError naming each bad row."""
    with collector_paused():  # as the map file's reader does: every row is read and checked
        return _read_document(session, profile_id)


def _read_document(session: Reader, profile_id: int) -> tuple[str, MapDocument, date | None]:
    profile = rows_of(
        session, "SELECT id, name, hairline FROM profiles WHERE id = :pid", profile_id
    )
    if not profile:
        raise ProfileNotFoundError(f"There is no profile with id {profile_id}.")
    _, name, hairline = profile[0]
    where = _Where(profile_id)
    problems: list[Problem] = []
    raw: dict[str, object] = {"format": FORMAT, "version": VERSION, "profile": {"name": name}}
    raw["settings"] = _settings(session, profile_id, problems)
    raw["health"], confirmed = _health(session, profile_id, problems)
    zones: list[dict[str, object]] = []
    for row, zone_id, state, severity, blocked, zname, polygon in rows_of(
        session,
        "SELECT id, zone_id, state, severity, blocked_until, name, polygon FROM zones "
        "WHERE profile_id = :pid ORDER BY position",
        profile_id,
    ):
        where.zone_rows.append((row, zone_id))
        item: dict[str, object] = {"id": zone_id, "state": state, "severity": severity}
        if blocked is not None:
            item["blocked_until"] = blocked
        if zname is not None:
            item["name"] = zname
        if polygon is not None:
            item["polygon"] = _json(polygon, f"zones row {row}, polygon", problems)
        zones.append(item)
    raw["zones"] = zones
    points = _json(hairline, f"profiles row {profile_id}, hairline", problems)
    if points:
        raw["hairline"] = points
    history: list[dict[str, object]] = []
    for row, day, zone_ids, needle, status, note in rows_of(
        session,
        "SELECT id, day, zones, needle_mm, status, note FROM session_log "
        "WHERE profile_id = :pid ORDER BY id",
        profile_id,
    ):
        where.log_rows.append(row)
        ids = _json(zone_ids, f"session_log row {row}, zones", problems)
        history.append(
            {"date": day, "zones": ids, "needle_mm": needle, "status": status, "note": note}
        )
    raw["history"] = history
    try:
        document = parse_map_data(raw)
    except ProblemsError as error:
        problems.extend(where(p) for p in error.problems)
    except RecursionError:
        problems.append(Problem(f"profiles row {profile_id}", "holds JSON nested too deeply"))
    if problems:
        raise StoredDataError(f"The profile {show(name)}", problems, profile_id=profile_id)
    return str(name), document, date.fromisoformat(confirmed) if confirmed else None


def check_zone_states(raw: object, where: str) -> list[Problem]:
    """Problems with a map snapshot's zone list (id, state, severity of each)."""
    if not isinstance(raw, list):
        return [Problem(where, f"{show(raw)} is not a list of zones")]
    problems: list[Problem] = []
    states = {s.value for s in ZoneState}
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            problems.append(Problem(f"{where}[{i}]", f"{show(item)} is not a zone"))
            continue
        if not isinstance(item.get("id"), str):
            problems.append(Problem(f"{where}[{i}].id", f"{show(item.get('id'))} is not text"))
        if item.get("state") not in states:
            problems.append(
                Problem(f"{where}[{i}].state", f"{show(item.get('state'))} is not a zone state")
            )
        severity = item.get("severity")
        if not isinstance(severity, int) or isinstance(severity, bool) or not 1 <= severity <= 3:
            problems.append(Problem(f"{where}[{i}].severity", f"{show(severity)} is outside 1–3"))
    return problems


def check_log_rows(session: Reader, profile_id: int) -> None:
    """StoredDataError naming each session-log row that is not a session (read as plain values)."""
    problems: list[Problem] = []
    statuses = {s.value for s in SessionStatus}
    for row, day, zone_ids, needle, status, note in rows_of(
        session,
        "SELECT id, day, zones, needle_mm, status, note FROM session_log WHERE profile_id = :pid",
        profile_id,
    ):
        where = f"session_log row {row}"
        if (fail := day_problem(day)) is not None:
            problems.append(Problem(f"{where}, day", fail))
        ids = _json(zone_ids, f"{where}, zones", problems)
        if ids is not None and (
            not isinstance(ids, list) or not ids or not all(isinstance(z, str) for z in ids)
        ):
            problems.append(Problem(f"{where}, zones", f"{show(ids)} is not a list of zone ids"))
        if not _number_between(needle, NEEDLE_MIN_MM, NEEDLE_MAX_MM):
            problems.append(
                Problem(
                    f"{where}, needle_mm",
                    f"{show(needle)} is outside {NEEDLE_MIN_MM}–{NEEDLE_MAX_MM} mm",
                )
            )
        if status not in statuses:
            problems.append(Problem(f"{where}, status", f"{show(status)} is not done or skipped"))
        if not isinstance(note, str) or len(note) > NOTE_MAX:
            problems.append(
                Problem(f"{where}, note", f"is not text of at most {NOTE_MAX} characters")
            )
    if problems:
        raise StoredDataError("The session log", problems, profile_id=profile_id)


def check_roller_rows(session: Reader, profile_id: int) -> None:
    """StoredDataError naming each roller row with a needle or a day that breaks the rules."""
    problems: list[Problem] = []
    for row, needle, first_use, retired_on in rows_of(
        session,
        "SELECT id, needle_mm, first_use, retired_on FROM rollers WHERE profile_id = :pid",
        profile_id,
    ):
        where = f"rollers row {row}"
        if not _number_between(needle, NEEDLE_MIN_MM, NEEDLE_MAX_MM):
            problems.append(
                Problem(
                    f"{where}, needle_mm",
                    f"{show(needle)} is outside {NEEDLE_MIN_MM}–{NEEDLE_MAX_MM} mm",
                )
            )
        first_fail = day_problem(first_use)
        if first_fail is not None:
            problems.append(Problem(f"{where}, first_use", first_fail))
        if retired_on is not None:
            if (fail := day_problem(retired_on)) is not None:
                problems.append(Problem(f"{where}, retired_on", fail))
            elif first_fail is None and retired_on < first_use:
                problems.append(
                    Problem(f"{where}, retired_on", f"{show(retired_on)} is before its first use")
                )
    if problems:
        raise StoredDataError("The rollers", problems, profile_id=profile_id)


def _number_between(value: object, low: float, high: float) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high


def points_problem(raw: object, most: int) -> str | None:
    """Why stored points are not a line of 2 to `most` map points [x, y] in 0–1, or None."""
    if not isinstance(raw, list) or not 2 <= len(raw) <= most:
        return f"is not a list of 2 to {most} points [[x, y], …]"
    for point in raw:
        if not (
            isinstance(point, list)
            and len(point) == 2
            and all(_number_between(c, 0.0, 1.0) for c in point)
        ):
            return f"{show(point)} is not a point [x, y] with both in 0–1"
    return None


def dated_json(
    rows: Iterable[Any], table: str, column: str, problems: list[Problem]
) -> Iterator[tuple[str, date, object]]:
    """`(where, day, parsed JSON)` of rows `(id, day, json text)`; bad ones go to `problems`."""
    for row, day, value in rows:
        where = f"{table} row {row}"
        if (fail := day_problem(day)) is not None:
            problems.append(Problem(f"{where}, day", fail))
            continue
        try:
            raw = json.loads(value)
        except (ValueError, TypeError, RecursionError):
            problems.append(Problem(f"{where}, {column}", "is not valid JSON"))
            continue
        yield where, date.fromisoformat(day), raw
