"""Help › Care guide: the guide to read on screen, print, or save as a PDF."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QTextBlock, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.care_guide import CARE_GUIDE, CareGuide
from scalpzone.ui.printing.output import PAPER_LINK, export_document_pdf, print_document_with_dialog
from scalpzone.ui.style.references import reference_html
from scalpzone.ui.widgets.document_accessible import expose_document
from scalpzone.ui.widgets.screen_fit import resize_to_fit

if TYPE_CHECKING:
    from scalpzone.storage import FileWriteError

DOCUMENT_TITLE = "ScalpZone care guide"

#: Where Export PDF… writes: asks the person, None when they cancel.
PathChooser = Callable[[], Path | None]


#: A little air between list items; easier to read than a dense block.
_SPACED = ' style="margin-bottom: 5px"'


def care_guide_html(guide: CareGuide = CARE_GUIDE) -> str:
    """The whole guide as rich text: headings, the points with their sources, the source list.

    The same text is shown in the dialog, printed and written to PDF. It sets no colours, so it
    follows the palette on screen and prints in dark ink.
    """
    e = html.escape
    parts = [
        f"<h1>{e(guide.title)}</h1>",
        f"<p>{e(guide.introduction)}</p>",
        '<table border="1" cellspacing="0" cellpadding="8" width="100%"><tr><td>'
        f"<b>{e(guide.disclaimer)}</b></td></tr></table>",
        "<p><b>Contents:</b> "
        + " · ".join(f'<a href="#{s.id}">{e(s.heading)}</a>' for s in guide.sections)
        + f' · <a href="#sources">{e(guide.sources_heading)}</a></p>',
    ]
    for section in guide.sections:
        parts.append(f'<h2><a name="{section.id}"></a>{e(section.heading)}</h2><ul>')
        for point in section.points:
            items = ""
            if point.items:
                items = "<ul>" + "".join(f"<li>{e(item)}</li>" for item in point.items) + "</ul>"
            parts.append(f"<li{_SPACED}>{e(point.text)} {e(point.citation)}{items}</li>")
        parts.append("</ul>")
    parts.append(f'<h2><a name="sources"></a>{e(guide.sources_heading)}</h2><ol>')
    parts.extend(f"<li{_SPACED}>{reference_html(ref)}</li>" for ref in guide.references)
    parts.append(f"</ol><p>{e(guide.sources_note)}</p>")
    parts.append(f"<hr><p><i>{e(guide.disclaimer)}</i></p>")
    return "\n".join(parts)


def guide_document(guide: CareGuide = CARE_GUIDE) -> QTextDocument:
    """The guide as a document to print: a plain reading font at 10.5 pt."""
    document = QTextDocument()
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Helvetica", "Arial", "sans-serif"])
    font.setPointSizeF(10.5)
    document.setDefaultFont(font)
    # Rich text takes the screen palette's link colour when it is read (light blue in the dark
    # palette); on paper links are dark.
    document.setDefaultStyleSheet(f"a {{ color: {PAPER_LINK}; }}")
    document.setHtml(care_guide_html(guide))
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, DOCUMENT_TITLE)
    return document


def _ask_pdf_path(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        parent.tr("Export the care guide as PDF"),
        str(Path.home() / f"{DOCUMENT_TITLE}.pdf"),
        parent.tr("PDF files (*.pdf);;All files (*)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".pdf")


class CareGuideDialog(QDialog):
    """The care guide in a readable window, with Print…, Export PDF… and Close.

    `choose_pdf_path` asks where Export PDF… writes (default: the system's save dialog).
    `status` says where the PDF went, or in plain words why it could not be written.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        choose_pdf_path: PathChooser | None = None,
        guide: CareGuide = CARE_GUIDE,
    ) -> None:
        super().__init__(parent)
        self._guide = guide
        self._choose_pdf_path = choose_pdf_path or (lambda: _ask_pdf_path(self))
        self.setWindowTitle(self.tr("Care guide – ScalpZone"))
        resize_to_fit(self, 760, 780)

        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Care guide"))
        self.browser.setOpenExternalLinks(False)
        expose_document(self.browser)
        self.browser.document().setDocumentMargin(14)
        self.refresh()

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setToolTip(self.tr("Print the care guide"))
        self.pdf_button = QPushButton(self.tr("Export P&DF…"), self)
        self.pdf_button.setToolTip(self.tr("Save the care guide as a PDF file"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_guide)
        self.pdf_button.clicked.connect(self._export_clicked)
        for button in (self.print_button, self.pdf_button, self.close_button):
            button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.browser.setFocus()

    def refresh(self) -> None:
        """Lay the guide out again, keeping the place; links take the current palette's colour."""
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(care_guide_html(self._guide))
        bar.setValue(position)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Rich text fixes the link colour when it is parsed; a new palette needs a new parse.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "browser"):
            self.refresh()

    # -- actions ---------------------------------------------------------------------------

    def document(self) -> QTextDocument:
        """A fresh copy of the guide laid out for paper (what Print and Export PDF draw)."""
        return guide_document(self._guide)

    def print_guide(self) -> bool:
        """Ask where to print, then print; False when cancelled or a PDF file was not written."""
        from scalpzone.storage import FileWriteError  # noqa: PLC0415  (no SQL at start)

        try:
            return print_document_with_dialog(self.document(), DOCUMENT_TITLE, self)
        except FileWriteError as error:
            self._not_saved(error)
            return False

    def export_pdf(self, path: Path | None = None) -> Path | None:
        """Write the guide as a PDF (asking where when `path` is None); the path written, or
        None when cancelled or the file could not be written (then `status` says why)."""
        target = path if path is not None else self._choose_pdf_path()
        if target is None:
            return None
        from scalpzone.storage import FileWriteError  # noqa: PLC0415  (no SQL at start)

        try:
            pages = export_document_pdf(self.document(), target, DOCUMENT_TITLE)
        except FileWriteError as error:
            self._not_saved(error)
            return None
        self._say(
            self.tr("Saved the care guide ({pages} pages) to {path}.").format(
                pages=pages, path=target
            )
        )
        return target

    def _export_clicked(self) -> None:
        self.export_pdf()

    def _not_saved(self, error: FileWriteError) -> None:
        self._say(
            self.tr("The care guide was not saved to {path}: {reason}.").format(
                path=error.path, reason=error.reason
            )
        )

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    # -- what is shown ---------------------------------------------------------------------

    def headings(self) -> list[str]:
        """The headings shown, top to bottom."""
        out: list[str] = []
        block: QTextBlock = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() > 0:
                out.append(block.text().strip())
            block = block.next()
        return out

    def text(self) -> str:
        """Everything the guide shows, as plain text."""
        return self.browser.toPlainText()
