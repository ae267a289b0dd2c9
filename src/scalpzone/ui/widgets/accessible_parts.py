"""Shared pieces of the app's own accessibility interfaces (the map's zones, documents)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

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
