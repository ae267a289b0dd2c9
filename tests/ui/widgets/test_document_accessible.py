"""The care guide as screen readers get it: a document of headings, paragraphs and links."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible, QAccessibleActionInterface, QAccessibleInterface
from pytestqt.qtbot import QtBot

from scalpzone.domain.care_guide import CARE_GUIDE
from scalpzone.ui.dialogs.care_guide import CareGuideDialog
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.widgets.document_accessible import plain

pytestmark = pytest.mark.gui


def _children(dialog: CareGuideDialog) -> list[QAccessibleInterface]:
    document = QAccessible.queryAccessibleInterface(dialog.browser)
    assert document is not None
    assert document.role() == QAccessible.Role.Document
    return [document.child(i) for i in range(document.childCount())]


def _dialog(qtbot: QtBot, window: MainWindow) -> CareGuideDialog:
    dialog = CareGuideDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_heading_is_a_heading_and_no_text_carries_noncharacters(
    qtbot: QtBot, window: MainWindow
) -> None:
    children = _children(_dialog(qtbot, window))
    headings = [
        c.text(QAccessible.Text.Name) for c in children if c.role() == QAccessible.Role.Heading
    ]
    assert headings == [
        CARE_GUIDE.title,
        *(section.heading for section in CARE_GUIDE.sections),
        CARE_GUIDE.sources_heading,
    ]
    for child in children:
        text = child.text(QAccessible.Text.Name)
        assert text.strip()
        assert not any("\ufdd0" <= ch <= "\ufdef" for ch in text), text
    assert any(CARE_GUIDE.disclaimer in c.text(QAccessible.Text.Name) for c in children)


def test_a_contents_link_pressed_goes_to_its_section(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _dialog(qtbot, window)
    links = [c for c in _children(dialog) if c.role() == QAccessible.Role.Link]
    sources = next(c for c in links if c.text(QAccessible.Text.Name) == CARE_GUIDE.sources_heading)
    assert sources.text(QAccessible.Text.Value) == "#sources"
    assert sources.actionInterface().actionNames() == [QAccessibleActionInterface.pressAction()]
    bar = dialog.browser.verticalScrollBar()
    assert bar.value() == 0
    sources.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    qtbot.waitUntil(lambda: bar.value() > 0)


def test_plain_drops_noncharacters_and_turns_breaks_into_spaces() -> None:
    assert plain("\ufdd0Guidance\u2028not advice\ufdd1 ") == "Guidance not advice"
