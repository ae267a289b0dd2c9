"""Every writer against every fault: full disk, I/O errors, planted links, folders and FIFOs.

Each case is one parametrised test, so `pytest tests/faults -q` counts the cases tried; each
asserts that no data was lost (the old file byte for byte, nothing written through a link, no
temporary file left) and that a refusal is a sentence naming the file and the reason.
The full disk is a real tmpfs where this process may mount one (root), and an ENOSPC injected
at os.write otherwise; a size limit (RLIMIT_FSIZE) fails a real write in a child process.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from scalpzone.cli import main
from scalpzone.domain.mapfile import read_map_file
from scalpzone.storage import FileWriteError, write_atomically
from scalpzone.ui.profile.autosave import StartupSnapshot
from tests.faults.writes_support import (
    FAULTS,
    TOO_BIG,
    Outcome,
    check,
    plain_scene,
)

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"
MONDAY = date(2026, 11, 23)
OFFSCREEN_NOTE = r"^This plugin does not support propagateSizeHints\(\)$"

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_NOTE)]


# -- the writers ---------------------------------------------------------------------------


def _cli(*args: str) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    assert code in (0, 1), (code, err.getvalue())
    return Outcome(code == 0, err.getvalue())


def _helper(target: Path, _work: Path) -> Outcome:
    try:
        write_atomically(target, b"new content\n")
    except FileWriteError as error:
        return Outcome(False, str(error))
    return Outcome(True)


def _cli_export(target: Path, work: Path) -> Outcome:
    database = work / "scalpzone.sqlite3"
    if not database.exists():
        _cli("import", str(EXAMPLE), "--profile", "Alex", "--database", str(database))
    return _cli("export", "--profile", "Alex", "--output", str(target), "--database", str(database))


def _cli_ics(target: Path, _work: Path) -> Outcome:
    return _cli("export-ics", str(EXAMPLE), "--output", str(target), "--weeks", "2")


def _cli_print(target: Path, _work: Path) -> Outcome:
    return _cli("print", str(EXAMPLE), "--output", str(target), "--weeks", "2")


def _snapshot(target: Path, _work: Path) -> Outcome:
    """The start-up snapshot fails silently (it only costs speed), but never loses data."""
    snapshot = StartupSnapshot(target)
    snapshot.save(7, read_map_file(EXAMPLE), [])
    return Outcome(snapshot.load() is not None)


def _care_guide_pdf(target: Path, _work: Path) -> Outcome:
    from scalpzone.ui.dialogs.care_guide import DOCUMENT_TITLE, guide_document
    from scalpzone.ui.printing.output import export_document_pdf

    try:
        export_document_pdf(guide_document(), target, DOCUMENT_TITLE)
    except FileWriteError as error:
        return Outcome(False, str(error))
    return Outcome(True)


def _to_file(target: Path) -> Callable[[QPrinter, object], bool]:
    """The print dialog's answer "Print to File (PDF)" at `target`."""

    def ask(printer: QPrinter, _parent: object) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return True

    return ask


def _print_dialog_to_file(target: Path, _work: Path) -> Outcome:
    from scalpzone.domain.planner import make_plan
    from scalpzone.ui.printing.output import print_with_dialog
    from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent

    doc = read_map_file(EXAMPLE)
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, MONDAY, 2)
    sheet = PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings, "Alex"))
    try:
        return Outcome(print_with_dialog(sheet, None, _to_file(target)))
    except FileWriteError as error:
        return Outcome(False, str(error))


def _care_guide_print_to_file(target: Path, _work: Path) -> Outcome:
    from scalpzone.ui.dialogs.care_guide import DOCUMENT_TITLE, guide_document
    from scalpzone.ui.printing.output import print_document_with_dialog

    try:
        done = print_document_with_dialog(guide_document(), DOCUMENT_TITLE, None, _to_file(target))
    except FileWriteError as error:
        return Outcome(False, str(error))
    return Outcome(done)


WRITERS: dict[str, Callable[[Path, Path], Outcome]] = {
    "write_atomically": _helper,
    "cli-export-map": _cli_export,
    "cli-export-ics": _cli_ics,
    "cli-print-pdf": _cli_print,
    "startup-snapshot": _snapshot,
    "care-guide-pdf": _care_guide_pdf,
    "print-dialog-to-pdf-file": _print_dialog_to_file,
    "care-guide-print-to-pdf-file": _care_guide_print_to_file,
}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("writer", list(WRITERS))
def test_no_writer_loses_data(
    writer: str, fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    with ExitStack() as stack:
        scene = FAULTS[fault](tmp_path, monkeypatch, stack)
        if writer == "startup-snapshot" and fault == "missing-folder":
            scene.reason = ""  # the snapshot's own cache folder is created when missing
        outcome = WRITERS[writer](scene.target, work)
        monkeypatch.undo()
        check(scene, outcome, says=writer != "startup-snapshot")


# -- a real size limit, in a child process -------------------------------------------------


#: Runs the CLI with files capped at 1 KB (set in the child itself, not with preexec_fn, which
#: is unsafe in a process with threads): a write past the cap fails with EFBIG.
LIMITED = (
    "import resource, runpy, signal, sys\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "sys.argv = ['scalpzone', *sys.argv[1:]]\n"
    "runpy.run_module('scalpzone', run_name='__main__')\n"
)


@pytest.mark.parametrize("command", ["export-ics", "print"])
def test_a_size_limit_fails_the_write_and_keeps_the_old_file(command: str, tmp_path: Path) -> None:
    scene = plain_scene(tmp_path)
    scene.reason = TOO_BIG
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, command, str(EXAMPLE), "--output", str(scene.target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 1, done.stderr
    check(scene, Outcome(False, done.stderr))
    assert done.stdout == ""
