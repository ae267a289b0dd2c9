"""The course report with 12 photos to PDF (budget 2 s), beside the weekly plan's PDF in the same run.

A real database holds a twelve-week course (tests/report_support.py) and 12 photos (six views,
first and latest day, 12 MP camera JPEGs kept at 2,400 px as the photo reader stores them); the
report is read from it (the 12 pictures included), drawn and written through the safe write, as
File › Course report… and `scalpzone report` do.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtWidgets import QApplication
from tests.report_support import COURSE_END, COURSE_START, fill_course

from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import PhotoView
from scalpzone.domain.planner import make_plan
from scalpzone.storage import Database, PhotoStore, ProfileStore
from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent, write_pdf
from scalpzone.ui.printing.report_data import load_course_report
from scalpzone.ui.printing.report_sheet import ReportSheet, write_report_pdf

BUDGET = 2.0


def camera_files(folder: Path) -> list[tuple[PhotoView, Path, str]]:
    """Two 4,000 × 3,000 camera-like JPEGs per view (first and last day of the course)."""
    files = []
    for n, view in enumerate(PhotoView):
        for k, day in enumerate((COURSE_START, COURSE_END)):
            # Smooth light with fine grain, like a phone picture (pure noise would not compress).
            light = Image.linear_gradient("L").resize((4000, 3000)).convert("RGB")
            grain = Image.effect_noise((4000, 3000), 12 + 2 * n).convert("RGB")
            image = Image.blend(light, grain, 0.25)
            path = folder / f"{view.value}-{k}.jpg"
            image.save(path, "JPEG", quality=90)
            files.append((view, path, day.strftime("%Y:%m:%d 09:00:00")))
    return files


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.sqlite3")
        store = ProfileStore(db)
        pid = store.create_profile("Bench")
        fill_course(store, pid)
        photos = PhotoStore(db)
        for view, path, _day in camera_files(Path(folder)):
            taken = COURSE_START if path.stem.endswith("-0") else COURSE_END
            photos.add_photos(pid, view, [read_photo(path, taken)])

        def make_report() -> int:
            report = load_course_report(store, photos, pid, COURSE_START, COURSE_END, COURSE_END)
            assert len(report.photos) == len(PhotoView)
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
