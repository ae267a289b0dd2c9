"""Help › Care guide: every section shows, and Export PDF writes a real PDF with the disclaimer."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scalpzone.domain.care_guide import CARE_GUIDE
from scalpzone.domain.guidance import DISCLAIMER
from scalpzone.ui.dialogs.care_guide import CareGuideDialog, care_guide_html
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.printing.output import PAPER_LINK, document_printer, paint_document
from scalpzone.ui.style.appearance import dark_palette
from tests.ui.thinning_profile import screenshot

pytestmark = pytest.mark.gui

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (.ci/run installs it)"
)


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages_of(pdf: Path) -> int:
    line = next(x for x in run("pdfinfo", str(pdf)).splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def one_line(text: str) -> str:
    return " ".join(text.split())


def make_dialog(qtbot: QtBot, window: MainWindow, chosen: list[Path | None]) -> CareGuideDialog:
    dialog = CareGuideDialog(window, choose_pdf_path=lambda: chosen.pop(0))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_section_heading_shows_with_its_points_and_sources(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = make_dialog(qtbot, window, [])
    assert dialog.headings() == [CARE_GUIDE.title, *CARE_GUIDE.headings()]
    for heading in (
        "Technique",
        "Hygiene",
        "Aftercare",
        "When not to roll",
        "Shedding and what to expect",
        "When to see a dermatologist",
        "References",
    ):
        assert heading in dialog.headings()
    text = one_line(dialog.text())
    assert DISCLAIMER in text
    for section in CARE_GUIDE.sections:
        for point in section.points:
            assert f"{one_line(point.text)} {point.citation}" in text
    # The list at the end is Help › References: every work, numbered alike, with its link.
    for reference in CARE_GUIDE.references:
        shown = f"doi:{reference.doi}" if reference.doi else reference.link
        assert one_line(reference.title) in text and shown in text
        assert f'href="{reference.link}"' in care_guide_html()
    assert dialog.browser.accessibleName() == "Care guide"
    assert dialog.print_button.text() == "&Print…" and "&" in dialog.pdf_button.text()
    screenshot(dialog, "care-guide")


def test_the_contents_links_jump_to_their_section(qtbot: QtBot, window: MainWindow) -> None:
    dialog = make_dialog(qtbot, window, [])
    bar = dialog.browser.verticalScrollBar()
    assert bar.value() == 0
    dialog.browser.scrollToAnchor("sources")
    qtbot.waitUntil(lambda: bar.value() > 0)


@needs_poppler
def test_export_pdf_writes_a_pdf_with_every_heading_and_the_disclaimer_on_each_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "guide.pdf"
    dialog = make_dialog(qtbot, window, [target])
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    assert target.read_bytes().startswith(b"%PDF")
    pages = pages_of(target)
    assert pages >= 2
    assert "ScalpZone care guide" in run("pdfinfo", str(target))
    text = run("pdftotext", str(target), "-")
    flat = one_line(text)
    for heading in (CARE_GUIDE.title, *CARE_GUIDE.headings()):
        assert heading in flat
    sheets = [one_line(page) for page in text.split("\f") if page.strip()]
    assert len(sheets) == pages
    for number, sheet in enumerate(sheets, start=1):
        assert "Guidance, not medical advice" in sheet
        assert f"Page {number} of {pages}" in sheet
    # The printed copy ends with the same numbered list as Help › References.
    # The last section, then the list; NFKC undoes the ligatures PDF text has ("eﬀect").
    last = unicodedata.normalize("NFKC", flat[flat.rindex(CARE_GUIDE.sections[-1].heading) :])
    for reference in CARE_GUIDE.references:
        assert one_line(reference.title) in last
        # A DOI or address may wrap at a slash or a hyphen, which pdftotext then drops.
        joined = "".join(last.split()).replace("-", "")
        assert (reference.doi or reference.link).replace("-", "") in joined
    assert "seed" not in flat.lower()
    assert dialog.status.isVisible()
    assert str(target) in dialog.status.text() and f"{pages} pages" in dialog.status.text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file


def test_a_folder_that_does_not_exist_is_named_with_the_reason(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "guide.pdf"
    dialog = make_dialog(qtbot, window, [target])
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.status.isVisible)
    assert "not saved" in dialog.status.text()
    assert str(target) in dialog.status.text()
    assert "its folder does not exist" in dialog.status.text()
    assert not target.exists()


def test_cancelling_the_file_choice_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, window, [None])
    assert dialog.export_pdf() is None
    assert not dialog.status.isVisible()
    assert list(tmp_path.glob("*.pdf")) == []


@needs_poppler
def test_a_printer_gets_the_same_pages_as_the_pdf(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, window, [])
    exported = dialog.export_pdf(tmp_path / "exported.pdf")
    assert exported is not None
    printer = document_printer("ScalpZone care guide")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printed = paint_document(dialog.document(), printer)
    assert printed == pages_of(tmp_path / "printed.pdf") == pages_of(exported)
    assert "When to see a dermatologist" in run("pdftotext", str(tmp_path / "printed.pdf"), "-")


@needs_poppler
def test_the_pdf_is_dark_ink_on_white_even_from_the_dark_palette(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    app.setPalette(dark_palette())
    try:
        dialog = make_dialog(qtbot, window, [])
        exported = dialog.export_pdf(tmp_path / "dark.pdf")
    finally:
        app.setPalette(original)
    assert exported is not None
    run(
        "pdftoppm",
        "-r",
        "40",
        "-gray",
        "-f",
        "1",
        "-l",
        "1",
        "-png",
        str(exported),
        str(tmp_path / "page"),
    )
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull()
    levels = [
        image.pixelColor(x, y).lightness()
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
    ]
    dark = sum(1 for v in levels if v < 110)
    white = sum(1 for v in levels if v > 240)
    assert white > 0.8 * len(levels)  # white paper
    assert dark > 0.005 * len(levels)  # and dark text on it


def test_the_html_is_one_text_for_screen_and_paper(qtbot: QtBot, window: MainWindow) -> None:
    dialog = make_dialog(qtbot, window, [])
    html = care_guide_html()
    assert "color" not in html.lower()  # follows the palette on screen, dark ink on paper
    assert dialog.document().toPlainText() == dialog.browser.document().toPlainText()


def _link_colours(dialog: CareGuideDialog, document: QTextDocument | None = None) -> set[str]:
    colours: set[str] = set()
    block = (document or dialog.browser.document()).begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isAnchor() and fragment.charFormat().anchorHref():
                colours.add(fragment.charFormat().foreground().color().name())
            it += 1
        block = block.next()
    return colours


def test_links_take_the_colour_of_a_new_palette(qtbot: QtBot, window: MainWindow) -> None:
    dialog = make_dialog(qtbot, window, [])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    dark_link = dark_palette().color(QPalette.ColorRole.Link).name()
    assert _link_colours(dialog) and dark_link not in _link_colours(dialog)
    try:
        app.setPalette(dark_palette())
        qtbot.waitUntil(lambda: _link_colours(dialog) == {dark_link})
    finally:
        app.setPalette(original)


def test_links_on_paper_are_dark_even_from_the_dark_palette(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = make_dialog(qtbot, window, [])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    try:
        app.setPalette(dark_palette())
        paper = dialog.document()
    finally:
        app.setPalette(original)
    assert _link_colours(dialog, paper) == {PAPER_LINK}
