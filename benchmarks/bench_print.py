"""Printing speed: the plan to PDF for 1 and 12 weeks (budgets 0.5 s and 3 s), and end to end.

Uses a full map (every region thinning, 50 drawn zones) so every page is busy.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from benchmarks.bench_planner import START, build_history, build_map
from scalpzone.domain.mapfile import MapDocument, dump_map_document
from scalpzone.domain.planner import make_plan
from scalpzone.domain.settings import Health, Settings
from scalpzone.ui.printing.output import preview_dialog
from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent, write_pdf


def preview_open_seconds(sheet: PlanSheet) -> float:
    """From asking for the preview to its pages being laid out and painted."""
    began = time.perf_counter()
    dialog = preview_dialog(sheet)
    dialog.show()
    preview = dialog.findChild(QPrintPreviewWidget)
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if preview.pageCount() > 0 else None)
    poll.start(1)
    loop.exec()
    QApplication.processEvents()
    took = time.perf_counter() - began
    dialog.close()
    dialog.deleteLater()
    return took


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    scalp_map = build_map(50)
    history = build_history(scalp_map, 120)
    settings = Settings(needle_mm=0.5, session_minutes=30)
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "plan.pdf"
        for weeks, budget in ((1, 0.5), (12, 3.0)):
            plan = make_plan(scalp_map, settings, Health(), history, START, weeks)
            sheet = PlanSheet(SheetContent(plan, scalp_map, settings, "Bench", date(2026, 11, 21)))
            write_pdf(sheet, out)  # warm fonts
            runs = []
            for _ in range(5):
                t0 = time.perf_counter()
                write_pdf(sheet, out)
                runs.append(time.perf_counter() - t0)
            print(
                f"{weeks:>2} week(s) to PDF in-process: median {statistics.median(runs):.3f} s, "
                f"max {max(runs):.3f} s, {out.stat().st_size // 1024} KB (budget {budget} s)"
            )
        plan = make_plan(scalp_map, settings, Health(), history, START, 1)
        sheet = PlanSheet(SheetContent(plan, scalp_map, settings, "Bench", date(2026, 11, 21)))
        opens = [preview_open_seconds(sheet) for _ in range(5)]
        print(
            f"print preview of 1 week, opened and first page drawn: median "
            f"{statistics.median(opens):.3f} s, max {max(opens):.3f} s (budget 1 s)"
        )
        doc = MapDocument(scalp_map, settings, Health(), tuple(history), "Bench")
        source = Path(folder) / "map.json"
        source.write_text(dump_map_document(doc), encoding="utf-8")
        command = [sys.executable, "-m", "scalpzone", "print", str(source), "--output", str(out)]
        for weeks in (1, 12):
            runs = []
            for _ in range(3):
                t0 = time.perf_counter()
                subprocess.run([*command, "--weeks", str(weeks)], check=True, capture_output=True)
                runs.append(time.perf_counter() - t0)
            print(
                f"`scalpzone print --weeks {weeks}` end to end: median {statistics.median(runs):.3f} s"
            )
    del app


if __name__ == "__main__":
    main()
