"""The archive's manifest, checked as a map file is: every key, every value, every limit.

The map document inside goes through the map file's own reader; days, points, needles,
photos' facts and alignments are checked here. Every problem is named by its JSON path
("photos[2].view: …"). docs/archive.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import cast

from scalpzone.domain.archive import (
    ARCHIVE_FORMAT,
    ARCHIVE_VERSION,
    MANIFEST,
    ProfileArchive,
    canonical_alignments,
    photo_entry,
)
from scalpzone.domain.geometry import Point
from scalpzone.domain.limits import (
    HAIRLINE_MAX_POINTS,
    HISTORY_MAX_ENTRIES,
    PHOTO_LONG_SIDE,
    PHOTO_STORED_MAX_BYTES,
    PHOTOS_MAX_PER_PROFILE,
    SOURCE_NAME_MAX_CHARS,
    THUMBNAIL_STORED_MAX_BYTES,
)
from scalpzone.domain.mapfile import parse_map_data
from scalpzone.domain.mapfile_input import Reader, decode_text, load_json
from scalpzone.domain.photos import Alignment, PhotoInfo, PhotoView
from scalpzone.domain.problems import Problem, ProblemsError, show
from scalpzone.domain.rules import NEEDLE_MAX_MM, NEEDLE_MIN_MM
from scalpzone.domain.zones import ZoneState

_SHA256 = re.compile(r"[0-9a-f]{64}")
_KEYS = {
    "format",
    "version",
    "profile",
    "health_confirmed_on",
    "hairlines",
    "map_snapshots",
    "rollers",
    "photos",
    "alignments",
}
_PHOTO_KEYS = {
    "image",
    "thumbnail",
    "view",
    "taken_on",
    "width",
    "height",
    "source_name",
    "added_at",
    "zones",
}
_VIEWS = {v.value for v in PhotoView}
_STATES = {s.value for s in ZoneState}


class ArchiveFileError(ProblemsError):
    """An archive refused whole; each problem names the entry or manifest path and why."""


def refused(where: str, why: str) -> ArchiveFileError:
    return ArchiveFileError([Problem(where, why)])


def parse_manifest(data: bytes) -> tuple[ProfileArchive, list[tuple[str, int, str, int]]]:
    top = load_json(decode_text(data, MANIFEST))
    r = Reader()
    if not isinstance(top, Mapping):
        raise refused(MANIFEST, "is not a JSON object")
    if top.get("format") != ARCHIVE_FORMAT:
        raise refused(f"{MANIFEST}: format", f"{show(top.get('format'))} is not {ARCHIVE_FORMAT!r}")
    version = top.get("version")
    if version != ARCHIVE_VERSION:
        newer = (
            isinstance(version, int) and not isinstance(version, bool) and version > ARCHIVE_VERSION
        )
        why = (
            f"is {version}: the archive was written by a newer ScalpZone; this one reads version "
            f"{ARCHIVE_VERSION}. Update ScalpZone to import it."
            if newer
            else f"{show(version)} is not a version of the archive format (this ScalpZone reads {ARCHIVE_VERSION})"
        )
        raise refused(f"{MANIFEST}: version", why)
    for key in sorted(set(top) - _KEYS):
        r.fail(show(key), "is not a key of the archive's manifest")
    for key in sorted(_KEYS - set(top)):
        r.fail(key, "is missing from the manifest")
    if r.problems:
        raise ArchiveFileError(r.problems)
    try:
        document = parse_map_data(top["profile"])
    except ProblemsError as error:
        r.problems.extend(Problem(f"profile.{p.path}", p.message) for p in error.problems)
        raise ArchiveFileError(r.problems) from None
    known = {z.id for z in document.scalp_map.zones}
    confirmed = top["health_confirmed_on"]
    archive = ProfileArchive(
        document=document,
        health_confirmed_on=None if confirmed is None else r.day(confirmed, "health_confirmed_on"),
        hairlines=_hairlines(r, top["hairlines"]),
        map_snapshots=_snapshots(r, top["map_snapshots"]),
        rollers=_rollers(r, top["rollers"]),
        photos=(),
        alignments=(),
    )
    photos, sums = _photos(r, top["photos"], known)
    alignments = _alignments(r, top["alignments"], len(photos))
    if r.problems:
        raise ArchiveFileError(r.problems)
    return (
        ProfileArchive(
            archive.document,
            archive.health_confirmed_on,
            archive.hairlines,
            archive.map_snapshots,
            archive.rollers,
            tuple(photos),
            alignments,
        ),
        sums,
    )


def _dated(
    r: Reader, raw: object, path: str, most: int
) -> Iterator[tuple[str, Mapping[str, object]]]:
    items = r.items(raw, path, "dated entries", most)
    days: set[object] = set()
    for i, item in enumerate(items or []):
        where = f"{path}[{i}]"
        entry = r.obj(item, where, "a dated entry")
        if entry is None:
            continue
        if entry.get("day") in days:
            r.fail(f"{where}.day", f"{show(entry.get('day'))} is given twice")
            continue
        days.add(entry.get("day"))
        yield where, entry


def _hairlines(r: Reader, raw: object) -> tuple[tuple[date, tuple[Point, ...]], ...]:
    found = []
    for where, entry in _dated(r, raw, "hairlines", HISTORY_MAX_ENTRIES):
        day = r.day(entry.get("day"), f"{where}.day")
        points = r.points(entry.get("points"), f"{where}.points", 2, HAIRLINE_MAX_POINTS)
        if day is not None and points is not None:
            found.append((day, points))
    return tuple(found)


def _snapshots(r: Reader, raw: object) -> tuple[tuple[date, tuple[tuple[str, str, int], ...]], ...]:
    found = []
    for where, entry in _dated(r, raw, "map_snapshots", HISTORY_MAX_ENTRIES):
        day = r.day(entry.get("day"), f"{where}.day")
        zones = r.items(entry.get("zones"), f"{where}.zones", "zones", 113)
        states = []
        for j, item in enumerate(zones or []):
            z = r.obj(item, f"{where}.zones[{j}]", "a zone's state")
            if z is None:
                continue
            zid, state, severity = z.get("id"), z.get("state"), z.get("severity")
            if not isinstance(zid, str) or not 1 <= len(zid) <= 40:
                r.fail(f"{where}.zones[{j}].id", f"{show(zid)} is not a zone id")
            elif state not in _STATES:
                r.fail(f"{where}.zones[{j}].state", f"{show(state)} is not a zone state")
            elif not _whole(severity, 1, 3):
                r.fail(f"{where}.zones[{j}].severity", f"{show(severity)} is outside 1–3")
            else:
                states.append((zid, str(state), cast(int, severity)))
        if day is not None and zones is not None:
            found.append((day, tuple(states)))
    return tuple(found)


def _rollers(r: Reader, raw: object) -> tuple[tuple[float, date, date | None], ...]:
    found = []
    for i, item in enumerate(r.items(raw, "rollers", "rollers", HISTORY_MAX_ENTRIES) or []):
        where = f"rollers[{i}]"
        roller = r.obj(item, where, "a roller")
        if roller is None:
            continue
        needle = roller.get("needle_mm")
        if (
            not isinstance(needle, int | float)
            or isinstance(needle, bool)
            or not (NEEDLE_MIN_MM <= needle <= NEEDLE_MAX_MM)
        ):
            r.fail(
                f"{where}.needle_mm",
                f"{show(needle)} is outside {NEEDLE_MIN_MM}–{NEEDLE_MAX_MM} mm",
            )
            continue
        first = r.day(roller.get("first_use"), f"{where}.first_use")
        retired_raw = roller.get("retired_on")
        retired = None if retired_raw is None else r.day(retired_raw, f"{where}.retired_on")
        if first is not None and retired is not None and retired < first:
            r.fail(f"{where}.retired_on", f"{show(retired_raw)} is before its first use")
        elif first is not None and (retired_raw is None or retired is not None):
            found.append((float(needle), first, retired))
    return tuple(found)


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _file(r: Reader, raw: object, where: str, name: str, most: int) -> tuple[str, int] | None:
    entry = r.obj(raw, where, "a file entry")
    if entry is None:
        return None
    if entry.get("file") != name:
        r.fail(f"{where}.file", f"{show(entry.get('file'))} is not {name!r}")
        return None
    size, sha = entry.get("bytes"), entry.get("sha256")
    if not _whole(size, 4, most):
        r.fail(f"{where}.bytes", f"{show(size)} is outside 4–{most}")
        return None
    if not isinstance(sha, str) or not _SHA256.fullmatch(sha):
        r.fail(f"{where}.sha256", f"{show(sha)} is not a SHA-256 in hex")
        return None
    return sha, cast(int, size)


def _photos(
    r: Reader, raw: object, known: set[str]
) -> tuple[list[PhotoInfo], list[tuple[str, int, str, int]]]:
    photos: list[PhotoInfo] = []
    sums: list[tuple[str, int, str, int]] = []
    items = r.items(raw, "photos", "photos", PHOTOS_MAX_PER_PROFILE) or []
    for i, item in enumerate(items):
        where = f"photos[{i}]"
        photo = r.obj(item, where, "a photo")
        if photo is None:
            continue
        before = len(r.problems)
        for key in sorted(set(photo) ^ _PHOTO_KEYS):
            r.fail(
                f"{where}.{show(key)}", "is not a key of a photo" if key in photo else "is missing"
            )
        image = _file(
            r, photo.get("image"), f"{where}.image", photo_entry(i), PHOTO_STORED_MAX_BYTES
        )
        thumb = _file(
            r,
            photo.get("thumbnail"),
            f"{where}.thumbnail",
            photo_entry(i, True),
            THUMBNAIL_STORED_MAX_BYTES,
        )
        view = photo.get("view")
        if view not in _VIEWS:
            r.fail(f"{where}.view", f"{show(view)} is not one of {', '.join(sorted(_VIEWS))}")
        taken = r.day(photo.get("taken_on"), f"{where}.taken_on")
        width, height = photo.get("width"), photo.get("height")
        for key, value in (("width", width), ("height", height)):
            if not _whole(value, 1, PHOTO_LONG_SIDE):
                r.fail(f"{where}.{key}", f"{show(value)} is outside 1–{PHOTO_LONG_SIDE} px")
        source = r.text(
            photo.get("source_name"), f"{where}.source_name", SOURCE_NAME_MAX_CHARS, empty_ok=True
        )
        added = _moment(r, photo.get("added_at"), f"{where}.added_at")
        zones = r.items(photo.get("zones"), f"{where}.zones", "zone ids", len(known))
        for j, zid in enumerate(zones or []):
            if zid not in known:
                r.fail(f"{where}.zones[{j}]", f"{show(zid)} is not a zone of the map")
        if zones is not None and (
            len(set(map(str, zones))) != len(zones) or zones != sorted(map(str, zones))
        ):
            r.fail(f"{where}.zones", "is not a sorted list of zone ids, each once")
        if len(r.problems) > before or None in (image, thumb, taken, source, added, zones):
            continue
        assert image is not None and thumb is not None and taken is not None and added is not None
        photos.append(
            PhotoInfo(
                i,
                PhotoView(cast(str, view)),
                taken,
                cast(int, width),
                cast(int, height),
                cast(str, source),
                added,
                tuple(cast(list[str], zones)),
            )
        )
        sums.append((image[0], image[1], thumb[0], thumb[1]))
    return photos, sums


def _moment(r: Reader, raw: object, where: str) -> datetime | None:
    if isinstance(raw, str) and len(raw) <= 32:
        try:
            when = datetime.fromisoformat(raw)
        except ValueError:
            pass
        else:
            if when.tzinfo is None and r.day(when.date().isoformat(), where) is not None:
                return when
            if when.tzinfo is not None:
                r.fail(where, f"{show(raw)} has a time zone; ScalpZone keeps local times")
            return None
    r.fail(where, f"{show(raw)} is not a date and time (YYYY-MM-DDTHH:MM:SS)")
    return None


def _alignments(r: Reader, raw: object, count: int) -> tuple[tuple[int, int, Alignment], ...]:
    found: list[tuple[int, int, Alignment]] = []
    pairs: set[tuple[int, int]] = set()
    for i, item in enumerate(r.items(raw, "alignments", "alignments", max(1, count * count)) or []):
        where = f"alignments[{i}]"
        entry = r.obj(item, where, "an alignment")
        if entry is None:
            continue
        first, second = entry.get("first"), entry.get("second")
        if not _whole(first, 0, count - 1) or not _whole(second, 0, count - 1) or first == second:
            r.fail(
                where, f"does not name two photos of the archive ({show(first)}, {show(second)})"
            )
            continue
        a, b = cast(int, first), cast(int, second)
        if a > b or (a, b) in pairs:
            r.fail(where, "is not in order (the earlier photo first, each pair once)")
            continue
        pairs.add((a, b))
        one = r.points(entry.get("first_points"), f"{where}.first_points", 2, 2)
        two = r.points(entry.get("second_points"), f"{where}.second_points", 2, 2)
        if one is not None and two is not None:
            found.append((a, b, Alignment((one[0], one[1]), (two[0], two[1]))))
    out = canonical_alignments(found)
    if [(a, b) for a, b, _ in out] != [(a, b) for a, b, _ in found]:
        r.fail("alignments", "are not in order of their photos")
    return out
