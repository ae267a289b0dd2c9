"""`scalpzone --self-test`: proves an installed copy works, end to end, without touching user data.

It stores a profile in a database in a temporary folder, plans, writes a PDF, then shows the
main window over that database and uses what a person uses on the first day: the scores, the
week, the session runner's first page, the print preview's first page, the care guide and the
calendar export. Each step waits until its deferred work is done (a condition, never a fixed
time), so the outcome does not depend on the machine's speed.

For the whole run an exception hook (sys, threads, unraisable) and a Qt message handler are
installed: any exception raised anywhere, in a slot or a timer too, and any Qt warning or
critical message fails the run. Exit status 0 only if every step worked and nothing went wrong.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO, cast

if TYPE_CHECKING:
    from scalpzone.domain.mapfile import MapDocument

STEP_TIMEOUT_MS = 30_000

#: Qt messages that say nothing about the app: the offscreen platform (no window manager) cannot
#: pass size hints on. Matched whole, so any other message still fails the run.
HARMLESS_QT_MESSAGES = frozenset({"This plugin does not support propagateSizeHints()"})


class SelfTestError(Exception):
    """Something went wrong outside the step's own code (a slot, a thread, a Qt warning)."""


class Watch:
    """Everything that goes wrong during the run, wherever it happens."""

    def __init__(self, qt_options: Sequence[str] = ()) -> None:
        self.qt_options = list(qt_options)
        self.problems: list[str] = []
        self._previous: tuple[Any, ...] = ()
        self._previous_qt: Any = None

    def install(self) -> None:
        """Catch exceptions everywhere, and Qt's warnings, until `uninstall`."""
        self._previous = (sys.excepthook, threading.excepthook, sys.unraisablehook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        sys.unraisablehook = self._unraisable

    def install_qt(self) -> None:
        """Catch Qt's warning, critical and fatal messages (once Qt is imported)."""
        from PySide6.QtCore import qInstallMessageHandler  # noqa: PLC0415

        self._previous_qt = qInstallMessageHandler(self._qt_message)

    def uninstall(self) -> None:
        """Put the previous hooks back."""
        if self._previous:
            sys.excepthook, threading.excepthook, sys.unraisablehook = self._previous
        if "PySide6.QtCore" in sys.modules:
            from PySide6.QtCore import qInstallMessageHandler  # noqa: PLC0415

            qInstallMessageHandler(self._previous_qt)

    def check(self) -> None:
        """Raise if anything went wrong so far."""
        if self.problems:
            raise SelfTestError(self.problems[0].splitlines()[-1])

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        self.problems.append("".join(traceback.format_exception(kind, error, tb)).rstrip())

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        text = "".join(
            traceback.format_exception(args.exc_type, args.exc_value, args.exc_traceback)
        )
        name = args.thread.name if args.thread is not None else "a thread"
        self.problems.append(f"in {name}: {text.rstrip()}")

    def _unraisable(self, unraisable: Any) -> None:
        error = unraisable.exc_value
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        self.problems.append(f"{unraisable.err_msg or 'unraisable'}: {text.rstrip()}")

    def _qt_message(self, mode: Any, context: Any, message: str) -> None:
        from PySide6.QtCore import QtMsgType  # noqa: PLC0415

        serious = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        if mode in serious and message not in HARMLESS_QT_MESSAGES:
            kind = mode.name.removeprefix("Qt").removesuffix("Msg").lower()
            category = getattr(context, "category", None)
            where = f" ({category})" if category and category != "default" else ""
            self.problems.append(f"Qt {kind}{where}: {message}")


def run_self_test(out: TextIO | None = None, qt_options: Sequence[str] = ()) -> int:
    """Run every step in order, print one line each, and return the exit status.

    `qt_options` go to the QApplication (e.g. `-platform offscreen`).
    """
    # A Windows app without a console has no stdout; its exit status still tells.
    report: TextIO = out or sys.stdout or cast("TextIO", _Discard())
    watch = Watch(qt_options)
    watch.install()
    try:
        # Windows cannot delete a file that is still open; a leftover temporary file is no failure.
        with tempfile.TemporaryDirectory(
            prefix="scalpzone-self-test-", ignore_cleanup_errors=True
        ) as folder:
            return _run(Path(folder), watch, report)
    finally:
        watch.uninstall()


def _run(root: Path, watch: Watch, out: TextIO) -> int:
    from scalpzone.selftest_photos import check_photos  # noqa: PLC0415
    from scalpzone.selftest_window import WindowChecks  # noqa: PLC0415

    window = WindowChecks(root, watch)
    checks: list[tuple[str, Callable[[Path], str]]] = [
        ("database", _database),
        ("photos", check_photos),
        ("plan", _plan),
        ("pdf", lambda folder: _pdf(folder, watch)),
        *window.steps(),
    ]
    try:
        for name, check in checks:
            began = time.perf_counter()
            try:
                detail = check(root)
                watch.check()
            except Exception as error:
                out.write(f"FAIL {name}: {type(error).__name__}: {error}\n")
                if not isinstance(error, SelfTestError):
                    out.write("".join(traceback.format_exc()))
                for problem in watch.problems:
                    out.write(problem + "\n")
                out.write("self-test FAILED\n")
                return 1
            out.write(f"ok   {name}: {detail} ({(time.perf_counter() - began) * 1000:.0f} ms)\n")
    finally:
        window.close()
    if watch.problems:
        out.write("\n".join([*watch.problems, "self-test FAILED"]) + "\n")
        return 1
    out.write("self-test passed\n")
    return 0


class _Discard:
    def write(self, text: str) -> int:
        return len(text)


def document() -> MapDocument:
    """Crown and mid-scalp thinning: a map that plans sessions and has scores above zero."""
    from scalpzone.domain.mapfile import MapDocument  # noqa: PLC0415
    from scalpzone.domain.zones import ScalpMap, ZoneState  # noqa: PLC0415

    scalp_map = ScalpMap()
    for zone_id in ("crown", "midscalp_center"):
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(zone_id), state=ZoneState.THINNING))
    return MapDocument(scalp_map, profile_name="Self-test")


def _database(root: Path) -> str:
    from scalpzone.domain.settings import Health  # noqa: PLC0415
    from scalpzone.storage import Database, ProfileStore  # noqa: PLC0415

    with Database.open(root / "scalpzone.sqlite3") as db:
        store = ProfileStore(db)
        profile_id = store.import_document(document())
        # The health checklist gone through (nothing ticked), so the session runner opens.
        store.save_health(profile_id, Health(), date.today())
        loaded = store.load_profile(profile_id)
        if loaded.document.scalp_map.zone("crown").state.value != "thinning":
            raise RuntimeError("the stored map did not come back as saved")
    return f"stored and read back profile {loaded.name!r}"


def _plan(_root: Path) -> str:
    from scalpzone.domain.planner import make_plan  # noqa: PLC0415
    from scalpzone.domain.settings import Health, Settings  # noqa: PLC0415

    doc = document()
    plan = make_plan(doc.scalp_map, Settings(), Health(), (), date.today(), 2)
    if not plan.sessions or not plan.sessions[0].patch_test:
        raise RuntimeError("the plan has no patch-test session to start with")
    return f"{len(plan.sessions)} sessions over 2 weeks"


def application(watch: Watch) -> Any:
    """The QApplication (made here when there is none), with Qt's messages watched."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    watch.install_qt()
    _offscreen_fonts_on_windows(watch.qt_options)
    argv0 = sys.argv[0] if sys.argv else "scalpzone"
    return QApplication.instance() or QApplication([argv0, *watch.qt_options])


def _offscreen_fonts_on_windows(qt_options: Sequence[str]) -> None:
    """Qt's offscreen platform on Windows looks for fonts only in Qt's own folder, which ships
    none: point it at the system's fonts, as the windows platform uses them."""
    if sys.platform != "win32" or "QT_QPA_FONTDIR" in os.environ:
        return
    options = list(qt_options)
    given = options.index("-platform") + 1 if "-platform" in options else 0
    platform = options[given] if 0 < given < len(options) else os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith("offscreen"):
        windows = os.environ.get("SYSTEMROOT") or r"C:\Windows"
        os.environ["QT_QPA_FONTDIR"] = str(Path(windows) / "Fonts")


def _pdf(root: Path, watch: Watch) -> str:
    from scalpzone.domain.planner import make_plan  # noqa: PLC0415
    from scalpzone.domain.settings import Health, Settings  # noqa: PLC0415
    from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent, write_pdf  # noqa: PLC0415

    application(watch)
    doc = document()
    plan = make_plan(doc.scalp_map, Settings(), Health(), (), date.today(), 2)
    target = root / "plan.pdf"
    write_pdf(PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings, "Self-test")), target)
    data = target.read_bytes()
    if not data.startswith(b"%PDF") or data.count(b"/Type /Page\n") + data.count(b"/Type/Page") < 1:
        raise RuntimeError("the PDF is not a PDF with pages")
    return f"{len(data) // 1024} KB, 2 pages"


class SelfTestDialogs:
    """Answers the window's questions without a person: files go to the temporary folder, and
    any error the window would show fails the run."""

    def __init__(self, root: Path, watch: Watch) -> None:
        self._root = root
        self._watch = watch

    def confirm(self, title: str, text: str, accept: str) -> bool:
        return False

    def ask_text(self, title: str, label: str, value: str = "") -> str | None:
        return None

    def ask_date(self, title: str, label: str, earliest: date, initial: date) -> date | None:
        return None

    def open_file(self, title: str, file_filter: str = "") -> Path | None:
        return None

    def save_file(self, title: str, suggested: str, file_filter: str = "") -> Path | None:
        return self._root / Path(suggested).name

    def show_problems(self, title: str, intro: str, problems: Sequence[str]) -> None:
        self._watch.problems.append(f"the window showed {title!r}: {intro} {'; '.join(problems)}")

    def show_error(self, title: str, text: str) -> None:
        self._watch.problems.append(f"the window showed {title!r}: {text}")

    def show_info(self, title: str, text: str) -> None:
        """Information is no failure."""

    def choose(
        self, title: str, intro: str, problems: Sequence[str], choices: Sequence[str]
    ) -> int | None:
        """Stored data that needs a repair is a failure of the run."""
        self._watch.problems.append(f"the window showed {title!r}: {intro} {'; '.join(problems)}")
        return None

    def choose_item(self, title: str, label: str, items: Sequence[str]) -> int | None:
        return None


def wait_until(done: Callable[[], bool], what: str, watch: Watch) -> None:
    """Run Qt's events until `done()` holds; fail at once if anything goes wrong meanwhile.

    The deadline only ends a run that hangs: the outcome never depends on it.
    """
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: PLC0415

    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.start(STEP_TIMEOUT_MS)  # its timeout also wakes the loop below
    while not done():
        watch.check()
        if not deadline.isActive():
            raise RuntimeError(f"{what} did not happen within {STEP_TIMEOUT_MS // 1000} s")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    deadline.stop()
    watch.check()
