"""`scalpzone report`: the course report of a stored profile as a PDF (SPEC §5)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scalpzone.domain.course_report import default_range, range_problem

if TYPE_CHECKING:
    from scalpzone.storage import Database, ProfileStore

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


def add_report_command(
    commands: Any, day: Callable[[str], date], database: Callable[[argparse.ArgumentParser], None]
) -> None:
    """The `report` subcommand's arguments."""
    report = commands.add_parser(
        "report",
        help="write the course report of a stored profile as a PDF",
        description="Write the course report a dermatologist can read in two minutes: the map "
        "at the start and now, the scores over time, sessions planned and done per area, needle "
        "and roller, notes and blocks, the health checklist, and the first and latest photo of "
        "each view. The range is the last 12 weeks unless --from and --to say otherwise.",
    )
    report.add_argument("--profile", metavar="NAME", required=True, help="the profile to report on")
    report.add_argument(
        "--output", type=Path, metavar="REPORT.pdf", required=True, help="the PDF to write"
    )
    report.add_argument(
        "--from",
        dest="first",
        type=day,
        default=None,
        help="first day, YYYY-MM-DD (default: 12 weeks before --to)",
    )
    report.add_argument(
        "--to", dest="last", type=day, default=None, help="last day, YYYY-MM-DD (default: today)"
    )
    report.add_argument(
        "--paper", choices=("a4", "letter"), default=None, help="paper size (default: the locale's)"
    )
    database(report)


def report_range(first: date | None, last: date | None, today: date) -> tuple[date, date]:
    """The range asked for: the last 12 weeks up to `last` (today) unless `first` is given."""
    end = last or today
    start = first or default_range(end)[0]
    return start, end


def run_report(
    args: argparse.Namespace,
    with_database: Callable[[argparse.Namespace, Callable[[Database, ProfileStore], int]], int],
    written: Callable[[Path, Callable[[Path], object]], bool],
) -> int:
    """Write the report; exit 2 for a refused range or profile, 1 when the file is not written."""
    first, last = report_range(args.first, args.last, date.today())
    problem = range_problem(first, last)
    if problem is not None:
        sys.stderr.write(f"scalpzone: report: --from/--to: {problem}.\n")
        return EXIT_BAD_INPUT

    def report_it(db: Database, store: ProfileStore) -> int:
        profile = store.find_profile(args.profile)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # painter and fonts, no screen
        from PySide6.QtGui import QGuiApplication, QPageSize  # noqa: PLC0415  (Qt only here)

        from scalpzone.ui.printing.plan_sheet import default_page_size  # noqa: PLC0415
        from scalpzone.ui.printing.report_data import load_course_report  # noqa: PLC0415
        from scalpzone.ui.printing.report_sheet import ReportSheet, write_report_pdf  # noqa: PLC0415

        _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        paper = {
            "a4": QPageSize(QPageSize.PageSizeId.A4),
            "letter": QPageSize(QPageSize.PageSizeId.Letter),
        }.get(args.paper or "", default_page_size())
        from scalpzone.storage import PhotoStore  # noqa: PLC0415

        photos = PhotoStore(db)
        report = load_course_report(store, photos, profile.id, first, last, date.today())
        sheet = ReportSheet(report)
        pages: list[int] = []
        if not written(
            args.output, lambda path: pages.append(write_report_pdf(sheet, path, paper))
        ):
            return EXIT_FAILURE
        sys.stdout.write(
            f"Wrote the course report of {profile.name!r} for {first:%d %b %Y} – {last:%d %b %Y} "
            f"to {args.output} ({pages[0]} page{'' if pages[0] == 1 else 's'}, {paper.name()}).\n"
        )
        return EXIT_OK

    return with_database(args, report_it)
