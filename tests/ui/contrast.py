"""WCAG AA contrast, measured on what a window really draws (one check for every view).

The window is rendered offscreen with `grab()`. For each visible, enabled piece of text (labels,
buttons, check boxes, tabs, line edits, group titles, the cells of item views, text browsers,
the status bar) the part of the picture holding that text is cut out; the colour most pixels
have is what is behind the text, and the pixel furthest from it is the text's own colour (the
core of a glyph is drawn in full ink even when its edges are smoothed). Their contrast ratio
must reach 4.5:1, or 3:1 for large text (18 pt, or 14 pt bold). Disabled controls are left out,
as WCAG leaves out inactive components.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStatusBar,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

NORMAL = 4.5
LARGE = 3.0


def luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio between two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def is_large(font: QFont) -> bool:
    """Large text in WCAG's sense: 18 pt, or 14 pt and bold."""
    points = font.pointSizeF() if font.pointSizeF() > 0 else font.pixelSize() * 0.75
    return points >= 18 or (font.bold() and points >= 14)


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of text and the contrast it has."""

    where: str
    text: str
    ratio: float
    needed: float
    ink: str
    behind: str

    def __str__(self) -> str:
        return (
            f"{self.where} {self.text!r}: {self.ratio:.2f}:1 ({self.ink} on {self.behind}), "
            f"needs {self.needed}:1"
        )


def _pixels(image: QImage) -> np.ndarray:
    """The image as rows of 0xRRGGBB integers."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height())
    return (data.reshape(image.height(), image.width()) & 0xFFFFFF).copy()


def measure(pixels: np.ndarray, rect: QRect) -> tuple[float, QColor, QColor] | None:
    """Contrast of the strongest ink in `rect` against its commonest colour (None: empty)."""
    height, width = pixels.shape
    rect = rect.intersected(QRect(0, 0, width, height))
    if rect.width() < 2 or rect.height() < 2:
        return None
    crop = pixels[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1].ravel()
    colours, counts = np.unique(crop, return_counts=True)
    behind = QColor.fromRgb(int(colours[counts.argmax()]))
    best, ink = 1.0, behind
    for rgb in colours:
        value = ratio(QColor.fromRgb(int(rgb)), behind)
        if value > best:
            best, ink = value, QColor.fromRgb(int(rgb))
    if best <= 1.0:
        return None  # nothing drawn: no text to judge
    return best, ink, behind


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _visible_rect(widget: QWidget, top: QWidget, inner: QRect | None = None) -> QRect:
    """The part of the widget (or of `inner`, in its coordinates) seen in the window."""
    rect = widget.visibleRegion().boundingRect()
    if inner is not None:
        rect = rect.intersected(inner)
    if rect.isEmpty():
        return QRect()
    return QRect(widget.mapTo(top, rect.topLeft()), rect.size())


def _text_pieces(top: QWidget) -> Iterator[tuple[QWidget, str, QRect]]:
    """Every visible, enabled piece of text in the window with where it is drawn."""
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisibleTo(top) or not widget.isEnabled() or not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            if widget.text().strip() and widget.pixmap().isNull():
                yield widget, widget.text(), _visible_rect(widget, top, widget.contentsRect())
        elif isinstance(widget, QPushButton) and widget.text():
            option = QStyleOptionButton()
            widget.initStyleOption(option)
            inner = widget.style().subElementRect(
                QStyle.SubElement.SE_PushButtonContents, option, widget
            )
            yield widget, widget.text(), _visible_rect(widget, top, inner.adjusted(1, 1, -1, -1))
        elif isinstance(widget, QAbstractButton) and widget.text() and not _icon_only(widget):
            yield widget, widget.text(), _visible_rect(widget, top)
        elif isinstance(widget, QGroupBox) and widget.title():
            height = widget.fontMetrics().height() + 2
            yield (
                widget,
                widget.title(),
                _visible_rect(widget, top, QRect(0, 0, widget.width(), height)),
            )
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabEnabled(i) and widget.isTabVisible(i):
                    inner = widget.tabRect(i).adjusted(4, 3, -4, -3)
                    yield widget, widget.tabText(i), _visible_rect(widget, top, inner)
        elif isinstance(widget, QLineEdit) and widget.text() and widget.isVisible():
            yield (
                widget,
                widget.text(),
                _visible_rect(widget, top, widget.rect().adjusted(3, 3, -3, -3)),
            )
        elif isinstance(widget, (QComboBox, QAbstractSpinBox)):
            text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
            if text:
                yield (
                    widget,
                    text,
                    _visible_rect(widget, top, widget.rect().adjusted(3, 3, -22, -3)),
                )
        elif isinstance(widget, QTextEdit) and widget.toPlainText().strip():
            viewport = widget.viewport()
            yield widget, widget.toPlainText()[:40], _visible_rect(viewport, top)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from _cells(widget, top)
        elif isinstance(widget, QStatusBar) and widget.currentMessage():
            yield widget, widget.currentMessage(), _visible_rect(widget, top)


def _icon_only(button: QAbstractButton) -> bool:
    """A tool button that shows only its icon (its text is a tooltip, not drawn)."""
    return (
        isinstance(button, QToolButton)
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        and not button.icon().isNull()
    )


def _cells(view: QAbstractItemView, top: QWidget) -> Iterator[tuple[QWidget, str, QRect]]:
    model = view.model()
    viewport = view.viewport()
    rows = model.rowCount(view.rootIndex())
    # A list model keeps its columnCount private: it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(view.rootIndex())
    for row in range(min(rows, 200)):
        for column in range(columns):
            index: QModelIndex = model.index(row, column, view.rootIndex())
            text = index.data()
            if not isinstance(text, str) or not text.strip():
                continue
            rect = view.visualRect(index).adjusted(2, 1, -2, -1)
            seen = viewport.rect().intersected(rect)
            # A cell scrolled mostly out of view is a matter of room, not of contrast.
            if rect.isEmpty() or seen.width() * seen.height() < 0.6 * rect.width() * rect.height():
                continue
            yield view, text, _visible_rect(viewport, top, rect)


def contrast_findings(top: QWidget) -> list[Finding]:
    """Every piece of text in the window with its measured contrast."""
    image = top.grab().toImage()
    pixels = _pixels(image)
    # grab() draws at the device pixel ratio; the rects are in widget coordinates.
    scale = image.devicePixelRatio()
    findings = []
    for widget, text, where in _text_pieces(top):
        if where.isEmpty():
            continue
        rect = QRect(
            QPoint(round(where.left() * scale), round(where.top() * scale)), where.size() * scale
        )
        measured = measure(pixels, rect)
        if measured is None:
            continue
        value, ink, behind = measured
        needed = LARGE if is_large(widget.font()) else NORMAL
        findings.append(
            Finding(
                _name(widget), " ".join(text.split())[:50], value, needed, ink.name(), behind.name()
            )
        )
    return findings


def contrast_failures(top: QWidget) -> list[Finding]:
    """The pieces of text below WCAG AA."""
    return [f for f in contrast_findings(top) if f.ratio < f.needed]
