"""The course report of a stored profile: what the store holds, handed to the domain's builder."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from scalpzone.domain.course_report import (
    CourseReport,
    ReportPhoto,
    RollerUse,
    build_course_report,
)
from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.progress import DatedMap
from scalpzone.storage import PhotoStore


def stored_photos(
    photos: PhotoStore | None, profile_id: int, first: date, last: date
) -> list[ReportPhoto]:
    """The first and latest photo of each view dated within the range, with their pictures.

    Only those two per view are read from the database: a profile's other photos stay unread.
    """
    if photos is None:
        return []
    chosen: dict[str, list[tuple[int, str, date]]] = {}
    for info in photos.photos(profile_id):  # oldest first, no pixels read
        if first <= info.taken_on <= last:
            chosen.setdefault(info.view.value, []).append((info.id, info.view.label, info.taken_on))
    out = []
    for view, shots in chosen.items():
        for photo_id, label, day in dict.fromkeys((shots[0], shots[-1])):
            out.append(ReportPhoto(view, label, day, photos.image(profile_id, photo_id)))
    return out


class _Stored(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def document(self) -> MapDocument: ...
    @property
    def health_confirmed_on(self) -> date | None: ...


class ReportSource(Protocol):
    """What the report reads of a profile (the UI's store and storage's ProfileStore have it)."""

    def load_profile(self, profile_id: int) -> _Stored: ...
    def map_snapshots(self, profile_id: int) -> Sequence[DatedMap]: ...
    def rollers(self, profile_id: int) -> Sequence[RollerUse]: ...


def load_course_report(
    store: ReportSource,
    photos: PhotoStore | None,
    profile_id: int,
    first: date,
    last: date,
    today: date,
) -> CourseReport:
    """The report on `first` … `last` of the stored profile (ValueError for a refused range)."""
    stored = store.load_profile(profile_id)
    return build_course_report(
        stored.document,
        profile_name=stored.name,
        snapshots=store.map_snapshots(profile_id),
        rollers=store.rollers(profile_id),
        health_confirmed_on=stored.health_confirmed_on,
        photos=stored_photos(photos, profile_id, first, last),
        first=first,
        last=last,
        today=today,
    )
