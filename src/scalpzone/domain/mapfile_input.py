"""The map file's way in: bytes from any source, UTF-8 text and JSON, each within the limits.

Reading never trusts the source: a pipe, standard input or a device such as /dev/zero is read
only up to the byte limit, whatever `stat` says. Numbers JSON allows but ScalpZone never needs
(NaN, Infinity, a 5000-digit integer) are kept as `Unreadable` values (and 1e400 as inf), so the map file reader
refuses them at their JSON path like any other wrong value.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO, cast

from scalpzone.domain.geometry import Point
from scalpzone.domain.limits import (
    EARLIEST_DAY,
    INPUT_MAX_BYTES,
    LATEST_DAY,
    NESTING_MAX_DEPTH,
    NUMBER_MAX_DIGITS,
)
from scalpzone.domain.problems import Problem, ProblemsError, printable, show

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")


class MapFileError(ProblemsError):
    """A map file refused as a whole, with every problem in it."""


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A JSON number ScalpZone does not read: NaN, ±Infinity, too many digits or out of range."""

    text: str

    def __repr__(self) -> str:
        if len(self.text) > NUMBER_MAX_DIGITS:
            return f"{self.text[:12]}… ({len(self.text)} digits, above the {NUMBER_MAX_DIGITS} maximum)"
        return self.text


@contextmanager
def collector_paused() -> Iterator[None]:
    """Read a map whole without Python's cycle collector stopping to scan it again and again.

    Reading the largest map the limits allow makes some 200 000 lists, tuples and dicts, none
    in a cycle. While they pile up the collector runs every 700 of them and, as they all
    survive, ends up scanning the whole heap, temporaries included, once or twice per read:
    0.1–0.2 s of the second it took to open that map in the window. Paused, it catches up in
    one young-generation run afterwards, once the parsed JSON is freed. The collector is left
    as it was found (a caller that paused it keeps it paused).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_source(path: Path, limit: int = INPUT_MAX_BYTES) -> bytes:
    """The bytes of a file, pipe or device, reading at most `limit` + 1; MapFileError if more."""
    where = printable(str(path))
    try:
        with path.open("rb") as stream:
            return read_stream(stream, where, limit)
    except IsADirectoryError:
        raise MapFileError([Problem(where, "is a folder, not a map file")]) from None
    except OSError as error:
        why = error.strerror or "the system refused"
        raise MapFileError([Problem(where, f"cannot be read ({why})")]) from None


def read_stream(stream: BinaryIO, where: str, limit: int = INPUT_MAX_BYTES) -> bytes:
    """At most `limit` bytes of an open binary stream; MapFileError when it holds more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise MapFileError(
            [
                Problem(
                    where,
                    f"holds more than {limit} bytes, above the {limit // (1024 * 1024)} MB "
                    "maximum for a map file",
                )
            ]
        )
    return data


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 text (a byte-order mark is allowed); MapFileError naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MapFileError(
            [Problem(where, f"is not UTF-8 text (byte {error.start} is not valid)")]
        ) from None


def nesting_depth_over(text: str, most: int = NESTING_MAX_DEPTH) -> bool:
    """Whether arrays and objects in this JSON text nest deeper than `most`."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(most):
        if not brackets:
            return False
        brackets, removed = _INNERMOST.subn("", brackets)
        if not removed:
            return False  # unbalanced: the JSON parser names the syntax error
    return bool(brackets)


_TOO_DEEP = Problem(
    "(file)",
    f"arrays and objects nest more than {NESTING_MAX_DEPTH} deep, above the maximum "
    "(a map file needs 4)",
)


def load_json(text: str) -> object:
    """Parsed JSON with Unreadable numbers; MapFileError for syntax, depth or a repeated key."""
    if nesting_depth_over(text):
        raise MapFileError([_TOO_DEEP])
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=Unreadable,
            parse_int=_whole_number,
        )
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise MapFileError([Problem(where, f"not valid JSON ({error.msg})")]) from None
    except _DuplicateKeyError as error:
        raise MapFileError([Problem(show(error.key), "appears twice in the same object")]) from None
    except RecursionError:
        raise MapFileError([_TOO_DEEP]) from None


def _whole_number(text: str) -> int | Unreadable:
    digits = len(text.lstrip("-"))
    return int(text) if digits <= NUMBER_MAX_DIGITS else Unreadable(text)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def day_problem(value: object) -> str | None:
    """Why a value is not a YYYY-MM-DD date ScalpZone plans with, or None when it is one."""
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        return f"{show(value)} is not a date written as YYYY-MM-DD"
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return f"{show(value)} is not a day of the calendar"
    if day < EARLIEST_DAY:
        return f"{show(value)} is before {EARLIEST_DAY.isoformat()}, the earliest day ScalpZone plans with"
    if day > LATEST_DAY:
        return (
            f"{show(value)} is after {LATEST_DAY.isoformat()}, the latest day ScalpZone plans with"
        )
    return None


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _unwanted_text(value: str) -> str | None:
    """Why text cannot be kept: a lone surrogate, which no file or database encoding can hold.

    Control characters are kept as written; what prints them shows them as codes
    (scalpzone.terminal), so they never act on the terminal.
    """
    if (found := _SURROGATE.search(value)) is not None:
        return f"holds a lone surrogate (\\u{ord(found.group()):04x}), which is not a character"
    return None


def _unit_points(values: list[object]) -> tuple[Point, ...] | None:
    """Every value as a point of the unit square, or None when any is not one (or is unusual)."""
    out: list[Point] = []
    for value in values:
        if type(value) is not list or len(value) != 2:
            return None
        x, y = cast("list[float]", value)  # checked just below
        if (
            type(x) not in _COORDINATE_TYPES
            or type(y) not in _COORDINATE_TYPES
            or not 0.0 <= x <= 1.0
            or not 0.0 <= y <= 1.0
        ):
            return None
        out.append((float(x), float(y)))
    return tuple(out)


_COORDINATE_TYPES = (float, int)


class Reader:
    """Collects problems while walking parsed JSON; never raises on bad content."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str) -> None:
        """Note one problem at a JSON path."""
        self.problems.append(Problem(path, message))

    def obj(self, value: object, path: str, what: str) -> Mapping[str, object] | None:
        """The value as an object, or None after noting that it is not one."""
        if isinstance(value, Mapping):
            return value
        self.fail(path, f"{show(value)} is not an object ({what})")
        return None

    def text(self, value: object, path: str, limit: int, *, empty_ok: bool = False) -> str | None:
        """Text of at most `limit` characters that a file can hold."""
        if not isinstance(value, str):
            self.fail(path, f"{show(value)} is not text")
            return None
        if not empty_ok and not value.strip():
            self.fail(path, "is empty; give it a name")
            return None
        if len(value) > limit:
            self.fail(
                path, f"{show(value)} is {len(value)} characters long, above the {limit} maximum"
            )
            return None
        unwanted = _unwanted_text(value)
        if unwanted is not None:
            self.fail(path, f"{show(value)} {unwanted}")
            return None
        return value

    def day(self, value: object, path: str) -> date | None:
        """A date within the planning calendar, or None after noting why not."""
        fail = day_problem(value)
        if fail is None:
            return date.fromisoformat(value)  # type: ignore[arg-type]
        self.fail(path, fail)
        return None

    def point(self, value: object, path: str) -> Point | None:
        """An [x, y] point of the unit square, or None after noting why not."""
        if not isinstance(value, list) or len(value) != 2:
            self.fail(path, f"{show(value)} is not a point [x, y]")
            return None
        coords: list[float] = []
        for i, c in enumerate(value):
            if not isinstance(c, int | float) or isinstance(c, bool):
                self.fail(f"{path}[{i}]", f"{show(c)} is not a number")
            elif not 0.0 <= c <= 1.0:
                self.fail(f"{path}[{i}]", f"{show(c)} is outside 0–1 (map coordinates)")
            else:
                coords.append(float(c))
        return (coords[0], coords[1]) if len(coords) == 2 else None

    def points(self, value: object, path: str, least: int, most: int) -> tuple[Point, ...] | None:
        """Between `least` and `most` points, or None after noting every bad one."""
        if not isinstance(value, list):
            self.fail(path, f"{show(value)} is not a list of points [[x, y], …]")
            return None
        if len(value) < least:
            self.fail(path, f"has {len(value)} point(s), fewer than the {least} needed")
            return None
        if len(value) > most:
            self.fail(path, f"has {len(value)} points, above the {most} maximum")
            return None
        quick = _unit_points(value)  # the usual case, without a path or a call per point
        if quick is not None:
            return quick
        before = len(self.problems)
        pts = [self.point(p, f"{path}[{i}]") for i, p in enumerate(value)]
        if len(self.problems) > before:
            return None
        return tuple(p for p in pts if p is not None)

    def items(
        self, value: object, path: str, what: str, most: int, why: str = ""
    ) -> list[object] | None:
        """A list of at most `most` items, checked before any item is read."""
        if not isinstance(value, list):
            self.fail(path, f"{show(value)} is not a list of {what}")
            return None
        if len(value) > most:
            self.fail(path, f"has {len(value)} {what}, above the {most} maximum{why}")
            return None
        return value
