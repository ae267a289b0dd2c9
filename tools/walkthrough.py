"""A person's week with the real app under Xvfb, by keyboard, with a screenshot at every step.

    .venv/bin/python tools/walkthrough.py OUT_DIR

Starts `scalpzone` on a private X screen with a fresh home folder, marks three areas thinning,
goes through the health checklist, runs and logs today's session, looks at the week, removes
the session from the log and undoes that, exports the plan as PDF and as a calendar, switches
to the dark palette and quits with Ctrl+Q. Screenshots land in OUT_DIR as numbered PNGs, with
the PDF pages (pdftoppm) and the .ics beside them, for a person to look at. Needs Xvfb, xdotool,
ImageMagick's `import` and poppler-utils. Not a test: it waits with short pauses, as a person
would, and checks only that the files were written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAUSE = 0.8
APP = Path(sys.executable).with_name("scalpzone")


class Screen:
    """A private X screen, the app on it, and the keys and screenshots of the walk."""

    def __init__(self, out: Path, home: Path) -> None:
        self.out = out
        self.step = 0
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", "1", "-screen", "0", "1400x950x24", "-nolisten", "tcp"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert self.xvfb.stdout is not None
        self.env = {
            **os.environ,
            "DISPLAY": ":" + self.xvfb.stdout.readline().strip(),
            "QT_QPA_PLATFORM": "xcb",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
        }
        self.app: subprocess.Popen[str] | None = None

    def start_app(self) -> None:
        self.app = subprocess.Popen(
            [str(APP)], env=self.env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        self.xdotool("search", "--sync", "--onlyvisible", "--name", "My scalp")
        time.sleep(2 * PAUSE)

    def xdotool(self, *args: str) -> str:
        done = subprocess.run(
            ["xdotool", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,  # a key sent to no window is not an error for a walk
        )
        return done.stdout

    def focus_window(self) -> None:
        """No window manager gives focus back after a dialog closes; a person's click would."""
        window = self.xdotool("search", "--onlyvisible", "--name", "My scalp").split()[0]
        self.xdotool("windowfocus", "--sync", window)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.xdotool("key", key)
            time.sleep(PAUSE / 2)
        time.sleep(PAUSE)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "20", text)

    def shot(self, name: str) -> None:
        self.step += 1
        target = self.out / f"{self.step:02d}-{name}.png"
        subprocess.run(["import", "-window", "root", str(target)], env=self.env, check=True)

    def quit(self) -> int:
        self.focus_window()
        self.keys("ctrl+q")
        code = self.app.wait(timeout=30) if self.app else 1
        self.xvfb.terminate()
        return code


def walk(out: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="scalpzone-walk-"))
    screen = Screen(out, home)
    try:
        screen.start_app()
        screen.shot("first-start")
        # Tab walks the map's zones in list order: Crown is the tenth, Mid-scalp (left) the seventh.
        screen.focus_window()
        screen.keys(*(["Tab"] * 7), "2", *(["Tab"] * 2), "2", "Tab", "2")
        screen.shot("marked")
        screen.keys("alt+p", "h")
        screen.shot("health-checklist")
        screen.keys("alt+c")
        screen.focus_window()
        screen.keys("ctrl+2")
        screen.shot("week")
        screen.keys("ctrl+t")
        screen.shot("session-before")
        screen.keys("Return")
        screen.shot("session-area")
        screen.keys("Return", "Return")
        screen.shot("session-finish")
        screen.keys("Return")
        screen.focus_window()
        screen.shot("week-after-logging")
        screen.keys("ctrl+l")
        screen.shot("session-log")
        screen.keys("Delete")
        screen.keys("Escape")
        screen.focus_window()
        screen.shot("week-after-removing")
        screen.keys("ctrl+z")
        screen.shot("week-after-undo")
        for menu_key, path in (("f", out / "plan.pdf"), ("c", out / "plan.ics")):
            screen.keys("alt+f", menu_key)
            screen.keys("ctrl+a")
            screen.type(str(path))
            screen.keys("Return")
            screen.focus_window()
        screen.keys("alt+v", "a", "d")
        screen.shot("week-dark")
        screen.keys("ctrl+1")
        screen.shot("map-dark")
        code = screen.quit()
    finally:
        if screen.app is not None and screen.app.poll() is None:
            screen.app.kill()
        screen.xvfb.kill()
        shutil.rmtree(home, ignore_errors=True)
    if (out / "plan.pdf").exists():
        subprocess.run(
            ["pdftoppm", "-r", "70", "-png", str(out / "plan.pdf"), str(out / "plan")], check=True
        )
    written = sorted(p.name for p in out.iterdir())
    print(f"exit status {code}; wrote to {out}:\n  " + "\n  ".join(written))
    return 0 if code == 0 and {"plan.pdf", "plan.ics"} <= set(written) else 1


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    sys.exit(walk(folder))
