"""File › Print Preview, Print and Export PDF: the same PlanSheet as `scalpzone print`.

Text documents (the care guide) print through the same dialog and PDF path: `paint_document`
lays them out page by page with the disclaimer and the page number under each page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from scalpzone.domain.guidance import DISCLAIMER
from scalpzone.ui.printing.pdf_file import PagedSheet
from scalpzone.ui.printing.plan_sheet import PlanSheet, default_page_size, write_pdf
from scalpzone.ui.widgets.screen_fit import fit_to_screen

#: Paper margins for text documents, in millimetres (left, top, right, bottom).
DOCUMENT_MARGINS = QMarginsF(20, 18, 20, 14)


def new_printer() -> QPrinter:
    """A printer set to the locale's paper (A4 or Letter), portrait, the sheet drawing its margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(default_page_size(), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    printer.setDocName("ScalpZone plan")
    return printer


def paint_to_printer(sheet: PagedSheet, printer: QPrinter) -> int:
    """Draw every page of the sheet on the printer; returns the number of pages drawn."""
    return sheet.paint_pages(printer, printer.resolution())


class PlanPreviewDialog(QPrintPreviewDialog):
    """A print preview of the sheet; the paper can be changed in the dialog."""

    def __init__(
        self, sheet: PagedSheet, parent: QWidget | None = None, title: str | None = None
    ) -> None:
        # The dialog only points at its printer, so the printer must live as long as it does.
        printer = new_printer()
        super().__init__(printer, parent)
        self._own_printer = printer
        self._sheet = sheet
        self.setWindowTitle(title or self.tr("Print preview – ScalpZone plan"))
        self.paintRequested.connect(self._paint)
        fit_to_screen(self, 900, 1000)

    def _paint(self, printer: QPrinter) -> None:
        paint_to_printer(self._sheet, printer)


def preview_dialog(sheet: PlanSheet, parent: QWidget | None = None) -> PlanPreviewDialog:
    """A print preview of the sheet, ready to open."""
    return PlanPreviewDialog(sheet, parent)


def _ask_where_to_print(printer: QPrinter, parent: QWidget | None) -> bool:
    """The system's print dialog for this printer; False when cancelled."""
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


#: Asks where to print: sets up the printer (or a PDF file on it), False when cancelled.
AskWhere = Callable[[QPrinter, QWidget | None], bool]


def pdf_file_chosen(printer: QPrinter) -> Path | None:
    """The file "Print to File (PDF)" chose in the print dialog, when that was the choice."""
    name = printer.outputFileName()
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not name:
        return None
    return Path(name)


def print_with_dialog(
    sheet: PlanSheet, parent: QWidget | None = None, ask: AskWhere = _ask_where_to_print
) -> bool:
    """Ask where to print (the system's dialog), then print; False when cancelled.

    Printing to a PDF file goes through the safe write (Qt would write the file itself without
    saying whether it worked); FileWriteError says why not, the old file kept.
    """
    printer = new_printer()
    if not ask(printer, parent):
        return False
    target = pdf_file_chosen(printer)
    if target is not None:
        write_pdf(sheet, target, printer.pageLayout().pageSize())
        return True
    return paint_to_printer(sheet, printer) > 0


def export_pdf(sheet: PlanSheet, path: Path) -> None:
    """Write the sheet to a PDF file at the locale's paper size."""
    write_pdf(sheet, path, default_page_size())


# --- text documents --------------------------------------------------------------------------


def document_printer(title: str) -> QPrinter:
    """A printer for a text document: the locale's paper, portrait, with paper margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(
            default_page_size(),
            QPageLayout.Orientation.Portrait,
            DOCUMENT_MARGINS,
            QPageLayout.Unit.Millimeter,
        )
    )
    printer.setDocName(title)
    return printer


#: Links on paper: a dark blue that still reads as text when printed in black and white.
PAPER_LINK = "#1f4e8c"


def _paper_palette() -> QPalette:
    """Dark ink on white paper, whatever palette the app shows on screen."""
    palette = QPalette()
    ink = QColor("#1b1b1b")
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText):
        palette.setColor(role, ink)
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    palette.setColor(QPalette.ColorRole.Link, QColor(PAPER_LINK))
    return palette


def paint_document(
    document: QTextDocument, device: QPagedPaintDevice, footer: str = DISCLAIMER
) -> int:
    """Lay the document out on the device's pages and draw each, with `footer` and the page
    number under it; returns the number of pages drawn (0 when the device cannot be drawn on).
    """
    painter = QPainter()
    if not painter.begin(device):
        return 0
    try:
        copy = document.clone()
        copy.setDocumentMargin(0)
        layout = copy.documentLayout()
        layout.setPaintDevice(device)
        small = QFont(copy.defaultFont())
        small.setPointSizeF(8)
        small.setItalic(True)
        line = QFontMetricsF(small, device).lineSpacing()
        footer_height = 3 * line
        width = float(device.width())
        body_height = float(device.height()) - footer_height
        copy.setPageSize(QSizeF(width, body_height))
        pages = copy.pageCount()
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette = _paper_palette()
        for index in range(pages):
            if index:
                device.newPage()
            top = index * body_height
            painter.save()
            painter.translate(0, -top)
            context.clip = QRectF(0, top, width, body_height)
            painter.setClipRect(context.clip)
            layout.draw(painter, context)
            painter.restore()
            _paint_footer(
                painter,
                QRectF(0, body_height, width, footer_height),
                small,
                footer,
                f"Page {index + 1} of {pages}",
            )
    finally:
        painter.end()
    return pages


def _paint_footer(painter: QPainter, box: QRectF, font: QFont, text: str, page: str) -> None:
    painter.save()
    line = QFontMetricsF(font, painter.device()).lineSpacing()
    painter.setPen(QPen(QColor("#9a9a9a"), line / 14))
    rule_y = box.top() + line * 0.6
    painter.drawLine(QPointF(box.left(), rule_y), QPointF(box.right(), rule_y))
    painter.setPen(QColor("#1b1b1b"))
    painter.setFont(font)
    text_box = QRectF(box.left(), rule_y + line * 0.3, box.width(), line * 2)
    page_width = QFontMetricsF(font, painter.device()).horizontalAdvance(page) + line
    painter.drawText(
        text_box.adjusted(0, 0, -page_width, 0),
        int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap),
        text,
    )
    painter.drawText(text_box, int(Qt.AlignmentFlag.AlignRight), page)
    painter.restore()


def print_document_with_dialog(
    document: QTextDocument,
    title: str,
    parent: QWidget | None = None,
    ask: AskWhere = _ask_where_to_print,
) -> bool:
    """Ask where to print (the system's dialog), then print the document; False when cancelled.

    Printing to a PDF file goes through the safe write, as Export PDF does (FileWriteError).
    """
    printer = document_printer(title)
    if not ask(printer, parent):
        return False
    target = pdf_file_chosen(printer)
    if target is not None:
        export_document_pdf(document, target, title)
        return True
    return paint_document(document, printer) > 0


def export_document_pdf(document: QTextDocument, path: Path, title: str) -> int:
    """Write the document to a PDF at the locale's paper size; returns the number of pages.

    The file appears whole or not at all; FileWriteError says why not (the old file is kept).
    """
    from scalpzone.ui.printing.pdf_file import save_pdf  # noqa: PLC0415

    layout = QPageLayout(
        default_page_size(),
        QPageLayout.Orientation.Portrait,
        DOCUMENT_MARGINS,
        QPageLayout.Unit.Millimeter,
    )
    return save_pdf(path, title, layout, lambda writer: paint_document(document, writer))
