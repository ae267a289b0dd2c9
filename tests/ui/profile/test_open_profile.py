"""The open profile: each change says what it touched, and views read it without reloading.

Store calls are counted through a wrapper around the window's real store (real SQLite), which
passes every call on: the counts are what the views and dialogs actually asked the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import timedelta
from typing import cast

import pytest
from pytestqt.qtbot import QtBot

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.settings import Contraindication, Health
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.dialogs.rollers import RollersDialog
from scalpzone.ui.dialogs.settings import SettingsDialog
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.model import MapChange, MapModel
from scalpzone.ui.profile.open_profile import OpenProfile
from scalpzone.ui.profile.store_api import ProfileStoreLike
from scalpzone.ui.week.view import WeekView
from tests.ui.helpers import MONDAY, window_store

pytestmark = pytest.mark.gui

SIGNALS = ("mapChanged", "settingsChanged", "healthChanged", "rollersChanged", "logChanged")


class CountingStore:
    """The real store, with a count of every call made through it."""

    def __init__(self, inner: ProfileStoreLike) -> None:
        self.inner = inner
        self.calls: Counter[str] = Counter()

    def __getattr__(self, name: str) -> object:
        target = getattr(self.inner, name)
        if not callable(target):
            return target

        def counted(*args: object, **kwargs: object) -> object:
            self.calls[name] += 1
            return target(*args, **kwargs)

        return counted


@pytest.fixture
def counted(window: MainWindow) -> tuple[OpenProfile, CountingStore]:
    """The window's profile, thinning on the crown and mid-scalp, opened over a counting store."""
    for zone_id in ("crown", "midscalp_left", "midscalp_right"):
        window.editor.set_state(zone_id, ZoneState.THINNING)
    window.autosave.flush()
    store = CountingStore(window_store(window))
    model = MapModel(lambda: MONDAY)
    profile = OpenProfile(model, window)
    model.setParent(profile)
    profile.take(
        cast("ProfileStoreLike", store), store.inner.load_profile(window.profiles.profile_id)
    )
    store.calls.clear()
    return profile, store


@contextmanager
def heard(profile: OpenProfile) -> Iterator[dict[str, list[tuple[object, ...]]]]:
    """What the profile said while the block ran: each signal's arguments, by signal name."""
    said: dict[str, list[tuple[object, ...]]] = {}
    slots: list[tuple[object, Callable[..., None]]] = []
    for name in SIGNALS:
        signal = getattr(profile, name)

        def slot(*args: object, name: str = name) -> None:
            said.setdefault(name, []).append(args)

        signal.connect(slot)
        slots.append((signal, slot))
    try:
        yield said
    finally:
        for signal, slot in slots:
            signal.disconnect(slot)  # type: ignore[attr-defined]


def test_each_change_says_only_what_it_touched(
    counted: tuple[OpenProfile, CountingStore],
) -> None:
    profile, _store = counted
    with heard(profile) as said:
        profile.save_settings(replace(profile.settings, session_minutes=25))
    assert said == {"settingsChanged": [()]}
    assert profile.settings.session_minutes == 25

    with heard(profile) as said:
        profile.confirm_health(Health(frozenset({Contraindication.SUNBURN})))
    assert said == {"healthChanged": [()]}
    assert profile.health_confirmed_on == MONDAY
    assert profile.plan.status.value == "hold"

    with heard(profile) as said:
        profile.confirm_health(Health())
        profile.start_roller(1.0, MONDAY - timedelta(days=3))
    assert said == {"healthChanged": [()], "rollersChanged": [()]}
    assert profile.current_roller is not None and profile.current_roller.uses == 0

    # A session done counts a use of the roller: the log and the roller changed.
    with heard(profile) as said:
        zones = profile.log_session(HistoryEntry(MONDAY - timedelta(days=1), ("crown",), 1.0))
    assert zones == {"crown"}
    assert said == {"logChanged": [(frozenset({"crown"}),)], "rollersChanged": [()]}
    assert profile.current_roller is not None and profile.current_roller.uses == 1

    with heard(profile) as said:
        profile.model.set_map(
            profile.scalp_map.with_zone(
                replace(profile.scalp_map.zone("occipital"), state=ZoneState.THINNING)
            )
        )
    assert said == {"mapChanged": [(frozenset({"occipital"}),)]}


def test_a_log_edit_names_only_the_zones_of_its_session(
    qtbot: QtBot, counted: tuple[OpenProfile, CountingStore]
) -> None:
    profile, _store = counted
    profile.log_session(HistoryEntry(MONDAY - timedelta(days=6), ("midscalp_left",), 1.0))
    profile.log_session(HistoryEntry(MONDAY - timedelta(days=3), ("crown",), 1.0))
    (first, second) = sorted(profile.log_entries(), key=lambda s: s.id)
    moved: list[MapChange] = []
    profile.model.mapChanged.connect(moved.append)

    edited = replace(second.entry, zones=("crown", "midscalp_right"))
    with qtbot.waitSignal(profile.logChanged) as said:
        profile.replace_log_entry(second.id, edited)
    assert said.args == [frozenset({"crown", "midscalp_right"})]
    # The map views redraw the one zone whose "last rolled" day moved, not every zone.
    assert [c.changed for c in moved] == [frozenset({"midscalp_right"})]
    assert not any(c.reset for c in moved)

    with qtbot.waitSignal(profile.logChanged) as said:
        removed = profile.remove_log_entry(first.id)
    assert removed == first.entry
    assert said.args == [frozenset({"midscalp_left"})]

    with qtbot.waitSignal(profile.logChanged) as said:
        profile.restore_log_entry(first.id, removed)
    assert said.args == [frozenset({"midscalp_left"})]

    skipped = replace(edited, status=SessionStatus.SKIPPED)
    with qtbot.waitSignal(profile.logChanged) as said:
        profile.replace_log_entry(second.id, skipped)
    assert said.args == [frozenset({"crown", "midscalp_right"})]


def test_what_it_holds_is_what_the_store_holds_after_each_change(
    counted: tuple[OpenProfile, CountingStore],
) -> None:
    profile, store = counted
    profile.save_settings(replace(profile.settings, needle_mm=0.5, zone_rest_hours=72))
    profile.confirm_health(Health(frozenset({Contraindication.ROSACEA})))
    profile.start_roller(0.5, MONDAY - timedelta(days=9))
    for days_ago, zones in ((8, ("crown",)), (2, ("midscalp_left", "crown")), (5, ("crown",))):
        profile.log_session(HistoryEntry(MONDAY - timedelta(days=days_ago), zones, 0.5))
    stored = store.inner.load_profile(profile.profile_id)
    assert profile.settings == stored.document.settings
    assert profile.health == stored.document.health
    assert profile.history == stored.document.history  # in the order logged, as loaded
    assert profile.health_confirmed_on == stored.health_confirmed_on
    roller = store.inner.current_roller(profile.profile_id)
    assert profile.current_roller == roller


def test_views_and_dialogs_read_the_profile_without_reloading_it(
    qtbot: QtBot, counted: tuple[OpenProfile, CountingStore]
) -> None:
    profile, store = counted
    week = WeekView(profile)
    qtbot.addWidget(week)
    week.show_week(1)
    week.refresh()
    assert store.calls == Counter()  # the week is planned from what the profile holds

    settings = SettingsDialog(profile)
    qtbot.addWidget(settings)
    assert store.calls == Counter()

    rollers = RollersDialog(profile)
    qtbot.addWidget(rollers)
    assert store.calls == Counter({"rollers": 1})  # the earlier rollers' table, nothing else

    store.calls.clear()
    profile.log_session(HistoryEntry(MONDAY - timedelta(days=1), ("crown",), 1.0))
    # Written, then the log and the roller read again; never the whole profile.
    assert set(store.calls) == {"log_session", "log_entries", "current_roller"}
    assert store.calls["log_session"] == 1
