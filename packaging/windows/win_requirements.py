"""Write the Windows part of packaging/requirements.lock that a bundle needs, hashes kept.

    python packaging/windows/win_requirements.py packaging/requirements.lock > win.txt

pip evaluates a lock's markers for the machine it runs on, so on Linux it would leave out the
Windows-only packages (pefile, pywin32-ctypes, colorama) and keep Linux-only ones. This reads
the markers for 64-bit Windows and CPython 3.11 instead, and keeps only what the app and
PyInstaller need (the app's dependencies, PyInstaller, and the tools that install a wheel), by
following the lock's "via" comments from those roots.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement

WINDOWS = {
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "implementation_name": "cpython",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
}
TOOLS = ("pip", "setuptools", "wheel", "pyinstaller")


def _entries(lock: str) -> list[tuple[str, str, set[str]]]:
    """Each locked package as (name, its block of text, the names it is needed by)."""
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock)  # the header's comments are one block
    entries = []
    for block in blocks:
        if not block.strip() or block.startswith("#"):
            continue
        head = block.split("\\", 1)[0].strip()
        name = Requirement(head.split(";", 1)[0]).name.lower()
        marker = head.split(";", 1)[1].strip() if ";" in head else ""
        if marker and not Marker(marker).evaluate(WINDOWS):
            continue
        via = block.split("# via", 1)[1] if "# via" in block else ""
        parents = {
            re.sub(r"^#\s*", "", line.strip()).split(" ")[0].lower() for line in via.splitlines()
        }
        # The marker holds on Windows: drop it, or pip on Linux would leave the package out.
        pinned = block.replace(head, head.split(";", 1)[0].strip(), 1) if marker else block
        entries.append((name, pinned.rstrip() + "\n", parents - {""}))
    return entries


def main() -> None:
    lock = Path(sys.argv[1]).read_text(encoding="utf-8")
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    needed = {Requirement(r).name.lower() for r in project["dependencies"]} | set(TOOLS)
    entries = _entries(lock)
    grew = True
    while grew:
        before = len(needed)
        needed |= {name for name, _, parents in entries if parents & needed}
        grew = len(needed) > before
    sys.stdout.write("".join(block for name, block, _ in entries if name in needed))


if __name__ == "__main__":
    main()
