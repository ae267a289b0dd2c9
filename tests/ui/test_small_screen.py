"""Every window and dialog fits a 1024×600 screen (run on an offscreen screen of that size)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.mark.gui
def test_every_view_fits_a_1024_by_600_screen(tmp_path: Path) -> None:
    screens = tmp_path / "screens.json"
    screens.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": False,
                "windowFrameMargins": True,
                "screens": [
                    {
                        "name": "netbook",
                        "x": 0,
                        "y": 0,
                        "width": 1024,
                        "height": 600,
                        "logicalDpi": 96,
                        "logicalBpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            str(HERE / "small_screen_views.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
