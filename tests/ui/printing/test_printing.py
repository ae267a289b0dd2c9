"""Printing from the app: the preview shows one page per week; a printer gets the same pages."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from scalpzone.domain.mapfile import read_map_file
from scalpzone.domain.planner import make_plan
from scalpzone.ui.printing.output import new_printer, paint_to_printer, preview_dialog
from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent

EXAMPLE = Path(__file__).parents[2] / "data" / "spec_example.json"


def _sheet(weeks: int) -> PlanSheet:
    doc = read_map_file(EXAMPLE)
    plan = make_plan(
        doc.scalp_map, doc.settings, doc.health, doc.history, date(2026, 11, 23), weeks
    )
    return PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings, doc.profile_name))


@pytest.mark.gui
def test_the_preview_shows_one_page_per_week(qtbot: QtBot) -> None:
    dialog = preview_dialog(_sheet(3))
    qtbot.addWidget(dialog)
    dialog.open()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() == 3)
    dialog.close()


@pytest.mark.gui
@pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="needs poppler-utils (.ci/run installs it)"
)
def test_a_printer_gets_the_same_pages_as_the_pdf(qapp: object, tmp_path: Path) -> None:
    printer = new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert paint_to_printer(_sheet(2), printer) == 2
    info = subprocess.run(
        ["pdfinfo", str(target)], capture_output=True, text=True, check=True
    ).stdout
    assert "Pages:           2" in info
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Mon 23 Nov" in text and "Guidance, not medical advice" in text
