"""A damaged photo page: the start stays quick, the photo is refused in words, the day's check
finds it."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import PhotoView
from scalpzone.storage import Database, PhotoStore, ProfileStore, StorageError

from .images import camera_jpeg


def _noisy_photo(tmp_path: Path) -> Path:
    """A photo whose JPEG spans many database pages (noise does not compress)."""
    image = Image.effect_noise((900, 700), 80).convert("RGB")
    return camera_jpeg(tmp_path / "noisy.jpg", image)


def _break_a_pixel_page(path: Path, image: bytes) -> None:
    """Point an overflow page of the stored photo at a page that does not exist."""
    connection = sqlite3.connect(path)
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    middle = image[len(image) // 2 : len(image) // 2 + 64]
    at = data.find(middle)
    assert at > 0
    page = at // page_size * page_size
    data[page : page + 4] = (0x7FFFFFF0).to_bytes(4, "big")  # the next-overflow-page pointer
    path.write_bytes(bytes(data))


def test_a_damaged_photo_is_reported_in_words_and_by_the_daily_check(
    tmp_path: Path,
) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    with Database.open(path) as db:
        pid = ProfileStore(db).create_profile("Alex")
        (photo,) = PhotoStore(db).add_photos(
            pid, PhotoView.CROWN, [read_photo(_noisy_photo(tmp_path))]
        )
        image = PhotoStore(db).image(pid, photo)
    _break_a_pixel_page(path, image)

    with Database.open(path) as db:
        assert not any("damaged" in n for n in db.notices)  # the start does not read pixels
        assert ProfileStore(db).load_profile(pid).name == "Alex"
        assert [p.id for p in PhotoStore(db).photos(pid)] == [photo]
        with pytest.raises(StorageError) as caught:
            PhotoStore(db).image(pid, photo)
        assert "Traceback" not in str(caught.value) and str(caught.value)

    tomorrow = datetime.now() + timedelta(days=1)
    with Database.open(path, now=lambda: tomorrow) as db:
        assert any("where photos are kept is damaged" in n for n in db.notices), db.notices
