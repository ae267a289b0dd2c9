"""The course report with 12 photos to PDF (budget 2 s), beside the weekly plan's PDF in the same run.

A real database holds a twelve-week course (tests/report_support.py); the report is read from it,
its 12 photos (six views, first and latest, 2,400 × 1,800 px JPEGs) decoded and drawn, and the
PDF written through the safe write, as File › Course report… and `scalpzone report` do.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from tests.report_support import COURSE_END, COURSE_START, fill_course

from scalpzone.domain.course_report import ReportPhoto, build_course_report
from scalpzone.domain.planner import make_plan
from scalpzone.storage import Database, ProfileStore
from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent, write_pdf
from scalpzone.ui.printing.report_sheet import ReportSheet, write_report_pdf

VIEWS = ("front", "top", "crown", "left", "right", "back")
BUDGET = 2.0


def photo_bytes(shade: int) -> bytes:
    """A 2,400 × 1,800 JPEG with enough detail to compress like a photo."""
    image = QImage(2400, 1800, QImage.Format.Format_RGB32)
    image.fill(QColor(shade, 120, 90))
    painter = QPainter(image)
    for i in range(0, 2400, 37):
        painter.setPen(QColor((i * 7) % 255, (i * 3) % 255, shade))
        painter.drawLine(i, 0, 2400 - i, 1800)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)
    return bytes(buffer.data().data())


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.sqlite3")
        store = ProfileStore(db)
        pid = store.create_profile("Bench")
        fill_course(store, pid)
        images = [photo_bytes(40 * i) for i in range(len(VIEWS) * 2)]
        photos = [
            ReportPhoto(view, view.title(), COURSE_START + timedelta(days=80 * (i % 2)), images[n])
            for n, (view, i) in enumerate((v, i) for v in VIEWS for i in range(2))
        ]

        def make_report() -> int:
            stored = store.load_profile(pid)
            report = build_course_report(
                stored.document,
                profile_name=stored.name,
                snapshots=store.map_snapshots(pid),
                rollers=store.rollers(pid),
                health_confirmed_on=stored.health_confirmed_on,
                photos=photos,
                first=COURSE_START,
                last=COURSE_END,
                today=COURSE_END,
            )
            return write_report_pdf(ReportSheet(report), Path(folder) / "report.pdf")

        doc = store.load_profile(pid).document

        def make_plan_pdf() -> int:
            plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, COURSE_END, 1)
            write_pdf(
                PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings, "Bench")),
                Path(folder) / "plan.pdf",
            )
            return 1

        make_report()  # warm fonts and the image plugins
        make_plan_pdf()
        figures = {}
        for name, run in (
            ("weekly plan, 1 page (baseline)", make_plan_pdf),
            ("course report, 12 photos", make_report),
        ):
            times = []
            for _ in range(5):
                began = time.perf_counter()
                pages = run()
                times.append(time.perf_counter() - began)
            figures[name] = statistics.median(times)
            size = (
                (Path(folder) / ("report.pdf" if "report" in name else "plan.pdf")).stat().st_size
            )
            print(
                f"{name:<32} median {figures[name]:.3f} s, max {max(times):.3f} s, "
                f"{pages} page(s), {size // 1024} KB"
            )
        db.close()
    took = figures["course report, 12 photos"]
    print(f"course report budget {BUDGET} s: {'met' if took < BUDGET else 'MISSED'} ({took:.3f} s)")
    del app
    if took >= BUDGET:
        sys.exit(1)


if __name__ == "__main__":
    main()
