"""Camera-like photo files made by the tests: real JPEGs with EXIF orientation, GPS and dates."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

ORIENTATION = 0x0112
MAKE = 0x010F
MODEL = 0x0110
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
DATE_TIME_ORIGINAL = 0x9003


def landscape(width: int = 400, height: int = 300) -> Image.Image:
    """A picture that shows which way is up: red band along the top, blue on the left."""
    image = Image.new("RGB", (width, height), (200, 200, 200))
    image.paste((220, 20, 20), (0, 0, width, height // 6))
    image.paste((20, 20, 220), (0, 0, width // 8, height))
    return image


def camera_exif(orientation: int = 6, taken: str | None = "2026:03:04 10:11:12") -> Image.Exif:
    """EXIF as a phone writes it: orientation, maker and model, a GPS position, a date."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "PhoneCorp"
    exif[MODEL] = "Pocket 12 Pro"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (52.0, 22.0, 1.5)
    gps[3] = "E"
    gps[4] = (4.0, 53.0, 30.0)
    if taken is not None:
        exif.get_ifd(EXIF_IFD)[DATE_TIME_ORIGINAL] = taken
    return exif


def camera_jpeg(
    path: Path,
    image: Image.Image | None = None,
    *,
    orientation: int = 6,
    taken: str | None = "2026:03:04 10:11:12",
) -> Path:
    """Write a JPEG as a phone would: the sensor's pixels plus EXIF saying how to turn them.

    With orientation 6 the camera was held upright, so the stored landscape pixels must be
    turned 90° clockwise to be seen as taken.
    """
    (image or landscape()).save(path, "JPEG", quality=92, exif=camera_exif(orientation, taken))
    return path


def jpeg_bytes(
    width: int = 64, height: int = 48, colour: tuple[int, int, int] = (90, 60, 40)
) -> bytes:
    """A small plain JPEG, as stored photos and thumbnails are."""
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG", quality=80)
    return out.getvalue()
