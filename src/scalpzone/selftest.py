"""`scalpzone --self-test`: proves an installed copy works, end to end, without touching user data.

It opens a database in a temporary folder, stores a profile, plans, renders a PDF, shows the
main window over that database and closes it. Exit status 0 only if every step worked.
"""

from __future__ import annotations

import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from scalpzone.domain.mapfile import MapDocument

STEP_TIMEOUT_MS = 20_000


def run_self_test(out: TextIO = sys.stdout) -> int:
    """Run every step in order, print one line each, and return the exit status."""
    with tempfile.TemporaryDirectory(prefix="scalpzone-self-test-") as folder:
        root = Path(folder)
        checks: list[tuple[str, Callable[[Path], str]]] = [
            ("database", _database),
            ("plan", _plan),
            ("pdf", _pdf),
            ("window", _window),
        ]
        for name, check in checks:
            began = time.perf_counter()
            try:
                detail = check(root)
            except Exception as error:
                out.write(f"FAIL {name}: {type(error).__name__}: {error}\n")
                traceback.print_exc(file=sys.stderr)
                return 1
            out.write(f"ok   {name}: {detail} ({(time.perf_counter() - began) * 1000:.0f} ms)\n")
    out.write("self-test passed\n")
    return 0


def _document() -> MapDocument:
    from scalpzone.domain.mapfile import MapDocument  # noqa: PLC0415
    from scalpzone.domain.zones import ScalpMap, ZoneState  # noqa: PLC0415

    scalp_map = ScalpMap()
    for zone_id in ("crown", "midscalp_center"):
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(zone_id), state=ZoneState.THINNING))
    return MapDocument(scalp_map, profile_name="Self-test")


def _database(root: Path) -> str:
    from scalpzone.storage import Database, ProfileStore  # noqa: PLC0415

    with Database.open(root / "scalpzone.sqlite3") as db:
        store = ProfileStore(db)
        profile_id = store.import_document(_document())
        loaded = store.load_profile(profile_id)
        if loaded.document.scalp_map.zone("crown").state.value != "thinning":
            raise RuntimeError("the stored map did not come back as saved")
    return f"stored and read back profile {loaded.name!r}"


def _plan(_root: Path) -> str:
    from scalpzone.domain.planner import make_plan  # noqa: PLC0415
    from scalpzone.domain.settings import Health, Settings  # noqa: PLC0415

    doc = _document()
    plan = make_plan(doc.scalp_map, Settings(), Health(), (), date.today(), 2)
    if not plan.sessions or not plan.sessions[0].patch_test:
        raise RuntimeError("the plan has no patch-test session to start with")
    return f"{len(plan.sessions)} sessions over 2 weeks"


def _app() -> object:
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "scalpzone"])


def _pdf(root: Path) -> str:
    from scalpzone.domain.planner import make_plan  # noqa: PLC0415
    from scalpzone.domain.settings import Health, Settings  # noqa: PLC0415
    from scalpzone.ui.plan_sheet import PlanSheet, SheetContent, write_pdf  # noqa: PLC0415

    _app()
    doc = _document()
    plan = make_plan(doc.scalp_map, Settings(), Health(), (), date.today(), 2)
    target = root / "plan.pdf"
    write_pdf(PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings, "Self-test")), target)
    data = target.read_bytes()
    if not data.startswith(b"%PDF") or data.count(b"/Type /Page\n") + data.count(b"/Type/Page") < 1:
        raise RuntimeError("the PDF is not a PDF with pages")
    return f"{len(data) // 1024} KB, 2 pages"


def _window(root: Path) -> str:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from scalpzone.app import build_window, storage_opener  # noqa: PLC0415
    from scalpzone.ui.session import StartupSnapshot  # noqa: PLC0415

    app = _app()
    assert isinstance(app, QApplication)
    settings = QSettings(str(root / "scalpzone.ini"), QSettings.Format.IniFormat)
    database = root / "scalpzone.sqlite3"
    window = build_window(settings, storage_opener(database), StartupSnapshot(root / "snap.json"))
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    window.firstPainted.connect(loop.quit)
    timer.start(STEP_TIMEOUT_MS)
    window.show()
    loop.exec()
    if not timer.isActive():
        window.close()
        raise RuntimeError(f"the window did not paint within {STEP_TIMEOUT_MS // 1000} s")
    timer.stop()
    if not window.open_database():
        window.close()
        raise RuntimeError("the window could not open its database")
    title = window.windowTitle()
    state = window.model.scalp_map.zone("crown").state.value
    window.close()
    app.processEvents()
    if state != "thinning":
        raise RuntimeError(f"the window shows crown as {state}, not as stored")
    return f"shown on {QApplication.platformName()} as {title!r}, map loaded, closed"
