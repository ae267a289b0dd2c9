"""The course report of a stored profile: what the store holds, handed to the domain's builder."""

from __future__ import annotations

from datetime import date

from scalpzone.domain.course_report import CourseReport, ReportPhoto, build_course_report
from scalpzone.storage import ProfileStore


def stored_photos(
    store: ProfileStore, profile_id: int, first: date, last: date
) -> list[ReportPhoto]:
    """The profile's photos dated within the range (none until photos are stored)."""
    del store, profile_id, first, last
    return []


def load_course_report(
    store: ProfileStore, profile_id: int, first: date, last: date, today: date
) -> CourseReport:
    """The report on `first` … `last` of the stored profile (ValueError for a refused range)."""
    stored = store.load_profile(profile_id)
    return build_course_report(
        stored.document,
        profile_name=stored.name,
        snapshots=store.map_snapshots(profile_id),
        rollers=store.rollers(profile_id),
        health_confirmed_on=stored.health_confirmed_on,
        photos=stored_photos(store, profile_id, first, last),
        first=first,
        last=last,
        today=today,
    )
