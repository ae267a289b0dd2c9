"""The real `scalpzone` command on a virtual X screen: a real click marks a zone, Ctrl+Q quits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scalpzone.domain.zones import ZoneState

pytestmark = [
    pytest.mark.xvfb,
    pytest.mark.skipif(
        not (shutil.which("Xvfb") and shutil.which("xdotool")),
        reason="needs Xvfb and xdotool (.ci/run installs them)",
    ),
]

SCREEN = "1600x1000x24"
SMALL_SCREEN = "1024x600x24"
WAIT_SECONDS = 60


@pytest.fixture
def display() -> Iterator[str]:
    """A fresh Xvfb on a free display number (Xvfb picks it and tells us)."""
    yield from _xvfb(SCREEN)


@pytest.fixture
def small_display() -> Iterator[str]:
    """A netbook's 1024×600 screen."""
    yield from _xvfb(SMALL_SCREEN)


def _xvfb(screen: str) -> Iterator[str]:
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", screen, "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert server.stdout is not None
        number = server.stdout.readline().strip()
        assert number.isdigit(), "Xvfb did not report a display"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=WAIT_SECONDS)
        if server.stdout is not None:
            server.stdout.close()


def _xdotool(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
        check=True,
    )
    return done.stdout


def _scalpzone_command() -> str:
    beside_python = Path(sys.executable).with_name("scalpzone")
    found = str(beside_python) if beside_python.exists() else shutil.which("scalpzone")
    assert found, "the scalpzone command is not installed"
    return found


def test_the_real_app_marks_a_zone_on_a_real_click_and_quits_with_ctrl_q(
    display: str, tmp_path: Path
) -> None:
    database = tmp_path / "scalpzone.sqlite3"
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [_scalpzone_command(), "--database", str(database)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # The title names the profile once the database is open and edits are saved.
        window = _xdotool(env, "search", "--sync", "--onlyvisible", "--name", "My scalp").split()[0]
        geometry = dict(
            line.split("=", 1)
            for line in _xdotool(env, "getwindowgeometry", "--shell", window).split()
        )
        x, y = int(geometry["X"]), int(geometry["Y"])
        width, height = int(geometry["WIDTH"]), int(geometry["HEIGHT"])
        # The map fills the left part of the window; its middle is on the head's mid-scalp.
        target = (x + width * 3 // 10, y + height // 2)
        _xdotool(env, "mousemove", "--sync", str(target[0]), str(target[1]))
        _xdotool(env, "click", "1")
        _xdotool(env, "windowfocus", "--sync", window)
        _xdotool(env, "key", "ctrl+q")
        _, err = app.communicate(timeout=WAIT_SECONDS)
    finally:
        if app.poll() is None:
            app.kill()
            app.communicate()
    assert app.returncode == 0, err
    assert "Traceback" not in err

    from scalpzone.storage import Database, ProfileStore

    db = Database.open(database)
    try:
        store = ProfileStore(db)
        (profile,) = store.profiles()
        assert profile.name == "My scalp"
        scalp_map = store.load_profile(profile.id).document.scalp_map
    finally:
        db.close()
    marked = [zone.id for zone in scalp_map.zones if zone.state is not ZoneState.HEALTHY]
    assert len(marked) == 1, marked
    assert scalp_map.zone(marked[0]).state is ZoneState.THINNING


def _geometry(env: dict[str, str], window: str) -> tuple[int, int, int, int]:
    shell = dict(
        line.split("=", 1) for line in _xdotool(env, "getwindowgeometry", "--shell", window).split()
    )
    return int(shell["X"]), int(shell["Y"]), int(shell["WIDTH"]), int(shell["HEIGHT"])


def _visible(env: dict[str, str], name: str) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", name],
        env=env,
        capture_output=True,
        text=True,
        timeout=WAIT_SECONDS,
        check=False,
    )
    return bool(found.stdout.strip())


def _on_screen(env: dict[str, str], window: str, size: tuple[int, int]) -> None:
    x, y, width, height = _geometry(env, window)
    assert x >= 0 and y >= 0 and x + width <= size[0] and y + height <= size[1], (
        x,
        y,
        width,
        height,
    )


def test_on_a_1024_by_600_screen_the_window_and_the_care_guide_fit(
    small_display: str, tmp_path: Path
) -> None:
    env = {
        **os.environ,
        "DISPLAY": small_display,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    command = [_scalpzone_command(), "--database", str(tmp_path / "scalpzone.sqlite3")]
    with subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True) as app:
        search = ("search", "--sync", "--onlyvisible", "--name")
        window = _xdotool(env, *search, "My scalp").split()[0]
        _on_screen(env, window, (1024, 600))
        _xdotool(env, "windowfocus", "--sync", window)
        _xdotool(env, "key", "F1")
        guide = _xdotool(env, *search, "Care guide").split()[0]
        _on_screen(env, guide, (1024, 600))
        _xdotool(env, "windowfocus", "--sync", guide)
        _xdotool(env, "key", "Escape")
        # Ctrl+Q reaches the window only once the (window-modal) guide is gone.
        _xdotool(env, "search", "--sync", "--onlyvisible", "--name", "My scalp")
        for _ in range(WAIT_SECONDS * 20):
            if not _visible(env, "Care guide"):
                break
        _xdotool(env, "windowfocus", "--sync", window)
        _xdotool(env, "key", "ctrl+q")
        try:
            _, err = app.communicate(timeout=WAIT_SECONDS)
        finally:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err
