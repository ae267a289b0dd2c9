"""File › Course report…: a real PDF from a real twelve-week course, read back with poppler."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from scalpzone.domain.guidance import DISCLAIMER
from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import PhotoView
from scalpzone.storage import PhotoStore, full_database
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.printing.course_report_dialog import CourseReportDialog
from tests.photos.images import camera_jpeg
from tests.report_support import COURSE_END, COURSE_START, NOTE, fill_course
from tests.ui.helpers import ScriptedDialogs, window_store

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]


def poppler(*command: str) -> str:
    """What a poppler tool prints."""
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def page_texts(pdf: Path) -> list[str]:
    """The text of each page."""
    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)))[1])  # type: ignore[index]
    return [
        poppler("pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-")
        for n in range(1, pages + 1)
    ]


@pytest.fixture
def report_dialog(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> CourseReportDialog:
    """The dialog as File › Course report… opens it over a profile with a whole course."""
    fill_course(window_store(window), window.profiles.profile_id)
    db = full_database(window.profiles.database)
    assert db is not None
    photos, pid = PhotoStore(db), window.profiles.profile_id
    for name, taken, view in (
        ("crown-1.jpg", date(2026, 9, 7), PhotoView.CROWN),
        ("crown-2.jpg", date(2026, 10, 19), PhotoView.CROWN),
        ("crown-3.jpg", date(2026, 11, 29), PhotoView.CROWN),
        ("top-1.jpg", date(2026, 9, 9), PhotoView.TOP),
        ("before.jpg", date(2026, 8, 1), PhotoView.TOP),  # before the range: left out
    ):
        photos.add_photos(pid, view, [read_photo(camera_jpeg(tmp_path / name), taken)])
    action = next(a for a in window.findChildren(QAction) if a.text() == "Co&urse report…")
    assert action.isEnabled()
    action.trigger()
    dialog = window.week.open_dialog
    assert isinstance(dialog, CourseReportDialog)
    qtbot.waitExposed(dialog)
    dialog.first_edit.setDate(QDate(COURSE_START.year, COURSE_START.month, COURSE_START.day))
    dialog.last_edit.setDate(QDate(COURSE_END.year, COURSE_END.month, COURSE_END.day))
    return dialog


def test_the_report_holds_the_course_with_the_disclaimer_on_every_page(
    qtbot: QtBot, report_dialog: CourseReportDialog, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "report.pdf"
    dialogs.files.append(target)
    assert "photos: 3; pages:" in report_dialog.summary.text()
    with qtbot.waitSignal(report_dialog.said) as said:
        report_dialog.save_button.click()
    assert str(target) in said.args[0]
    assert dialogs.suggested[-1].endswith("scalpzone-report-2026-09-07-2026-11-29.pdf")
    pages = page_texts(target)
    assert len(pages) >= 2
    first_words = DISCLAIMER.split(".")[0]  # "Guidance, not medical advice"
    for number, text in enumerate(pages, start=1):
        assert first_words in text, f"page {number} has no disclaimer"
        assert f"page {number} of {len(pages)}" in text
    text = "\n".join(pages)
    assert "Start: 7 Sep 2026" in text and "Now: 29 Nov 2026" in text
    assert "21 % thinning" in text and "15 % thinning" in text
    assert "3 dated maps" in text
    assert re.search(r"Crown\s+\d+\s+29\s+7\s+\d+ %", text), "crown: planned, 29 done, 7 skipped"
    assert "Needle lengths logged: 0.5 mm (29 sessions)" in text
    assert NOTE in text
    assert "Blocked: Crown, not rolled until 2 Dec 2026" in text
    assert "Answered on 10 Sep 2026" in text
    assert re.search(r"A sunburnt scalp\s+No", text)
    assert "First: 7 Sep 2026" in text and "Latest: 29 Nov 2026" in text
    assert "9 Sep 2026 (the only photo of this view in the range)" in text
    images = poppler("pdfimages", "-list", str(target)).splitlines()[2:]
    assert len(images) == 3, images  # crown first and latest, and the one top photo
    for line in images:
        width, height, encoding = line.split()[3], line.split()[4], line.split()[8]
        assert encoding == "jpeg" and int(height) > int(width)  # upright, as taken


def test_nothing_is_drawn_below_the_footer_line(
    report_dialog: CourseReportDialog, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    target = tmp_path / "report.pdf"
    dialogs.files.append(target)
    report_dialog.save()
    html = poppler("pdftotext", "-bbox", str(target), "-")
    for page in re.findall(r"<page width=\"[\d.]+\" height=\"([\d.]+)\">(.*?)</page>", html, re.S):
        height, body = float(page[0]), page[1]
        words = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<', body)
        footer_line = height - 36 - 44 + 10
        below = [w for top, bottom, w in words if float(bottom) > footer_line]
        above = [w for top, bottom, w in words if float(top) < footer_line < float(bottom)]
        assert not above, f"words cut by the footer line: {above}"
        assert below[0] == "Guidance,", below
        assert all(float(bottom) < height - 20 for _t, bottom, _w in words)


def test_a_range_that_ends_before_it_starts_is_refused_in_words(
    report_dialog: CourseReportDialog,
) -> None:
    report_dialog.last_edit.setDate(QDate(2026, 9, 1))
    assert "ends on 2026-09-01, before it starts on 2026-09-07" in report_dialog.summary.text()
    assert not report_dialog.save_button.isEnabled()
    assert not report_dialog.preview_button.isEnabled()


def test_a_report_that_cannot_be_written_says_so_and_writes_nothing(
    report_dialog: CourseReportDialog, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    dialogs.files.append(tmp_path / "no such folder" / "report.pdf")
    assert report_dialog.save() is None
    assert dialogs.errors and dialogs.errors[-1][0] == "Nothing was written"
    assert not (tmp_path / "no such folder").exists()
