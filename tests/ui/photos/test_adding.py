"""Photos dropped on the window: read on a worker thread, kept upright without location, linked to
the areas ticked, and offered again from the area's right-click menu."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from scalpzone.domain.photos import PhotoView
from scalpzone.storage import PhotoStore, full_database
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.photos.adding import AddPhotosDialog
from scalpzone.ui.photos.area_photos import AreaPhotosDialog
from tests.photos.images import GPS_IFD, camera_jpeg

pytestmark = pytest.mark.gui


def drop_files(window: MainWindow, paths: list[Path]) -> None:
    """Drag the files over the window and let go, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(
        QPoint(200, 200), action, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted(), "the window did not take the drag"
    drop = QDropEvent(
        QPoint(200, 200).toPointF(),
        action,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)


def photo_store(window: MainWindow) -> PhotoStore:
    db = full_database(window.profiles.database)
    assert db is not None
    return PhotoStore(db)


def test_a_dropped_camera_photo_is_kept_upright_without_gps_and_linked_to_its_area(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    original = camera_jpeg(tmp_path / "IMG_0001.jpg")
    before = hashlib.sha256(original.read_bytes()).hexdigest()
    drop_files(window, [original])
    dialog = window.week.open_dialog
    assert isinstance(dialog, AddPhotosDialog)
    assert dialog.files.item(0).text() == "IMG_0001.jpg"
    dialog.set_view(PhotoView.CROWN)
    dialog.check_area("crown")
    with qtbot.waitSignal(dialog.added, timeout=20_000) as added:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert "Added 1 photo(s) of the crown view." in added.args[1]
    assert dialog.progress.value() == 1
    stored = photo_store(window).photos(window.profiles.profile_id)
    assert len(stored) == 1
    info = stored[0]
    assert info.view is PhotoView.CROWN and info.zone_ids == ("crown",)
    assert info.taken_on == date(2026, 3, 4)  # the camera's date, not the file's
    assert info.height > info.width  # orientation 6 applied: the landscape sensor image stands up
    kept = photo_store(window).image(window.profiles.profile_id, info.id)
    path = tmp_path / "kept.jpg"
    path.write_bytes(kept)
    with Image.open(path) as image:
        exif = image.getexif()
        assert not exif.get_ifd(GPS_IFD) and 0x010F not in exif
    assert hashlib.sha256(original.read_bytes()).hexdigest() == before


def test_the_area_menu_offers_its_photos_over_time(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    store = photo_store(window)
    pid = window.profiles.profile_id
    from scalpzone.domain.photo_files import read_photo

    for name, taken in (("a.jpg", "2026:09:07 09:00:00"), ("b.jpg", "2026:11:29 09:00:00")):
        shot = read_photo(camera_jpeg(tmp_path / name, taken=taken))
        (photo_id,) = store.add_photos(pid, PhotoView.CROWN, [shot])
        store.link_zones(pid, photo_id, ["crown"])
    menu = QMenu()
    window.week.photos.add_zone_actions(menu, "crown")
    show = next(a for a in menu.actions() if a.text().startswith("Photos of this area"))
    assert show.text() == "Photos of this area (2)…" and show.isEnabled()
    show.trigger()
    area = window.week.open_dialog
    assert isinstance(area, AreaPhotosDialog)
    assert area.texts() == ["7 Sep 2026\nCrown", "29 Nov 2026\nCrown"]
    area.compare_button.click()
    qtbot.waitUntil(lambda: type(window.week.open_dialog).__name__ == "CompareDialog")
    compare = window.week.open_dialog
    assert compare.first_box.currentText() == "7 Sep 2026"  # type: ignore[union-attr]
    assert compare.second_box.currentText() == "29 Nov 2026"  # type: ignore[union-attr]


def test_a_file_that_is_not_a_picture_is_named_and_nothing_of_it_is_kept(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a picture", encoding="utf-8")
    good = camera_jpeg(tmp_path / "IMG_0002.jpg")
    drop_files(window, [bad, good])
    dialog = window.week.open_dialog
    assert isinstance(dialog, AddPhotosDialog)
    with qtbot.waitSignal(dialog.added, timeout=20_000) as added:
        dialog.add_button.click()
    assert "Added 1 photo(s)" in added.args[1] and "notes.jpg" in added.args[1]
    assert "notes.jpg" in dialog.status.text()
    assert len(photo_store(window).photos(window.profiles.profile_id)) == 1


def test_the_file_menu_opens_add_and_compare_and_help_opens_the_guide(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    from scalpzone.ui.photos.compare import CompareDialog
    from scalpzone.ui.photos.guide import PhotoGuideDialog

    actions = {a.text(): a for a in window.findChildren(QAction)}
    for text, kind in (
        ("Add p&hotos…", AddPhotosDialog),
        ("Co&mpare photos…", CompareDialog),
        ("&Photo guide", PhotoGuideDialog),
    ):
        actions[text].trigger()  # triggered(bool) as a real menu sends it
        assert isinstance(window.week.open_dialog, kind), text


def test_compare_with_no_photos_says_how_to_add_some(window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    from scalpzone.ui.photos.compare import CompareDialog

    action = next(a for a in window.findChildren(QAction) if a.text() == "Co&mpare photos…")
    action.trigger()
    dialog = window.week.open_dialog
    assert isinstance(dialog, CompareDialog)
    assert dialog.view_box.count() == 0
    assert dialog.status.text().startswith("No photos yet. Add some with File › Add photos…")
    dialog.close()


def test_the_area_check_boxes_do_not_touch(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtGui import QAction

    action = next(a for a in window.findChildren(QAction) if a.text() == "Add p&hotos…")
    action.trigger()
    dialog = window.week.open_dialog
    assert isinstance(dialog, AddPhotosDialog)
    qtbot.waitExposed(dialog)
    first, second = (dialog.areas.visualItemRect(dialog.areas.item(row)) for row in (0, 1))
    assert second.top() - first.bottom() > 2
    dialog.close()
