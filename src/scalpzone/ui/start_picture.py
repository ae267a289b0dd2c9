"""The picture of the window as it was last closed, shown first at the next start.

At close the window is grabbed into a file of its own in the cache folder (beside the start-up
snapshot). At the next start, when nothing that changes how the window looks has changed (the
app's version, the window's size, the screen's pixel ratio, the palette's colours, the snapshot
the map is drawn from), the picture is painted first, under "Opening…" and a busy pointer,
while the real window is built behind it: that takes about twice as long as the picture. Any
other case, or a file that is not exactly as written, means no picture: the real window is
built first, as on a first start.

The file: MAGIC, the length of the header (4 bytes, big-endian), the header (JSON), then the
pixels (32-bit RGB as 0xffRRGGBB, rows without padding: a window has no see-through parts).
It is read back as strictly as any file we import: the sizes must add up to the byte, or there
is no picture. No compression: reading 4 MB is faster than decoding a PNG of it (≈ 15 ms on a
slow laptop).
"""

from __future__ import annotations

import json
import struct
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QImage

from scalpzone.plain_files import read_plain_file

MAGIC = b"SZWIN03\n"
MAX_HEADER_BYTES = 4096
#: A window of 4096 × 4096 device pixels; a bigger one is not kept (it would only cost time).
MAX_PIXEL_BYTES = 4096 * 4096 * 4
MAX_FILE_BYTES = len(MAGIC) + 4 + MAX_HEADER_BYTES + MAX_PIXEL_BYTES
_FORMAT = QImage.Format.Format_RGB32
_AREAS = ("map", "head", "status", "preview")
_HEADER_KEYS = {"key", "pixels", "day", *_AREAS}


class PictureKey:
    """What must be the same for the picture to look like the window about to be built."""

    def __init__(
        self, version: str, size: tuple[int, int], ratio: float, colours: str, snapshot: int
    ) -> None:
        self.version = version
        self.size = size
        self.ratio = ratio
        self.colours = colours  # the palette's window and text colours, e.g. "#efefef #000000"
        self.snapshot = snapshot  # CRC-32 of the snapshot file, -1 when there is none

    def as_json(self) -> dict[str, object]:
        return {
            "version": self.version,
            "size": list(self.size),
            "ratio": self.ratio,
            "colours": self.colours,
            "snapshot": self.snapshot,
        }


class WindowPicture:
    """A grabbed window and where its parts are (window coordinates, logical pixels)."""

    def __init__(self, image: QImage, areas: dict[str, QRect], day: str) -> None:
        self.image = image
        self.areas = areas
        self.day = day  # the ISO date it was taken on (the side list is about that day)


class PictureFile:
    """Reads and writes the picture; a missing, unreadable or bad file is no picture."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, key: PictureKey) -> WindowPicture | None:
        """The picture if there is a good one taken with `key`, else None."""
        data = read_plain_file(self.path, MAX_FILE_BYTES)
        return None if data is None else parse_picture(data, key)

    def forget(self) -> None:
        """Remove the picture, if the file there is one of ours (a start then shows none)."""
        data = read_plain_file(self.path, MAX_FILE_BYTES)
        if data is not None and data.startswith(MAGIC[:5]):
            self.path.unlink(missing_ok=True)

    def save(self, picture: WindowPicture, key: PictureKey) -> None:
        """Keep the picture for the next start (a failure only costs speed at that start)."""
        data = picture_bytes(picture, key)
        if data is None:
            return
        from scalpzone.storage import StorageError, write_atomically  # noqa: PLC0415

        try:  # it shows the map, so it is the owner's only, like the snapshot (0600)
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomically(self.path, data)
        except (OSError, StorageError):
            return


def picture_bytes(picture: WindowPicture, key: PictureKey) -> bytes | None:
    """The file's bytes, or None when the picture is too big to be worth keeping."""
    image = picture.image.convertToFormat(_FORMAT)
    width, height = image.width(), image.height()
    if not 0 < width * height * 4 <= MAX_PIXEL_BYTES:
        return None
    whole = QRect(0, 0, *key.size)
    header = {
        "key": key.as_json(),
        "pixels": [width, height],
        "day": picture.day,
        # Cut to the window, so that what is written is always what `parse_picture` takes.
        **{name: _rect_json(picture.areas.get(name, QRect()) & whole) for name in _AREAS},
    }
    head = json.dumps(header).encode("utf-8")
    if len(head) > MAX_HEADER_BYTES:
        return None
    rows = bytes(image.constBits())
    stride = image.bytesPerLine()
    if stride != width * 4:  # never for 32-bit pixels, but then the rows are packed here
        rows = b"".join(rows[y * stride : y * stride + width * 4] for y in range(height))
    return MAGIC + struct.pack(">I", len(head)) + head + rows


def parse_picture(data: bytes, key: PictureKey) -> WindowPicture | None:
    """The picture in `data` if it is exactly as `picture_bytes` writes it and taken with
    `key`; None otherwise (never an exception)."""
    start = len(MAGIC) + 4
    if len(data) < start or not data.startswith(MAGIC):
        return None
    (length,) = struct.unpack(">I", data[len(MAGIC) : start])
    if length > MAX_HEADER_BYTES or len(data) < start + length:
        return None
    try:
        header = json.loads(data[start : start + length].decode("utf-8"))
    except (ValueError, RecursionError):
        return None
    if not isinstance(header, dict) or set(header) != _HEADER_KEYS:
        return None
    if header["key"] != key.as_json():
        return None
    pixels = _ints(header["pixels"], 2)
    day = header["day"]
    if pixels is None or not isinstance(day, str) or len(day) != 10:
        return None
    width, height = pixels
    rows = data[start + length :]
    if width < 1 or height < 1 or len(rows) != width * height * 4:
        return None
    # The pixels cover the window at its pixel ratio (± a pixel for rounding).
    if any(abs(p - round(s * key.ratio)) > 1 for p, s in zip(pixels, key.size, strict=True)):
        return None
    areas: dict[str, QRect] = {}
    whole = QRect(0, 0, *key.size)
    for name in _AREAS:
        numbers = _ints(header[name], 4)
        if numbers is None:
            return None
        area = QRect(*numbers)
        if not area.isEmpty() and not whole.contains(area):
            return None
        areas[name] = area
    image = QImage(rows, width, height, width * 4, _FORMAT).copy()  # owns its pixels
    image.setDevicePixelRatio(key.ratio)
    return WindowPicture(image, areas, day)


def _ints(value: object, count: int) -> list[int] | None:
    if not isinstance(value, list) or len(value) != count:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 65536 for v in value):
        return None
    return value


def _rect_json(rect: QRect) -> list[int]:
    if rect.isEmpty():
        return [0, 0, 0, 0]
    return [rect.x(), rect.y(), rect.width(), rect.height()]
