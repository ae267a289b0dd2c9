"""A real HEIC photo, as an iPhone stores one, read through pi-heif.

`tests/data/crown-orientation6-gps.heic` (1.2 KB) was written once with pillow-heif 1.8.1,
which can encode (pi-heif only decodes): 96 × 64 sensor pixels with a red band along the top
and a blue one along the left, EXIF orientation 6, maker "PhoneCorp", a GPS latitude and
DateTimeOriginal 2026:04:05 06:07:08.
"""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

from PIL import Image

from scalpzone.domain.photo_files import heif_available, read_photo
from scalpzone.domain.photos import DateSource

HEIC = Path(__file__).parents[1] / "data" / "crown-orientation6-gps.heic"


def test_a_heic_photo_is_read_upright_dated_and_stripped() -> None:
    assert heif_available()
    before = hashlib.sha256(HEIC.read_bytes()).hexdigest()
    photo = read_photo(HEIC)
    with Image.open(io.BytesIO(photo.image)) as stored:
        stored.load()
        assert stored.format == "JPEG" and stored.size == (64, 96)
        assert not stored.getexif() and "exif" not in stored.info
        red = stored.getpixel((stored.width - 3, stored.height // 2))
        blue = stored.getpixel((stored.width // 2, 3))
    assert red[0] > 150 and red[2] < 90  # the sensor's top is on the right, as with JPEG
    assert blue[2] > 150 and blue[0] < 90
    assert (photo.taken_on, photo.date_source) == (date(2026, 4, 5), DateSource.EXIF)
    assert b"PhoneCorp" not in photo.image
    assert hashlib.sha256(HEIC.read_bytes()).hexdigest() == before
