"""What the desktop benchmarks share: a private X server, and a home folder of one's own."""

from __future__ import annotations

import subprocess
from pathlib import Path


def start_xvfb() -> tuple[subprocess.Popen[str], str]:
    """A private Xvfb (no window manager: windows open where Qt puts them) and its display."""
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    return server, ":" + server.stdout.readline().strip()


def stop_xvfb(server: subprocess.Popen[str]) -> None:
    """End a server that `start_xvfb` started."""
    server.terminate()
    server.wait()
    if server.stdout is not None:
        server.stdout.close()


def home_env(base: dict[str, str], home: Path) -> dict[str, str]:
    """An environment whose home, config, cache and data folders are under `home` (made here)."""
    env = dict(base)
    for var, sub in (
        ("HOME", ""),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_DATA_HOME", "data"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[var] = str(home / sub)
    return env
