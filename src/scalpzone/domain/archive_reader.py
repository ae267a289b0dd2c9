"""Reading a profile archive without trusting it: the zip, its names, its sizes, its manifest.

Refused, each with a problem that says what is wrong: a file that is not a readable zip; an
entry whose name a ScalpZone archive never has (so `../` and absolute names are refused before
anything is read); an entry twice; encrypted or oddly compressed entries; an entry larger than
its limit, or one that would grow more than ARCHIVE_MAX_RATIO times when unpacked (a zip bomb);
a manifest of another format or version, or one that breaks any rule of the map file or of
photos; a manifest that lies (a photo it lists that is missing, an entry it does not list, a
size or SHA-256 that does not match the bytes). Nothing is ever written to disk from an archive:
entries are read into memory within their limits. docs/archive.md.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from scalpzone.domain.archive import (
    MANIFEST,
    ProfileArchive,
    photo_entry,
)
from scalpzone.domain.archive_manifest import ArchiveFileError, parse_manifest, refused
from scalpzone.domain.limits import (
    ARCHIVE_MANIFEST_MAX_BYTES,
    ARCHIVE_MAX_RATIO,
    PHOTO_STORED_MAX_BYTES,
    PHOTOS_MAX_PER_PROFILE,
    THUMBNAIL_STORED_MAX_BYTES,
)
from scalpzone.domain.problems import Problem, show

#: Below this an entry's compression ratio is not looked at (a tiny JSON may deflate a lot).
_RATIO_FLOOR = 1024 * 1024
_JPEG_START = b"\xff\xd8\xff"


class ArchiveReader:
    """An open archive whose zip structure and manifest passed every check.

    `archive` is the profile; `pixels(i)` reads photo i and its thumbnail, checked against
    the manifest's sizes and SHA-256 (ArchiveFileError when they differ).
    """

    def __init__(
        self, zf: zipfile.ZipFile, archive: ProfileArchive, sums: list[tuple[str, int, str, int]]
    ) -> None:
        self._zf = zf
        self.archive = archive
        self._sums = sums

    def pixels(self, index: int) -> tuple[bytes, bytes]:
        """Photo `index`'s JPEG and thumbnail, each exactly as the manifest describes."""
        image_sha, image_size, thumb_sha, thumb_size = self._sums[index]
        return (
            self._entry(photo_entry(index), image_size, image_sha, PHOTO_STORED_MAX_BYTES),
            self._entry(
                photo_entry(index, True), thumb_size, thumb_sha, THUMBNAIL_STORED_MAX_BYTES
            ),
        )

    def _entry(self, name: str, size: int, sha: str, most: int) -> bytes:
        data = _read_entry(self._zf, self._zf.getinfo(name), most)
        if len(data) != size:
            raise refused(name, f"holds {len(data)} bytes, but the manifest says {size}")
        if hashlib.sha256(data).hexdigest() != sha:
            raise refused(name, "does not match the SHA-256 the manifest gives for it")
        if not data.startswith(_JPEG_START):
            raise refused(name, "is not a JPEG picture")
        return data


@contextmanager
def open_archive(stream: BinaryIO) -> Iterator[ArchiveReader]:
    """The archive in `stream` (a seekable binary file), checked; ArchiveFileError if refused."""
    try:
        zf = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise refused("(archive)", f"is not a readable zip file ({error})") from None
    with zf:
        entries = _check_entries(zf)
        manifest = _read_entry(zf, entries[MANIFEST], ARCHIVE_MANIFEST_MAX_BYTES)
        archive, sums = parse_manifest(manifest)
        expected = {MANIFEST} | {photo_entry(i, t) for i in range(len(sums)) for t in (False, True)}
        problems = [
            Problem(name, "is listed in the manifest but not in the archive")
            for name in sorted(expected - entries.keys())
        ] + [
            Problem(name, "is in the archive but the manifest does not list it")
            for name in sorted(entries.keys() - expected)
        ]
        for i, (_, image_size, _, thumb_size) in enumerate(sums):
            for name, size in ((photo_entry(i), image_size), (photo_entry(i, True), thumb_size)):
                info = entries.get(name)
                if info is not None and info.file_size != size:
                    problems.append(
                        Problem(name, f"is {info.file_size} bytes, but the manifest says {size}")
                    )
        if problems:
            raise ArchiveFileError(problems)
        yield ArchiveReader(zf, archive, sums)


def _name_problem(name: str) -> str | None:
    if name == MANIFEST or re.fullmatch(r"photos/[0-9]{4}(-thumb)?\.jpg", name):
        return None
    return "is not a name a ScalpZone archive has (nothing is unpacked from it)"


def _check_entries(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """Every entry by name, after the checks that need no reading."""
    infos = zf.infolist()
    most = 1 + 2 * PHOTOS_MAX_PER_PROFILE
    if len(infos) > most:
        raise refused("(archive)", f"has {len(infos)} entries, above the {most} maximum")
    problems: list[Problem] = []
    entries: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        where = show(name)
        if (why := _name_problem(name)) is not None:
            problems.append(Problem(where, why))
            continue
        if name in entries:
            problems.append(Problem(where, "is in the archive twice"))
            continue
        entries[name] = info
        limit = _limit(name)
        if info.flag_bits & 0x1:
            problems.append(Problem(where, "is encrypted"))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            problems.append(Problem(where, "is compressed in a way ScalpZone does not read"))
        if info.file_size > limit:
            problems.append(
                Problem(where, f"unpacks to {info.file_size} bytes, above the {limit} maximum")
            )
        elif info.file_size > _RATIO_FLOOR and info.file_size > ARCHIVE_MAX_RATIO * max(
            1, info.compress_size
        ):
            problems.append(
                Problem(
                    where,
                    f"would grow {info.file_size // max(1, info.compress_size)} times when "
                    f"unpacked, above the {ARCHIVE_MAX_RATIO} times an archive needs",
                )
            )
    if MANIFEST not in entries and not problems:
        problems.append(Problem(MANIFEST, "is missing: this is not a ScalpZone archive"))
    if problems:
        raise ArchiveFileError(problems)
    return entries


def _limit(name: str) -> int:
    if name == MANIFEST:
        return ARCHIVE_MANIFEST_MAX_BYTES
    return THUMBNAIL_STORED_MAX_BYTES if name.endswith("-thumb.jpg") else PHOTO_STORED_MAX_BYTES


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, most: int) -> bytes:
    """An entry's bytes, never more than `most` whatever its header says; CRC checked."""
    try:
        with zf.open(info) as entry:
            data = entry.read(most + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as error:
        raise refused(show(info.filename), f"cannot be unpacked ({error})") from None
    if len(data) > most:
        raise refused(show(info.filename), f"unpacks to more than {most} bytes, the maximum")
    return data


def read_archive_file(path: Path) -> ProfileArchive:
    """Check a whole archive file (every photo's bytes too) and return its profile."""
    try:
        with path.open("rb") as stream, open_archive(stream) as reader:
            for i in range(len(reader.archive.photos)):
                reader.pixels(i)
            return reader.archive
    except IsADirectoryError:
        raise refused(show(str(path)), "is a folder, not an archive") from None
    except OSError as error:
        raise refused(
            show(str(path)), f"cannot be read ({error.strerror or 'the system refused'})"
        ) from None
