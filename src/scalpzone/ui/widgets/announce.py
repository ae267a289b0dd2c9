"""Spoken notes: what just happened, told to screen readers once, without taking the focus."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAction, QUndoStack


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
