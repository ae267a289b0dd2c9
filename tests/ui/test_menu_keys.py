"""Each menu's Alt letters are its own: one letter opens one item (a shared one only cycles)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtWidgets import QMenu

from scalpzone.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_no_menu_uses_a_letter_twice(window: MainWindow) -> None:
    window.commands  # noqa: B018  (the menus are built)
    menus = [window.menuBar(), *window.menuBar().findChildren(QMenu)]
    clashes = {}
    for menu in menus:
        letters = Counter(
            found.group(1).lower()
            for action in menu.actions()
            if (found := re.search(r"&(\w)", action.text()))
        )
        twice = sorted(letter for letter, count in letters.items() if count > 1)
        if twice:
            clashes[menu.title() or "menu bar"] = twice
    assert clashes == {}
