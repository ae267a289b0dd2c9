"""A label that names a field and moves the focus to it with its Alt+letter."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label for `buddy`: its mnemonic (the letter after &) focuses the field."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
