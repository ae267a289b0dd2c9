"""`scalpzone export --output FILE.scalpzone` and `scalpzone import FILE.scalpzone`: the archive.

The plain map file (SPEC §4) stays what `export` writes for any other name; `import` tells
the two apart by the file's first bytes (a zip). docs/archive.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from scalpzone.domain.problems import printable

if TYPE_CHECKING:
    from scalpzone.storage import Database, ProfileStore

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
ARCHIVE_SUFFIX = ".scalpzone"
_ZIP_MAGIC = b"PK\x03\x04"

WithDatabase = Callable[[argparse.Namespace, Callable[["Database", "ProfileStore"], int]], int]


def is_zip(path: Path) -> bool:
    """Whether the file starts as a zip does (an archive, not a map file)."""
    try:
        with path.open("rb") as stream:
            return stream.read(4) == _ZIP_MAGIC
    except OSError:
        return False  # the map file reader says what is wrong with it


def run_archive_export(args: argparse.Namespace, with_database: WithDatabase) -> int:
    """Write the profile named by --profile to the archive --output."""

    def export_it(db: Database, store: ProfileStore) -> int:
        from scalpzone.storage import FileWriteError, ProfileArchives  # noqa: PLC0415

        summary = store.find_profile(args.profile)
        try:
            ProfileArchives(db).export_profile(summary.id, args.output)
        except FileWriteError as error:
            sys.stderr.write(f"scalpzone: {error}\n")
            return EXIT_FAILURE
        size = args.output.stat().st_size
        sys.stdout.write(
            f"Exported the profile {printable(summary.name)!r} with everything in it to "
            f"{printable(str(args.output))} ({size / 1e6:.1f} MB).\n"
        )
        return EXIT_OK

    return with_database(args, export_it)


def run_archive_import(args: argparse.Namespace, with_database: WithDatabase) -> int:
    """Store the archive FILE as a new profile (named --profile, else the archive's name)."""
    from scalpzone.storage import ArchiveError, read_archive  # noqa: PLC0415

    try:
        archive = read_archive(args.file)  # checked whole before the database is opened
    except ArchiveError as error:
        sys.stderr.write(f"scalpzone: {error}\n")
        return EXIT_BAD_INPUT

    def import_it(db: Database, store: ProfileStore) -> int:
        from scalpzone.storage import ProfileArchives  # noqa: PLC0415

        pid = ProfileArchives(db).import_profile(args.file, args.profile)
        name = next(s.name for s in store.profiles() if s.id == pid)
        sessions, photos = len(archive.document.history), len(archive.photos)
        sys.stdout.write(
            f"Imported {printable(str(args.file))} as the profile {printable(name)!r} "
            f"({sessions} logged session{'' if sessions == 1 else 's'}, {photos} photo"
            f"{'' if photos == 1 else 's'}) into {db.path}.\n"
        )
        return EXIT_OK

    return with_database(args, import_it)
