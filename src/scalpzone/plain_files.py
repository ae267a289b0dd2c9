"""Reading a small file of our own without following links or blocking on pipes.

Used where ScalpZone reads back what it wrote (the start-up snapshot, the calendar it exported
before): a link, a folder, a device or a FIFO at that path is treated as "no file", and a file
larger than the caller's limit is never read whole. No SQL or Qt here, so start-up stays light.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def read_plain_file(path: Path, limit: int) -> bytes | None:
    """Up to `limit` bytes of a regular file (never through a link, never blocking on a
    pipe); None when it is missing, is not a plain file, or is larger than `limit`."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(os.dup(fd), "rb") as handle:
            data = handle.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None
