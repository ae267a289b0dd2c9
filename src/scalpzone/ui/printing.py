"""File › Print Preview, Print and Export PDF: the same PlanSheet as `scalpzone print`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from scalpzone.ui.plan_sheet import PlanSheet, default_page_size, write_pdf


def new_printer() -> QPrinter:
    """A printer set to the locale's paper (A4 or Letter), portrait, the sheet drawing its margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(
        QPageLayout(default_page_size(), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    printer.setFullPage(True)
    printer.setDocName("ScalpZone plan")
    return printer


def paint_to_printer(sheet: PlanSheet, printer: QPrinter) -> int:
    """Draw every page of the sheet on the printer; returns the number of pages drawn."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index in range(sheet.page_count):
            if index:
                printer.newPage()
            rect = printer.pageLayout().fullRectPixels(printer.resolution())
            sheet.paint(painter, rect.toRectF(), index)
    finally:
        painter.end()
    return sheet.page_count


class PlanPreviewDialog(QPrintPreviewDialog):
    """A print preview of the sheet; the paper can be changed in the dialog."""

    def __init__(self, sheet: PlanSheet, parent: QWidget | None = None) -> None:
        # The dialog only points at its printer, so the printer must live as long as it does.
        printer = new_printer()
        super().__init__(printer, parent)
        self._own_printer = printer
        self._sheet = sheet
        self.setWindowTitle(self.tr("Print preview – ScalpZone plan"))
        self.paintRequested.connect(self._paint)
        self.resize(900, 1000)

    def _paint(self, printer: QPrinter) -> None:
        paint_to_printer(self._sheet, printer)


def preview_dialog(sheet: PlanSheet, parent: QWidget | None = None) -> PlanPreviewDialog:
    """A print preview of the sheet, ready to open."""
    return PlanPreviewDialog(sheet, parent)


def print_with_dialog(sheet: PlanSheet, parent: QWidget | None = None) -> bool:
    """Ask where to print (the system's dialog), then print; False when cancelled."""
    printer = new_printer()
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return paint_to_printer(sheet, printer) > 0


def export_pdf(sheet: PlanSheet, path: Path) -> None:
    """Write the sheet to a PDF file at the locale's paper size."""
    write_pdf(sheet, path, default_page_size())
