"""PhotoStore: a profile's progress photos, their links to zones and their alignments.

Each call is one transaction, as in ProfileStore. Photos arrive already prepared
(`scalpzone.domain.photo_files.read_photo`: upright, stripped, shrunk); a batch is stored
whole or not at all. See docs/photos.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from scalpzone.domain.limits import (
    PHOTO_STORED_MAX_BYTES,
    PHOTOS_MAX_PER_PROFILE,
    THUMBNAIL_STORED_MAX_BYTES,
)
from scalpzone.domain.mapfile_input import day_problem
from scalpzone.domain.photos import Alignment, PhotoInfo, PhotoView, PreparedPhoto
from scalpzone.domain.problems import Problem
from scalpzone.storage.database import Database
from scalpzone.storage.errors import InvalidProfileDataError, PhotoNotFoundError
from scalpzone.storage.photo_rows import PhotoRepository, jpeg_problem
from scalpzone.storage.repositories import ProfileRepository, ZoneRepository
from scalpzone.storage.validated import points_problem

Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class RemovedPhoto:
    """A photo as it was before `remove_photo`, to put back with `restore_photo` (undo)."""

    info: PhotoInfo
    image: bytes
    thumbnail: bytes
    alignments: tuple[tuple[int, int, Alignment], ...]


def _check_prepared(photos: Sequence[PreparedPhoto]) -> None:
    problems: list[Problem] = []
    for i, photo in enumerate(photos):
        where = photo.source_name or f"photo {i + 1}"
        for column, data, most in (
            ("image", photo.image, PHOTO_STORED_MAX_BYTES),
            ("thumbnail", photo.thumbnail, THUMBNAIL_STORED_MAX_BYTES),
        ):
            if (fail := jpeg_problem(data, most)) is not None:
                problems.append(Problem(f"{where}, {column}", fail))
        if (fail := day_problem(photo.taken_on.isoformat())) is not None:
            problems.append(Problem(f"{where}, date", fail))
    if problems:
        raise InvalidProfileDataError("The photos", problems)


def _check_alignment(alignment: Alignment) -> None:
    problems = [
        Problem(where, fail)
        for where, points in (("first", alignment.first), ("second", alignment.second))
        if (fail := points_problem([list(p) for p in points], 2)) is not None or len(points) != 2
    ]
    if problems:
        raise InvalidProfileDataError("The alignment", problems)


class PhotoStore:
    """Every photo call the UI and the CLI make; each is one transaction."""

    def __init__(self, db: Database, *, now: Clock = datetime.now) -> None:
        self._db = db
        self._now = now

    def add_photos(
        self, profile_id: int, view: PhotoView, photos: Sequence[PreparedPhoto]
    ) -> tuple[int, ...]:
        """Store prepared photos of one view, all in one transaction; returns their ids.

        Refused whole (nothing stored) when one is not a JPEG within the limits or the
        profile would hold more than PHOTOS_MAX_PER_PROFILE photos.
        """
        _check_prepared(photos)
        added_at = self._now().replace(microsecond=0)
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            repo = PhotoRepository(session)
            held = repo.count(profile_id)
            if held + len(photos) > PHOTOS_MAX_PER_PROFILE:
                raise InvalidProfileDataError(
                    "The photos",
                    [
                        Problem(
                            "photos",
                            f"the profile holds {held} and {len(photos)} more would pass the "
                            f"{PHOTOS_MAX_PER_PROFILE} maximum",
                        )
                    ],
                )
            return tuple(
                repo.add(
                    profile_id,
                    PhotoInfo(
                        0,
                        view,
                        photo.taken_on,
                        photo.width,
                        photo.height,
                        photo.source_name,
                        added_at,
                        (),
                    ),
                    photo.image,
                    photo.thumbnail,
                )
                for photo in photos
            )

    def photos(self, profile_id: int, view: PhotoView | None = None) -> tuple[PhotoInfo, ...]:
        """The profile's photos (of one view, or all), oldest first; no pixels are read."""
        with self._db.reading() as session:
            ProfileRepository(session).get(profile_id)
            return PhotoRepository(session).infos(profile_id, view)

    def photos_of_zone(self, profile_id: int, zone_id: str) -> tuple[PhotoInfo, ...]:
        """The photos linked to one zone of the map, oldest first."""
        return tuple(p for p in self.photos(profile_id) if zone_id in p.zone_ids)

    def photo(self, profile_id: int, photo_id: int) -> PhotoInfo:
        """One photo's facts (PhotoNotFoundError when the profile has no such photo)."""
        with self._db.reading() as session:
            return PhotoRepository(session).info(profile_id, photo_id)

    def image(self, profile_id: int, photo_id: int) -> bytes:
        """The stored JPEG (long side at most 2,400 px), read when the photo is shown."""
        with self._db.reading() as session:
            return PhotoRepository(session).pixels(profile_id, photo_id, "image")

    def thumbnail(self, profile_id: int, photo_id: int) -> bytes:
        """The stored thumbnail JPEG (long side at most 320 px)."""
        with self._db.reading() as session:
            return PhotoRepository(session).pixels(profile_id, photo_id, "thumbnail")

    def change_photo(
        self,
        profile_id: int,
        photo_id: int,
        *,
        view: PhotoView | None = None,
        taken_on: date | None = None,
    ) -> None:
        """Correct a photo's view or date."""
        if taken_on is not None and (fail := day_problem(taken_on.isoformat())) is not None:
            raise InvalidProfileDataError("The photo", [Problem("date", fail)])
        with self._db.transaction() as session:
            repo = PhotoRepository(session)
            repo.info(profile_id, photo_id)
            from scalpzone.storage.models import PhotoRow  # noqa: PLC0415

            row = session.get(PhotoRow, photo_id)
            assert row is not None
            if view is not None:
                row.view = view.value
            if taken_on is not None:
                row.taken_on = taken_on

    def link_zones(self, profile_id: int, photo_id: int, zone_ids: Iterable[str]) -> None:
        """Make the zones the photo shows exactly these (each must be on the profile's map)."""
        wanted = list(zone_ids)
        with self._db.transaction() as session:
            repo = PhotoRepository(session)
            repo.info(profile_id, photo_id)
            known = ZoneRepository(session).ids(profile_id)
            unknown = [z for z in wanted if z not in known]
            if unknown:
                raise InvalidProfileDataError(
                    "The photo's areas",
                    [Problem("zones", f"{z!r} is not a zone of this map") for z in unknown],
                )
            repo.link(photo_id, wanted)

    def remove_photo(self, profile_id: int, photo_id: int) -> RemovedPhoto:
        """Delete a photo with its links and alignments; returns it, for undo."""
        with self._db.transaction() as session:
            repo = PhotoRepository(session)
            info = repo.info(profile_id, photo_id)
            removed = RemovedPhoto(
                info,
                repo.pixels(profile_id, photo_id, "image"),
                repo.pixels(profile_id, photo_id, "thumbnail"),
                tuple(a for a in repo.alignments(profile_id) if photo_id in (a[0], a[1])),
            )
            repo.remove(photo_id)
            return removed

    def restore_photo(self, profile_id: int, removed: RemovedPhoto) -> None:
        """Put a removed photo back under its own id, with the links and alignments that still
        make sense (zones still on the map, other photos still there)."""
        with self._db.transaction() as session:
            ProfileRepository(session).get(profile_id)
            repo = PhotoRepository(session)
            known = ZoneRepository(session).ids(profile_id)
            info = removed.info
            kept = PhotoInfo(
                info.id,
                info.view,
                info.taken_on,
                info.width,
                info.height,
                info.source_name,
                info.added_at,
                tuple(z for z in info.zone_ids if z in known),
            )
            repo.add(profile_id, kept, removed.image, removed.thumbnail, keep_id=True)
            present = {p.id for p in repo.infos(profile_id)}
            for first, second, alignment in removed.alignments:
                if first in present and second in present:
                    repo.put_alignment(first, second, alignment)

    def alignment(self, profile_id: int, first_id: int, second_id: int) -> Alignment | None:
        """The landmarks remembered for two photos, `first_id`'s points first, or None."""
        with self._db.reading() as session:
            repo = PhotoRepository(session)
            repo.info(profile_id, first_id)
            repo.info(profile_id, second_id)
            for low, high, alignment in repo.alignments(profile_id):
                if (low, high) == (first_id, second_id):
                    return alignment
                if (low, high) == (second_id, first_id):
                    return Alignment(alignment.second, alignment.first)
            return None

    def save_alignment(
        self, profile_id: int, first_id: int, second_id: int, alignment: Alignment
    ) -> None:
        """Remember two landmarks on each of two photos (points in each photo's unit square)."""
        if first_id == second_id:
            raise PhotoNotFoundError("A photo cannot be aligned with itself; pick two photos.")
        _check_alignment(alignment)
        with self._db.transaction() as session:
            repo = PhotoRepository(session)
            repo.info(profile_id, first_id)
            repo.info(profile_id, second_id)
            repo.put_alignment(first_id, second_id, alignment)

    def clear_alignment(self, profile_id: int, first_id: int, second_id: int) -> None:
        """Forget the landmarks of two photos."""
        with self._db.transaction() as session:
            repo = PhotoRepository(session)
            repo.info(profile_id, first_id)
            repo.info(profile_id, second_id)
            repo.drop_alignment(first_id, second_id)
