"""An area's photos over time: the photos linked to it, oldest first, as thumbnails with dates."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scalpzone.storage import PhotoStore
from scalpzone.ui.style.words import long_date
from scalpzone.ui.widgets.screen_fit import fit_to_screen


class AreaPhotosDialog(QDialog):
    """The photos showing one area; Enter or a double click compares that photo's view."""

    #: The view to compare (its value, "crown" …).
    compareRequested = Signal(str)

    def __init__(
        self,
        photos: PhotoStore,
        profile_id: int,
        zone_id: str,
        name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Photos of {area}").format(area=name))
        shots = photos.photos_of_zone(profile_id, zone_id)
        intro = QLabel(
            self.tr(
                "{count} photo(s) show {area}, oldest first. Open one to compare its view."
            ).format(count=len(shots), area=name)
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(160, 160))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setAccessibleName(self.tr("Photos of {area}").format(area=name))
        for info in shots:
            thumb = QImage.fromData(photos.thumbnail(profile_id, info.id))
            text = f"{long_date(info.taken_on)}\n{info.view.label}"
            item = QListWidgetItem(QIcon(QPixmap.fromImage(thumb)), text)
            item.setData(Qt.ItemDataRole.UserRole, info.view.value)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self._compare)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.compare_button = buttons.addButton(
            self.tr("&Compare…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.compare_button.setEnabled(bool(shots))
        self.compare_button.clicked.connect(lambda: self._compare(self.list.currentItem()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 720, 520)

    def texts(self) -> list[str]:
        """What each photo's caption says, in order."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _compare(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            view = str(item.data(Qt.ItemDataRole.UserRole))
            self.accept()
            self.compareRequested.emit(view)
