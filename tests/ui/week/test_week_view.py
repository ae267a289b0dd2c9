"""The week view: sessions by day, today marked, weeks to step through, warnings and "Why?"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.settings import Contraindication, Health
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.style.appearance import dark_palette
from scalpzone.ui.week.view import WeekView
from tests.ui.helpers import MONDAY, opened_profile
from tests.ui.thinning_profile import profile_with_thinning, screenshot

pytestmark = pytest.mark.gui


def make_view(qtbot: QtBot, window: MainWindow, **kwargs: tuple[str, ...]) -> WeekView:
    profile_with_thinning(window, **kwargs)
    view = WeekView(opened_profile(window))
    qtbot.addWidget(view)
    view.resize(1200, 520)
    view.show()
    qtbot.waitExposed(view)
    return view


def side_texts(view: WeekView) -> list[str]:
    """The warnings and left-out zones listed in the side panel, as the person reads them."""
    out: list[str] = []
    for i in range(view.side_layout.count()):
        item = view.side_layout.itemAt(i)
        widget = item.widget() if item is not None else None
        if widget is None:
            continue
        labels = [widget] if isinstance(widget, QLabel) else widget.findChildren(QLabel)
        out.extend(label.text() for label in labels)
    return out


def test_seven_days_with_zones_in_order_and_today_marked(qtbot: QtBot, window: MainWindow) -> None:
    view = make_view(qtbot, window, bald=("hairline_center",))
    texts = view.day_texts()
    assert len(texts) == 7
    assert texts[0].startswith("Mon 23 Nov\nToday")
    assert "Today" not in texts[1]
    plan = view.plan
    assert plan is not None and plan.sessions
    first = plan.sessions[0]
    column = texts[(first.date - MONDAY).days]
    assert "Patch test" in column
    assert f"{first.minutes} min · 1.0 mm" in column
    side = "\n".join(side_texts(view))
    assert "Hairline centre: bald" in side or "bald" in side
    assert "patch test" in side.lower()
    screenshot(view, "week-view")


def test_why_shows_rule_and_source(qtbot: QtBot, window: MainWindow) -> None:
    view = make_view(qtbot, window, bald=("hairline_center",))
    bald = next(b for b in view.why_buttons if b.property("rule_id") == "bald")
    qtbot.mouseClick(bald, Qt.MouseButton.LeftButton)
    text = view.rule_view.toPlainText()
    assert RULES_BY_ID["bald"].title in text
    assert "Sources: [1] Dhurat et al. 2013" in text
    assert "seed" not in text.lower()


def test_later_and_earlier_weeks(qtbot: QtBot, window: MainWindow) -> None:
    view = make_view(qtbot, window)
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.day_texts()[0].startswith("Mon 30 Nov")
    assert all("Today" not in t for t in view.day_texts())
    assert view.range_label.text() == "Mon 30 Nov – Sun 6 Dec 2026"
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.day_texts()[0].startswith("Mon 16 Nov")
    qtbot.mouseClick(view.this_week_button, Qt.MouseButton.LeftButton)
    assert view.day_texts()[0].startswith("Mon 23 Nov\nToday")


def test_hold_banner_says_why_and_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    store, pid = profile_with_thinning(window)
    store.save_health(pid, Health(frozenset({Contraindication.SUNBURN})), MONDAY)
    view = WeekView(opened_profile(window))
    qtbot.addWidget(view)
    view.show()
    assert view.banner.isVisible()
    assert "on hold" in view.banner.text()
    assert "sunburnt scalp" in view.banner.text()
    assert "dermatologist" in view.banner.text()
    # Said once: the hold message is not followed by the same advice in other words.
    assert view.banner.text().count("untick") == 1
    assert all("Rest day" in t for t in view.day_texts())
    screenshot(view, "week-view-hold")
    # One click to the checklist, to untick what has cleared.
    assert view.checklist_button.isVisible()
    with qtbot.waitSignal(view.checklistRequested):
        qtbot.mouseClick(view.checklist_button, Qt.MouseButton.LeftButton)


def test_start_asks_caller_to_run_the_session(qtbot: QtBot, window: MainWindow) -> None:
    view = make_view(qtbot, window)
    plan = view.plan
    assert plan is not None
    column = view.columns[(plan.sessions[0].date - MONDAY).days]
    with qtbot.waitSignal(view.sessionRequested) as blocker:
        qtbot.mouseClick(column.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [plan.sessions[0]]
    assert replace(plan.sessions[0]) == blocker.args[0]


def test_today_follows_a_switch_to_the_dark_palette(qtbot: QtBot, window: MainWindow) -> None:
    view = make_view(qtbot, window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = QPalette(app.palette())
    try:
        app.setPalette(dark_palette())
        today = view.columns[0]
        qtbot.waitUntil(lambda: today.palette().color(QPalette.ColorRole.Window).lightness() < 80)
        title = today.findChildren(QLabel)[0]
        assert title.palette().color(QPalette.ColorRole.WindowText).lightness() > 180
        image = today.grab().toImage()
        ring = image.pixelColor(1, image.height() // 2)
        highlight = dark_palette().color(QPalette.ColorRole.Highlight)
        assert abs(ring.blue() - highlight.blue()) < 60 and ring.blue() > ring.red()
    finally:
        app.setPalette(original)
