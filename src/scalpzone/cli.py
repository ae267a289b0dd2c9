"""The `scalpzone` command: opens the app, or plans, imports, exports and restores from a shell.

Nothing here imports Qt unless the app window is asked for, and nothing imports SQLAlchemy
(the storage package) unless a command needs the database: `scalpzone plan FILE` stays light.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from scalpzone.cli_archive import ARCHIVE_SUFFIX, is_zip, run_archive_export, run_archive_import
from scalpzone.cli_errors import run_reported
from scalpzone.cli_parser import build_parser
from scalpzone.cli_photos import run_photos
from scalpzone.cli_report import run_report
from scalpzone.domain.mapfile import (
    MapDocument,
    dump_map_document,
    read_map_file,
    read_map_stream,
)
from scalpzone.domain.plan import Plan
from scalpzone.domain.planner import make_plan
from scalpzone.qt_options import split_qt_options
from scalpzone.terminal import neutral_output

if TYPE_CHECKING:
    from scalpzone.storage import Database, ProfileStore

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def _written(path: Path, content: bytes | Callable[[Path], object]) -> bool:
    """Write `content` to `path` whole (or have the writer given do it through the safe write);
    on failure say which file and why (the old file is unchanged) and return False."""
    from scalpzone.storage import FileWriteError, write_atomically  # noqa: PLC0415

    try:
        if isinstance(content, bytes):
            write_atomically(path, content)
        else:
            content(path)
    except FileWriteError as error:
        sys.stderr.write(f"scalpzone: {error}\n")
        return False
    return True


def _read_document(path: Path) -> MapDocument:
    """The map file at `path`, or standard input for "-", read within the size limit."""
    if str(path) == "-":
        return read_map_stream(sys.stdin.buffer)
    return read_map_file(path)


def _with_document(args: argparse.Namespace, use: Callable[[MapDocument], int]) -> int:
    """Run `use` on the map file given, or on the stored profile named by --profile."""
    if args.file is not None:
        return use(_read_document(args.file))

    def from_profile(_db: Database, store: ProfileStore) -> int:
        return use(store.export_document(store.find_profile(args.profile).id))

    return _with_database(args, from_profile)


def _plan_for(doc: MapDocument, args: argparse.Namespace) -> Plan:
    start = args.start or date.today()
    return make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, start, args.weeks)


def _cmd_plan(args: argparse.Namespace) -> int:
    def show(doc: MapDocument) -> int:
        plan = _plan_for(doc, args)
        if args.format == "json":
            sys.stdout.write(json.dumps(plan.to_json(), ensure_ascii=False, indent=2) + "\n")
        else:
            from scalpzone.plan_text import render_plan_text  # noqa: PLC0415  (not for the window)

            sys.stdout.write(render_plan_text(plan, doc.scalp_map, doc.settings, doc.profile_name))
        return EXIT_OK

    return _with_document(args, show)


def _cmd_print(args: argparse.Namespace) -> int:
    def print_it(doc: MapDocument) -> int:
        plan = _plan_for(doc, args)
        # Printing needs Qt's painter and fonts but never a screen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication, QPageSize  # noqa: PLC0415  (Qt only here)

        from scalpzone.ui.printing.plan_sheet import (  # noqa: PLC0415
            PlanSheet,
            SheetContent,
            default_page_size,
            write_pdf,
        )

        _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        paper = {
            "a4": QPageSize(QPageSize.PageSizeId.A4),
            "letter": QPageSize(QPageSize.PageSizeId.Letter),
        }.get(args.paper or "", default_page_size())
        content = SheetContent(
            plan, doc.scalp_map, doc.settings, doc.profile_name, history=tuple(doc.history)
        )
        sheet = PlanSheet(content)
        if not _written(args.output, lambda path: write_pdf(sheet, path, paper)):
            return EXIT_FAILURE
        pages = sheet.page_count
        sys.stdout.write(
            f"Wrote the plan for {plan.start:%d %b} – {plan.end:%d %b %Y} to {args.output} "
            f"({pages} page{'' if pages == 1 else 's'}, {paper.name()}).\n"
        )
        return EXIT_OK

    return _with_document(args, print_it)


def _cmd_export_ics(args: argparse.Namespace) -> int:
    def export_it(doc: MapDocument) -> int:
        from scalpzone.calendar_file import write_calendar  # noqa: PLC0415  (icalendar only here)

        plan = _plan_for(doc, args)
        owner = doc.profile_name or "ScalpZone"
        calendar = (doc.scalp_map, doc.settings, owner, doc.history)
        if not _written(args.output, lambda path: write_calendar(path, plan, *calendar)):
            return EXIT_FAILURE
        count = len(plan.sessions)
        sys.stdout.write(
            f"Wrote {count} session{'' if count == 1 else 's'} to {args.output}"
            f" ({plan.start:%d %b} – {plan.end:%d %b %Y}).\n"
        )
        if plan.message:
            sys.stdout.write(f"{plan.message}\n")
        return EXIT_OK

    return _with_document(args, export_it)


def _cmd_import(args: argparse.Namespace) -> int:
    if str(args.file) != "-" and is_zip(args.file):
        return run_archive_import(args, _with_database)
    doc = _read_document(args.file)  # before the database opens: a bad file changes nothing

    def store_it(db: Database, store: ProfileStore) -> int:
        pid = store.import_document(doc, args.profile)
        # Only the name as stored is wanted: reading the whole profile back would check again
        # every row that the reader has just checked.
        name = next(s.name for s in store.profiles() if s.id == pid)
        sessions = len(doc.history)
        sys.stdout.write(
            f"Imported {args.file} as the profile {name!r} ({sessions} logged session"
            f"{'' if sessions == 1 else 's'}) into {db.path}.\n"
        )
        return EXIT_OK

    return _with_database(args, store_it)


def _cmd_export(args: argparse.Namespace) -> int:
    if args.output.suffix.lower() == ARCHIVE_SUFFIX:
        return run_archive_export(args, _with_database)

    def export_it(_db: Database, store: ProfileStore) -> int:
        summary = store.find_profile(args.profile)
        document = store.export_document(summary.id)
        if not _written(args.output, dump_map_document(document).encode("utf-8")):
            return EXIT_FAILURE
        sys.stdout.write(f"Exported the profile {summary.name!r} to {args.output}.\n")
        return EXIT_OK

    return _with_database(args, export_it)


def _cmd_profiles(args: argparse.Namespace) -> int:
    def list_them(_db: Database, store: ProfileStore) -> int:
        for summary in store.profiles():
            sys.stdout.write(f"{summary.name}\n")
        return EXIT_OK

    return _with_database(args, list_them)


def _cmd_backups(args: argparse.Namespace) -> int:
    def list_them(db: Database, _store: ProfileStore) -> int:
        found = db.list_backups()
        if not found:
            sys.stderr.write(f"scalpzone: no backups yet of {db.path}.\n")
        for backup in found:
            size = max(1, round(backup.size / 1024))
            sys.stdout.write(f"{backup.name}  {backup.describe()}, {size} KB\n")
        others = db.other_backups()
        if others:
            sys.stderr.write(
                f"scalpzone: {len(others)} more backup(s) beside it are not of this database "
                "(another database's, or shared ones from an earlier version that cannot be "
                "told apart); they are kept untouched and are not restored from here.\n"
            )
        return EXIT_OK

    def restore_it(db: Database, _store: ProfileStore) -> int:
        sys.stdout.write(db.restore_backup(args.name) + "\n")
        return EXIT_OK

    return _with_database(args, list_them if args.action == "list" else restore_it)


def _with_database(
    args: argparse.Namespace, action: Callable[[Database, ProfileStore], int]
) -> int:
    """Open the database (saying what happened at open), run the action, close it."""
    from scalpzone.storage import (  # noqa: PLC0415  (SQLAlchemy only for database commands)
        ArchiveError,
        BackupNotFoundError,
        Database,
        InvalidProfileDataError,
        NotScalpZoneDatabaseError,
        ProfileNameError,
        ProfileNotFoundError,
        ProfileStore,
        StorageError,
    )

    try:
        db = Database.open(args.database)
        try:
            for notice in db.notices:
                sys.stderr.write(f"scalpzone: {notice}\n")
            return action(db, ProfileStore(db))
        finally:
            db.close()
    except (
        ArchiveError,
        ProfileNotFoundError,
        ProfileNameError,
        BackupNotFoundError,
        InvalidProfileDataError,
        NotScalpZoneDatabaseError,
    ) as error:
        sys.stderr.write(f"scalpzone: {error}\n")
        return EXIT_BAD_INPUT
    except StorageError as error:
        sys.stderr.write(f"scalpzone: {error}\n")
        return EXIT_FAILURE


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "plan": _cmd_plan,
    "print": _cmd_print,
    "export-ics": _cmd_export_ics,
    "import": _cmd_import,
    "export": _cmd_export,
    "photos": lambda args: run_photos(args, _with_database),
    "profiles": _cmd_profiles,
    "report": lambda args: run_report(args, _with_database, _written),
    "backups": _cmd_backups,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of raising."""
    with neutral_output():  # user text never reaches the terminal as control sequences
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    qt_options, own = split_qt_options(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(own)
    if args.command is not None and args.app_database is not None:
        # `scalpzone --database X import FILE` means X, never the default database.
        if getattr(args, "database", None) not in (None, args.app_database):
            parser.error("--database is given twice with two different paths")
        args.database = args.app_database
    if args.self_test:
        from scalpzone.selftest import run_self_test  # noqa: PLC0415

        return run_self_test(qt_options=qt_options)
    if args.command is None:
        from scalpzone.app import run_app  # noqa: PLC0415  (Qt only on the GUI path)

        return run_app([sys.argv[0], *qt_options], args.app_database)
    if hasattr(args, "subparser") and (args.file is None) == (args.profile is None):
        source_parser: argparse.ArgumentParser = args.subparser
        if args.file is None:
            source_parser.error("the following arguments are required: FILE (or --profile NAME)")
        source_parser.error("give a map FILE or --profile NAME, not both")
    return run_reported(COMMANDS[args.command], args)


def entry_point() -> None:
    """Console-script entry: exit with main()'s status."""
    sys.exit(main())
