"""The self-test's photo step: a phone-like JPEG in, upright and without its location, and a
whole profile out to an archive and back (it proves Pillow works in an installed copy)."""

from __future__ import annotations

import io
from pathlib import Path


def check_photos(root: Path) -> str:
    """Add a photo with EXIF orientation 6 and a GPS block; export and import the profile."""
    from PIL import Image  # noqa: PLC0415

    from scalpzone.domain.photo_files import read_photo  # noqa: PLC0415
    from scalpzone.domain.photos import PhotoView  # noqa: PLC0415
    from scalpzone.storage import (  # noqa: PLC0415
        Database,
        PhotoStore,
        ProfileArchives,
        ProfileStore,
    )

    exif = Image.Exif()
    exif[0x0112] = 6  # turn 90° clockwise to view
    exif.get_ifd(0x8825)[2] = (52.0, 22.0, 1.5)  # a GPS latitude
    source = root / "phone.jpg"
    Image.new("RGB", (64, 48), (120, 90, 60)).save(source, "JPEG", exif=exif.tobytes())
    before = source.read_bytes()
    with Database.open(root / "photos.sqlite3") as db:
        profile_id = ProfileStore(db).create_profile("Photos")
        photos = PhotoStore(db)
        (photo_id,) = photos.add_photos(profile_id, PhotoView.CROWN, [read_photo(source)])
        with Image.open(io.BytesIO(photos.image(profile_id, photo_id))) as stored:
            if stored.size != (48, 64) or stored.getexif():
                raise RuntimeError("the stored photo is not upright, or still has EXIF")
        ProfileArchives(db).export_profile(profile_id, root / "photos.scalpzone")
    with Database.open(root / "imported.sqlite3") as db:
        imported = ProfileArchives(db).import_profile(root / "photos.scalpzone")
        if len(PhotoStore(db).photos(imported)) != 1:
            raise RuntimeError("the imported profile lost its photo")
    if source.read_bytes() != before:
        raise RuntimeError("the original photo file was changed")
    return "a photo stored upright without its location, exported and imported"
