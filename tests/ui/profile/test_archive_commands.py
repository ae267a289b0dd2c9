"""File › Export profile… and Import profile…: the whole profile, photos and all, out and back in."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction

from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import PhotoView
from scalpzone.storage import PhotoStore, full_database
from scalpzone.ui.main_window import MainWindow
from tests.photos.images import camera_jpeg
from tests.report_support import fill_course
from tests.ui.helpers import ScriptedDialogs, window_store

pytestmark = pytest.mark.gui


def trigger(window: MainWindow, text: str) -> None:
    next(a for a in window.findChildren(QAction) if a.text() == text).trigger()


def test_export_then_import_gives_an_equal_profile_under_a_new_name(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    store = window_store(window)
    pid = window.profiles.profile_id
    fill_course(store, pid)
    db = full_database(window.profiles.database)
    assert db is not None
    photos = PhotoStore(db)
    (photo_id,) = photos.add_photos(
        pid, PhotoView.CROWN, [read_photo(camera_jpeg(tmp_path / "c.jpg"))]
    )
    photos.link_zones(pid, photo_id, ["crown"])
    target = tmp_path / "whole.scalpzone"
    dialogs.files.append(target)
    trigger(window, "Expor&t profile…")
    assert target.exists() and dialogs.suggested[-1].endswith(".scalpzone")
    original_name = store.load_profile(pid).name

    dialogs.files.append(target)
    dialogs.confirm_answers.append(True)
    dialogs.text_answers.append("Sam from the archive")
    trigger(window, "Import pr&ofile…")
    assert "logged session(s) and 1 photo(s)" in dialogs.questions[0]
    new_id = window.profiles.profile_id
    assert new_id != pid
    assert store.load_profile(new_id).name == "Sam from the archive"
    assert original_name in dialogs.questions[1]  # the name was taken: asked for another
    before, after = store.load_profile(pid).document, store.load_profile(new_id).document
    assert after.history == before.history and after.scalp_map == before.scalp_map
    copied = photos.photos(new_id)
    assert len(copied) == 1 and copied[0].zone_ids == ("crown",)
    assert photos.image(new_id, copied[0].id) == photos.image(pid, photo_id)


def test_a_damaged_archive_is_refused_in_words_and_changes_nothing(
    window: MainWindow, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.scalpzone"
    bad.write_bytes(b"PK\x03\x04 this is not a whole zip")
    before = [p.name for p in window.profiles.profiles()]
    dialogs.files.append(bad)
    trigger(window, "Import pr&ofile…")
    assert dialogs.errors and dialogs.errors[-1][0] == "The profile was not imported"
    assert "bad.scalpzone" in dialogs.errors[-1][1]
    assert [p.name for p in window.profiles.profiles()] == before
