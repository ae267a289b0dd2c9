"""The Compare dialog: dates by keyboard, the overlay's slider, and two-point alignment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from scalpzone.domain.photos import Alignment
from scalpzone.ui.photos.compare import CompareDialog

pytestmark = pytest.mark.gui


@dataclass(frozen=True)
class Shot:
    id: int
    taken_on: date


def picture(colour: str, mark: tuple[int, int] | None = None) -> QImage:
    image = QImage(400, 300, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    if mark is not None:
        for dx in range(-3, 4):
            for dy in range(-3, 4):
                image.setPixelColor(mark[0] + dx, mark[1] + dy, QColor("white"))
    return image


class Album:
    """Three crown photos in memory; alignments kept as the store would keep them."""

    def __init__(self) -> None:
        self.shots = [
            Shot(1, date(2026, 9, 7)),
            Shot(2, date(2026, 10, 19)),
            Shot(3, date(2026, 11, 29)),
        ]
        self.images = {1: picture("#c00000"), 2: picture("#00a000"), 3: picture("#0000c0")}
        self.saved: dict[tuple[int, int], Alignment | None] = {}

    def views(self) -> Sequence[tuple[str, str]]:
        return [("crown", "Crown")]

    def photos(self, view: str) -> Sequence[Shot]:
        return self.shots if view == "crown" else []

    def image(self, photo_id: int) -> QImage:
        return self.images[photo_id]

    def landmarks(self, first_id: int, second_id: int) -> Alignment | None:
        return self.saved.get((first_id, second_id))

    def save_landmarks(self, first_id: int, second_id: int, landmarks: Alignment | None) -> None:
        self.saved[(first_id, second_id)] = landmarks


@pytest.fixture
def album() -> Album:
    """The photos the dialog shows."""
    return Album()


@pytest.fixture
def dialog(qtbot: QtBot, album: Album) -> CompareDialog:
    shown = CompareDialog(album, "crown")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def centre_colour(dialog: CompareDialog) -> QColor:
    shot = dialog.canvas.grab().toImage()
    return shot.pixelColor(shot.width() // 2, shot.height() // 2)


def test_the_first_and_latest_are_compared_and_the_arrows_step_the_dates(
    qtbot: QtBot, dialog: CompareDialog
) -> None:
    assert dialog.first_box.currentText() == "7 Sep 2026"
    assert dialog.second_box.currentText() == "29 Nov 2026"
    dialog.canvas.setFocus()
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Left)
    assert dialog.second_box.currentText() == "19 Oct 2026"
    qtbot.keyClick(dialog.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert dialog.first_box.currentText() == "19 Oct 2026"
    assert "19 Oct 2026 and 19 Oct 2026" in dialog.status.text()


def test_the_slider_blends_from_the_earlier_to_the_later_photo(
    qtbot: QtBot, dialog: CompareDialog
) -> None:
    assert not dialog.slider.isEnabled()
    qtbot.mouseClick(dialog.overlay_button, Qt.MouseButton.LeftButton)
    assert dialog.slider.isEnabled()
    dialog.slider.setFocus()
    dialog.slider.setValue(0)
    earlier = centre_colour(dialog)
    assert earlier.red() > 150 and earlier.blue() < 50
    qtbot.keyClick(dialog.slider, Qt.Key.Key_End)
    assert dialog.slider.value() == 100
    later = centre_colour(dialog)
    assert later.blue() > 150 and later.red() < 50
    dialog.slider.setValue(50)
    half = centre_colour(dialog)
    assert 60 < half.red() < 140 and 60 < half.blue() < 140


def test_two_marks_on_each_photo_align_them_and_are_remembered_for_the_pair(
    qtbot: QtBot, dialog: CompareDialog, album: Album
) -> None:
    qtbot.mouseClick(dialog.mark_button, Qt.MouseButton.LeftButton)
    first_t, second_t = dialog.canvas.transforms()
    marks = [
        (first_t, (100, 100)),
        (first_t, (300, 100)),  # on the earlier photo
        (second_t, (50, 50)),
        (second_t, (250, 50)),  # the same landmarks, shifted, on the later
    ]
    for transform, (x, y) in marks:
        at = transform.map(QPointF(x, y))
        qtbot.mouseClick(
            dialog.canvas, Qt.MouseButton.LeftButton, pos=QPoint(round(at.x()), round(at.y()))
        )
    saved = album.saved[(1, 3)]
    assert saved is not None
    assert saved.first[0] == pytest.approx((100, 100), abs=2)
    assert saved.second[1] == pytest.approx((250, 50), abs=2)
    assert dialog.overlay_button.isChecked()
    assert "aligned on your two marks" in dialog.status.text()
    move = dialog.canvas.aligned
    assert move is not None and move.apply((50, 50)) == pytest.approx((100, 100), abs=3)
    dialog.close()
    again = CompareDialog(album, "crown")
    qtbot.addWidget(again)
    assert again.canvas.aligned is not None
    qtbot.mouseClick(again.forget_button, Qt.MouseButton.LeftButton)
    assert album.saved[(1, 3)] is None and again.canvas.aligned is None
