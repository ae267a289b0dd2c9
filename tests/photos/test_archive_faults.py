"""An archive export that meets a full disk: the old file stays byte for byte, nothing is left."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from scalpzone.cli import main
from scalpzone.domain.photo_files import read_photo
from scalpzone.domain.photos import PhotoView
from scalpzone.storage import Database, PhotoStore, ProfileStore
from tests.faults.writes_support import OLD, mount_tmpfs, unmount

from .images import camera_jpeg


def test_a_full_disk_keeps_the_earlier_archive(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "db.sqlite3"
    with Database.open(database) as db:
        pid = ProfileStore(db).create_profile("Alex")
        noisy = Image.effect_noise((1200, 900), 90).convert("RGB")  # ~0.5 MB as a JPEG
        photo = read_photo(camera_jpeg(tmp_path / "noisy.jpg", noisy))
        PhotoStore(db).add_photos(pid, PhotoView.CROWN, [photo])
    disk = tmp_path / "disk"
    disk.mkdir()
    if not mount_tmpfs(disk, "256k"):
        pytest.skip("mounting a small tmpfs needs root")
    try:
        target = disk / "alex.scalpzone"
        target.write_bytes(OLD)
        capsys.readouterr()
        code = main(
            ["export", "--profile", "Alex", "--output", str(target), "--database", str(database)]
        )
        err = capsys.readouterr().err
        assert code == 1
        assert f"{target} was not written: the disk is full" in err
        assert "Traceback" not in err
        assert target.read_bytes() == OLD
        assert sorted(p.name for p in disk.iterdir()) == ["alex.scalpzone"]
    finally:
        unmount(disk)
