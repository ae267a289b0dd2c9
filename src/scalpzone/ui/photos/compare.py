"""Photos › Compare…: two dates of one view, side by side or blended with a slider, aligned on two
landmarks the person marks on both (remembered for that pair of photos)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.alignment import Similarity
from scalpzone.domain.photos import Alignment
from scalpzone.ui.photos.compare_canvas import (
    OVERLAY,
    SIDE_BY_SIDE,
    CompareCanvas,
    checked_alignment,
)
from scalpzone.ui.style.words import long_date
from scalpzone.ui.widgets.labels import buddy_label
from scalpzone.ui.widgets.screen_fit import fit_to_screen


class PhotoInfo(Protocol):
    """A stored photo as the dialog lists it."""

    @property
    def id(self) -> int: ...

    @property
    def taken_on(self) -> date: ...


class PhotoSource(Protocol):
    """Where the dialog gets photos and keeps alignments (the store, through the profile)."""

    def views(self) -> Sequence[tuple[str, str]]:
        """(view id, name) of every view that has photos, in the usual order."""
        ...

    def photos(self, view: str) -> Sequence[PhotoInfo]:
        """The view's photos, oldest first."""
        ...

    def image(self, photo_id: int) -> QImage:
        """The stored (full-size) picture."""
        ...

    def landmarks(self, first_id: int, second_id: int) -> Alignment | None:
        """The marks remembered for this pair, if any."""
        ...

    def save_landmarks(self, first_id: int, second_id: int, landmarks: Alignment | None) -> None:
        """Remember (or, with None, forget) the marks for this pair."""
        ...


class CompareDialog(QDialog):
    """Two dates of a view (default: the first and the latest) compared."""

    def __init__(
        self, source: PhotoSource, view: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare photos"))
        self._source = source
        self._photos: list[PhotoInfo] = []
        self.view_box = QComboBox()
        for key, name in source.views():
            self.view_box.addItem(name, key)
        self.first_box = QComboBox()
        self.second_box = QComboBox()
        self.side_button = QRadioButton(self.tr("&Side by side"))
        self.overlay_button = QRadioButton(self.tr("&Overlay"))
        self.side_button.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.side_button)
        modes.addButton(self.overlay_button)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 100)
        self.slider.setValue(50)
        self.slider.setAccessibleName(self.tr("Blend between the earlier and the later photo"))
        self.mark_button = QPushButton(self.tr("&Align…"))
        self.mark_button.setToolTip(
            self.tr("Click the same two landmarks on each photo, first on the earlier one")
        )
        self.forget_button = QPushButton(self.tr("&Forget alignment"))
        self.canvas = CompareCanvas()
        self.status = QLabel()
        self.status.setWordWrap(True)
        controls = QGridLayout()
        controls.addWidget(buddy_label(self.tr("&View"), self.view_box), 0, 0)
        controls.addWidget(self.view_box, 0, 1)
        controls.addWidget(buddy_label(self.tr("&Earlier"), self.first_box), 0, 2)
        controls.addWidget(self.first_box, 0, 3)
        controls.addWidget(buddy_label(self.tr("&Later"), self.second_box), 0, 4)
        controls.addWidget(self.second_box, 0, 5)
        mode_row = QHBoxLayout()
        mode_row.addWidget(self.side_button)
        mode_row.addWidget(self.overlay_button)
        mode_row.addWidget(buddy_label(self.tr("&Blend"), self.slider))
        mode_row.addWidget(self.slider, 1)
        mode_row.addWidget(self.mark_button)
        mode_row.addWidget(self.forget_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addLayout(mode_row)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.view_box.currentIndexChanged.connect(lambda _i: self._fill_dates())
        self.first_box.currentIndexChanged.connect(lambda _i: self._show())
        self.second_box.currentIndexChanged.connect(lambda _i: self._show())
        self.side_button.toggled.connect(self._mode_changed)
        self.slider.valueChanged.connect(lambda v: self.canvas.set_blend(v / 100))
        self.mark_button.clicked.connect(self._start_marking)
        self.forget_button.clicked.connect(self._forget)
        self.canvas.stepped.connect(self.step)
        self.canvas.marked.connect(self._marked)
        if view is not None and self.view_box.findData(view) >= 0:
            self.view_box.setCurrentIndex(self.view_box.findData(view))
        self._fill_dates()
        self._mode_changed()
        fit_to_screen(self, 980, 640)
        self.canvas.setFocus()

    # -- choosing ---------------------------------------------------------------------------

    def _fill_dates(self) -> None:
        view = self.view_box.currentData()
        self._photos = list(self._source.photos(view)) if view is not None else []
        for box in (self.first_box, self.second_box):
            box.blockSignals(True)
            box.clear()
            for photo in self._photos:
                box.addItem(long_date(photo.taken_on), photo.id)
            box.blockSignals(False)
        if self._photos:
            self.first_box.setCurrentIndex(0)
            self.second_box.setCurrentIndex(len(self._photos) - 1)
        self._show()

    def step(self, step: int, earlier: bool = False) -> None:
        """Move the later date (or, `earlier`, the earlier one) by `step` photos."""
        box = self.first_box if earlier else self.second_box
        index = min(box.count() - 1, max(0, box.currentIndex() + step))
        box.setCurrentIndex(index)

    def pair(self) -> tuple[int, int] | None:
        """The ids of the earlier and the later photo shown."""
        first, second = self.first_box.currentData(), self.second_box.currentData()
        return None if first is None or second is None else (first, second)

    def _show(self) -> None:
        pair = self.pair()
        if pair is None:
            self.canvas.set_photos(QImage(), QImage(), None)
            if self.view_box.count() == 0:
                self.status.setText(
                    self.tr(
                        "No photos yet. Add some with File › Add photos…: two of the same "
                        "view can then be compared."
                    )
                )
            else:
                self.status.setText(self.tr("No photo of this view yet."))
            self._enable(False)
            return
        self._enable(True)
        move: Similarity | None = None
        landmarks = self._source.landmarks(*pair)
        if landmarks is not None:
            move, _problem = checked_alignment(landmarks)
        self.canvas.set_photos(self._source.image(pair[0]), self._source.image(pair[1]), move)
        self.forget_button.setEnabled(move is not None)
        aligned = self.tr("aligned on your two marks") if move else self.tr("not aligned")
        self.status.setText(
            self.tr(
                "{first} and {second}, {aligned}. Left and Right step the later date; with "
                "Shift, the earlier one."
            ).format(
                first=self.first_box.currentText(),
                second=self.second_box.currentText(),
                aligned=aligned,
            )
        )

    def _enable(self, on: bool) -> None:
        for widget in (self.mark_button, self.overlay_button):
            widget.setEnabled(on)
        self.slider.setEnabled(on and self.overlay_button.isChecked())

    def _mode_changed(self) -> None:
        overlay = self.overlay_button.isChecked()
        self.canvas.set_mode(OVERLAY if overlay else SIDE_BY_SIDE)
        self.slider.setEnabled(overlay and self.pair() is not None)

    # -- aligning ---------------------------------------------------------------------------

    def _start_marking(self) -> None:
        self.side_button.setChecked(True)
        self.canvas.start_marking()
        self.canvas.setFocus()
        self.status.setText(
            self.tr(
                "Click two landmarks on the earlier photo (for example the tip of the nose "
                "and a mole or the parting's end), then the same two on the later photo."
            )
        )

    def _marked(self, landmarks: Alignment) -> None:
        pair = self.pair()
        move, problem = checked_alignment(landmarks)
        if pair is None or move is None:
            self.status.setText(self.tr("Not aligned: {problem}.").format(problem=problem))
            self.canvas.stop_marking()
            return
        self._source.save_landmarks(pair[0], pair[1], landmarks)
        self.overlay_button.setChecked(True)
        self._show()

    def _forget(self) -> None:
        pair = self.pair()
        if pair is not None:
            self._source.save_landmarks(pair[0], pair[1], None)
            self._show()
