"""`scalpzone --self-test` runs every step, leaves the user's folders alone, and fails when
anything goes wrong: a slot that raises, a Qt warning."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

import scalpzone.ui.map.scores
from scalpzone.domain.scores import CoverageScores, coverage_scores
from scalpzone.domain.zones import ScalpMap
from scalpzone.selftest import run_self_test

STEPS = [
    "database",
    "photos",
    "plan",
    "pdf",
    "window",
    "scores",
    "week",
    "session",
    "preview",
    "care guide",
    "calendar",
]


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
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {step}" for step in STEPS]
    assert "16 % thinning" in lines[STEPS.index("scores")]
    assert lines[-1] == "self-test passed"
    assert not any(p.is_file() for p in isolated_user_folders.rglob("*")), (
        "no user file was written"
    )


@pytest.mark.gui
def test_self_test_fails_when_a_slot_raises(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    # What a stripped OpenBLAS did to the installed app: the scores' timer slot raised.
    def broken(scalp_map: ScalpMap) -> CoverageScores:
        raise ImportError("numpy._core.multiarray failed to import")

    monkeypatch.setattr(scalpzone.ui.map.scores, "coverage_scores", broken)
    out = io.StringIO()
    assert run_self_test(out) == 1
    report = out.getvalue()
    # The scores are worked out in a timer slot: the window's step or the scores' step fails,
    # depending on when the timer fires, and the report names the error with its traceback.
    failed = [line for line in report.splitlines() if line.startswith("FAIL ")]
    assert len(failed) == 1, report
    assert failed[0].endswith("ImportError: numpy._core.multiarray failed to import"), report
    assert "in refresh" in report
    assert report.splitlines()[-1] == "self-test FAILED"


@pytest.mark.gui
def test_self_test_fails_on_a_qt_warning(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    def warns(scalp_map: ScalpMap) -> CoverageScores:
        qWarning("QPainter::begin: Paint device returned engine == 0")
        return coverage_scores(scalp_map)

    monkeypatch.setattr(scalpzone.ui.map.scores, "coverage_scores", warns)
    out = io.StringIO()
    assert run_self_test(out) == 1
    assert "Qt warning: QPainter::begin: Paint device returned engine == 0" in out.getvalue()
