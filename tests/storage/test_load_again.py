"""Loading a profile again: given once more while nothing changed, read and checked again after
any write, ours or another program's."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from scalpzone.domain.settings import Settings
from scalpzone.storage import Database, ProfileStore, StoredDataError

from .helpers import done, thinning_map

DAY = date(2026, 11, 23)


def test_a_second_load_with_nothing_changed_is_the_same_profile(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    first = store.load_profile(pid)
    assert store.load_profile(pid) is first


def test_every_kind_of_write_through_the_store_is_seen(store: ProfileStore) -> None:
    pid = store.create_profile("Alex")
    store.load_profile(pid)
    store.save_map(pid, thinning_map(), DAY)
    assert store.load_profile(pid).document.scalp_map == thinning_map()
    store.save_settings(pid, replace(Settings(), session_minutes=25))
    assert store.load_profile(pid).document.settings.session_minutes == 25
    store.log_session(pid, done(DAY, "crown"))
    assert store.load_profile(pid).document.history == (done(DAY, "crown"),)
    store.rename_profile(pid, "Bea")
    assert store.load_profile(pid).name == "Bea"


def test_another_profile_is_read_not_mistaken_for_the_last(store: ProfileStore) -> None:
    alex = store.create_profile("Alex")
    bea = store.create_profile("Bea")
    assert store.load_profile(alex).name == "Alex"
    assert store.load_profile(bea).name == "Bea"
    assert store.load_profile(alex).name == "Alex"


def test_a_write_by_another_store_on_the_same_database_is_seen(db: Database) -> None:
    mine, theirs = ProfileStore(db), ProfileStore(db)
    pid = mine.create_profile("Alex")
    mine.load_profile(pid)
    theirs.save_settings(pid, replace(Settings(), session_minutes=25))
    assert mine.load_profile(pid).document.settings.session_minutes == 25


def test_an_edit_made_outside_the_app_is_checked_again(db: Database, store: ProfileStore) -> None:
    """Another program's commit moves SQLite's data_version: the bad row is found and named."""
    pid = store.create_profile("Alex")
    store.load_profile(pid)
    outside = sqlite3.connect(db.path)
    try:
        outside.execute("PRAGMA ignore_check_constraints = ON")
        with outside:
            outside.execute("UPDATE settings SET needle_mm = 3.0 WHERE profile_id = ?", (pid,))
    finally:
        outside.close()
    with pytest.raises(StoredDataError, match="needle_mm"):
        store.load_profile(pid)
