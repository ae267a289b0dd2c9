"""The `scalpzone` command's arguments: every subcommand, its options and their checks.

Bad values are refused here, by argparse, with the field, the value and the limit.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from scalpzone import __version__
from scalpzone.cli_photos import add_photos_parser
from scalpzone.cli_report import add_report_command
from scalpzone.domain.mapfile_input import day_problem
from scalpzone.domain.planner import MAX_WEEKS
from scalpzone.domain.problems import show

DATABASE_HELP = (
    "the database file (default: $SCALPZONE_DB, else scalpzone.sqlite3 in your user data folder)"
)


def _iso_date(text: str) -> date:
    problem = day_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return date.fromisoformat(text)


def _weeks(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{show(text)} is not a whole number of weeks") from None
    if not 1 <= value <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"{value} is outside 1–{MAX_WEEKS} weeks")
    return value


def database_path(text: str) -> Path:
    """`--database`'s value: a path that is not empty (an empty one would mean this folder)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty; give a database file name")
    return Path(text)


def _add_database(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database", type=database_path, metavar="PATH", default=None, help=DATABASE_HELP
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="scalpzone",
        description="Plan at-home derma rolling on a map of your own scalp. "
        "Without a command, opens the app.",
        epilog="Guidance, not medical advice. Exit status: 0 done, 2 bad input, 1 other failure.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation works (a database, a plan, a PDF, and the window's "
        "scores, week, session, print preview, care guide and calendar export, all in a "
        "temporary folder) and exit 0 if it does; Qt options such as -platform offscreen apply",
    )
    parser.add_argument(
        "--database", dest="app_database", type=database_path, metavar="PATH", help=DATABASE_HELP
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    plan = commands.add_parser(
        "plan",
        help="show the plan for a map file or a stored profile",
        description="Show the plan for a map file, or for a profile in the database.",
    )
    _add_source(plan)
    _add_range(plan)
    plan.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="a readable week table (default) or JSON",
    )
    _add_database(plan)

    printing = commands.add_parser(
        "print",
        help="write the printable plan as a PDF, one page per week",
        description="Write the printable plan as a PDF: one page per week with the map, the "
        "days, the session steps, warnings and the disclaimer.",
    )
    _add_source(printing)
    _add_range(printing)
    printing.add_argument(
        "--output", type=Path, metavar="PLAN.pdf", required=True, help="the PDF to write"
    )
    printing.add_argument(
        "--paper",
        choices=("a4", "letter"),
        default=None,
        help="paper size (default: from your locale: Letter in the US, A4 elsewhere)",
    )
    _add_database(printing)

    calendar = commands.add_parser(
        "export-ics",
        help="write the plan as a calendar file (.ics)",
        description="Write the plan as a calendar: one event per session at the session time, "
        "with the areas in the description and a reminder 30 minutes before. Importing it "
        "again updates the same events.",
    )
    _add_source(calendar)
    _add_range(calendar)
    calendar.add_argument(
        "--output", type=Path, metavar="PLAN.ics", required=True, help="the calendar to write"
    )
    _add_database(calendar)

    imports = commands.add_parser(
        "import",
        help="store a map file or an archive (.scalpzone) as a new profile",
        description="Store a map file as a new profile. A file with any problem is refused "
        "whole and the database is left unchanged.",
    )
    imports.add_argument(
        "file", type=Path, metavar="FILE", help="a ScalpZone map file (JSON); - for standard input"
    )
    imports.add_argument(
        "--profile", metavar="NAME", help="the new profile's name (default: the file's)"
    )
    _add_database(imports)

    export = commands.add_parser(
        "export",
        help="write a stored profile to an archive (.scalpzone) or a map file",
        description="Write a stored profile. FILE.scalpzone: an archive holding everything "
        "(map, dated maps and hairlines, settings, checklist, rollers, the whole log, photos); "
        "any other name: the map file (JSON) to share a map.",
    )
    export.add_argument("--profile", metavar="NAME", required=True, help="the profile to export")
    export.add_argument(
        "--output", type=Path, metavar="FILE", required=True, help="the map file to write"
    )
    _add_database(export)

    add_report_command(commands, _iso_date, _add_database)
    add_photos_parser(commands, _add_database, _iso_date)

    profiles = commands.add_parser(
        "profiles",
        help="list the stored profiles",
        description="List the stored profiles, one name a line.",
    )
    _add_database(profiles)

    backup = commands.add_parser(
        "backups",
        help="list or restore backups of the database",
        description="List or restore the backups kept beside the database.",
    )
    actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help="list the backups, newest first", description="List the backups."
    )
    _add_database(listing)
    restore = actions.add_parser(
        "restore",
        help="replace the database's content with a backup",
        description="Replace the database's content with a backup. The database as it was is "
        "kept as a backup first, so this can be undone.",
    )
    restore.add_argument("name", metavar="NAME", help="a backup's name, as `backups list` shows")
    _add_database(restore)
    return parser


def _add_source(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        nargs="?",
        help="a ScalpZone map file (JSON); - reads it from standard input",
    )
    parser.add_argument("--profile", metavar="NAME", help="use this stored profile instead")
    parser.set_defaults(subparser=parser)  # for its own usage line when FILE/--profile are wrong


def _add_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--start", type=_iso_date, default=None, help="first day, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--weeks", type=_weeks, default=1, help=f"how many weeks, 1–{MAX_WEEKS} (default: 1)"
    )
