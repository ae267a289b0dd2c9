"""Photo rows, read as data from outside (as validated.py reads the map) and written in bulk.

The repository never commits: PhotoStore and the archive own the transaction. Listing photos
reads their facts only; pixels are read one photo at a time (`image`, `thumbnail`), so a
profile with hundreds of photos opens as fast as one without.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, insert, text
from sqlalchemy.orm import Session

from scalpzone.domain.limits import (
    PHOTO_LONG_SIDE,
    PHOTO_STORED_MAX_BYTES,
    SOURCE_NAME_MAX_CHARS,
    THUMBNAIL_STORED_MAX_BYTES,
)
from scalpzone.domain.mapfile_input import day_problem
from scalpzone.domain.photos import Alignment, PhotoInfo, PhotoView
from scalpzone.domain.problems import Problem, show
from scalpzone.storage.errors import PhotoNotFoundError, StoredDataError
from scalpzone.storage.models import (
    PhotoAlignmentRow,
    PhotoDataRow,
    PhotoRow,
    PhotoZoneRow,
)
from scalpzone.storage.validated import points_problem

_VIEWS = {v.value for v in PhotoView}
_JPEG_START = b"\xff\xd8\xff"
_FACTS = (
    "SELECT p.id, p.view, p.taken_on, p.width, p.height, p.source_name, p.added_at "
    "FROM photos p WHERE p.profile_id = :pid"
)
_LINKS = (
    "SELECT z.photo_id, z.zone_id FROM photo_zones z JOIN photos p ON p.id = z.photo_id "
    "WHERE p.profile_id = :pid{} ORDER BY z.photo_id, z.zone_id"
)


@dataclass(frozen=True, slots=True)
class StoredPhoto:
    """Everything about one photo: its facts, pixels and alignments (to put it back, or to
    write it into an archive)."""

    info: PhotoInfo
    image: bytes
    thumbnail: bytes
    alignments: tuple[tuple[int, Alignment], ...]  # (other photo's id, this photo's points first)


def _int_between(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def photo_info(
    row: Sequence[Any], zone_ids: list[object], problems: list[Problem], on_map: set[str]
) -> PhotoInfo | None:
    """A PhotoInfo from a plain row (id, view, taken_on, width, height, source_name, added_at)
    and its linked zone ids, or None with its problems named by row and column. Each linked
    zone must be on the profile's map (`on_map`)."""
    pid, view, taken_on, width, height, source_name, added_at = row
    where = f"photos row {pid}"
    before = len(problems)
    if view not in _VIEWS:
        problems.append(Problem(f"{where}, view", f"{show(view)} is not one of {sorted(_VIEWS)}"))
    if (fail := day_problem(taken_on)) is not None:
        problems.append(Problem(f"{where}, taken_on", fail))
    for column, value in (("width", width), ("height", height)):
        if not _int_between(value, 1, PHOTO_LONG_SIDE):
            problems.append(
                Problem(f"{where}, {column}", f"{show(value)} is outside 1–{PHOTO_LONG_SIDE} px")
            )
    if not isinstance(source_name, str) or len(source_name) > SOURCE_NAME_MAX_CHARS:
        problems.append(
            Problem(
                f"{where}, source_name",
                f"is not text of at most {SOURCE_NAME_MAX_CHARS} characters",
            )
        )
    added = _moment(added_at)
    if added is None:
        problems.append(Problem(f"{where}, added_at", f"{show(added_at)} is not a date and time"))
    problems.extend(
        Problem(f"photo_zones of photo {pid}, zone_id", f"{show(z)} is not a zone of the map")
        for z in zone_ids
        if not isinstance(z, str) or z not in on_map
    )
    if len(problems) > before or added is None:
        return None
    return PhotoInfo(
        pid,
        PhotoView(view),
        date.fromisoformat(taken_on),
        width,
        height,
        source_name,
        added,
        tuple(str(z) for z in zone_ids),
    )


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def jpeg_problem(data: object, most: int) -> str | None:
    """Why stored bytes are not a JPEG of at most `most` bytes, or None."""
    if not isinstance(data, bytes):
        return f"is {type(data).__name__}, not the bytes of a picture"
    if not 4 <= len(data) <= most:
        return f"is {len(data)} bytes, outside 4–{most}"
    if not data.startswith(_JPEG_START):
        return "is not a JPEG picture"
    return None


def alignment_points(raw: str, where: str, problems: list[Problem]) -> tuple[Any, Any] | None:
    """Two points [x, y] in 0–1 from stored JSON, or None with the problem named."""
    try:
        points = json.loads(raw)
    except (ValueError, TypeError, RecursionError):
        problems.append(Problem(where, "is not valid JSON"))
        return None
    fail = points_problem(points, 2)
    if fail is not None:
        problems.append(Problem(where, fail))
        return None
    (ax, ay), (bx, by) = points
    return (float(ax), float(ay)), (float(bx), float(by))


def points_text(points: tuple[tuple[float, float], tuple[float, float]]) -> str:
    """Two points as compact JSON."""
    return json.dumps([list(p) for p in points], separators=(",", ":"))


class PhotoRepository:
    """A profile's photos on a session the caller owns."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def infos(self, profile_id: int, view: PhotoView | None = None) -> tuple[PhotoInfo, ...]:
        """The profile's photos (facts only), by day taken then id; bad rows named."""
        only = " AND p.view = :view" if view else ""
        sql = _FACTS + only + " ORDER BY p.taken_on, p.id"
        params: dict[str, object] = {"pid": profile_id, "view": view.value if view else None}
        links = self._links(_LINKS.format(only), params)
        problems: list[Problem] = []
        zones = self._zone_ids(profile_id)
        found = [
            photo_info(row, links.get(row[0], []), problems, zones)
            for row in self._s.execute(text(sql), params)
        ]
        if problems:
            raise StoredDataError("The photos", problems, profile_id=profile_id)
        return tuple(info for info in found if info is not None)

    def _links(self, sql: str, params: Mapping[str, object]) -> dict[int, list[object]]:
        links: dict[int, list[object]] = {}
        for photo_id, zone_id in self._s.execute(text(sql), params):
            links.setdefault(photo_id, []).append(zone_id)
        return links

    def _zone_ids(self, profile_id: int) -> set[str]:
        return set(
            self._s.execute(
                text("SELECT zone_id FROM zones WHERE profile_id = :pid"), {"pid": profile_id}
            ).scalars()
        )

    def count(self, profile_id: int) -> int:
        """How many photos the profile keeps."""
        return int(
            self._s.execute(
                text("SELECT count(*) FROM photos WHERE profile_id = :pid"), {"pid": profile_id}
            ).scalar_one()
        )

    def info(self, profile_id: int, photo_id: int) -> PhotoInfo:
        """One photo's facts, or PhotoNotFoundError when the profile has no such photo."""
        row = self._s.execute(
            text(_FACTS + " AND p.id = :id"), {"pid": profile_id, "id": photo_id}
        ).first()
        if row is None:
            raise PhotoNotFoundError(
                f"The profile has no photo with id {photo_id} (was it removed?)."
            )
        params = {"pid": profile_id, "id": photo_id}
        links = self._links(_LINKS.format(" AND p.id = :id"), params)
        problems: list[Problem] = []
        found = photo_info(row, links.get(photo_id, []), problems, self._zone_ids(profile_id))
        if found is None:
            raise StoredDataError("The photo", problems, profile_id=profile_id)
        return found

    def pixels(self, profile_id: int, photo_id: int, column: str) -> bytes:
        """The stored JPEG (`image`) or `thumbnail` of one photo, checked to be a JPEG."""
        self.info(profile_id, photo_id)
        most = PHOTO_STORED_MAX_BYTES if column == "image" else THUMBNAIL_STORED_MAX_BYTES
        data = self._s.execute(
            text(f"SELECT {column} FROM photo_data WHERE photo_id = :id"), {"id": photo_id}
        ).scalar()
        fail = jpeg_problem(data, most)
        if fail is not None:
            raise StoredDataError(
                "The photo",
                [Problem(f"photo_data row {photo_id}, {column}", fail)],
                profile_id=profile_id,
            )
        assert isinstance(data, bytes)
        return data

    def add(
        self,
        profile_id: int,
        info: PhotoInfo,
        image: bytes,
        thumbnail: bytes,
        *,
        keep_id: bool = False,
    ) -> int:
        """Store one photo (under `info.id` when `keep_id`), its pixels and its zone links."""
        values: dict[str, object] = {
            "profile_id": profile_id,
            "view": info.view.value,
            "taken_on": info.taken_on,
            "width": info.width,
            "height": info.height,
            "source_name": info.source_name,
            "added_at": info.added_at,
        }
        row = PhotoRow(**values)
        if keep_id:
            row.id = info.id
        self._s.add(row)
        self._s.flush()
        photo_id = row.id
        self._s.execute(
            insert(PhotoDataRow).values(photo_id=photo_id, image=image, thumbnail=thumbnail)
        )
        self.link(photo_id, info.zone_ids)
        return photo_id

    def link(self, photo_id: int, zone_ids: Iterable[str]) -> None:
        """Make the photo's zones exactly these."""
        self._s.execute(delete(PhotoZoneRow).where(PhotoZoneRow.photo_id == photo_id))
        rows = [{"photo_id": photo_id, "zone_id": z} for z in sorted(set(zone_ids))]
        if rows:
            self._s.execute(insert(PhotoZoneRow), rows)

    def unlink_zones(self, profile_id: int, zone_ids: Iterable[str]) -> None:
        """Drop every link of the profile's photos to these zones (they left the map)."""
        gone = list(zone_ids)
        if not gone:
            return
        self._s.execute(
            text(
                "DELETE FROM photo_zones WHERE zone_id IN (SELECT value FROM json_each(:ids)) "
                "AND photo_id IN (SELECT id FROM photos WHERE profile_id = :pid)"
            ),
            {"ids": json.dumps(gone), "pid": profile_id},
        )

    def remove(self, photo_id: int) -> None:
        """Delete a photo; its pixels, links and alignments go with it (ON DELETE CASCADE)."""
        self._s.execute(delete(PhotoRow).where(PhotoRow.id == photo_id))

    def alignments(self, profile_id: int) -> tuple[tuple[int, int, Alignment], ...]:
        """Every alignment between two of the profile's photos, (lower id, higher id, points)."""
        rows = self._s.execute(
            text(
                "SELECT a.first_id, a.second_id, a.first_points, a.second_points "
                "FROM photo_alignments a JOIN photos p ON p.id = a.first_id "
                "WHERE p.profile_id = :pid ORDER BY a.first_id, a.second_id"
            ),
            {"pid": profile_id},
        )
        found: list[tuple[int, int, Alignment]] = []
        problems: list[Problem] = []
        for first, second, first_raw, second_raw in rows:
            where = f"photo_alignments row ({first}, {second})"
            a = alignment_points(first_raw, f"{where}, first_points", problems)
            b = alignment_points(second_raw, f"{where}, second_points", problems)
            if a is not None and b is not None:
                found.append((first, second, Alignment(a, b)))
        if problems:
            raise StoredDataError("The photo alignments", problems, profile_id=profile_id)
        return tuple(found)

    def put_alignment(self, first_id: int, second_id: int, alignment: Alignment) -> None:
        """Remember the landmarks of a pair (the lower id first; a second call replaces)."""
        if first_id > second_id:
            first_id, second_id = second_id, first_id
            alignment = Alignment(alignment.second, alignment.first)
        self.drop_alignment(first_id, second_id)
        self._s.execute(
            insert(PhotoAlignmentRow).values(
                first_id=first_id,
                second_id=second_id,
                first_points=points_text(alignment.first),
                second_points=points_text(alignment.second),
            )
        )

    def drop_alignment(self, first_id: int, second_id: int) -> None:
        """Forget a pair's landmarks (either order)."""
        low, high = sorted((first_id, second_id))
        self._s.execute(
            delete(PhotoAlignmentRow).where(
                PhotoAlignmentRow.first_id == low, PhotoAlignmentRow.second_id == high
            )
        )
