"""Reading a photo file into something safe to keep: oriented, without metadata, shrunk.

The file is read once, within a size limit, and never written. The picture is turned upright
as its EXIF orientation says, then encoded afresh as a JPEG that carries no EXIF (so no GPS
position, camera, phone or serial number), no XMP, no ICC profile and no comment. Its date is
the picture's own DateTimeOriginal, else the file's modification day. See docs/photos.md.
"""

from __future__ import annotations

import io
import os
import stat
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime
from itertools import repeat
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from scalpzone.domain.limits import (
    PHOTO_DECODE_SIDE,
    PHOTO_FILE_MAX_BYTES,
    PHOTO_LONG_SIDE,
    PHOTO_MAX_PIXELS,
    SOURCE_NAME_MAX_CHARS,
    THUMBNAIL_LONG_SIDE,
)
from scalpzone.domain.mapfile_input import day_problem
from scalpzone.domain.photos import DateSource, PreparedPhoto
from scalpzone.domain.problems import Problem, ProblemsError, shorten

PHOTO_QUALITY = 88
THUMBNAIL_QUALITY = 80
#: Pillow's names of the formats read (a JPEG with a second picture opens as MPO).
_FORMATS = ("JPEG", "PNG")
_WORKERS = max(1, min(2, os.cpu_count() or 1))
_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 0x9003
_HEIF_MAGIC = (b"ftypheic", b"ftypheix", b"ftyphevc", b"ftypmif1", b"ftypmsf1", b"ftypavif")


class PhotoFileError(ProblemsError):
    """One or more photo files could not be read; each problem names the file and why."""


def heif_available() -> bool:
    """Whether HEIC/HEIF photos can be read here (the pi-heif decoder is installed)."""
    try:
        import pi_heif  # noqa: PLC0415, F401  (optional: only to read HEIC)
    except ImportError:
        return False
    return True


def _register_heif() -> None:
    try:
        from pi_heif import register_heif_opener  # noqa: PLC0415
    except ImportError:
        return
    register_heif_opener()


def read_photo(path: Path, taken_on: date | None = None) -> PreparedPhoto:
    """The photo at `path`, ready to keep; PhotoFileError names the file and the reason.

    `taken_on` overrides the date found in the picture or the file.
    """
    name = _name(path)
    data, modified = _read_bounded(path, name)
    image, when = _decode(data, name)
    try:
        source = DateSource.GIVEN
        if taken_on is None:
            taken_on, source = when or modified, DateSource.EXIF if when else DateSource.FILE
        photo = _shrunk(image, PHOTO_LONG_SIDE)
        thumb = _shrunk(photo, THUMBNAIL_LONG_SIDE)
        return PreparedPhoto(
            image=_jpeg(photo, PHOTO_QUALITY),
            thumbnail=_jpeg(thumb, THUMBNAIL_QUALITY),
            width=photo.width,
            height=photo.height,
            taken_on=taken_on,
            date_source=source,
            source_name=_kept_name(path.name),
        )
    finally:
        image.close()


def _read_one(path: Path, taken_on: date | None) -> PreparedPhoto | PhotoFileError:
    try:
        return read_photo(path, taken_on)
    except PhotoFileError as error:
        return error


def read_photos(
    paths: Sequence[Path],
    taken_on: date | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[PreparedPhoto], list[Problem]]:
    """Every file read, in order, and a problem for each that could not be (name and reason).

    Files are read two at a time: Pillow lets go of Python's lock while it decodes, shrinks
    and encodes, so two cores read twenty photos in about half the time. `progress(done,
    total)` is called on the calling thread after each file, in order.
    """
    photos: list[PreparedPhoto] = []
    problems: list[Problem] = []
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        for done, result in enumerate(pool.map(_read_one, paths, repeat(taken_on)), 1):
            if isinstance(result, PhotoFileError):
                problems.extend(result.problems)
            else:
                photos.append(result)
            if progress is not None:
                progress(done, len(paths))
    return photos, problems


def read_all_photos(paths: Sequence[Path], taken_on: date | None = None) -> list[PreparedPhoto]:
    """Every file read, or PhotoFileError listing every file that could not be (none kept)."""
    photos, problems = read_photos(paths, taken_on)
    if problems:
        raise PhotoFileError(problems)
    return photos


def _name(path: Path) -> str:
    return str(path)


def _kept_name(name: str) -> str:
    """The file's name as kept: bytes that were not UTF-8 (lone surrogates) become "?"."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return shorten(text.replace("\ufffd", "?"), SOURCE_NAME_MAX_CHARS)


def _refuse(name: str, why: str) -> PhotoFileError:
    return PhotoFileError([Problem(name, why)])


def _read_bounded(path: Path, name: str) -> tuple[bytes, date]:
    """The file's bytes (a regular file, at most the size limit) and its modification day."""
    try:
        with path.open("rb") as file:
            info = os.fstat(file.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise _refuse(name, "is a folder, not a photo")
            if not stat.S_ISREG(info.st_mode):
                raise _refuse(name, "is not a regular file (a device, pipe or socket)")
            data = file.read(PHOTO_FILE_MAX_BYTES + 1)
    except IsADirectoryError:
        raise _refuse(name, "is a folder, not a photo") from None
    except FileNotFoundError:
        raise _refuse(name, "does not exist") from None
    except PermissionError:
        raise _refuse(name, "cannot be read: permission was denied") from None
    except OSError as error:
        raise _refuse(name, f"cannot be read: {error.strerror or 'the system refused'}") from None
    if len(data) > PHOTO_FILE_MAX_BYTES:
        mb = PHOTO_FILE_MAX_BYTES // (1024 * 1024)
        raise _refuse(name, f"is larger than {mb} MB, the most ScalpZone reads for one photo")
    if not data:
        raise _refuse(name, "is empty")
    modified = datetime.fromtimestamp(info.st_mtime).date()
    return data, modified


def _decode(data: bytes, name: str) -> tuple[Image.Image, date | None]:
    """The picture upright, in RGB, and its EXIF date; refused when it is no picture we read."""
    is_heif = data[4:12] in _HEIF_MAGIC
    if is_heif:
        if not heif_available():
            raise _refuse(
                name,
                "is a HEIC/HEIF picture, which this installation cannot read; export it as "
                "JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible) and add that",
            )
        _register_heif()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            formats = ("HEIF",) if is_heif else _FORMATS
            image = Image.open(io.BytesIO(data), formats=formats)
            pixels = image.width * image.height
            if pixels > PHOTO_MAX_PIXELS:
                image.close()
                raise _refuse(name, _too_many(pixels))
            when = _exif_day(image)
            if image.format in ("JPEG", "MPO") and max(image.size) >= 2 * PHOTO_DECODE_SIDE:
                # The JPEG decoder scales by 1/2, 1/4 or 1/8 while it reads, three to four
                # times faster than reading every pixel: as far as the long side stays at
                # least PHOTO_DECODE_SIDE (a 12 MP photo is read at 2,016 × 1,512).
                k = PHOTO_DECODE_SIDE / max(image.size)
                image.draft("RGB", (round(image.width * k), round(image.height * k)))
            upright = ImageOps.exif_transpose(image)
            if upright is not image:
                image.close()
            return _rgb(upright), when
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise _refuse(name, _too_many(None)) from None
    except UnidentifiedImageError:
        raise _refuse(name, "is not a JPEG, PNG or HEIC picture, or it is damaged") from None
    except (OSError, ValueError, SyntaxError, EOFError, IndexError, TypeError) as error:
        reason = str(error) or "it could not be decoded"
        raise _refuse(name, f"is damaged or cut short ({shorten(reason)})") from None


def _too_many(pixels: int | None) -> str:
    limit = f"{PHOTO_MAX_PIXELS / 1e6:.0f} million pixels, the most ScalpZone reads"
    if pixels is None:
        return f"has more than {limit}"
    return f"has {pixels / 1e6:.0f} million pixels, above {limit}"


def _exif_day(image: Image.Image) -> date | None:
    """The day in EXIF DateTimeOriginal ("YYYY:MM:DD HH:MM:SS"), if it is a real day."""
    try:
        raw = image.getexif().get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL)
    except (OSError, ValueError, SyntaxError, KeyError, TypeError, IndexError):
        return None
    if isinstance(raw, bytes):
        raw = raw.decode("ascii", "replace")
    if not isinstance(raw, str) or len(raw) < 10:
        return None
    text = raw[:10].replace(":", "-")
    if day_problem(text) is not None:
        return None
    return date.fromisoformat(text)


def _rgb(image: Image.Image) -> Image.Image:
    """The picture as 8-bit RGB; transparency is laid on white (as it shows on a page)."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return image.point(lambda v: v / 257).convert("L").convert("RGB")
    return image.convert("RGB")


def _shrunk(image: Image.Image, long_side: int) -> Image.Image:
    """The picture with its long side at most `long_side` pixels (never made larger)."""
    if max(image.size) <= long_side:
        return image
    scale = long_side / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    """The pixels as a baseline JPEG with nothing else in it (no EXIF, ICC, XMP or comment)."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=False, progressive=False)
    return out.getvalue()
