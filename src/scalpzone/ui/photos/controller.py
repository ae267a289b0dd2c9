"""The window's photo commands: Add photos…, files dropped on the window, Compare…, an area's
photos from its right-click menu, and the capture guide."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from scalpzone.domain.photos import Alignment, PhotoInfo, PhotoView

if TYPE_CHECKING:  # the storage package loads SQLAlchemy: not while the window starts
    from scalpzone.storage import PhotoStore
    from scalpzone.ui.profile.open_profile import OpenProfile

#: File endings taken as pictures when dropped (the reader says why any of them is refused).
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".heic", ".heif")


def dropped_pictures(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local picture files a drag carries (none: the drag is not for us)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in PICTURE_SUFFIXES]


class StoredPhotos:
    """The Compare dialog's photo source over the store, for one profile.

    Alignments are kept in each photo's unit square; the dialog works in pixels.
    """

    def __init__(self, photos: PhotoStore, profile_id: int) -> None:
        self._photos = photos
        self._profile_id = profile_id
        self._sizes: dict[int, tuple[int, int]] = {}

    def views(self) -> Sequence[tuple[str, str]]:
        """The views that have photos, in the usual order."""
        held = {p.view for p in self._photos.photos(self._profile_id)}
        return [(v.value, v.label) for v in PhotoView if v in held]

    def photos(self, view: str) -> Sequence[PhotoInfo]:
        """The view's photos, oldest first."""
        shots = self._photos.photos(self._profile_id, PhotoView(view))
        self._sizes.update({p.id: (p.width, p.height) for p in shots})
        return shots

    def image(self, photo_id: int) -> QImage:
        """The stored picture."""
        return QImage.fromData(self._photos.image(self._profile_id, photo_id))

    def _size(self, photo_id: int) -> tuple[int, int]:
        if photo_id not in self._sizes:
            info = self._photos.photo(self._profile_id, photo_id)
            self._sizes[photo_id] = (info.width, info.height)
        return self._sizes[photo_id]

    def landmarks(self, first_id: int, second_id: int) -> Alignment | None:
        """The marks kept for the pair, in pixels."""
        kept = self._photos.alignment(self._profile_id, first_id, second_id)
        if kept is None:
            return None
        (w1, h1), (w2, h2) = self._size(first_id), self._size(second_id)
        return Alignment(
            tuple((x * w1, y * h1) for x, y in kept.first),  # type: ignore[arg-type]
            tuple((x * w2, y * h2) for x, y in kept.second),  # type: ignore[arg-type]
        )

    def save_landmarks(self, first_id: int, second_id: int, marks: Alignment | None) -> None:
        """Keep the marks for the pair (None: forget them)."""
        if marks is None:
            self._photos.clear_alignment(self._profile_id, first_id, second_id)
            return
        (w1, h1), (w2, h2) = self._size(first_id), self._size(second_id)
        unit = Alignment(
            tuple((x / w1, y / h1) for x, y in marks.first),  # type: ignore[arg-type]
            tuple((x / w2, y / h2) for x, y in marks.second),  # type: ignore[arg-type]
        )
        self._photos.save_alignment(self._profile_id, first_id, second_id, unit)


class PhotoController(QObject):
    """Runs the photo commands for the open profile."""

    #: A status-bar line: what was just done.
    said = Signal(str)

    def __init__(
        self,
        window: QWidget,
        photo_store: Callable[[], PhotoStore | None],
        profile: OpenProfile,
        open_dialog: Callable[[QDialog], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._photo_store = photo_store
        self._profile = profile
        self._open = open_dialog
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Picture files dragged over the window are taken; dropping them opens Add photos."""
        if (
            event.type() == QEvent.Type.DragEnter
            and isinstance(event, QDragEnterEvent)
            and dropped_pictures(event)
            and self._photo_store() is not None
        ):
            event.acceptProposedAction()
            return True
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = dropped_pictures(event)
            if paths:
                event.acceptProposedAction()
                self.add_photos(paths)
                return True
        return super().eventFilter(watched, event)

    def add_photos(self, paths: Sequence[Path] = (), zone_id: str | None = None) -> None:
        """The Add photos dialog for these files (none: the person chooses them in it)."""
        photos = self._photo_store()
        if photos is None:
            return
        from scalpzone.ui.photos.adding import AddPhotosDialog  # noqa: PLC0415

        dialog = AddPhotosDialog(
            photos,
            self._profile.profile_id,
            self._profile.scalp_map,
            paths,
            self._profile.today(),
            self._window,
        )
        if zone_id is not None:
            dialog.check_area(zone_id)
        dialog.added.connect(self._added)
        self._open(dialog)

    # The menu's entry points take no arguments: a QAction's triggered(bool) would otherwise
    # arrive as the first optional one.

    def choose_and_add(self) -> None:
        """File › Add photos…: the files are chosen in the dialog."""
        self.add_photos()

    def compare_any(self) -> None:
        """File › Compare photos…: the first view that has photos."""
        self.compare()

    def show_guide(self) -> None:
        """Help › Photo guide: from the front view."""
        self.guide()

    def _added(self, _ids: tuple[int, ...], text: str) -> None:
        self.said.emit(text)

    def compare(self, view: str | None = None) -> None:
        """Two dates of a view side by side or blended (default: the first and the latest)."""
        photos = self._photo_store()
        if photos is None:
            return
        from scalpzone.ui.photos.compare import CompareDialog  # noqa: PLC0415

        self._open(
            CompareDialog(StoredPhotos(photos, self._profile.profile_id), view, self._window)
        )

    def timeline(self) -> QWidget | None:
        """The photo timeline the Progress view shows beside the scores."""
        photos = self._photo_store()
        if photos is None:
            return None
        from scalpzone.ui.photos.timeline import PhotoTimeline  # noqa: PLC0415

        timeline = PhotoTimeline(photos, self._profile.profile_id)
        timeline.compareRequested.connect(self.compare)
        return timeline

    def guide(self, view: PhotoView = PhotoView.FRONT) -> None:
        """How to take each view's photo the same way every time, with a drawing."""
        from scalpzone.ui.photos.guide import PhotoGuideDialog  # noqa: PLC0415

        self._open(PhotoGuideDialog(view, self._window))

    def add_zone_actions(self, menu: QMenu, zone_id: str) -> None:
        """The area's photos over time, and adding photos of it, in its right-click menu."""
        photos = self._photo_store()
        if photos is None:
            return
        shots = photos.photos_of_zone(self._profile.profile_id, zone_id)
        menu.addSeparator()
        show = menu.addAction(self.tr("Photos of this area ({count})…").format(count=len(shots)))
        show.setEnabled(bool(shots))
        show.triggered.connect(lambda: self.zone_photos(zone_id))
        add = menu.addAction(self.tr("Add photos of this area…"))
        add.triggered.connect(lambda: self.add_photos((), zone_id))

    def zone_photos(self, zone_id: str) -> None:
        """The photos linked to an area, oldest first; opening one compares its view."""
        photos = self._photo_store()
        if photos is None:
            return
        from scalpzone.ui.photos.area_photos import AreaPhotosDialog  # noqa: PLC0415

        name = self._profile.scalp_map.zone(zone_id).display_name
        dialog = AreaPhotosDialog(photos, self._profile.profile_id, zone_id, name, self._window)
        dialog.compareRequested.connect(self.compare)
        self._open(dialog)
