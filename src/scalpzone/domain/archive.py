"""The profile archive (`.scalpzone`): a zip holding a versioned JSON manifest and the photos.

The manifest holds everything a profile has that is not a photo's pixels: the map file's
document (map, settings, health, the whole log with notes), the day the checklist was
confirmed, the dated hairlines and maps, the rollers, and each photo's facts, links and
alignments. The photos are `photos/NNNN.jpg` with `photos/NNNN-thumb.jpg`, named by their place
in the manifest's list, with their size and SHA-256 in the manifest.

Writing is deterministic (fixed timestamps and attributes, entries sorted, keys sorted), so the
same profile always gives the same bytes. Reading trusts nothing: see `archive_reader`.
docs/archive.md.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import BinaryIO

from scalpzone.domain.geometry import Point
from scalpzone.domain.mapfile import MapDocument, map_document_json
from scalpzone.domain.photos import Alignment, PhotoInfo

ARCHIVE_FORMAT = "scalpzone-archive"
ARCHIVE_VERSION = 1
MANIFEST = "manifest.json"
#: Every entry's time in the zip: the earliest a zip can hold, so bytes never depend on when.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_UNIX = 3
_FILE_MODE = 0o100600 << 16


@dataclass(frozen=True, slots=True)
class ProfileArchive:
    """Everything of one profile but the photos' pixels, as the manifest holds it.

    `photos[i].id` is `i`, the photo's place in the archive; alignments name photos so.
    """

    document: MapDocument
    health_confirmed_on: date | None
    hairlines: tuple[tuple[date, tuple[Point, ...]], ...]
    map_snapshots: tuple[tuple[date, tuple[tuple[str, str, int], ...]], ...]
    rollers: tuple[tuple[float, date, date | None], ...]
    photos: tuple[PhotoInfo, ...]
    alignments: tuple[tuple[int, int, Alignment], ...]

    @property
    def name(self) -> str | None:
        """The profile's name as exported."""
        return self.document.profile_name


def photo_entry(index: int, thumbnail: bool = False) -> str:
    """The zip entry of a photo (or its thumbnail) at `index` in the manifest."""
    return f"photos/{index:04d}{'-thumb' if thumbnail else ''}.jpg"


def _points(points: tuple[Point, ...]) -> list[list[float]]:
    return [[x, y] for x, y in points]


def _moment(when: datetime) -> str:
    return when.isoformat()


def manifest_json(
    archive: ProfileArchive, digests: list[tuple[str, int, str, int]]
) -> dict[str, object]:
    """The manifest as a JSON object; `digests[i]` is (image sha256, bytes, thumbnail's …)."""
    photos = []
    for i, photo in enumerate(archive.photos):
        image_sha, image_size, thumb_sha, thumb_size = digests[i]
        photos.append(
            {
                "image": {"file": photo_entry(i), "bytes": image_size, "sha256": image_sha},
                "thumbnail": {
                    "file": photo_entry(i, True),
                    "bytes": thumb_size,
                    "sha256": thumb_sha,
                },
                "view": photo.view.value,
                "taken_on": photo.taken_on.isoformat(),
                "width": photo.width,
                "height": photo.height,
                "source_name": photo.source_name,
                "added_at": _moment(photo.added_at),
                "zones": list(photo.zone_ids),
            }
        )
    return {
        "format": ARCHIVE_FORMAT,
        "version": ARCHIVE_VERSION,
        "profile": map_document_json(archive.document),
        "health_confirmed_on": (
            archive.health_confirmed_on.isoformat() if archive.health_confirmed_on else None
        ),
        "hairlines": [
            {"day": day.isoformat(), "points": _points(points)} for day, points in archive.hairlines
        ],
        "map_snapshots": [
            {
                "day": day.isoformat(),
                "zones": [{"id": z, "state": s, "severity": n} for z, s, n in zones],
            }
            for day, zones in archive.map_snapshots
        ],
        "rollers": [
            {
                "needle_mm": needle,
                "first_use": first.isoformat(),
                "retired_on": retired.isoformat() if retired else None,
            }
            for needle, first, retired in archive.rollers
        ],
        "photos": photos,
        "alignments": [
            {
                "first": first,
                "second": second,
                "first_points": _points(a.first),
                "second_points": _points(a.second),
            }
            for first, second, a in archive.alignments
        ],
    }


def canonical_alignments(
    alignments: list[tuple[int, int, Alignment]],
) -> tuple[tuple[int, int, Alignment], ...]:
    """Alignments with the earlier photo first, in order: one way to write each."""
    out = [
        (a, b, alignment) if a < b else (b, a, Alignment(alignment.second, alignment.first))
        for a, b, alignment in alignments
    ]
    return tuple(sorted(out, key=lambda item: (item[0], item[1])))


def _info(name: str, deflate: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    info.create_system = _UNIX
    info.external_attr = _FILE_MODE
    return info


def _digest(image: bytes, thumbnail: bytes) -> tuple[str, int, str, int]:
    return (
        hashlib.sha256(image).hexdigest(),
        len(image),
        hashlib.sha256(thumbnail).hexdigest(),
        len(thumbnail),
    )


def write_archive(
    stream: BinaryIO,
    archive: ProfileArchive,
    pixels: Callable[[int], tuple[bytes, bytes]],
) -> None:
    """Write the archive to a seekable binary stream; `pixels(i)` gives photo i's JPEG and
    thumbnail. Photos are fetched one at a time (twice: once for the manifest's digests, once
    to write them), so a large profile never sits in memory.

    Entries are in name order: `manifest.json`, then `photos/0000-thumb.jpg`,
    `photos/0000.jpg`, …
    """
    count = len(archive.photos)
    digests = [_digest(*pixels(i)) for i in range(count)]
    text = json.dumps(manifest_json(archive, digests), ensure_ascii=False, indent=1, sort_keys=True)
    with zipfile.ZipFile(stream, "w", compresslevel=6) as zf:
        zf.writestr(_info(MANIFEST, True), (text + "\n").encode("utf-8"))
        for i in range(count):
            image, thumbnail = pixels(i)  # within one read of the database: the same bytes
            zf.writestr(_info(photo_entry(i, True), False), thumbnail)
            zf.writestr(_info(photo_entry(i), False), image)
