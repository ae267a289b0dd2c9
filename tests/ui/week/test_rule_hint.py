"""The Week tab's hint under the warnings ("Press “Why?” …") is read whole on any window size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from scalpzone.ui.main_window import MainWindow
from tests.ui.week.test_week_window import confirm_health, mark_thinning

pytestmark = pytest.mark.gui


def _shows_whole(label: QLabel) -> bool:
    """Every word fits the label's width and every wrapped line its height, inside its parent."""
    metrics = label.fontMetrics()
    widest = max(metrics.horizontalAdvance(word) for word in label.text().split())
    inside = label.parentWidget().rect().contains(label.geometry())
    return (
        inside and label.width() >= widest and label.heightForWidth(label.width()) <= label.height()
    )


@pytest.mark.parametrize("size", [(1014, 540), (1590, 940)])  # 1024×600 and 1600×1000 screens
def test_the_why_hint_is_not_cut_off(
    qtbot: QtBot, window: MainWindow, size: tuple[int, int]
) -> None:
    mark_thinning(window)
    confirm_health(window)
    window.resize(*size)
    window.week.show_week()
    view = window.week.week_view
    assert view is not None
    hint = view.rule_hint
    qtbot.waitUntil(hint.isVisible)
    assert hint.text() == "Press “Why?” to see the rule and its source."
    qtbot.waitUntil(lambda: _shows_whole(hint))
    # Once a rule is shown, the hint gives way to it.
    view.why_buttons[0].click()
    assert not hint.isVisible()
    assert view.rule_view.toPlainText()
