"""Progress: the scores chart over dated maps and sessions per area, over the real database."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.scores import coverage_scores
from scalpzone.domain.zones import ScalpMap, ZoneState
from scalpzone.storage.store import ProfileStore
from scalpzone.ui.dialogs.progress import ProgressDialog
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.profile.open_profile import OpenProfile
from tests.ui.helpers import MONDAY, opened_profile
from tests.ui.thinning_profile import THINNING, profile_with_thinning, screenshot

pytestmark = pytest.mark.gui


def marked(scalp_map: ScalpMap, state: ZoneState, *zone_ids: str) -> ScalpMap:
    for zone_id in zone_ids:
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(zone_id), state=state))
    return scalp_map


def open_dialog(qtbot: QtBot, window: MainWindow, profile: OpenProfile) -> ProgressDialog:
    dialog = ProgressDialog(profile, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def three_dated_maps(window: MainWindow) -> tuple[ProfileStore, int, list[ScalpMap]]:
    """A map saved four weeks ago, two weeks ago and today, getting worse then better."""
    store, pid = profile_with_thinning(window, thinning=())
    base = store.load_profile(pid).document.scalp_map
    first = marked(base, ZoneState.THINNING, "crown", "midscalp_left", "midscalp_right")
    second = marked(first, ZoneState.BALD, "crown")
    third = marked(second, ZoneState.HEALTHY, "midscalp_right")
    for days_ago, scalp_map in ((28, first), (14, second), (0, third)):
        store.save_map(pid, scalp_map, MONDAY - timedelta(days=days_ago))
    return store, pid, [first, second, third]


def test_the_chart_shows_the_scores_of_each_dated_map(qtbot: QtBot, window: MainWindow) -> None:
    _store, _pid, maps = three_dated_maps(window)
    dialog = open_dialog(qtbot, window, opened_profile(window))
    chart = dialog.view.chart
    points = chart.points()
    assert [p.day for p in points] == [MONDAY - timedelta(days=d) for d in (28, 14, 0)]
    for point, scalp_map in zip(points, maps, strict=True):
        scores = coverage_scores(scalp_map)
        assert (point.bald, point.thinning) == (scores.bald, scores.thinning)
    assert points[0].bald == 0 < points[1].bald == points[2].bald
    assert points[2].thinning < points[1].thinning < points[0].thinning
    assert not chart.is_empty and chart.empty_text() == ""
    first = points[0]
    shares = f"About 0 % of your scalp marked bald, {round(first.thinning)} % thinning"
    assert f"{first.day.isoformat()}: {shares}" in chart.accessibleDescription()
    note = dialog.view.chart_note.text()
    assert f"{round(points[-1].thinning)} % thinning" in note
    assert "top of the head 40 %" in note and "SALT tool" in note
    assert "SALT score" not in note and "not a diagnosis" in note
    image = chart.grab().toImage()
    assert image.width() >= 460 and image.height() >= 260
    screenshot(dialog, "progress-chart")


def test_one_snapshot_says_the_chart_fills_in_later(qtbot: QtBot, window: MainWindow) -> None:
    profile_with_thinning(window)
    dialog = open_dialog(qtbot, window, opened_profile(window))
    chart = dialog.view.chart
    assert len(chart.points()) == 1
    assert chart.is_empty
    assert "One snapshot so far" in chart.empty_text()
    assert "later days" in chart.empty_text()
    screenshot(dialog, "progress-empty")


@pytest.mark.parametrize(
    "thinning", [(), ("crown", "midscalp_left", "midscalp_right", "occipital")]
)
def test_the_one_snapshot_note_hides_no_point(
    qtbot: QtBot, window: MainWindow, thinning: tuple[str, ...]
) -> None:
    profile_with_thinning(window, THINNING + thinning)
    dialog = open_dialog(qtbot, window, opened_profile(window))
    chart = dialog.view.chart
    chart.grab()  # paint once, as the screen does
    assert chart.message_box is not None and len(chart.markers) == 2
    box = chart.message_box.adjusted(-4, -4, 4, 4)
    assert not any(box.contains(point) for point in chart.markers), (box, chart.markers)


def test_saving_the_map_on_another_day_adds_a_point(qtbot: QtBot, window: MainWindow) -> None:
    store, pid = profile_with_thinning(window)
    dialog = open_dialog(qtbot, window, opened_profile(window))
    assert len(dialog.view.chart.points()) == 1
    later = marked(store.load_profile(pid).document.scalp_map, ZoneState.BALD, "crown")
    store.save_map(pid, later, MONDAY + timedelta(days=7))
    dialog.refresh()
    points = dialog.view.chart.points()
    assert len(points) == 2 and not dialog.view.chart.is_empty
    assert points[1].bald == coverage_scores(later).bald > 0


def test_sessions_per_area_count_done_sessions_this_course(
    qtbot: QtBot, window: MainWindow
) -> None:
    store, pid = profile_with_thinning(window)
    scalp_map = store.load_profile(pid).document.scalp_map
    log = [
        (13, ("crown",), SessionStatus.DONE),
        (9, ("crown", "midscalp_left"), SessionStatus.DONE),
        (6, ("midscalp_right",), SessionStatus.SKIPPED),
        (2, ("crown", "midscalp_right"), SessionStatus.DONE),
    ]
    for days_ago, zones, status in log:
        store.log_session(pid, HistoryEntry(MONDAY - timedelta(days=days_ago), zones, 1.0, status))
    profile = opened_profile(window)
    dialog = open_dialog(qtbot, window, profile)
    view = dialog.view
    name = {z.id: z.display_name for z in scalp_map.zones}
    expected = {"crown": 3, "midscalp_left": 1, "midscalp_right": 1}
    in_map_order = [(name[z.id], expected[z.id]) for z in scalp_map.zones if z.id in expected]
    assert view.zone_rows() == in_map_order
    assert dict(view.zone_rows()) == {
        name["crown"]: 3,
        name["midscalp_left"]: 1,
        name["midscalp_right"]: 1,
    }
    start = MONDAY - timedelta(days=13)
    assert view.course_start == start
    assert "week 2 of 12" in view.counts_title.text()
    assert f"({start.day} {start:%b} – " in view.counts_title.text()
    assert "3 sessions done so far" in view.counts_note.text()

    # Logged while the dialog is open (the runner's way): the counts follow the log.
    with qtbot.waitSignal(profile.logChanged):
        profile.log_session(HistoryEntry(MONDAY, ("midscalp_left",), 1.0))
    assert dict(view.zone_rows())[name["midscalp_left"]] == 2
    screenshot(dialog, "progress-counts")


def test_before_any_session_the_thinning_areas_show_with_nothing_done(
    qtbot: QtBot, window: MainWindow
) -> None:
    store, pid = profile_with_thinning(window, thinning=("crown",))
    dialog = open_dialog(qtbot, window, opened_profile(window))
    crown = store.load_profile(pid).document.scalp_map.zone("crown").display_name
    assert dialog.view.zone_rows() == [(crown, 0)]
    assert dialog.view.course_start is None
    assert "No session done yet" in dialog.view.counts_note.text()
