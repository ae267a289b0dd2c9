"""Progress photos as the rest of ScalpZone sees them: views, prepared images, alignments.

Reading and shrinking an image file is in `photo_files`; keeping photos is the storage
package's. See docs/photos.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from scalpzone.domain.geometry import Point


class PhotoView(StrEnum):
    """Which part of the head a photo shows, as the capture guide asks for it."""

    FRONT = "front"
    TOP = "top"
    CROWN = "crown"
    LEFT = "left"
    RIGHT = "right"
    BACK = "back"

    @property
    def label(self) -> str:
        """The view's name in a sentence or a menu."""
        return _LABELS[self]


_LABELS = {
    PhotoView.FRONT: "Front (hairline)",
    PhotoView.TOP: "Top",
    PhotoView.CROWN: "Crown",
    PhotoView.LEFT: "Left side",
    PhotoView.RIGHT: "Right side",
    PhotoView.BACK: "Back",
}


class DateSource(StrEnum):
    """Where a photo's date came from."""

    GIVEN = "given"  # the person said so (--date, or a date picked in the window)
    EXIF = "exif"  # the picture's own DateTimeOriginal
    FILE = "file"  # the file's modification time, in local time


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    """A photo read from a file and made ready to keep: oriented, stripped, shrunk.

    `image` and `thumbnail` are JPEG bytes with no EXIF, XMP, ICC or comment block: nothing
    but pixels. The original file is never changed.
    """

    image: bytes
    thumbnail: bytes
    width: int
    height: int
    taken_on: date
    date_source: DateSource
    source_name: str


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    """A kept photo without its pixels (those are fetched one at a time, when shown)."""

    id: int
    view: PhotoView
    taken_on: date
    width: int
    height: int
    source_name: str
    added_at: datetime
    zone_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Alignment:
    """The same two landmarks marked on two photos, to lay one over the other.

    Points are in each photo's own unit square (0–1 across and down), so they hold whatever
    size the photo is shown at.
    """

    first: tuple[Point, Point]
    second: tuple[Point, Point]
