"""The photo timeline beside the Progress view's scores: every photo's thumbnail, oldest first."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from scalpzone.storage import PhotoStore
from scalpzone.ui.style.words import long_date


class PhotoTimeline(QWidget):
    """Thumbnails with their date and view; opening one compares its view (Enter, double click)."""

    compareRequested = Signal(str)

    def __init__(self, photos: PhotoStore, profile_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.TopToBottom)
        self.list.setWrapping(False)
        self.list.setIconSize(QSize(120, 120))
        self.list.setAccessibleName(self.tr("Photo timeline"))
        shots = photos.photos(profile_id)  # thumbnails only: the full pictures stay unread
        for info in shots:
            thumb = QImage.fromData(photos.thumbnail(profile_id, info.id))
            item = QListWidgetItem(
                QIcon(QPixmap.fromImage(thumb)), f"{long_date(info.taken_on)}\n{info.view.label}"
            )
            item.setData(Qt.ItemDataRole.UserRole, info.view.value)
            self.list.addItem(item)
        self.list.itemActivated.connect(
            lambda item: self.compareRequested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        )
        title = QLabel(self.tr("<b>Photos</b> ({count})").format(count=len(shots)))
        empty = QLabel(self.tr("No photos yet: File › Add photos…, or drop pictures here."))
        empty.setWordWrap(True)
        empty.setVisible(not shots)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(empty)
        layout.addWidget(self.list, 1)
        self.setMinimumWidth(170)

    def texts(self) -> list[str]:
        """Each photo's caption, in order."""
        return [self.list.item(i).text() for i in range(self.list.count())]
