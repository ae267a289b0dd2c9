"""The self-test's window steps: what a person uses on the first day, over the test database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from scalpzone.selftest import SelfTestDialogs, Watch, application, wait_until

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from scalpzone.ui.main_window import MainWindow
    from scalpzone.ui.week.controller import WeekController

D = TypeVar("D", bound="QDialog")


class WindowChecks:
    """Shows the main window once and checks one part of it per step."""

    def __init__(self, root: Path, watch: Watch) -> None:
        self._root = root
        self._watch = watch
        self._window: MainWindow | None = None

    def steps(self) -> list[tuple[str, Callable[[Path], str]]]:
        """The steps in order; each needs the ones before it."""
        return [
            ("window", lambda _root: self._show()),
            ("scores", lambda _root: self._scores()),
            ("week", lambda _root: self._week()),
            ("session", lambda _root: self._session()),
            ("preview", lambda _root: self._preview()),
            ("care guide", lambda _root: self._care_guide()),
            ("calendar", lambda _root: self._calendar()),
        ]

    @property
    def window(self) -> MainWindow:
        """The window the steps share."""
        if self._window is None:
            raise RuntimeError("the window was not shown")
        return self._window

    @property
    def _controller(self) -> WeekController:
        return self.window.week

    def close(self) -> None:
        """Close the window (and with it the database) if it was shown."""
        if self._window is None:
            return
        from PySide6.QtCore import QCoreApplication, QEvent  # noqa: PLC0415

        self._window.close()
        self._window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
        self._window = None

    def _show(self) -> str:
        from PySide6.QtCore import QSettings  # noqa: PLC0415
        from PySide6.QtGui import QIcon  # noqa: PLC0415

        from scalpzone.app import APP_ICON, build_window, storage_opener  # noqa: PLC0415
        from scalpzone.ui.profile.autosave import StartupSnapshot  # noqa: PLC0415

        app = application(self._watch)
        root = self._root
        settings = QSettings(str(root / "scalpzone.ini"), QSettings.Format.IniFormat)
        self._window = window = build_window(
            settings,
            storage_opener(root / "scalpzone.sqlite3"),
            StartupSnapshot(root / "snapshot.json"),
            dialogs=SelfTestDialogs(root, self._watch),
        )
        painted: list[bool] = []
        window.firstPainted.connect(lambda: painted.append(True))
        window.show()
        wait_until(lambda: bool(painted), "the window's first paint", self._watch)
        app.setWindowIcon(QIcon(str(APP_ICON)))
        if app.windowIcon().isNull():
            raise RuntimeError("the app's icon did not load")
        if not window.open_database():
            raise RuntimeError("the window could not open its database")
        state = window.model.scalp_map.zone("crown").state.value
        if state != "thinning":
            raise RuntimeError(f"the window shows crown as {state}, not as stored")
        return f"shown on {app.platformName()} as {window.windowTitle()!r}, map loaded"

    def _scores(self) -> str:
        label = self.window.scores
        # Worked out after the first paint, on a timer: wait until they are on screen.
        wait_until(
            lambda: label.scores is not None and not label.waiting, "the scores", self._watch
        )
        scores = label.scores
        assert scores is not None
        if not 0 < scores.thinning <= 100 or not 0 <= scores.bald <= 100:
            raise RuntimeError(f"the scores are out of range: {label.text()!r}")
        return label.text()

    def _week(self) -> str:
        controller = self._controller
        controller.show_week()
        view = controller.week_view
        if view is None:
            raise RuntimeError("the week was not built for the open profile")
        wait_until(lambda: view.isVisible() and view.plan is not None, "the week", self._watch)
        if view.plan is None or not view.plan.sessions:
            raise RuntimeError("the week's plan has no sessions")
        planned = sum(1 for text in view.day_texts() if text.strip())
        return f"{len(view.day_texts())} days shown, {planned} with text"

    def _opened(self, open_it: Callable[[], object], kind: type[D], what: str) -> D:
        """Open a dialog through the week's command and wait until it is on screen."""
        open_it()
        dialog = self._controller.open_dialog
        if not isinstance(dialog, kind):
            raise RuntimeError(f"{what} did not open")
        wait_until(dialog.isVisible, what, self._watch)
        return dialog

    def _session(self) -> str:
        from scalpzone.ui.session.runner import SessionRunner  # noqa: PLC0415

        sessions = self.window.model.plan.sessions
        if not sessions:
            raise RuntimeError("the plan has no session to run")
        runner = self._opened(
            lambda: self._controller.run_session(sessions[0]), SessionRunner, "the session runner"
        )
        title = runner.current_title()
        runner.reject()
        return f"first page {title!r} of {len(runner.page_titles())}"

    def _preview(self) -> str:
        from PySide6.QtPrintSupport import QPrintPreviewWidget  # noqa: PLC0415

        from scalpzone.ui.printing.output import PlanPreviewDialog  # noqa: PLC0415

        dialog = self._opened(self._controller.print_preview, PlanPreviewDialog, "the preview")
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is None:
            raise RuntimeError("the print preview has no pages to show")
        wait_until(lambda: preview.pageCount() > 0, "the print preview's pages", self._watch)
        pages = preview.pageCount()
        dialog.close()
        return f"{pages} pages, page {preview.currentPage()} shown"

    def _care_guide(self) -> str:
        from scalpzone.ui.dialogs.care_guide import CareGuideDialog  # noqa: PLC0415

        dialog = self._opened(self._controller.care_guide, CareGuideDialog, "the care guide")
        words = len(dialog.browser.toPlainText().split())
        dialog.close()
        if words < 200:
            raise RuntimeError(f"the care guide shows only {words} words")
        return f"{words} words"

    def _calendar(self) -> str:
        target = self._root / "scalpzone-plan.ics"
        self._controller.export_calendar()
        wait_until(target.exists, "the calendar file", self._watch)
        text = target.read_text(encoding="utf-8")
        events = text.count("BEGIN:VEVENT")
        if not text.startswith("BEGIN:VCALENDAR") or events == 0:
            raise RuntimeError("the calendar file holds no sessions")
        return f"{events} sessions, {len(text.encode()) // 1024} KB"
