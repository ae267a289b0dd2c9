"""Shared by the storage fault tests: a small real file system that fills up, and snapshots."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import subprocess
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from scalpzone.domain.mapfile import read_map_file
from scalpzone.storage import Database, ProfileStore

EXAMPLE = Path(__file__).parents[1] / "data" / "spec_example.json"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not IS_ROOT, reason="mounting a small file system needs root")


def tree(folder: Path) -> dict[str, str]:
    """Every entry below `folder` with a digest of its bytes (or what kind of thing it is)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_symlink():
            found[rel] = "link -> " + str(path.readlink())
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            found[rel] = "folder"
        else:
            found[rel] = "special"
    return found


def with_profile(path: Path, name: str = "Alex") -> None:
    """A database at `path` holding the spec example as profile `name`."""
    with Database.open(path) as db:
        ProfileStore(db).import_document(read_map_file(EXAMPLE), name, day=date(2026, 11, 23))


def profile_names(path: Path) -> list[str]:
    """The profiles in a database, opened and closed again."""
    with Database.open(path) as db:
        return [p.name for p in ProfileStore(db).profiles()]


class SmallDisk:
    """A tmpfs of a few hundred KB: real ENOSPC from the kernel, for SQLite and for Python."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._filler = root / f"filler-{uuid.uuid4().hex}"

    def fill(self) -> None:
        """Take every free byte (and inode), as a full disk does."""
        with contextlib.suppress(OSError), self._filler.open("wb") as file:
            while True:
                file.write(b"\0" * 4096)
                file.flush()
        n = 0
        with contextlib.suppress(OSError):
            while True:
                (self.root / f"inode-{n}").touch()
                n += 1
        statvfs = os.statvfs(self.root)
        assert statvfs.f_bavail == 0 or statvfs.f_favail == 0

    def free(self) -> None:
        """Give the space back."""
        for path in self.root.glob("filler-*"):
            path.unlink()
        for path in self.root.glob("inode-*"):
            path.unlink()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """A 2 MB tmpfs mounted for the test (real ENOSPC), unmounted after it."""
    root = tmp_path / "small-disk"
    root.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m,nr_inodes=400,mode=0700", "tmpfs", str(root)],
        check=True,
    )
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)


def is_full(error: OSError) -> bool:
    """Whether an OSError is the disk being full."""
    return error.errno in (errno.ENOSPC, errno.EDQUOT)
