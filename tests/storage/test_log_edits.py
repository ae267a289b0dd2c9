"""Editing the session log: ids, replace, remove and put back; roller uses counted from the log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.storage import (
    Database,
    InvalidProfileDataError,
    LogEntryNotFoundError,
    LoggedSession,
    ProfileStore,
    StorageError,
)

from .helpers import done, query, thinning_map

DAY = date(2026, 11, 23)


def _profile(store: ProfileStore, name: str = "Alex") -> int:
    pid = store.create_profile(name)
    store.save_map(pid, thinning_map(), DAY)
    return pid


def _uses(store: ProfileStore, pid: int) -> list[int]:
    return [r.uses for r in store.rollers(pid)]


def test_log_entries_carry_ids_and_come_by_day_then_as_logged(store: ProfileStore) -> None:
    pid = _profile(store)
    store.log_session(pid, done(date(2026, 11, 20), "crown"))
    store.log_session(pid, done(date(2026, 11, 18), "custom-1", note="late entry"))
    store.log_session(pid, done(date(2026, 11, 20), "custom-1"))
    entries = store.log_entries(pid)
    assert all(isinstance(e, LoggedSession) for e in entries)
    assert [(e.entry.date.day, e.entry.zones) for e in entries] == [
        (18, ("custom-1",)),
        (20, ("crown",)),
        (20, ("custom-1",)),
    ]
    first, second, third = (e.id for e in entries)
    assert second < first < third  # the 18th was logged second
    # the map file keeps the order of logging, unchanged
    assert [e.date.day for e in store.load_profile(pid).document.history] == [20, 18, 20]


def test_replacing_a_logged_session_keeps_its_id(db: Database, store: ProfileStore) -> None:
    pid = _profile(store)
    store.log_session(pid, done(date(2026, 11, 20), "crown"))
    [logged] = store.log_entries(pid)
    edited = HistoryEntry(
        date(2026, 11, 19), ("custom-1", "crown"), 0.5, SessionStatus.SKIPPED, "too sore"
    )
    store.replace_log_entry(pid, logged.id, edited)
    assert store.log_entries(pid) == (LoggedSession(logged.id, edited),)
    assert query(db.path, "SELECT count(*) FROM session_log") == [(1,)]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"needle_mm": 2.0}, r"needle_mm: 2.0 is outside 0.2–1.5 mm"),
        ({"zones": ()}, r"zones: is empty"),
        ({"zones": ("custom-9",)}, r"'custom-9' is not a zone of this map"),
        ({"zones": ("crown", "crown")}, r"lists a zone twice"),
        ({"note": "x" * 2001}, r"note: is 2001 characters long, above the 2000 maximum"),
    ],
)
def test_a_bad_replacement_is_refused_and_nothing_changes(
    store: ProfileStore, change: dict[str, Any], message: str
) -> None:
    pid = _profile(store)
    store.log_session(pid, done(date(2026, 11, 20), "crown", note="as logged"))
    before = store.log_entries(pid)
    with pytest.raises(InvalidProfileDataError, match=message):
        store.replace_log_entry(pid, before[0].id, replace(before[0].entry, **change))
    assert store.log_entries(pid) == before


def test_unknown_or_another_profiles_session_is_refused(store: ProfileStore) -> None:
    alex = _profile(store)
    sam = _profile(store, "Sam")
    store.log_session(sam, done(date(2026, 11, 20), "crown", note="Sam's"))
    [sams] = store.log_entries(sam)
    other = done(date(2026, 11, 21), "crown", note="Alex's try")

    with pytest.raises(LogEntryNotFoundError, match=rf"session #{sams.id} is not in this profile"):
        store.replace_log_entry(alex, sams.id, other)
    with pytest.raises(LogEntryNotFoundError, match="Nothing was changed"):
        store.remove_log_entry(alex, sams.id)
    with pytest.raises(LogEntryNotFoundError):
        store.remove_log_entry(sam, 9999)
    assert store.log_entries(sam) == (sams,)
    assert store.log_entries(alex) == ()


def test_remove_returns_the_session_and_restore_puts_it_back_with_its_id(
    store: ProfileStore,
) -> None:
    pid = _profile(store)
    store.log_session(pid, done(date(2026, 11, 18), "crown"))
    store.log_session(pid, done(date(2026, 11, 20), "crown", "custom-1", note="mild redness"))
    before = store.log_entries(pid)
    newest = before[-1]

    removed = store.remove_log_entry(pid, newest.id)
    assert removed == newest.entry
    assert store.log_entries(pid) == before[:-1]
    with pytest.raises(LogEntryNotFoundError):
        store.remove_log_entry(pid, newest.id)

    # a session logged meanwhile does not take the freed id (it was the highest)
    store.log_session(pid, done(date(2026, 11, 21), "crown"))
    assert store.log_entries(pid)[-1].id > newest.id

    store.restore_log_entry(pid, newest.id, removed)
    assert newest in store.log_entries(pid)
    with pytest.raises(StorageError, match=rf"already holds a session #{newest.id}"):
        store.restore_log_entry(pid, newest.id, removed)
    assert len(store.log_entries(pid)) == 3


def test_restore_is_refused_when_the_map_lost_the_zone(store: ProfileStore) -> None:
    pid = _profile(store)
    store.log_session(pid, done(date(2026, 11, 20), "custom-1"))
    [logged] = store.log_entries(pid)
    removed = store.remove_log_entry(pid, logged.id)
    # no longer named by the log, the drawn zone may now be deleted from the map
    store.save_map(pid, thinning_map().without_zone("custom-1"), DAY)
    with pytest.raises(InvalidProfileDataError, match="'custom-1' is not a zone of this map"):
        store.restore_log_entry(pid, logged.id, removed)
    assert store.log_entries(pid) == ()


def test_roller_uses_are_counted_from_the_log_by_date(store: ProfileStore) -> None:
    pid = _profile(store)
    store.log_session(pid, done(date(2026, 10, 30), "crown", note="before any roller"))
    store.start_roller(pid, 1.0, date(2026, 11, 1))
    store.log_session(pid, done(date(2026, 11, 1), "crown"))  # the first day counts
    store.log_session(pid, done(date(2026, 11, 5), "crown"))
    store.log_session(pid, HistoryEntry(date(2026, 11, 7), ("crown",), 1.0, SessionStatus.SKIPPED))
    assert _uses(store, pid) == [2]

    # the new roller takes over on its first day: that day is its use, not the old one's
    store.start_roller(pid, 0.5, date(2026, 11, 10))
    store.log_session(pid, done(date(2026, 11, 10), "crown"))
    store.log_session(pid, done(date(2026, 11, 9), "crown", note="logged late"))
    assert _uses(store, pid) == [3, 1]
    current = store.current_roller(pid)
    assert current is not None and current.uses == 1


def test_editing_and_removing_sessions_changes_the_roller_count(store: ProfileStore) -> None:
    pid = _profile(store)
    store.start_roller(pid, 1.0, date(2026, 11, 1))
    for day in (3, 6, 9):
        store.log_session(pid, done(date(2026, 11, day), "crown"))
    store.start_roller(pid, 1.0, date(2026, 11, 10))
    store.log_session(pid, done(date(2026, 11, 12), "crown"))
    assert _uses(store, pid) == [3, 1]
    by_day = {e.entry.date.day: e for e in store.log_entries(pid)}

    skipped = replace(by_day[3].entry, status=SessionStatus.SKIPPED)
    store.replace_log_entry(pid, by_day[3].id, skipped)
    assert _uses(store, pid) == [2, 1]

    moved = replace(by_day[9].entry, date=date(2026, 11, 11))  # into the new roller's time
    store.replace_log_entry(pid, by_day[9].id, moved)
    assert _uses(store, pid) == [1, 2]

    removed = store.remove_log_entry(pid, by_day[12].id)
    assert _uses(store, pid) == [1, 1]
    store.restore_log_entry(pid, by_day[12].id, removed)
    assert _uses(store, pid) == [1, 2]
