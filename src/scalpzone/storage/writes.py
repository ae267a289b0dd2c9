"""The one way ScalpZone writes a file: whole or not at all, private, and never through a link.

Every export (map file, calendar, CSV, PDF) and the start-up snapshot goes through
`write_atomically`. The bytes go to a fresh temporary file in the target's own folder (created
with `O_EXCL | O_NOFOLLOW` under an unpredictable name, readable by its owner only), are flushed
and synced, and then the temporary file is renamed over the target and the folder is synced. If
any step fails, the temporary file is removed, the file that was there stays exactly as it was,
and `FileWriteError` says which file and why in plain words. See docs/storage.md, "Writing files".
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from scalpzone.storage.errors import StorageError
from scalpzone.storage.files import fsync_path

#: Temporary files start with this, so a person who finds one after a power cut knows whose it is.
TEMP_PREFIX = ".scalpzone-"
TEMP_SUFFIX = ".tmp"
#: Enough of the target's name to recognise it, short enough to stay under any name limit.
_NAME_IN_TEMP = 60

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EFBIG: "the file is larger than this system allows",
    errno.EIO: "the disk reported an input/output error",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission was denied",
    errno.EPERM: "permission was denied",
    errno.ENOENT: "its folder does not exist",
    errno.ENOTDIR: "part of the path is not a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EISDIR: "it is a folder, not a file",
    errno.ELOOP: "it is a symbolic link",
    errno.EXDEV: "the temporary file landed on another disk",
}


class FileWriteError(StorageError):
    """A file was not written; whatever was at its path before is unchanged.

    `path` is the file asked for and `reason` the cause in plain words ("the disk is full").
    """

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path} was not written: {reason}. Nothing there was changed.")


def reason_for(error: OSError) -> str:
    """The cause of a failed write in plain words, without an exception's name."""
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    text = (error.strerror or "").strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else "the system refused to write it"


def target_problem(path: Path) -> str | None:
    """Why `path` must not be replaced (it is not a plain file, or it is read-only), or None.

    A symbolic link is refused rather than followed or replaced: the person may have put it
    there on purpose, and writing through it could send health data somewhere else.
    """
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return reason_for(error)
    mode = st.st_mode
    if stat.S_ISLNK(mode):
        return "it is a symbolic link, and ScalpZone does not write through links"
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if not stat.S_ISREG(mode):
        return "it is a device, pipe or socket, not a file"
    if not os.access(path, os.W_OK):
        return "the file there is read-only"
    return None


def write_atomically(path: Path, data: bytes | Callable[[BinaryIO], object]) -> None:
    """Replace `path` with `data`, whole or not at all.

    `data` is the bytes, or a function that writes them to the (seekable) file it is given:
    a profile archive is written that way, photo by photo, without holding it all in memory.
    Raises FileWriteError when `path` is not a plain writable file or any step fails; then
    nothing at `path` has changed and no temporary file is left behind.
    """
    path = Path(path)
    problem = target_problem(path)
    if problem is not None:
        raise FileWriteError(path, problem)
    folder = path.parent
    try:
        # mkstemp opens with O_CREAT | O_EXCL | O_NOFOLLOW and mode 0600 under a random name.
        fd, temp_name = tempfile.mkstemp(
            prefix=f"{TEMP_PREFIX}{path.name[:_NAME_IN_TEMP]}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as error:
        raise FileWriteError(path, reason_for(error)) from error
    temp = Path(temp_name)
    try:
        try:
            if isinstance(data, bytes):
                _write_all(fd, data)
            else:
                with os.fdopen(os.dup(fd), "wb") as stream:
                    data(stream)
            os.fsync(fd)
        finally:
            os.close(fd)
        # Checked again just before the rename: a link or folder may have appeared meanwhile.
        problem = target_problem(path)
        if problem is not None:
            raise FileWriteError(path, problem)
        temp.replace(path)
    except OSError as error:
        _remove(temp)
        raise FileWriteError(path, reason_for(error)) from error
    except BaseException:
        _remove(temp)
        raise
    fsync_path(folder, directory=True)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _remove(temp: Path) -> None:
    with suppress(OSError):  # the write already failed; that is what gets reported
        temp.unlink()
