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

from PySide6.QtGui import QGuiApplication

from benchmarks.bench_planner import START, build_history, build_map
from scalpzone.domain.mapfile import MapDocument, dump_map_document
from scalpzone.domain.planner import make_plan
from scalpzone.domain.settings import Health, Settings
from scalpzone.ui.plan_sheet import PlanSheet, SheetContent, write_pdf


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
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
