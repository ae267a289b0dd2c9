"""Every writer against every fault: full disk, I/O errors, planted links, folders and FIFOs.

Each case is one parametrised test, so `pytest tests/faults -q` counts the cases tried; each
asserts that no data was lost (the old file byte for byte, nothing written through a link, no
temporary file left) and that a refusal is a sentence naming the file and the reason.
The full disk is a real tmpfs where this process may mount one (root), and an ENOSPC injected
at os.write otherwise; a size limit (RLIMIT_FSIZE) fails a real write in a child process.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

import pytest

from scalpzone.cli import main
from scalpzone.domain.mapfile import read_map_file
from scalpzone.storage import FileWriteError, write_atomically
from scalpzone.ui.session import StartupSnapshot
from tests.faults.writes_support import (
    FULL_DISK,
    IO_ERROR,
    OLD,
    TOO_BIG,
    VICTIM,
    Outcome,
    Scene,
    check,
    fill_up,
    inject,
    mount_tmpfs,
    unmount,
)

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"
OFFSCREEN_NOTE = r"^This plugin does not support propagateSizeHints\(\)$"

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(OFFSCREEN_NOTE)]


# -- the writers ---------------------------------------------------------------------------


def _cli(*args: str) -> Outcome:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    assert code in (0, 1), (code, err.getvalue())
    return Outcome(code == 0, err.getvalue())


def _helper(target: Path, _work: Path) -> Outcome:
    try:
        write_atomically(target, b"new content\n")
    except FileWriteError as error:
        return Outcome(False, str(error))
    return Outcome(True)


def _cli_export(target: Path, work: Path) -> Outcome:
    database = work / "scalpzone.sqlite3"
    if not database.exists():
        _cli("import", str(EXAMPLE), "--profile", "Alex", "--database", str(database))
    return _cli("export", "--profile", "Alex", "--output", str(target), "--database", str(database))


def _cli_ics(target: Path, _work: Path) -> Outcome:
    return _cli("export-ics", str(EXAMPLE), "--output", str(target), "--weeks", "2")


def _cli_print(target: Path, _work: Path) -> Outcome:
    return _cli("print", str(EXAMPLE), "--output", str(target), "--weeks", "2")


def _snapshot(target: Path, _work: Path) -> Outcome:
    """The start-up snapshot fails silently (it only costs speed), but never loses data."""
    snapshot = StartupSnapshot(target)
    snapshot.save(7, read_map_file(EXAMPLE), [])
    return Outcome(snapshot.load() is not None)


def _care_guide_pdf(target: Path, _work: Path) -> Outcome:
    from scalpzone.ui.care_guide import DOCUMENT_TITLE, guide_document
    from scalpzone.ui.printing import export_document_pdf

    try:
        export_document_pdf(guide_document(), target, DOCUMENT_TITLE)
    except FileWriteError as error:
        return Outcome(False, str(error))
    return Outcome(True)


WRITERS: dict[str, Callable[[Path, Path], Outcome]] = {
    "write_atomically": _helper,
    "cli-export-map": _cli_export,
    "cli-export-ics": _cli_ics,
    "cli-print-pdf": _cli_print,
    "startup-snapshot": _snapshot,
    "care-guide-pdf": _care_guide_pdf,
}


# -- the faults ----------------------------------------------------------------------------

Fault = Callable[[Path, pytest.MonkeyPatch, ExitStack], Scene]


def _plain(base: Path, name: str = "export.out") -> Scene:
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


def _full_injected(base: Path, mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    scene = _plain(base)
    inject(mp, scene.folder, "write", errno.ENOSPC)
    scene.reason = FULL_DISK
    return scene


def _eio_at_fsync(base: Path, mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    scene = _plain(base)
    inject(mp, scene.folder, "fsync", errno.EIO)
    scene.reason = IO_ERROR
    return scene


def _eio_at_rename(base: Path, mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    scene = _plain(base)
    inject(mp, scene.folder, "replace", errno.EIO)
    scene.reason = IO_ERROR
    return scene


def _link_at_target(base: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    folder = base / "out"
    folder.mkdir()
    victim = base / "victim.txt"
    victim.write_bytes(VICTIM)
    target = folder / "export.out"
    target.symlink_to(victim)
    return Scene(
        folder, target, old=None, victim=victim, links={target: victim},
        reason="symbolic link", kind=stat.S_IFLNK,
    )  # fmt: skip


def _dangling_link_at_target(base: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    folder = base / "out"
    folder.mkdir()
    nowhere = base / "nowhere"
    target = folder / "export.out"
    target.symlink_to(nowhere)
    return Scene(
        folder, target, old=None, links={target: nowhere}, reason="symbolic link",
        kind=stat.S_IFLNK,
    )  # fmt: skip


def _links_at_temp_names(base: Path, _mp: pytest.MonkeyPatch, _stack: ExitStack) -> Scene:
    """Links planted at every name a temporary file used to have: the write goes ahead."""
    scene = _plain(base)
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
    "full-disk-injected": _full_injected,
    "eio-at-fsync": _eio_at_fsync,
    "eio-at-rename": _eio_at_rename,
    "link-at-target": _link_at_target,
    "dangling-link-at-target": _dangling_link_at_target,
    "links-at-temp-names": _links_at_temp_names,
    "folder-at-target": _folder_at_target,
    "fifo-at-target": _fifo_at_target,
    "missing-folder": _missing_folder,
}


@pytest.mark.parametrize("fault", list(FAULTS))
@pytest.mark.parametrize("writer", list(WRITERS))
def test_no_writer_loses_data(
    writer: str, fault: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    with ExitStack() as stack:
        scene = FAULTS[fault](tmp_path, monkeypatch, stack)
        if writer == "startup-snapshot" and fault == "missing-folder":
            scene.reason = ""  # the snapshot's own cache folder is created when missing
        outcome = WRITERS[writer](scene.target, work)
        monkeypatch.undo()
        check(scene, outcome, says=writer != "startup-snapshot")


# -- a real size limit, in a child process -------------------------------------------------


#: Runs the CLI with files capped at 1 KB (set in the child itself, not with preexec_fn, which
#: is unsafe in a process with threads): a write past the cap fails with EFBIG.
LIMITED = (
    "import resource, runpy, signal, sys\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "sys.argv = ['scalpzone', *sys.argv[1:]]\n"
    "runpy.run_module('scalpzone', run_name='__main__')\n"
)


@pytest.mark.parametrize("command", ["export-ics", "print"])
def test_a_size_limit_fails_the_write_and_keeps_the_old_file(command: str, tmp_path: Path) -> None:
    scene = _plain(tmp_path)
    scene.reason = TOO_BIG
    done = subprocess.run(
        [sys.executable, "-c", LIMITED, command, str(EXAMPLE), "--output", str(scene.target)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 1, done.stderr
    check(scene, Outcome(False, done.stderr))
    assert done.stdout == ""
