"""The lock pins every dependency with hashes, and its Windows part is what a bundle needs."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "packaging" / "requirements.lock"


def _pinned(text: str) -> dict[str, list[str]]:
    """Each pinned name with the lines that pin it (several when platforms differ)."""
    pins: dict[str, list[str]] = {}
    for line in text.splitlines():
        if re.match(r"[A-Za-z0-9]", line):
            name = Requirement(line.split(";")[0].split("\\")[0].strip()).name.lower()
            pins.setdefault(name.replace("_", "-"), []).append(line)
    return pins


def test_every_dependency_and_extra_is_pinned_exactly_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        wanted += extra
    text = LOCK.read_text(encoding="utf-8")
    pins = _pinned(text)
    for requirement in map(Requirement, wanted):
        name = requirement.name.lower().replace("_", "-")
        assert name in pins, f"{name} is not in the lock"
        for line in pins[name]:
            version = re.search(r"==([^ ;\\]+)", line)
            assert version is not None, line
            assert requirement.specifier.contains(version.group(1)), line
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text)[1:]
    assert all("--hash=sha256:" in block for block in blocks)


def test_the_windows_part_keeps_windows_only_packages_and_leaves_out_the_tools() -> None:
    result = subprocess.run(
        [sys.executable, "packaging/windows/win_requirements.py", str(LOCK)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    pins = _pinned(result.stdout)
    assert {"pefile", "pywin32-ctypes", "pyinstaller", "pyside6-essentials", "numpy"} <= set(pins)
    assert not {"pytest", "mypy", "ruff", "hypothesis", "macholib"} & set(pins)
    assert all(len(lines) == 1 and ";" not in lines[0] for lines in pins.values())
