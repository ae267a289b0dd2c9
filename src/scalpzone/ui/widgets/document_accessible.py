"""A rich-text browser as a document a screen reader can walk: headings, paragraphs, links.

Qt exposes a QTextBrowser as one block of text (with the frame characters U+FDD0 and U+FDD1
of its tables inside). `expose_document` gives it an interface whose children are the
document's headings, paragraphs and links, each a hidden `PartHandle` so that Qt has an object
per part; a link's Press action follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, QUrl
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QDesktopServices,
    QTextDocument,
)
from PySide6.QtWidgets import QAccessibleWidget, QTextBrowser, QWidget
from shiboken6 import isValid

from scalpzone.ui.widgets.accessible_parts import LeafInterface, forget_interface, install_factory

#: Noncharacters (Qt's frame marks among them), object replacement, line and paragraph marks.
_NOT_TEXT = re.compile("[\ufdd0-\ufdef\ufffc\ufffe\uffff]")
_BREAKS = re.compile("[\u2028\u2029\n]+")


@dataclass(frozen=True, slots=True)
class Part:
    """One heading, paragraph or link of a document."""

    role: QAccessible.Role
    text: str
    block: int
    href: str = ""


def plain(text: str) -> str:
    """Text as a person reads it: no noncharacters, breaks as spaces."""
    return _BREAKS.sub(" ", _NOT_TEXT.sub("", text)).strip()


def document_parts(document: QTextDocument) -> list[Part]:
    """Headings and paragraphs in reading order, each followed by the links it holds."""
    parts: list[Part] = []
    block = document.begin()
    while block.isValid():
        text = plain(block.text())
        if text:
            heading = block.blockFormat().headingLevel() > 0
            role = QAccessible.Role.Heading if heading else QAccessible.Role.Paragraph
            parts.append(Part(role, text, block.blockNumber()))
        links: list[tuple[str, str]] = []
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
            if href and links and links[-1][0] == href:
                links[-1] = (href, links[-1][1] + fragment.text())
            elif href:
                links.append((href, fragment.text()))
            fragments += 1
        parts.extend(
            Part(QAccessible.Role.Link, plain(words), block.blockNumber(), href)
            for href, words in links
            if plain(words)
        )
        block = block.next()
    return parts


class PartHandle(QWidget):
    """A hidden stand-in for one part of the document."""

    def __init__(self, index: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.index = index
        self.hide()


class DocumentAccessibility(QObject):
    """The browser's parts, worked out again whenever its document changes."""

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self.browser = browser
        self._parts: list[Part] | None = None
        self.handles: list[PartHandle] = []
        browser.document().contentsChanged.connect(self._forget)
        browser.sourceChanged.connect(self._forget)

    def parts(self) -> list[Part]:
        """The document's parts now (a handle is made for each one)."""
        if self._parts is None:
            self._parts = document_parts(self.browser.document())
            while len(self.handles) < len(self._parts):
                self.handles.append(PartHandle(len(self.handles), self.browser))
        return self._parts

    def part(self, index: int) -> Part | None:
        """The part at `index`, None past the end."""
        parts = self.parts()
        return parts[index] if 0 <= index < len(parts) else None

    def follow(self, href: str) -> None:
        """Go where a link points: a place in the document, or a page outside the app."""
        if href.startswith("#"):
            self.browser.scrollToAnchor(href[1:])
        else:
            QDesktopServices.openUrl(QUrl(href))

    def rect_of(self, part: Part) -> QRect:
        """Where the part's block is on screen."""
        document = self.browser.document()
        block = document.findBlockByNumber(part.block)
        box = document.documentLayout().blockBoundingRect(block).toRect()
        box.translate(
            -self.browser.horizontalScrollBar().value(), -self.browser.verticalScrollBar().value()
        )
        viewport = self.browser.viewport()
        return QRect(viewport.mapToGlobal(box.topLeft()), box.size())

    def _forget(self, *_: object) -> None:
        self._parts = None
        if QAccessible.isActive() and isValid(self.browser):
            reorder = QAccessibleEvent(self.browser, QAccessible.Event.ObjectReorder)
            QAccessible.updateAccessibility(reorder)


class DocumentInterface(QAccessibleWidget):
    """The browser: a document whose children are its parts."""

    def __init__(self, browser: QTextBrowser, parts: DocumentAccessibility) -> None:
        super().__init__(browser, QAccessible.Role.Document)
        self._parts = parts

    def childCount(self) -> int:
        return len(self._parts.parts())

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        if self._parts.part(index) is None:
            return None
        return QAccessible.queryAccessibleInterface(self._parts.handles[index])

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        handle = child.object() if child is not None else None
        if isinstance(handle, PartHandle) and self._parts.part(handle.index) is not None:
            return handle.index
        return -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None


class PartInterface(LeafInterface):
    """One heading, paragraph or link."""

    def __init__(self, handle: PartHandle, parts: DocumentAccessibility) -> None:
        super().__init__(handle, QAccessible.Role.Paragraph, parts.browser)
        self._handle = handle
        self._parts = parts

    def _part(self) -> Part | None:
        return self._parts.part(self._handle.index) if isValid(self._handle) else None

    def isValid(self) -> bool:
        return self._part() is not None

    def role(self) -> QAccessible.Role:
        part = self._part()
        return part.role if part is not None else QAccessible.Role.Paragraph

    def text(self, kind: QAccessible.Text) -> str:
        part = self._part()
        if part is None:
            return ""
        if kind == QAccessible.Text.Name:
            return part.text
        if kind == QAccessible.Text.Value and part.href:
            return part.href
        return ""

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.readOnly = True
        part = self._part()
        state.linked = part is not None and bool(part.href)
        state.focusable = state.linked
        return state

    def rect(self) -> QRect:
        part = self._part()
        return self._parts.rect_of(part) if part is not None else QRect()

    def actionNames(self) -> list[str]:
        part = self._part()
        return [QAccessibleWidget.pressAction()] if part is not None and part.href else []

    def doAction(self, name: str) -> None:
        part = self._part()
        if part is not None and part.href and name == QAccessibleWidget.pressAction():
            self._parts.follow(part.href)


def _factory(classname: str, target: QObject | None) -> QAccessibleInterface | None:
    if isinstance(target, PartHandle):
        owner = target.parentWidget()
        parts = owner.findChild(DocumentAccessibility) if owner is not None else None
        return PartInterface(target, parts) if parts is not None else None
    if isinstance(target, QTextBrowser):
        parts = target.findChild(DocumentAccessibility)
        return DocumentInterface(target, parts) if parts is not None else None
    return None


def expose_document(browser: QTextBrowser) -> None:
    """Let screen readers walk `browser`'s headings, paragraphs and links."""
    install_factory(_factory)
    if browser.findChild(DocumentAccessibility) is None:
        DocumentAccessibility(browser)
        forget_interface(browser, unless=DocumentInterface)
