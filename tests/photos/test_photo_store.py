"""Keeping photos in the real database: one transaction per batch, facts apart from pixels."""

from __future__ import annotations

import io
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import Alignment, PhotoView
from scalpzone.domain.zones import Zone, ZoneState
from scalpzone.storage import (
    Database,
    InvalidProfileDataError,
    PhotoNotFoundError,
    PhotoStore,
    ProfileStore,
    StoredDataError,
)
from tests.storage.helpers import query

from .images import camera_jpeg, landscape


def test_a_photo_kept_in_the_database_has_no_gps_and_is_upright(
    tmp_path: Path, db_path: Path, photos: PhotoStore, profile: int
) -> None:
    prepared = read_photo(camera_jpeg(tmp_path / "IMG_1.JPG"))
    (photo_id,) = photos.add_photos(profile, PhotoView.CROWN, [prepared])
    (info,) = photos.photos(profile)
    assert (info.id, info.view, info.taken_on, info.source_name) == (
        photo_id,
        PhotoView.CROWN,
        date(2026, 3, 4),
        "IMG_1.JPG",
    )
    # Read straight from the file, as any program could: no EXIF, portrait.
    ((image,),) = query(db_path, f"SELECT image FROM photo_data WHERE photo_id = {photo_id}")
    assert isinstance(image, bytes)
    with Image.open(io.BytesIO(image)) as stored:
        assert stored.size == (300, 400)
        assert not stored.getexif()
    assert photos.image(profile, photo_id) == image
    with Image.open(io.BytesIO(photos.thumbnail(profile, photo_id))) as thumb:
        assert thumb.format == "JPEG"


def test_listing_reads_no_pixels_and_filters_by_view(
    tmp_path: Path, photos: PhotoStore, profile: int
) -> None:
    crown = read_photo(camera_jpeg(tmp_path / "c.jpg"))
    later = replace(crown, taken_on=date(2026, 6, 1))
    front = replace(crown, taken_on=date(2026, 1, 1))
    photos.add_photos(profile, PhotoView.CROWN, [later, crown])
    photos.add_photos(profile, PhotoView.FRONT, [front])
    assert [p.taken_on for p in photos.photos(profile)] == [
        date(2026, 1, 1),
        date(2026, 3, 4),
        date(2026, 6, 1),
    ]
    assert [p.view for p in photos.photos(profile, PhotoView.FRONT)] == [PhotoView.FRONT]


def test_a_batch_with_one_bad_photo_stores_nothing(
    tmp_path: Path, photos: PhotoStore, profile: int
) -> None:
    good = read_photo(camera_jpeg(tmp_path / "c.jpg"))
    bad = replace(good, image=b"not a jpeg", source_name="bad.jpg")
    with pytest.raises(InvalidProfileDataError, match=r"bad\.jpg, image"):
        photos.add_photos(profile, PhotoView.TOP, [good, bad])
    assert photos.photos(profile) == ()


def test_links_follow_the_map_and_go_when_a_zone_leaves_it(
    tmp_path: Path, store: ProfileStore, photos: PhotoStore, profile: int
) -> None:
    (pid,) = photos.add_photos(
        profile, PhotoView.CROWN, [read_photo(camera_jpeg(tmp_path / "c.jpg"))]
    )
    with pytest.raises(InvalidProfileDataError, match="'nowhere' is not a zone"):
        photos.link_zones(profile, pid, ["crown", "nowhere"])
    scalp_map = store.load_profile(profile).document.scalp_map
    drawn = Zone(
        "custom-1", ZoneState.THINNING, 1, name="Part", polygon=((0.4, 0.3), (0.6, 0.3), (0.5, 0.5))
    )
    store.save_map(profile, scalp_map.with_zone(drawn), date(2026, 3, 5))
    photos.link_zones(profile, pid, ["crown", "custom-1"])
    assert photos.photo(profile, pid).zone_ids == ("crown", "custom-1")
    assert [p.id for p in photos.photos_of_zone(profile, "custom-1")] == [pid]
    store.save_map(profile, scalp_map, date(2026, 3, 6))  # the drawn zone is deleted
    assert photos.photo(profile, pid).zone_ids == ("crown",)


def test_alignment_is_remembered_per_pair_in_either_order(
    tmp_path: Path, photos: PhotoStore, profile: int
) -> None:
    prepared = read_photo(camera_jpeg(tmp_path / "c.jpg"))
    a, b = photos.add_photos(profile, PhotoView.CROWN, [prepared, prepared])
    assert photos.alignment(profile, a, b) is None
    marks = Alignment(((0.1, 0.2), (0.8, 0.2)), ((0.15, 0.25), (0.85, 0.3)))
    photos.save_alignment(profile, b, a, marks)
    assert photos.alignment(profile, b, a) == marks
    assert photos.alignment(profile, a, b) == Alignment(marks.second, marks.first)
    with pytest.raises(InvalidProfileDataError):
        photos.save_alignment(profile, a, b, Alignment(((1.5, 0.0), (0.0, 0.0)), marks.second))
    photos.clear_alignment(profile, a, b)
    assert photos.alignment(profile, a, b) is None


def test_remove_and_undo_put_the_photo_back_whole(
    tmp_path: Path, photos: PhotoStore, profile: int
) -> None:
    prepared = read_photo(camera_jpeg(tmp_path / "c.jpg"))
    a, b = photos.add_photos(profile, PhotoView.CROWN, [prepared, prepared])
    photos.link_zones(profile, a, ["crown"])
    marks = Alignment(((0.1, 0.2), (0.8, 0.2)), ((0.15, 0.25), (0.85, 0.3)))
    photos.save_alignment(profile, a, b, marks)
    before = photos.photo(profile, a)
    removed = photos.remove_photo(profile, a)
    assert [p.id for p in photos.photos(profile)] == [b]
    with pytest.raises(PhotoNotFoundError):
        photos.image(profile, a)
    photos.restore_photo(profile, removed)
    assert photos.photo(profile, a) == before
    assert photos.alignment(profile, a, b) == marks


def test_one_profile_cannot_reach_another_profiles_photo(
    tmp_path: Path, store: ProfileStore, photos: PhotoStore, profile: int
) -> None:
    (pid,) = photos.add_photos(
        profile, PhotoView.CROWN, [read_photo(camera_jpeg(tmp_path / "c.jpg"))]
    )
    other = store.create_profile("Sam")
    with pytest.raises(PhotoNotFoundError):
        photos.image(other, pid)
    with pytest.raises(PhotoNotFoundError):
        photos.remove_photo(other, pid)


def test_deleting_the_profile_deletes_its_photos(
    tmp_path: Path, db_path: Path, store: ProfileStore, photos: PhotoStore, profile: int
) -> None:
    photos.add_photos(profile, PhotoView.CROWN, [read_photo(camera_jpeg(tmp_path / "c.jpg"))])
    store.delete_profile(profile)
    assert query(db_path, "SELECT count(*) FROM photo_data") == [(0,)]


def test_rows_edited_outside_are_named_when_read(
    tmp_path: Path, db: Database, db_path: Path, photos: PhotoStore, profile: int
) -> None:
    (pid,) = photos.add_photos(
        profile, PhotoView.CROWN, [read_photo(camera_jpeg(tmp_path / "c.jpg"))]
    )
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute(
            f"UPDATE photos SET view = 'feet', taken_on = '2026-02-30' WHERE id = {pid}"
        )
        connection.execute(f"UPDATE photo_data SET image = x'00112233' WHERE photo_id = {pid}")
    connection.close()
    with pytest.raises(StoredDataError) as caught:
        photos.photos(profile)
    paths = [p.path for p in caught.value.problems]
    assert paths == [f"photos row {pid}, view", f"photos row {pid}, taken_on"]
    connection = sqlite3.connect(db_path)
    with connection:
        connection.execute(
            f"UPDATE photos SET view = 'crown', taken_on = '2026-02-03' WHERE id = {pid}"
        )
    connection.close()
    with pytest.raises(StoredDataError, match=f"photo_data row {pid}, image: is not a JPEG"):
        photos.image(profile, pid)


def test_a_profile_with_photos_still_loads_its_map(
    tmp_path: Path, store: ProfileStore, photos: PhotoStore, profile: int
) -> None:
    photos.add_photos(
        profile, PhotoView.BACK, [read_photo(camera_jpeg(tmp_path / "c.jpg", landscape()))]
    )
    assert store.load_profile(profile).name == "Alex"


def test_the_tables_limits_are_the_domains() -> None:
    from scalpzone.domain import limits
    from scalpzone.storage import models

    assert models.PHOTO_MAX_BYTES == limits.PHOTO_STORED_MAX_BYTES
    assert models.THUMBNAIL_MAX_BYTES == limits.THUMBNAIL_STORED_MAX_BYTES
    assert set(models.PHOTO_VIEWS) == {v.value for v in PhotoView}
