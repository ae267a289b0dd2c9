"""Problems found in what a person typed or a file held, each naming where, what and the limit."""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from scalpzone.domain.limits import PROBLEMS_LISTED, QUOTE_MAX_CHARS


@dataclass(frozen=True, slots=True)
class Limit:
    """A value refused because it passes a limit: the setting, the value, the bound, which side.

    Carried by a `Problem` so a window can tell a limit from other refusals, and find the rule
    behind it, without reading the message text.
    """

    setting: str
    value: float
    bound: float
    kind: Literal["minimum", "maximum"]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input: where it is (a JSON path or a setting name) and why.

    `limit` is set when the value passes a limit; it is data beside the message, so two problems
    with the same path and message are equal whether or not one carries it.
    """

    path: str
    message: str
    limit: Limit | None = field(default=None, compare=False)

    def __str__(self) -> str:
        return f"{printable(self.path)}: {printable(self.message)}"


class ProblemsError(ValueError):
    """Input refused as a whole; carries every problem found, in the order they were found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(listed(self.problems)))


def listed(problems: Iterable[Problem], most: int = PROBLEMS_LISTED) -> list[str]:
    """The problems one line each; past `most`, one last line counts the rest."""
    problems = tuple(problems)
    lines = [str(p) for p in problems[:most]]
    if len(problems) > most:
        lines.append(f"… and {len(problems) - most} more problems (the first {most} are listed)")
    return lines


def printable(text: str) -> str:
    """Text safe to print on any terminal: lone surrogates and control characters escaped.

    A name holding an escape sequence cannot recolour the terminal, and a lone surrogate (which
    no file encoding can hold) cannot stop the output half-way.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if char.isprintable() or char == " ":
            out.append(char)
        elif unicodedata.category(char) in ("Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"):
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return "".join(out)


def shorten(text: str, most: int = QUOTE_MAX_CHARS) -> str:
    """At most `most` characters, the cut marked with an ellipsis."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _describe(value: object) -> str:
    """What a value is, for values too odd to quote (huge numbers, objects of our own)."""
    if isinstance(value, float):  # inf or nan: JSON's 1e400 reads as inf
        return "not a number (NaN)" if math.isnan(value) else "a number too large to hold"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"a whole number of {value.bit_length()} bits"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} items"
    try:
        return repr(value)
    except (ValueError, RecursionError):
        return type(value).__name__


def show(value: object) -> str:
    """A value as the person wrote it, in JSON notation (strings quoted, true/false, null).

    Shortened to a readable length and escaped for the terminal; never raises.
    """
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        text = _describe(value)
    return printable(shorten(text))


def key_path(prefix: str, key: object) -> str:
    """The JSON path of an object's key, the key shortened ("settings.needle_mm")."""
    name = shorten(key if isinstance(key, str) else show(key), QUOTE_MAX_CHARS // 2)
    return f"{prefix}.{name}" if prefix else name
