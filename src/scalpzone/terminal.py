"""What the command line prints never carries control characters from user text.

Zone names, notes and profile names come from map files anyone can write; a name holding an
escape sequence could retitle the terminal, hide lines or fake output. Every control character
except newline and tab is shown as a visible `\\uXXXX` instead (which inside a JSON string is
the same character, so `plan --format json` stays valid and means the same).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

_CONTROLS = [*range(0x20), *range(0x7F, 0xA0)]
_VISIBLE = {code: f"\\u{code:04x}" for code in _CONTROLS if chr(code) not in "\n\t"}


def neutralised(text: str) -> str:
    """`text` with every control character but newline and tab shown as `\\uXXXX`."""
    return text.translate(_VISIBLE)


class NeutralStream:
    """A text stream that neutralises control characters before passing text on."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Write `text`, neutralised; returns the characters given (as `TextIO.write` does)."""
        self._stream.write(neutralised(text))
        return len(text)

    def flush(self) -> None:
        """Flush the stream underneath."""
        self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


@contextmanager
def neutral_output() -> Iterator[None]:
    """Within the block, stdout and stderr neutralise control characters."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = NeutralStream(out)
    sys.stderr = NeutralStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
