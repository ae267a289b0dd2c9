"""Accessibility shared by the app: announcements, Tab order, and pieces of own interfaces."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleInterface,
    QAction,
    QUndoStack,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QStatusBar, QWidget

Factory = Callable[[str, QObject | None], QAccessibleInterface | None]

_installed: list[Factory] = []


def install_factory(factory: Factory) -> None:
    """Let Qt ask `factory` for interfaces (once per process, however often it is called)."""
    if factory not in _installed:
        QAccessible.installFactory(factory)
        _installed.append(factory)


def forget_interface(widget: QWidget, *, unless: type) -> None:
    """Drop an interface Qt made for `widget` before a factory could (one not of `unless`)."""
    if QAccessible.isActive():
        made = QAccessible.queryAccessibleInterface(widget)
        if made is not None and not isinstance(made, unless):
            QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(made))


class LeafInterface(QAccessibleWidget):
    """A part with no children inside `container`; a hidden stand-in widget is its object."""

    def __init__(self, handle: QWidget, role: QAccessible.Role, container: QWidget) -> None:
        super().__init__(handle, role)
        self._container = container

    def parent(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return QAccessible.queryAccessibleInterface(self._container)

    def childCount(self) -> int:
        return 0

    def child(self, index: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def focusChild(self) -> QAccessibleInterface | None:  # type: ignore[override]
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:  # type: ignore[override]
        return None


def tab_in_reading_order(
    before: Sequence[QWidget], containers: Sequence[QWidget], after: Sequence[QWidget]
) -> None:
    """Tab visits `before`, the buttons of each container in turn, then `after`."""
    buttons = [b for box in containers for b in box.findChildren(QAbstractButton)]
    for first, second in pairwise([*before, *buttons, *after]):
        QWidget.setTabOrder(first, second)


def announce(source: QObject, text: str) -> None:
    """Have screen readers say `text` once, politely (after what they are saying now)."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)


def announce_undo_and_redo(
    source: QObject, stack: QUndoStack, undo: QAction, redo: QAction
) -> None:
    """Undo and Redo say what they did ("Undone: Mark Crown thinning"), once each time."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("Announce", text)

    # The actions' own slot (the stack's undo or redo) has run when these are called.
    undo.triggered.connect(
        lambda: announce(source, tr("Undone: {what}").format(what=stack.redoText()))
    )
    redo.triggered.connect(
        lambda: announce(source, tr("Redone: {what}").format(what=stack.undoText()))
    )


def say_in_status(bar: QStatusBar, text: str, milliseconds: int) -> None:
    """A note in the status bar for a while, said once to screen readers too."""
    bar.showMessage(text, milliseconds)
    announce(bar, text)
