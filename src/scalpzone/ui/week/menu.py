"""The week's part of the menus: File's printing and exports, and the Plan menu.

`fill_week_menus` adds them with the rest of the menus, after the first paint; `week_menu_targets`
says which of the `WeekController`'s commands each one calls.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from scalpzone.ui.widgets.actions import ActionFactory

if TYPE_CHECKING:
    from scalpzone.ui.week.controller import WeekController

Key = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class WeekMenuTargets:
    """The week's commands: sessions, the log, settings, health, printing and exports."""

    today_session: Callable[[], None]
    session_log: Callable[[], None]
    plan_settings: Callable[[], None]
    health_checklist: Callable[[], None]
    rollers: Callable[[], None]
    progress: Callable[[], None]
    care_guide: Callable[[], None]
    print_preview: Callable[[], None]
    print_plan: Callable[[], None]
    export_pdf: Callable[[], None]
    course_report: Callable[[], None]
    add_photos: Callable[[], None]
    compare_photos: Callable[[], None]
    photo_guide: Callable[[], None]
    export_profile: Callable[[], object]
    import_profile: Callable[[], object]
    export_calendar: Callable[[], None]
    export_plan_csv: Callable[[], None]
    export_log_csv: Callable[[], None]
    show_map: Callable[[], None]
    show_week: Callable[[], None]


def fill_week_menus(
    file_menu: QMenu, plan_menu: QMenu, make: ActionFactory, do: WeekMenuTargets
) -> list[QAction]:
    """File's printing and exports, and the Plan menu.

    Returns the actions that need the database open.
    """
    printing = [
        make.make(
            "Print pre&view…",
            "See the printed weeks before printing",
            do.print_preview,
            shortcut="Ctrl+Shift+P",
        ),
        make.make("&Print…", "Print the coming weeks", do.print_plan, shortcut=Key.Print),
        make.make("Export PD&F…", "Write the coming weeks to a PDF file", do.export_pdf),
        make.make(
            "Co&urse report…",
            "A PDF of a course to take to a dermatologist: maps, shares, sessions, photos",
            do.course_report,
        ),
    ]
    photos = [
        make.make(
            "Add p&hotos…",
            "Add progress photos of one view (you can also drop picture files on the window)",
            do.add_photos,
        ),
        make.make(
            "Co&mpare photos…",
            "Two dates of a view side by side, or blended with a slider",
            do.compare_photos,
        ),
        make.make(
            "Expor&t profile…",
            "Write the whole profile, photos and all, to one .scalpzone file",
            do.export_profile,
        ),
        make.make(
            "Import pr&ofile…",
            "Add a profile from a .scalpzone file, photos and all",
            do.import_profile,
        ),
    ]
    for action in photos:
        file_menu.addAction(action)
    file_menu.addSeparator()
    for action in printing:
        file_menu.addAction(action)
    file_menu.addSeparator()
    exports = [
        make.make(
            "Export &calendar…",
            "Write the sessions of the coming course to a calendar file (.ics)",
            do.export_calendar,
        ),
        make.make(
            "Export pl&an as CSV…", "Write the coming sessions to a spreadsheet", do.export_plan_csv
        ),
        make.make(
            "Export &log as CSV…", "Write every logged session to a spreadsheet", do.export_log_csv
        ),
    ]
    for action in exports:
        file_menu.addAction(action)

    sessions = [
        make.make(
            "&Today's session…",
            "Walk through today's session step by step and log it",
            do.today_session,
            shortcut="Ctrl+T",
        ),
        make.make(
            "Session &log…",
            "Every logged session; correct or remove entries",
            do.session_log,
            shortcut="Ctrl+L",
        ),
    ]
    details = [
        make.make(
            "Plan &settings…",
            "Needle, days, minutes and the other plan settings",
            do.plan_settings,
            shortcut=Key.Preferences,
        ),
        make.make(
            "&Health checklist…",
            "The health questions that can put the plan on hold",
            do.health_checklist,
        ),
        make.make("&Rollers…", "The roller in use and when to replace it", do.rollers),
        make.make(
            "&Progress…", "Shares marked bald and thinning, and sessions per zone", do.progress
        ),
    ]
    for action in sessions:
        plan_menu.addAction(action)
    plan_menu.addSeparator()
    for action in details:
        plan_menu.addAction(action)

    return [*photos, *printing, *exports, *sessions, *details]


def week_menu_targets(week: WeekController) -> WeekMenuTargets:
    """The week's commands, as the menus call them."""
    return WeekMenuTargets(
        today_session=week.today_session,
        session_log=week.session_log,
        plan_settings=week.plan_settings,
        health_checklist=week.health_checklist,
        rollers=week.rollers,
        progress=week.progress,
        care_guide=week.care_guide,
        print_preview=week.print_preview,
        print_plan=week.print_plan,
        export_pdf=week.export_pdf,
        course_report=week.course_report,
        add_photos=week.photos.choose_and_add,
        compare_photos=week.photos.compare_any,
        photo_guide=week.photos.show_guide,
        export_profile=week.archive.export_profile,
        import_profile=week.archive.import_profile,
        export_calendar=week.export_calendar,
        export_plan_csv=week.export_plan_csv,
        export_log_csv=week.export_log_csv,
        show_map=week.show_map,
        show_week=week.show_week,
    )
