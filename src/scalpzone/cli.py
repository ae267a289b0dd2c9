"""The `scalpzone` command: opens the app, or plans, prints and exports from the command line.

Nothing here imports Qt unless the app window is asked for.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from scalpzone import __version__
from scalpzone.domain.mapfile import MapFileError, day_problem, read_map_file
from scalpzone.domain.planner import MAX_WEEKS, make_plan
from scalpzone.plan_text import render_plan_text

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def _iso_date(text: str) -> date:
    problem = day_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return date.fromisoformat(text)


def _weeks(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of weeks") from None
    if not 1 <= value <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(f"{value} is outside 1–{MAX_WEEKS} weeks")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="scalpzone",
        description="Plan at-home derma rolling on a map of your own scalp. "
        "Without a command, opens the app.",
        epilog="Guidance, not medical advice. Exit status: 0 done, 2 bad input, 1 other failure.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    plan = commands.add_parser(
        "plan", help="show the plan for a map file", description="Show the plan for a map file."
    )
    plan.add_argument("file", type=Path, metavar="FILE", help="a ScalpZone map file (JSON)")
    _add_range(plan)
    plan.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="a readable week table (default) or JSON",
    )
    return parser


def _add_range(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--start", type=_iso_date, default=None, help="first day, YYYY-MM-DD (default: today)"
    )
    parser.add_argument(
        "--weeks", type=_weeks, default=1, help=f"how many weeks, 1–{MAX_WEEKS} (default: 1)"
    )


def _cmd_plan(args: argparse.Namespace) -> int:
    doc = read_map_file(args.file)
    start = args.start or date.today()
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, start, args.weeks)
    if args.format == "json":
        sys.stdout.write(json.dumps(plan.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(render_plan_text(plan, doc.scalp_map, doc.settings, doc.profile_name))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of raising."""
    args = build_parser().parse_args(argv)
    if args.command is None:
        from scalpzone.app import run_app  # noqa: PLC0415  (Qt only on the GUI path)

        return run_app([sys.argv[0]])
    try:
        return _cmd_plan(args)
    except MapFileError as error:
        sys.stderr.write(f"scalpzone: {args.file} was not read; fix these and try again:\n")
        for problem in error.problems:
            sys.stderr.write(f"  {problem}\n")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as error:
        sys.stderr.write(f"scalpzone: {type(error).__name__}: {error}\n")
        return EXIT_FAILURE


def entry_point() -> None:
    """Console-script entry: exit with main()'s status."""
    sys.exit(main())
