"""Builds the application and its main window (the only module the CLI imports Qt through)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from scalpzone import APP_NAME, DESKTOP_ID, __version__


class MainWindow(QMainWindow):
    """The ScalpZone main window."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setCentralWidget(QLabel(self.tr("Your scalp map will appear here.")))
        self.resize(1100, 760)


def run_app(argv: Sequence[str]) -> int:
    """Create the QApplication, show the main window and run until it closes."""
    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationDomain("scalpzone.org")
    QApplication.setDesktopFileName(DESKTOP_ID)
    window = MainWindow()
    window.show()
    return int(app.exec())


def main() -> None:
    """GUI-script entry point (no console window on Windows)."""
    sys.exit(run_app(sys.argv))
