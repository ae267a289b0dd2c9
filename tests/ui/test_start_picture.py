"""The last window's picture file: written whole, read back as strictly as an import (#16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage

from scalpzone.ui.start_picture import (
    MAGIC,
    PictureFile,
    PictureKey,
    WindowPicture,
    parse_picture,
    picture_bytes,
)

pytestmark = pytest.mark.gui

KEY = PictureKey("0.1.0", (40, 30), 1.0, "#efefef #000000", 1234)
AREAS = {
    "map": QRect(0, 0, 20, 20),
    "head": QRect(2, 2, 16, 16),
    "status": QRect(0, 24, 40, 6),
    "preview": QRect(22, 0, 18, 20),
}


def _picture(colour: str = "#336699") -> WindowPicture:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return WindowPicture(image, dict(AREAS), "2026-11-30")


def test_a_picture_comes_back_as_it_was_written(tmp_path: Path) -> None:
    file = PictureFile(tmp_path / "cache" / "last-window.picture")
    file.save(_picture(), KEY)
    back = file.load(KEY)
    assert back is not None
    assert back.image.size() == _picture().image.size()
    assert back.image.pixelColor(5, 5).name() == "#336699"
    assert back.areas == AREAS
    assert back.day == "2026-11-30"
    assert (file.path.stat().st_mode & 0o777) == 0o600  # it shows the map: the owner's only


@pytest.mark.parametrize(
    "other",
    [
        PictureKey("0.2.0", (40, 30), 1.0, "#efefef #000000", 1234),  # another version
        PictureKey("0.1.0", (41, 30), 1.0, "#efefef #000000", 1234),  # another size
        PictureKey("0.1.0", (40, 30), 2.0, "#efefef #000000", 1234),  # another pixel ratio
        PictureKey("0.1.0", (40, 30), 1.0, "#2b2b2b #ffffff", 1234),  # another palette
        PictureKey("0.1.0", (40, 30), 1.0, "#efefef #000000", 99),  # another snapshot
    ],
)
def test_a_picture_taken_with_anything_else_is_no_picture(
    tmp_path: Path, other: PictureKey
) -> None:
    file = PictureFile(tmp_path / "last-window.picture")
    file.save(_picture(), KEY)
    assert file.load(other) is None


def test_a_missing_or_cut_file_is_no_picture(tmp_path: Path) -> None:
    file = PictureFile(tmp_path / "last-window.picture")
    assert file.load(KEY) is None
    data = picture_bytes(_picture(), KEY)
    assert data is not None
    for cut in (0, len(MAGIC), len(MAGIC) + 4, len(data) // 2, len(data) - 1):
        assert parse_picture(data[:cut], KEY) is None
    assert parse_picture(data + b"\0", KEY) is None


def test_saving_never_writes_through_a_link_or_over_a_folder(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs.txt"
    theirs.write_text("not ours")
    link = tmp_path / "link.picture"
    link.symlink_to(theirs)
    PictureFile(link).save(_picture(), KEY)
    assert theirs.read_text() == "not ours"
    assert link.is_symlink()
    folder = tmp_path / "folder.picture"
    (folder / "inside").mkdir(parents=True)
    PictureFile(folder).save(_picture(), KEY)
    assert [p.name for p in folder.iterdir()] == ["inside"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


@given(st.binary(max_size=300))
def test_any_bytes_are_a_picture_or_none_never_an_error(data: bytes) -> None:
    picture = parse_picture(MAGIC + data, KEY)
    assert picture is None or picture.image.width() == 40


@given(st.integers(min_value=0), st.integers(min_value=0, max_value=255))
def test_a_changed_byte_gives_the_picture_or_none(at: int, value: int) -> None:
    data = bytearray(picture_bytes(_picture(), KEY) or b"")
    data[at % len(data)] = value
    picture = parse_picture(bytes(data), KEY)
    assert picture is None or (picture.image.width(), picture.image.height()) == (40, 30)


@given(
    st.lists(st.integers(min_value=-100, max_value=200), min_size=4, max_size=4),
    st.sampled_from(sorted(AREAS)),
)
def test_whatever_the_parts_are_what_is_written_is_read_back(numbers: list[int], name: str) -> None:
    picture = _picture()
    picture.areas[name] = QRect(*numbers)
    back = parse_picture(picture_bytes(picture, KEY) or b"", KEY)
    assert back is not None
    assert QRect(0, 0, 40, 30).contains(back.areas[name]) or back.areas[name].isEmpty()
