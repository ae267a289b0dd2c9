"""Every export the window offers, against every fault: nothing lost, and a box in plain words.

The window is real (offscreen, over a real SQLite file); only the save dialog's answer is
scripted. A refused write shows one error naming the file and the reason; the care guide,
which has its own dialog, says it in that dialog's status line.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from scalpzone.domain.zones import ZoneState
from scalpzone.ui.dialogs.care_guide import CareGuideDialog
from scalpzone.ui.main_window import MainWindow
from tests.faults.writes_support import FAULTS, Outcome, check
from tests.ui import conftest as ui_fixtures
from tests.ui.helpers import ScriptedDialogs

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(ui_fixtures.OFFSCREEN_NOTE)]

# The main window over a real database, as tests/ui builds it.
settings = ui_fixtures.settings
database_path = ui_fixtures.database_path
dialogs = ui_fixtures.dialogs
make_window = ui_fixtures.make_window
window = ui_fixtures.window

Export = Callable[[MainWindow, QtBot], None]


def _said(chosen: Path, export: Export) -> Callable[[MainWindow, ScriptedDialogs, QtBot], Outcome]:
    def run(window: MainWindow, dialogs: ScriptedDialogs, qtbot: QtBot) -> Outcome:
        dialogs.files.append(chosen)
        export(window, qtbot)
        if dialogs.errors:
            (_title, text), *more = dialogs.errors
            assert not more  # one box, not a cascade
            return Outcome(False, text)
        return Outcome(True)

    return run


def _care_guide(window: MainWindow, qtbot: QtBot, target: Path) -> Outcome:
    dialog = CareGuideDialog(window, choose_pdf_path=lambda: target)
    qtbot.addWidget(dialog)
    written = dialog.export_pdf()
    return Outcome(written is not None, dialog.status.text())


EXPORTS: dict[str, Export] = {
    "window-plan-pdf": lambda w, _q: w.week.export_pdf(),
    "window-calendar": lambda w, _q: w.week.export_calendar(),
    "window-plan-csv": lambda w, _q: w.week.export_plan_csv(),
    "window-log-csv": lambda w, _q: w.week.export_log_csv(),
    "window-map-file": lambda w, _q: w.profiles.export_file(),
}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("writer", [*EXPORTS, "window-care-guide-pdf"])
def test_no_window_export_loses_data(
    writer: str,
    fault: str,
    window: MainWindow,
    dialogs: ScriptedDialogs,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window.editor.set_state("crown", ZoneState.THINNING)  # something to plan and to export
    base = tmp_path / "faults"
    base.mkdir()
    with ExitStack() as stack:
        scene = FAULTS[fault](base, monkeypatch, stack)
        if writer in EXPORTS:
            outcome = _said(scene.target, EXPORTS[writer])(window, dialogs, qtbot)
        else:
            outcome = _care_guide(window, qtbot, scene.target)
        monkeypatch.undo()
        check(scene, outcome)
