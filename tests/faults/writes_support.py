"""The faults every writer is put through, and what "no data lost" means for each.

A fault prepares the target folder (and maybe the process) so that a write meets it; the test
then runs a writer and checks what the person would find afterwards: the file that was there
byte for byte as before, no temporary file beside it, nothing written through a link, and a
sentence naming the file and the reason when the write was refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import subprocess
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pytest

OLD = b"The person's earlier export: kept byte for byte when a write fails.\n"
VICTIM = b"Somebody else's file, which a planted link points at.\n"

#: What a person must never see: a traceback, or an exception's class name.
CLASS_NAME = re.compile(r"Traceback|Exception\b|\b[A-Z][A-Za-z]*(Error|Warning)\b")


@dataclass
class Outcome:
    """What a writer did: whether it says it wrote the file, and what it told the person."""

    ok: bool
    message: str = ""


@dataclass
class Scene:
    """The folder a fault set up, the target in it, and what must survive."""

    folder: Path
    target: Path
    old: bytes | None = OLD  # the target's content before the write (None: no old file)
    victim: Path | None = None  # a file a link points at, which must not change
    links: dict[Path, Path] = field(default_factory=dict)  # links that must stay as they were
    keep: set[str] = field(default_factory=set)  # other names expected in the folder
    reason: str = ""  # what the message must say (empty: the write should succeed)
    kind: int | None = None  # the file type at the target before (a folder, a FIFO, a link)


# -- the faults ----------------------------------------------------------------------------


def mount_tmpfs(folder: Path, size: str) -> bool:
    """Mount a small tmpfs on `folder` (as root); False where mounting is not allowed."""
    if os.geteuid() != 0:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    return done.returncode == 0


def unmount(folder: Path) -> None:
    """Take the tmpfs away again (lazily, so a busy one never hangs the run)."""
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def fill_up(folder: Path) -> None:
    """Fill the file system holding `folder` until not one more byte fits."""
    with (folder / "filler").open("wb", buffering=0) as out:
        for size in (64 * 1024, 4096, 1):
            with contextlib.suppress(OSError):
                while True:
                    out.write(b"\0" * size)
    # A new file's first byte must fail too: tmpfs counts whole pages.
    probe = folder / "probe"
    with contextlib.suppress(OSError), probe.open("wb", buffering=0) as out:
        out.write(b"x")
        raise AssertionError("the file system still had room")
    probe.unlink(missing_ok=True)


def fd_in(fd: int, folder: Path) -> bool:
    """Whether the open file `fd` lies in `folder` (Linux /proc; elsewhere: assume so)."""
    try:
        return str(Path(f"/proc/self/fd/{fd}").readlink()).startswith(str(folder))
    except OSError:
        return True


def inject(
    monkeypatch: pytest.MonkeyPatch, folder: Path, name: str, code: int
) -> Callable[[], None]:
    """Make os.<name> fail with `code` for files in `folder`; returns a function that heals."""
    real = getattr(os, name)

    def failing(*args: object, **kwargs: object) -> object:
        first = args[0]
        hit = fd_in(first, folder) if isinstance(first, int) else str(first).startswith(str(folder))
        if hit:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)
    return lambda: monkeypatch.setattr(os, name, real)


# -- the checks ----------------------------------------------------------------------------


def leftovers(scene: Scene) -> list[str]:
    """Names in the folder that nobody put there on purpose (temporary files)."""
    if not scene.folder.is_dir():
        return []
    expected = {scene.target.name, *scene.keep, *(p.name for p in scene.links)}
    return sorted(p.name for p in scene.folder.iterdir() if p.name not in expected)


def data_lost(scene: Scene) -> list[str]:
    """Everything that was lost or changed that should not have been, in words."""
    lost = []
    if scene.reason and scene.old is not None:
        try:
            now = scene.target.read_bytes()
        except OSError:
            now = None
        if now != scene.old:
            lost.append(f"{scene.target.name} changed though the write failed")
    if scene.victim is not None and (
        not scene.victim.exists() or scene.victim.read_bytes() != VICTIM
    ):
        lost.append(f"{scene.victim} was changed through a link")
    for link, points_at in scene.links.items():
        if not link.is_symlink() or link.readlink() != points_at:
            lost.append(f"the link {link.name} was replaced")
        if points_at.name == "nowhere" and points_at.exists():
            lost.append(f"{points_at} was created through a dangling link")
    if scene.kind is not None:
        try:
            now_kind: int | None = stat.S_IFMT(os.lstat(scene.target).st_mode)
        except FileNotFoundError:
            now_kind = None
        if now_kind != scene.kind:
            lost.append(f"{scene.target.name} is no longer what it was")
    return lost


def check(scene: Scene, outcome: Outcome, *, says: bool = True) -> None:
    """Assert nothing was lost, nothing left behind, and (when refused) a plain sentence."""
    assert data_lost(scene) == []
    assert leftovers(scene) == []
    if not scene.reason:
        assert outcome.ok, outcome.message
        assert scene.target.read_bytes() != scene.old  # really written
        assert stat.S_IMODE(scene.target.stat().st_mode) == 0o600
        return
    assert not outcome.ok
    if says:
        assert str(scene.target) in outcome.message
        assert scene.reason in outcome.message
        assert not CLASS_NAME.search(outcome.message), outcome.message


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "1m") -> Iterator[bool]:
    """A real small file system at `folder` for the block; yields False if none could be had."""
    folder.mkdir(exist_ok=True)
    mounted = mount_tmpfs(folder, size)
    try:
        yield mounted
    finally:
        if mounted:
            unmount(folder)


FULL_DISK = "the disk is full"
IO_ERROR = "the disk reported an input/output error"
TOO_BIG = "the file is larger than this system allows"


# -- the faults ----------------------------------------------------------------------------

Fault = Callable[[Path, pytest.MonkeyPatch, ExitStack], Scene]


def plain_scene(base: Path, name: str = "export.out") -> Scene:
    folder = base / "out"
    folder.mkdir()
    target = folder / name
    target.write_bytes(OLD)
    target.chmod(0o644)
    return Scene(folder, target)


def _full_tmpfs(base: Path, _mp: pytest.MonkeyPatch, stack: ExitStack) -> Scene:
    folder = base / "out"
    folder.mkdir()
    if not mount_tmpfs(folder, "1m"):
        pytest.skip("mounting a tmpfs needs root; the injected ENOSPC case stands in")
    stack.callback(unmount, folder)
    target = folder / "export.out"
    target.write_bytes(OLD)
    fill_up(folder)
    return Scene(folder, target, keep={"filler"}, reason=FULL_DISK)


def _injected(name: str, code: int, reason: str) -> Fault:
    """os.<name> fails with `code` for files in the target's folder."""

    def fault(base: Path, mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
        scene = plain_scene(base)
        inject(mp, scene.folder, name, code)
        scene.reason = reason
        return scene

    return fault


def _link_at_target(*, dangling: bool) -> Fault:
    """The target is a symbolic link: to somebody's file, or to nothing yet."""

    def fault(base: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
        folder = base / "out"
        folder.mkdir()
        points_at = base / ("nowhere" if dangling else "victim.txt")
        if not dangling:
            points_at.write_bytes(VICTIM)
        target = folder / "export.out"
        target.symlink_to(points_at)
        victim = None if dangling else points_at
        scene = Scene(folder, target, old=None, victim=victim, reason="symbolic link")
        scene.links[target] = points_at
        scene.kind = stat.S_IFLNK
        return scene

    return fault


def _links_at_temp_names(base: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    """Links planted at every name a temporary file used to have: the write goes ahead."""
    scene = plain_scene(base)
    victim = base / "victim.txt"
    victim.write_bytes(VICTIM)
    scene.victim = victim
    for name in (".part", ".tmp", "~", ".new"):
        link = scene.folder / f"{scene.target.name}{name}"
        link.symlink_to(victim)
        scene.links[link] = victim
    return scene


def _folder_at_target(base: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    folder = base / "out"
    target = folder / "export.out"
    target.mkdir(parents=True)
    (target / "inside.txt").write_bytes(OLD)
    scene = Scene(folder, target, old=None, reason="it is a folder", kind=stat.S_IFDIR)
    scene.keep.add("export.out")
    return scene


def _fifo_at_target(base: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    folder = base / "out"
    folder.mkdir()
    target = folder / "export.out"
    os.mkfifo(target)
    return Scene(folder, target, old=None, reason="not a file", kind=stat.S_IFIFO)


def _missing_folder(base: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    folder = base / "out"
    return Scene(folder, folder / "export.out", old=None, reason="its folder does not exist")


FAULTS: dict[str, Fault] = {
    "full-disk-tmpfs": _full_tmpfs,
    "full-disk-injected": _injected("write", errno.ENOSPC, FULL_DISK),
    "eio-at-fsync": _injected("fsync", errno.EIO, IO_ERROR),
    "eio-at-rename": _injected("replace", errno.EIO, IO_ERROR),
    "link-at-target": _link_at_target(dangling=False),
    "dangling-link-at-target": _link_at_target(dangling=True),
    "links-at-temp-names": _links_at_temp_names,
    "folder-at-target": _folder_at_target,
    "fifo-at-target": _fifo_at_target,
    "missing-folder": _missing_folder,
}
