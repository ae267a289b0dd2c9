"""PDFs are drawn in memory, checked, and only then written, through the one safe write.

Qt's PDF writer reports no write errors, so it never gets a path: it draws into a buffer, the
bytes are checked to be a whole PDF with the pages drawn, and `write_atomically` puts them in
place (or says why not, leaving the old file as it was).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

#: A page object in Qt's PDF output ("/Type /Pages" is the page tree, not a page).
_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def render_pdf(
    title: str, layout: QPageLayout, draw: Callable[[QPdfWriter], int]
) -> tuple[bytes, int]:
    """The PDF that `draw` paints, and its pages (`draw` returns how many it drew).

    Raises ValueError, in plain words, if the result is not a whole PDF of those pages.
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("ScalpZone")
    writer.setResolution(300)
    writer.setPageLayout(layout)
    pages = draw(writer)
    del writer  # finishes the document in the buffer
    data = bytes(buffer.data().data())
    buffer.close()
    problem = pdf_problem(data, pages)
    if problem is not None:
        raise ValueError(problem)
    return data, pages


def pdf_problem(data: bytes, pages: int) -> str | None:
    """Why these bytes are not a whole PDF of `pages` pages, in plain words; None if they are."""
    if pages < 1:
        return "nothing could be drawn on the page"
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        return "the PDF came out incomplete"
    found = len(_PAGE.findall(data))
    if found != pages:
        return f"the PDF has {found} pages where {pages} were drawn"
    return None


def save_pdf(path: Path, title: str, layout: QPageLayout, draw: Callable[[QPdfWriter], int]) -> int:
    """Draw the PDF and write it to `path` whole; returns its pages.

    Raises FileWriteError (the old file unchanged) when it cannot be drawn or written.
    """
    from scalpzone.storage import FileWriteError, write_atomically  # noqa: PLC0415  (no SQL at start)

    try:
        data, pages = render_pdf(title, layout, draw)
    except ValueError as error:
        raise FileWriteError(path, str(error)) from None
    write_atomically(path, data)
    return pages


class PagedSheet(Protocol):
    """Anything that draws its pages on a printer or PDF: the weekly plan, the course report."""

    def paint_pages(self, device: QPagedPaintDevice, resolution: int) -> int: ...


def save_sheet_pdf(path: Path, title: str, sheet: PagedSheet, page_size: QPageSize) -> int:
    """Write a sheet that draws its own margins (portrait, edge to edge) as save_pdf does."""
    layout = QPageLayout(page_size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    return save_pdf(
        path, title, layout, lambda writer: sheet.paint_pages(writer, writer.resolution())
    )
