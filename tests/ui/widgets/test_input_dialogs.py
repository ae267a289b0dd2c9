"""The one-line questions (rename a profile, a zone; pick from a list): their title is readable,
and what the person types or picks is what comes back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from scalpzone.ui.widgets.question_boxes import ask_text, choose_item

pytestmark = pytest.mark.gui


def _answer(qtbot: QtBot, seen: list[QInputDialog], answer: object) -> None:
    """Once the dialog is up, note it and answer it as a person would (keys, then Enter)."""

    def reply() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, reply)
            return
        seen.append(dialog)
        answer(dialog)  # type: ignore[operator]

    QTimer.singleShot(0, reply)


def test_a_text_question_is_wide_enough_for_its_title_and_returns_what_was_typed(
    qtbot: QtBot,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[QInputDialog] = []

    widths: list[int] = []

    def type_name(dialog: QInputDialog) -> None:
        widths.append(dialog.width())
        line = dialog.findChild(QLineEdit)
        assert line is not None and line.text() == "My scalp"
        line.selectAll()
        qtbot.keyClicks(line, "Sam")
        dialog.accept()

    _answer(qtbot, seen, type_name)
    title = "Rename profile"
    assert ask_text(parent, title, "New name:", "My scalp") == "Sam"
    (dialog,) = seen
    assert dialog.windowTitle() == title
    # Qt's own width cut the title ("Renam… rofile" under openbox): room for it and the buttons.
    assert widths[0] >= dialog.fontMetrics().horizontalAdvance(title) + 160


def test_a_cancelled_text_question_returns_nothing(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer(qtbot, [], lambda dialog: dialog.reject())
    assert ask_text(parent, "Rename profile", "New name:", "My scalp") is None


def test_a_list_question_returns_the_index_picked(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def pick_second(dialog: QInputDialog) -> None:
        box = dialog.findChild(QComboBox)
        assert box is not None and box.count() == 3 and not box.isEditable()
        box.setCurrentIndex(1)
        dialog.accept()

    _answer(qtbot, [], pick_second)
    assert choose_item(parent, "Switch profile", "Profile:", ["Ann", "Sam", "Kim"]) == 1
