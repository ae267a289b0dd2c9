"""The ScalpZone map file (SPEC §4): read with every problem reported, written back equal."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import BinaryIO

from scalpzone.domain.geometry import Point, outline_area, outline_crossing
from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.limits import (
    DRAWN_ZONES_MAX,
    HAIRLINE_MAX_POINTS,
    HISTORY_MAX_ENTRIES,
    INPUT_MAX_BYTES,
    MIN_ZONE_AREA,
    NAME_MAX_CHARS,
    NOTE_MAX_CHARS,
    OUTLINE_MAX_POINTS,
)
from scalpzone.domain.mapfile_input import (
    MapFileError,
    Reader,
    collector_paused,
    day_problem,
    decode_text,
    load_json,
    read_source,
    read_stream,
)
from scalpzone.domain.problems import key_path, printable, show
from scalpzone.domain.regions import REGION_IDS
from scalpzone.domain.rules import NEEDLE_MAX_MM, NEEDLE_MIN_MM
from scalpzone.domain.settings import Health, Settings, parse_health, parse_settings
from scalpzone.domain.zones import SEVERITIES, ScalpMap, Zone, ZoneState, is_custom_id

FORMAT = "scalpzone"
VERSION = 1
TOP_KEYS = ("format", "version", "profile", "settings", "health", "zones", "hairline", "history")
NAME_MAX = NAME_MAX_CHARS
NOTE_MAX = NOTE_MAX_CHARS
POLYGON_MAX_POINTS = OUTLINE_MAX_POINTS
MAX_FILE_BYTES = INPUT_MAX_BYTES
ZONE_ENTRIES_MAX = len(REGION_IDS) + DRAWN_ZONES_MAX


@dataclass(frozen=True, slots=True)
class MapDocument:
    """Everything one map file holds: who, their settings and health, their map and their log."""

    scalp_map: ScalpMap = field(default_factory=ScalpMap)
    settings: Settings = field(default_factory=Settings)
    health: Health = field(default_factory=Health)
    history: tuple[HistoryEntry, ...] = ()
    profile_name: str | None = None


def parse_map_json(text: str) -> MapDocument:
    """A map document from the file's text, or MapFileError with every problem."""
    with collector_paused():
        return parse_map_data(load_json(text))


def read_map_file(path: Path) -> MapDocument:
    """Read a map file (or a pipe or device) within the byte limit; bad input raises MapFileError."""
    return parse_map_json(decode_text(read_source(path), printable(str(path))))


def read_map_stream(stream: BinaryIO, where: str = "(standard input)") -> MapDocument:
    """Read a map file from an open binary stream, such as standard input, within the limit."""
    return parse_map_json(decode_text(read_stream(stream, where), where))


def parse_map_data(raw: object) -> MapDocument:
    """A map document from parsed JSON, or MapFileError with every problem and its path."""
    r = Reader()
    top = r.obj(raw, "(file)", "a ScalpZone map file")
    if top is None:
        raise MapFileError(r.problems)
    for key in top:
        if key not in TOP_KEYS:
            r.fail(key_path("", key), f"is not a key of a map file (known: {', '.join(TOP_KEYS)})")
    if top.get("format") != FORMAT:
        got = show(top["format"]) if "format" in top else "missing"
        r.fail("format", f'{got}; a ScalpZone map file says "{FORMAT}"')
    version = top.get("version")
    if "version" not in top:
        r.fail("version", f"missing; this app reads version {VERSION}")
    elif not isinstance(version, int) or isinstance(version, bool):
        r.fail("version", f"{show(version)} is not a version number")
    elif version > VERSION:
        r.fail(
            "version", f"{show(version)} is newer than this app reads ({VERSION}); update ScalpZone"
        )
    elif version < VERSION:
        r.fail("version", f"{show(version)} is not a version this app knows (it reads {VERSION})")

    name = None
    if "profile" in top and (profile := r.obj(top["profile"], "profile", '{"name": …}')):
        for key in profile:
            if key != "name":
                r.fail(key_path("profile", key), "is not a profile key (known: name)")
        if "name" in profile:
            name = r.text(profile["name"], "profile.name", NAME_MAX)

    settings, problems = parse_settings(top.get("settings", {}))
    r.problems.extend(problems)
    health, problems = parse_health(top.get("health", {}))
    r.problems.extend(problems)

    zones = _zones(r, top)
    hairline: tuple[Point, ...] = ()
    if "hairline" in top:
        hairline = r.points(top["hairline"], "hairline", 2, HAIRLINE_MAX_POINTS) or ()
    known = set(REGION_IDS) | {z.id for z in zones}
    history = _history(r, top.get("history", []), known)

    if r.problems:
        raise MapFileError(r.problems)
    by_id = {z.id: z for z in zones}
    customs = [z for z in zones if z.is_custom]
    presets = tuple(by_id.get(rid, Zone(rid)) for rid in REGION_IDS)
    scalp_map = ScalpMap((*presets, *customs), hairline)
    document = MapDocument(scalp_map, settings, health, history, name)
    _last_read[:] = [document]
    return document


# The document last read whole: reading it again from its own JSON gives it back (the
# round-trip the tests check), so a check of it before storing can be skipped.
_last_read: list[MapDocument] = []


def was_read_whole(doc: MapDocument) -> bool:
    """Whether this very document came out of the reader (and so would read again as it is)."""
    return any(doc is read for read in _last_read)


def _zones(r: Reader, top: Mapping[str, object]) -> list[Zone]:
    if "zones" not in top:
        r.fail("zones", "missing; list the zones, even as []")
        return []
    raw = r.items(
        top["zones"],
        "zones",
        "zones",
        ZONE_ENTRIES_MAX,
        f" (the {len(REGION_IDS)} regions and at most {DRAWN_ZONES_MAX} drawn zones)",
    )
    if raw is None:
        return []
    zones: list[Zone] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw):
        path = f"zones[{i}]"
        entry = r.obj(item, path, "a zone")
        if entry is None:
            continue
        zone_id = entry.get("id")
        if isinstance(zone_id, str) and zone_id in seen:
            r.fail(f"{path}.id", f"{show(zone_id)} is already given at zones[{seen[zone_id]}]")
            continue
        if isinstance(zone_id, str):
            seen[zone_id] = i
        zone = _zone(r, entry, path)
        if zone is not None:
            zones.append(zone)
    drawn = sum(1 for zone_id in seen if is_custom_id(zone_id))
    if drawn > DRAWN_ZONES_MAX:
        r.fail("zones", f"has {drawn} drawn zones, above the {DRAWN_ZONES_MAX} maximum")
    return zones


_STATES = frozenset(ZoneState)
_STATUSES = frozenset(SessionStatus)
_ZONE_KEYS = ("id", "name", "state", "severity", "blocked_until", "polygon")


def _zone(r: Reader, entry: Mapping[str, object], path: str) -> Zone | None:
    before = len(r.problems)
    for key in entry:
        if key not in _ZONE_KEYS:
            r.fail(key_path(path, key), f"is not a zone key (known: {', '.join(_ZONE_KEYS)})")
    zone_id = entry.get("id")
    custom = isinstance(zone_id, str) and is_custom_id(zone_id)
    if not isinstance(zone_id, str) or not (custom or zone_id in REGION_IDS):
        r.fail(
            f"{path}.id",
            f"{show(zone_id) if 'id' in entry else 'missing'} is not a region "
            f"({', '.join(REGION_IDS)}) or a drawn zone (custom-1, custom-2, …)",
        )
    state = ZoneState.HEALTHY
    if "state" in entry:
        value = entry["state"]
        if isinstance(value, str) and value in _STATES:
            state = ZoneState(value)
        else:
            r.fail(f"{path}.state", f"{show(value)} is not healthy, thinning or bald")
    severity = 1
    if "severity" in entry:
        value = entry["severity"]
        if isinstance(value, int) and not isinstance(value, bool) and value in SEVERITIES:
            severity = value
        else:
            r.fail(
                f"{path}.severity", f"{show(value)} is not 1 (mild), 2 (moderate) or 3 (advanced)"
            )
    blocked = None
    if "blocked_until" in entry and entry["blocked_until"] is not None:
        blocked = r.day(entry["blocked_until"], f"{path}.blocked_until")
    name = None
    polygon = None
    if custom:
        if "name" not in entry:
            r.fail(f"{path}.name", "missing; a drawn zone needs a name")
        else:
            name = r.text(entry["name"], f"{path}.name", NAME_MAX)
        if "polygon" not in entry:
            r.fail(f"{path}.polygon", "missing; a drawn zone needs its outline [[x, y], …]")
        else:
            polygon = _polygon(r, entry["polygon"], f"{path}.polygon")
    elif zone_id in REGION_IDS:
        for key in ("name", "polygon"):
            if key in entry:
                r.fail(f"{path}.{key}", "a preset region has a fixed name and outline")
    if len(r.problems) > before or not isinstance(zone_id, str):
        return None
    return Zone(zone_id, state, severity, blocked, name, polygon)


def _polygon(r: Reader, value: object, path: str) -> tuple[Point, ...] | None:
    points = r.points(value, path, 3, POLYGON_MAX_POINTS)
    if points is None:
        return None
    crossing = outline_crossing(points)
    if crossing is not None:
        i, j = crossing
        r.fail(
            path,
            f"its outline crosses itself (edge {i} meets edge {j}); redraw it without crossing",
        )
        return None
    if outline_area(points) < MIN_ZONE_AREA:
        r.fail(path, f"encloses almost no area (under {MIN_ZONE_AREA} of the map)")
        return None
    return points


_HISTORY_KEYS = ("date", "zones", "needle_mm", "status", "note")
_HISTORY_KEY_SET = frozenset(_HISTORY_KEYS)
_STATUS_OF = {s.value: s for s in SessionStatus}
_NUMBER_TYPES = (int, float)


def _plain_entry(item: object, known: set[str]) -> HistoryEntry | None:
    """The logged session when every field passes the checks below, else None.

    The same checks as `_checked_entry`'s, without building a path or a message: an entry that
    fails any of them (or is unusual, such as a note beyond ASCII) goes through
    `_checked_entry`, which decides and names each problem.
    """
    if type(item) is not dict or not item.keys() <= _HISTORY_KEY_SET:
        return None
    zones = item.get("zones")
    if type(zones) is not list or not 0 < len(zones) <= ZONE_ENTRIES_MAX:
        return None
    try:
        ids = set(zones)
    except TypeError:  # a list or an object among the ids
        return None
    needle = item.get("needle_mm", 1.0)
    status = item.get("status", "done")
    note = item.get("note", "")
    if (
        len(ids) != len(zones)
        or not ids <= known  # `known` holds text only: so each id is one of its texts
        or type(needle) not in _NUMBER_TYPES
        or not NEEDLE_MIN_MM <= needle <= NEEDLE_MAX_MM
        or type(status) is not str
        or status not in _STATUS_OF
        or type(note) is not str
        or len(note) > NOTE_MAX
        or not note.isascii()  # the lone-surrogate check is left to the full one
        or day_problem(item.get("date")) is not None
    ):
        return None
    day = date.fromisoformat(item["date"])
    return HistoryEntry(day, tuple(zones), float(needle), _STATUS_OF[status], note)


def _history(r: Reader, raw: object, known: set[str]) -> tuple[HistoryEntry, ...]:
    raw = r.items(raw, "history", "logged sessions", HISTORY_MAX_ENTRIES)
    if raw is None:
        return ()
    entries: list[HistoryEntry] = []
    for i, item in enumerate(raw):
        entry = _plain_entry(item, known) or _checked_entry(r, item, f"history[{i}]", known)
        if entry is not None:
            entries.append(entry)
    return tuple(entries)


def _checked_entry(r: Reader, item: object, path: str, known: set[str]) -> HistoryEntry | None:
    """The logged session, or None after noting every problem with it at `path`."""
    entry = r.obj(item, path, "a logged session")
    if entry is None:
        return None
    before = len(r.problems)
    for key in entry:
        if key not in _HISTORY_KEYS:
            r.fail(
                key_path(path, key),
                f"is not a key of a logged session (known: {', '.join(_HISTORY_KEYS)})",
            )
    day = r.day(entry.get("date"), f"{path}.date") if "date" in entry else None
    if "date" not in entry:
        r.fail(f"{path}.date", "missing")
    zone_ids = _history_zones(r, entry.get("zones"), f"{path}.zones", known)
    needle = entry.get("needle_mm", 1.0)
    if not isinstance(needle, int | float) or isinstance(needle, bool):
        r.fail(f"{path}.needle_mm", f"{show(needle)} is not a number of millimetres")
    elif not NEEDLE_MIN_MM <= needle <= NEEDLE_MAX_MM:
        r.fail(
            f"{path}.needle_mm",
            f"{show(needle)} is outside {NEEDLE_MIN_MM}–{NEEDLE_MAX_MM} mm, the needles ScalpZone plans for",
        )
    status = entry.get("status", "done")
    if not isinstance(status, str) or status not in _STATUSES:
        r.fail(f"{path}.status", f"{show(status)} is not done or skipped")
    note = r.text(entry.get("note", ""), f"{path}.note", NOTE_MAX, empty_ok=True)
    if len(r.problems) > before or day is None or zone_ids is None:
        return None
    return HistoryEntry(day, zone_ids, float(needle), SessionStatus(status), note or "")  # type: ignore[arg-type]


def _history_zones(r: Reader, raw: object, path: str, known: set[str]) -> tuple[str, ...] | None:
    if not isinstance(raw, list) or not raw:
        r.fail(path, f"{show(raw)} is not a list of zone ids")
        return None
    if r.items(raw, path, "zone ids", ZONE_ENTRIES_MAX) is None:
        return None
    ids: dict[str, None] = {}
    for i, zid in enumerate(raw):
        if not isinstance(zid, str) or zid not in known:
            r.fail(f"{path}[{i}]", f"{show(zid)} is not a zone of this map")
        elif zid in ids:
            r.fail(f"{path}[{i}]", f"{show(zid)} is listed twice")
        else:
            ids[zid] = None
    return tuple(ids) if len(ids) == len(raw) else None


def map_document_json(doc: MapDocument) -> dict[str, object]:
    """The document as the JSON object of SPEC §4, every zone written out."""
    out: dict[str, object] = {"format": FORMAT, "version": VERSION}
    if doc.profile_name is not None:
        out["profile"] = {"name": doc.profile_name}
    out["settings"] = doc.settings.to_json()
    out["health"] = doc.health.to_json()
    zones: list[dict[str, object]] = []
    for zone in doc.scalp_map.zones:
        item: dict[str, object] = {"id": zone.id}
        if zone.name is not None:
            item["name"] = zone.name
        item["state"] = zone.state.value
        if zone.state is ZoneState.THINNING or zone.severity != 1:
            item["severity"] = zone.severity
        if zone.blocked_until is not None:
            item["blocked_until"] = zone.blocked_until.isoformat()
        if zone.polygon is not None:
            item["polygon"] = [list(p) for p in zone.polygon]
        zones.append(item)
    out["zones"] = zones
    if doc.scalp_map.hairline:
        out["hairline"] = [list(p) for p in doc.scalp_map.hairline]
    history: list[dict[str, object]] = []
    for entry in doc.history:
        item = {
            "date": entry.date.isoformat(),
            "zones": list(entry.zones),
            "needle_mm": entry.needle_mm,
            "status": entry.status.value,
        }
        if entry.note:
            item["note"] = entry.note
        history.append(item)
    out["history"] = history
    return out


def dump_map_document(doc: MapDocument) -> str:
    """The map file's text: UTF-8 JSON, two-space indented, ending in a newline."""
    return json.dumps(map_document_json(doc), ensure_ascii=False, indent=2) + "\n"


__all__ = [
    "FORMAT",
    "HAIRLINE_MAX_POINTS",
    "MAX_FILE_BYTES",
    "MIN_ZONE_AREA",
    "NAME_MAX",
    "NOTE_MAX",
    "POLYGON_MAX_POINTS",
    "VERSION",
    "ZONE_ENTRIES_MAX",
    "MapDocument",
    "MapFileError",
    "day_problem",
    "dump_map_document",
    "map_document_json",
    "parse_map_data",
    "parse_map_json",
    "read_map_file",
    "read_map_stream",
    "was_read_whole",
]
