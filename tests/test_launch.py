"""`scalpzone` with nothing but Qt's options opens the window without the command line's modules."""

from __future__ import annotations

import os
import subprocess
import sys

#: Runs the entry point in a child; the event loop ends as soon as it starts (the window is
#: built and shown by then), and the child says what was on screen and which modules it imported.
LAUNCH = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication\n"
    "app = QApplication(['scalpzone'])\n"
    "shown = []\n"
    "def stop():\n"
    "    for w in app.topLevelWidgets():\n"
    "        if w.isVisible():\n"
    "            shown.extend((type(w).__name__, type(w.centralWidget()).__name__))\n"
    "    app.quit()\n"
    "QTimer.singleShot(0, stop)\n"
    "sys.argv = ['scalpzone', '-platform', 'offscreen']\n"
    "from scalpzone.launch import entry_point\n"
    "try:\n"
    "    entry_point()\n"
    "except SystemExit as done:\n"
    "    print('exit', done.code)\n"
    "print(*shown)\n"
    "print(*sorted(m for m in sys.modules if m.startswith(('scalpzone.cli', 'argparse'))))\n"
)


def test_a_plain_launch_opens_the_window_without_the_command_line() -> None:
    offscreen = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = [sys.executable, "-c", LAUNCH]
    done = subprocess.run(
        child, env=offscreen, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    status, shown, imported = done.stdout.splitlines()[-3:]
    assert status == "exit 0"
    assert shown.split() == ["StartFrame", "MainWindow"]
    assert not [m for m in imported.split() if m.startswith("scalpzone.cli")], imported
