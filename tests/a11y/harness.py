"""The real app on a virtual X screen with a D-Bus session and the AT-SPI bus, and its tree.

The app runs on xcb with Qt's AT-SPI bridge always on; `atspi_walker.py` walks it with Debian's
pyatspi from the system Python (the venv has no pyatspi: it is not on PyPI) and prints JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SYSTEM_PYTHON = "/usr/bin/python3"
WALKER = Path(__file__).with_name("atspi_walker.py")
APP_NAME = "ScalpZone"
SCREEN = "1600x1000x24"
WAIT_SECONDS = 60
#: What the walk needs from Debian, and the package that brings each (.ci/run installs them).
NEEDS = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "openbox": "openbox",
    "dbus-daemon": "dbus-daemon",
    "/usr/libexec/at-spi-bus-launcher": "at-spi2-core",
}

Node = dict[str, Any]


def missing_system_parts() -> list[str]:
    """The Debian packages the walk needs that are not installed (empty when all are)."""
    missing = [package for tool, package in NEEDS.items() if not shutil.which(tool)]
    probe = (
        subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi, gi; gi.require_version('Atspi', '2.0')"],
            capture_output=True,
            check=False,
        )
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if probe is None or probe.returncode != 0:
        missing += ["python3-pyatspi", "gir1.2-atspi-2.0"]
    return missing


def _scalpzone_command() -> str:
    beside_python = Path(sys.executable).with_name("scalpzone")
    found = str(beside_python) if beside_python.exists() else shutil.which("scalpzone")
    assert found, "the scalpzone command is not installed"
    return found


@dataclass
class Desktop:
    """A virtual screen, a D-Bus session bus and a window manager; `env` reaches all three."""

    env: dict[str, str]
    processes: list[subprocess.Popen[str]] = field(default_factory=list)


@contextmanager
def desktop(home: Path) -> Iterator[Desktop]:
    """Xvfb on a free display, a private D-Bus session bus (AT-SPI starts on it) and openbox."""
    with ExitStack() as stack:
        xvfb = _start(
            stack, ["Xvfb", "-displayfd", "1", "-screen", "0", SCREEN, "-nolisten", "tcp"]
        )
        assert xvfb.stdout is not None
        number = xvfb.stdout.readline().strip()
        assert number.isdigit(), "Xvfb did not report a display"
        runtime = home / "run"
        runtime.mkdir(mode=0o700)
        env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            # The AT-SPI bus's socket goes here, not into the real ~/.cache.
            "XDG_RUNTIME_DIR": str(runtime),
            "DISPLAY": f":{number}",
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
        bus = _start(
            stack,
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            env=env,
        )
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        assert address.startswith("unix:"), f"dbus-daemon gave no address: {address!r}"
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        env.pop("SCALPZONE_DB", None)
        _start(stack, ["openbox"], env=env, output=False)
        yield Desktop(env)


def _start(
    stack: ExitStack, command: list[str], env: dict[str, str] | None = None, output: bool = True
) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE if output else subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    stack.callback(_stop, process)
    return process


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


@contextmanager
def running_app(screen: Desktop, database: Path) -> Iterator[subprocess.Popen[str]]:
    """The real `scalpzone` command on the screen; stopped (and its stderr kept) afterwards."""
    app = subprocess.Popen(
        [_scalpzone_command(), "--database", str(database)],
        env=screen.env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield app
    finally:
        if app.poll() is None:
            app.terminate()
        app.communicate(timeout=WAIT_SECONDS)


def walk(screen: Desktop, steps: list[dict[str, Any]]) -> dict[str, Any]:
    """Runs the walker's steps (see atspi_walker.py) and returns what it printed."""
    done = subprocess.run(
        [SYSTEM_PYTHON, str(WALKER), APP_NAME, *(json.dumps(step) for step in steps)],
        env=screen.env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.stdout.strip(), f"the walker printed nothing: {done.stderr}"
    result: dict[str, Any] = json.loads(done.stdout)
    result["stderr"] = done.stderr
    return result


def nodes(node: Node) -> Iterator[Node]:
    """`node` and everything below it."""
    yield node
    for child in node["children"]:
        yield from nodes(child)


def window(dump: list[Node], name: str) -> Node:
    """The window of a dump whose name starts with `name`."""
    found = [one for one in dump if one["name"].startswith(name)]
    assert found, f"no window named {name!r} in {[one['name'] for one in dump]}"
    return found[0]


def find(root: Node, **wanted: str) -> list[Node]:
    """Every node under `root` whose fields equal `wanted`."""
    return [one for one in nodes(root) if all(one.get(k) == v for k, v in wanted.items())]


def is_actionable(node: Node) -> bool:
    """A node a person can act on or move the focus to."""
    return bool(node["actions"]) or "focusable" in node["states"]


def unnamed(root: Node) -> list[str]:
    """Actionable nodes without a name a person could hear, each as role, description, path.

    A scroll bar is told apart by its orientation, which the screen reader speaks. A hidden
    control (no "visible" state) cannot be reached, so it is not counted.
    """
    found = []

    def visit(node: Node, path: str) -> None:
        here = f"{path}/{node['role']}[{node['name'][:30]}]"
        scroll_bar = node["role"] == "scroll bar" and (
            "horizontal" in node["states"] or "vertical" in node["states"]
        )
        reachable = "visible" in node["states"]
        if reachable and is_actionable(node) and not node["name"].strip() and not scroll_bar:
            found.append(f"{node['role']} ({node['description'][:40]!r}) at {here}")
        for child in node["children"]:
            visit(child, here)

    visit(root, "")
    return found
