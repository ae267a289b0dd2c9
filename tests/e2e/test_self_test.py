"""`scalpzone --self-test` runs every step and leaves the user's folders alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_self_test_passes_offscreen_without_touching_user_data(isolated_user_folders: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "scalpzone", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:4]] == [
        "ok   database",
        "ok   plan",
        "ok   pdf",
        "ok   window",
    ]
    assert lines[-1] == "self-test passed"
    assert not any(p.is_file() for p in isolated_user_folders.rglob("*")), (
        "no user file was written"
    )
