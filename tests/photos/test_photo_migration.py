"""A database from before photos (schema 0004) is backed up, upgraded and takes photos."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import PhotoView
from scalpzone.storage import Database, PhotoStore, ProfileStore, schema
from scalpzone.storage.database import file_engine

from .images import camera_jpeg


def test_a_0004_database_is_upgraded_and_keeps_its_profile(tmp_path: Path) -> None:
    path = tmp_path / "scalpzone.sqlite3"
    engine = file_engine(path)
    schema.upgrade(engine, "0004")
    engine.dispose()
    connection = sqlite3.connect(path)
    connection.executescript(
        "BEGIN; INSERT INTO profiles VALUES (1, 'Alex', '[]'); "
        "INSERT INTO zones (profile_id, zone_id, position, state) VALUES (1, 'crown', 9, 'bald'); "
        "COMMIT;"
    )
    connection.close()

    with Database.open(path) as db:
        assert "upgraded from schema 0004 to 0005" in db.notices[0]
        [backup] = [b for b in db.list_backups() if b.reason == "before-upgrade"]
        store, photos = ProfileStore(db), PhotoStore(db)
        assert store.load_profile(1).name == "Alex"
        assert photos.photos(1) == ()
        (pid,) = photos.add_photos(
            1, PhotoView.CROWN, [read_photo(camera_jpeg(tmp_path / "a.jpg"))]
        )
        photos.link_zones(1, pid, ["crown"])
        assert store.load_profile(1).document.scalp_map.zone("crown").state.value == "bald"
    before = sqlite3.connect(backup.path)
    assert before.execute("SELECT version_num FROM alembic_version").fetchall() == [("0004",)]
    before.close()
