"""The `scalpzone` command's entry: straight to the window when there is no command to read.

A launch with nothing but Qt's own options (how a desktop launcher starts the app) opens the
window without building the command-line parser or importing the commands' modules: that
would add ≈ 30 ms before the first paint. Anything else goes to `scalpzone.cli`.
"""

from __future__ import annotations

import sys


def entry_point() -> None:
    """Console-script entry: the window, or the command line; exit with its status."""
    from scalpzone.qt_options import split_qt_options  # noqa: PLC0415

    qt_options, own = split_qt_options(sys.argv[1:])
    if own:
        from scalpzone.cli import entry_point as command_line  # noqa: PLC0415

        command_line()
        return
    from scalpzone.app import run_app  # noqa: PLC0415
    from scalpzone.terminal import neutral_output  # noqa: PLC0415

    with neutral_output():  # as on the command line's path: no control sequences reach a terminal
        status = run_app([sys.argv[0], *qt_options])
    sys.exit(status)
