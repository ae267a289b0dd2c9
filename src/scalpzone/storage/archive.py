"""A whole profile out to one `.scalpzone` file and back in, losing nothing (docs/archive.md).

Export reads the profile in one read transaction (so the archive is one consistent state),
checked as every read is, and writes the file through `write_atomically`. Import checks the
whole archive before and while it writes, in one transaction: a refused archive changes
nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import insert
from sqlalchemy.orm import Session

from scalpzone.domain.archive import ProfileArchive, canonical_alignments, write_archive
from scalpzone.domain.archive_manifest import ArchiveFileError
from scalpzone.domain.archive_reader import open_archive, read_archive_file
from scalpzone.domain.photos import PhotoInfo
from scalpzone.domain.problems import listed, printable
from scalpzone.storage.database import Database
from scalpzone.storage.errors import ArchiveError
from scalpzone.storage.log_repositories import LogRepository, RollerRepository
from scalpzone.storage.models import MapSnapshotRow, RollerRow
from scalpzone.storage.photo_rows import PhotoRepository
from scalpzone.storage.repositories import (
    HealthRepository,
    ProfileRepository,
    SettingsRepository,
    SnapshotRepository,
    ZoneRepository,
    points_json,
)
from scalpzone.storage.store import ProfileStore, clean_name
from scalpzone.storage.validated import load_document

#: The first bytes of every zip file: how `import` tells an archive from a map file.
ZIP_MAGIC = b"PK\x03\x04"


def is_archive(path: Path) -> bool:
    """Whether the file at `path` is a zip (an archive) rather than a map file."""
    try:
        with path.open("rb") as stream:
            return stream.read(4) == ZIP_MAGIC
    except OSError:
        return False


def _refusal(path: Path, error: ArchiveFileError) -> ArchiveError:
    lines = "\n".join(f"  {line}" for line in listed(error.problems))
    return ArchiveError(f"{printable(str(path))} was not imported; nothing was changed:\n{lines}")


def read_archive(path: Path) -> ProfileArchive:
    """The profile in an archive file, every part checked (photos too), without a database:
    for a preview before importing. ArchiveError says what is wrong."""
    try:
        return read_archive_file(path)
    except ArchiveFileError as error:
        raise _refusal(path, error) from None


def _profile_archive(session: Session, profile_id: int) -> ProfileArchive:
    """Everything of a profile but the pixels, read and checked in one transaction."""
    _, document, confirmed = load_document(session, profile_id)
    snapshots = SnapshotRepository(session)
    photos = PhotoRepository(session)
    infos = photos.infos(profile_id)
    place = {info.id: i for i, info in enumerate(infos)}
    return ProfileArchive(
        document=document,
        health_confirmed_on=confirmed,
        hairlines=snapshots.hairlines(profile_id),
        map_snapshots=tuple(
            (m.day, tuple((z.zone_id, z.state.value, z.severity) for z in m.zones))
            for m in snapshots.maps(profile_id)
        ),
        rollers=tuple(
            (r.needle_mm, r.first_use, r.retired_on)
            for r in RollerRepository(session).all(profile_id)
        ),
        photos=tuple(
            PhotoInfo(
                i,
                p.view,
                p.taken_on,
                p.width,
                p.height,
                p.source_name,
                p.added_at,
                p.zone_ids,
            )
            for i, p in enumerate(infos)
        ),
        alignments=canonical_alignments(
            [(place[a], place[b], al) for a, b, al in photos.alignments(profile_id)]
        ),
    )


class ProfileArchives:
    """Export a profile to an archive file, and import one as a new profile."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def export_profile(self, profile_id: int, path: Path) -> None:
        """Write the profile, photos and all, to `path` (FileWriteError if it cannot be)."""
        with self._db.reading() as session:
            archive = _profile_archive(session, profile_id)
            repo = PhotoRepository(session)
            infos = repo.infos(profile_id)

            def pixels(i: int) -> tuple[bytes, bytes]:
                photo_id = infos[i].id
                return (
                    repo.pixels(profile_id, photo_id, "image"),
                    repo.pixels(profile_id, photo_id, "thumbnail"),
                )

            from scalpzone.storage.writes import write_atomically  # noqa: PLC0415

            write_atomically(Path(path), lambda stream: write_archive(stream, archive, pixels))

    def import_profile(self, path: Path, name: str | None = None) -> int:
        """A new profile holding everything in the archive; returns its id.

        The name is `name`, else the archive's; ProfileNameError when it is taken (ask for
        another). ArchiveError when the archive is refused; nothing is changed then.
        """
        path = Path(path)
        try:
            with path.open("rb") as stream:
                return self._import(stream, path, name)
        except IsADirectoryError:
            raise ArchiveError(f"{printable(str(path))} is a folder, not an archive.") from None
        except OSError as error:
            raise ArchiveError(
                f"{printable(str(path))} could not be read "
                f"({error.strerror or 'the system refused'}); nothing was changed."
            ) from None

    def _import(self, stream: BinaryIO, path: Path, name: str | None) -> int:
        try:
            with open_archive(stream) as reader, self._db.transaction() as session:
                archive = reader.archive
                pid = _store_profile(session, archive, name)
                repo = PhotoRepository(session)
                ids = []
                for i, info in enumerate(archive.photos):
                    image, thumbnail = reader.pixels(i)
                    ids.append(repo.add(pid, info, image, thumbnail))
                for first, second, alignment in archive.alignments:
                    repo.put_alignment(ids[first], ids[second], alignment)
                return pid
        except ArchiveFileError as error:
            raise _refusal(path, error) from None


def _store_profile(session: Session, archive: ProfileArchive, name: str | None) -> int:
    """Write everything but the photos; the caller's transaction makes it all or nothing."""
    doc = archive.document
    profiles = ProfileRepository(session)
    given = name if name is not None else doc.profile_name
    cleaned = clean_name(given if given is not None else "Imported profile")
    ProfileStore.refuse_taken(profiles, cleaned)
    row = profiles.add(cleaned)
    pid = row.id
    row.hairline = points_json(doc.scalp_map.hairline)
    ZoneRepository(session).save(pid, doc.scalp_map.zones)
    SettingsRepository(session).save(pid, doc.settings)
    HealthRepository(session).save(pid, doc.health, archive.health_confirmed_on)
    LogRepository(session).add(pid, doc.history)
    snapshots = SnapshotRepository(session)
    for day, points in archive.hairlines:
        snapshots.put_hairline(pid, day, points)
    if archive.map_snapshots:
        session.execute(
            insert(MapSnapshotRow),
            [
                {
                    "profile_id": pid,
                    "day": day,
                    "zones": json.dumps(
                        [{"id": z, "state": s, "severity": n} for z, s, n in zones],
                        separators=(",", ":"),
                    ),
                }
                for day, zones in archive.map_snapshots
            ],
        )
    for needle, first_use, retired_on in archive.rollers:
        session.add(
            RollerRow(profile_id=pid, needle_mm=needle, first_use=first_use, retired_on=retired_on)
        )
    session.flush()
    return pid
