"""`scalpzone photos add` and `scalpzone photos list`: progress photos from a shell.

Files are read (Pillow) before the database is opened, so a file that cannot be read changes
nothing and the database is not held while photos are decoded. See docs/photos.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from scalpzone.domain.photos import PhotoView
from scalpzone.domain.problems import listed, printable

if TYPE_CHECKING:
    from scalpzone.storage import Database, ProfileStore

EXIT_OK = 0
EXIT_BAD_INPUT = 2

WithDatabase = Callable[[argparse.Namespace, Callable[["Database", "ProfileStore"], int]], int]


def add_photos_parser(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    add_database: Callable[[argparse.ArgumentParser], None],
    day: Callable[[str], date],
) -> None:
    """`photos add` and `photos list` under `commands`."""
    photos = commands.add_parser(
        "photos",
        help="add or list a profile's progress photos",
        description="Add progress photos to a profile, or list them. Photos are kept inside "
        "the database, turned upright, without location or camera data, at most 2400 px.",
    )
    actions = photos.add_subparsers(dest="action", metavar="ACTION", required=True)
    adding = actions.add_parser(
        "add",
        help="add photos of one view",
        description="Add JPEG, PNG or HEIC photos of one view to a profile. If any file cannot "
        "be read, none is added. The files themselves are never changed.",
    )
    adding.add_argument("--profile", metavar="NAME", required=True, help="the profile")
    adding.add_argument(
        "--view",
        required=True,
        choices=[v.value for v in PhotoView],
        help="which part of the head the photos show",
    )
    adding.add_argument(
        "--date",
        type=day,
        default=None,
        help="the day taken, YYYY-MM-DD (default: each picture's own date, else the file's)",
    )
    adding.add_argument("files", type=Path, nargs="+", metavar="FILE", help="photo files")
    add_database(adding)
    listing = actions.add_parser(
        "list",
        help="list a profile's photos, oldest first",
        description="List a profile's photos: id, day, view, size, linked areas, file name.",
    )
    listing.add_argument("--profile", metavar="NAME", required=True, help="the profile")
    listing.add_argument(
        "--view", choices=[v.value for v in PhotoView], default=None, help="only this view"
    )
    add_database(listing)


def run_photos(args: argparse.Namespace, with_database: WithDatabase) -> int:
    """Run `photos add` or `photos list`."""
    if args.action == "add":
        return _add(args, with_database)
    return _list(args, with_database)


def _add(args: argparse.Namespace, with_database: WithDatabase) -> int:
    from scalpzone.domain.photo_files import read_photos  # noqa: PLC0415  (Pillow only here)

    files: list[Path] = args.files
    prepared, problems = read_photos(files, args.date)
    if problems:
        sys.stderr.write(
            f"scalpzone: no photo was added; {len(problems)} of {len(files)} file(s) could not "
            "be read:\n"
        )
        for line in listed(problems):
            sys.stderr.write(f"  {line}\n")
        return EXIT_BAD_INPUT
    view = PhotoView(args.view)

    def store_them(_db: Database, store: ProfileStore) -> int:
        from scalpzone.storage import PhotoStore  # noqa: PLC0415

        summary = store.find_profile(args.profile)
        PhotoStore(_db).add_photos(summary.id, view, prepared)
        days = sorted(p.taken_on for p in prepared)
        span = f"{days[0]}" if days[0] == days[-1] else f"{days[0]} to {days[-1]}"
        count = len(prepared)
        sys.stdout.write(
            f"Added {count} {view.label.lower()} photo{'' if count == 1 else 's'} to the "
            f"profile {printable(summary.name)!r} (taken {span}), kept without location or "
            "camera data.\n"
        )
        return EXIT_OK

    return with_database(args, store_them)


def _list(args: argparse.Namespace, with_database: WithDatabase) -> int:
    def list_them(db: Database, store: ProfileStore) -> int:
        from scalpzone.storage import PhotoStore  # noqa: PLC0415

        summary = store.find_profile(args.profile)
        view = PhotoView(args.view) if args.view else None
        found = PhotoStore(db).photos(summary.id, view)
        if not found:
            sys.stderr.write(f"scalpzone: the profile {printable(summary.name)!r} has no photos.\n")
        for photo in found:
            areas = ",".join(photo.zone_ids) or "-"
            sys.stdout.write(
                f"{photo.id}\t{photo.taken_on}\t{photo.view.value}\t"
                f"{photo.width}x{photo.height}\t{areas}\t{printable(photo.source_name)}\n"
            )
        return EXIT_OK

    return with_database(args, list_them)
