"""Reading photo files: orientation applied, every EXIF block gone, shrunk, dated, originals kept."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from PIL import Image

from scalpzone.domain.limits import PHOTO_DECODE_SIDE, PHOTO_LONG_SIDE, THUMBNAIL_LONG_SIDE
from scalpzone.domain.photo_files import PhotoFileError, read_all_photos, read_photo
from scalpzone.domain.photos import DateSource

from .images import camera_jpeg, landscape


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_a_phone_photo_is_stored_upright_without_gps_or_device_and_the_file_is_untouched(
    tmp_path: Path,
) -> None:
    original = camera_jpeg(tmp_path / "IMG_0001.JPG")
    before = (_sha(original), original.stat().st_mtime_ns)
    with Image.open(original) as written:
        assert written.getexif().get_ifd(0x8825)  # the test file does carry GPS

    photo = read_photo(original)

    stored = _opened(photo.image)
    assert stored.format == "JPEG"
    assert (photo.width, photo.height) == stored.size == (300, 400)  # turned: portrait now
    assert "exif" not in stored.info and not stored.getexif()
    assert not {"icc_profile", "xmp", "comment"} & stored.info.keys()
    assert b"PhoneCorp" not in photo.image and b"Pocket" not in photo.image
    # Orientation 6: the red band along the sensor's top ends up on the right side.
    red = stored.getpixel((stored.width - 10, stored.height // 2))
    blue = stored.getpixel((stored.width // 2, 10))
    assert red[0] > 150 and red[2] < 90
    assert blue[2] > 150 and blue[0] < 90
    assert photo.taken_on == date(2026, 3, 4) and photo.date_source is DateSource.EXIF
    assert photo.source_name == "IMG_0001.JPG"
    assert (_sha(original), original.stat().st_mtime_ns) == before


def test_without_an_exif_date_the_file_date_is_used_and_a_given_date_wins(tmp_path: Path) -> None:
    path = camera_jpeg(tmp_path / "a.jpg", taken=None)
    stamp = datetime(2025, 12, 24, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    photo = read_photo(path)
    assert (photo.taken_on, photo.date_source) == (date(2025, 12, 24), DateSource.FILE)
    given_day = read_photo(path, taken_on=date(2026, 1, 2))
    assert (given_day.taken_on, given_day.date_source) == (date(2026, 1, 2), DateSource.GIVEN)


def test_a_nonsense_exif_date_falls_back_to_the_file_date(tmp_path: Path) -> None:
    path = camera_jpeg(tmp_path / "a.jpg", taken="0000:00:00 00:00:00")
    assert read_photo(path).date_source is DateSource.FILE


def test_a_large_photo_is_shrunk_and_gets_a_thumbnail(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    landscape(4032, 3024).save(path, quality=90)
    photo = read_photo(path)
    assert PHOTO_DECODE_SIDE <= max(photo.width, photo.height) <= PHOTO_LONG_SIDE
    assert max(_opened(photo.thumbnail).size) == THUMBNAIL_LONG_SIDE
    big = tmp_path / "bigger.png"
    landscape(3000, 1000).save(big)
    assert (read_photo(big).width, read_photo(big).height) == (PHOTO_LONG_SIDE, 800)


def test_png_with_transparency_is_laid_on_white(tmp_path: Path) -> None:
    path = tmp_path / "shot.png"
    Image.new("RGBA", (40, 30), (0, 0, 0, 0)).save(path)
    stored = _opened(read_photo(path).image)
    assert min(stored.getpixel((20, 15))) > 240


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "is empty"),
        (b"just some text, not a picture\n", "is not a JPEG, PNG or HEIC picture"),
        (b"\x00\x00\x00\x18ftypheic" + b"\x00" * 64, "HEIC"),
    ],
)
def test_unreadable_files_are_refused_with_their_name_and_why(
    tmp_path: Path, content: bytes, why: str
) -> None:
    path = tmp_path / "holiday.jpg"
    path.write_bytes(content)
    with pytest.raises(PhotoFileError) as caught:
        read_photo(path)
    (problem,) = caught.value.problems
    assert problem.path == str(path)
    assert why in problem.message


def test_a_cut_off_jpeg_is_refused_as_damaged(tmp_path: Path) -> None:
    whole = camera_jpeg(tmp_path / "whole.jpg", landscape(800, 600))
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(whole.read_bytes()[:3000])
    with pytest.raises(PhotoFileError, match="damaged or cut short"):
        read_photo(cut)


def test_a_folder_and_a_missing_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(PhotoFileError, match="is a folder"):
        read_photo(tmp_path)
    with pytest.raises(PhotoFileError, match="does not exist"):
        read_photo(tmp_path / "nope.jpg")


def test_a_batch_with_one_bad_file_names_it_and_returns_nothing(tmp_path: Path) -> None:
    good = camera_jpeg(tmp_path / "good.jpg")
    bad = tmp_path / "bad.jpg"
    bad.write_text("no")
    with pytest.raises(PhotoFileError) as caught:
        read_all_photos([good, bad])
    assert [p.path for p in caught.value.problems] == [str(bad)]


def test_too_many_pixels_are_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "huge.png"
    Image.new("1", (10_000, 9_000)).save(path)  # 90 MP of one bit: a small file
    with pytest.raises(PhotoFileError, match="million pixels"):
        read_photo(path)


@hsettings(max_examples=40)
@given(data=st.binary(max_size=2048))
def test_any_bytes_are_read_or_refused_with_a_reason(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("any") / "x.jpg"
    path.write_bytes(data)
    try:
        photo = read_photo(path)
    except PhotoFileError as error:
        assert error.problems and all(p.path == str(path) and p.message for p in error.problems)
    else:
        assert _opened(photo.image).format == "JPEG"


def test_a_file_name_that_is_not_utf8_is_kept_readable(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/crown-\xff\xfe.jpg"
    camera_jpeg(Path(os.fsdecode(raw)))
    assert read_photo(Path(os.fsdecode(raw))).source_name == "crown-??.jpg"
