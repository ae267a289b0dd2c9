"""Qt's own command-line options (`-platform offscreen`, `-style fusion`, ...), kept apart from
ScalpZone's so argparse does not refuse them and Qt still gets them.

They matter where environment variables do not reach: Wine passes no QT_* variable to a Windows
program, so `scalpzone.exe --self-test -platform offscreen` is how it runs without a screen.
"""

from __future__ import annotations

from collections.abc import Sequence

#: Options that take a value (the next argument).
WITH_VALUE = frozenset(
    {
        "-platform",
        "-platformpluginpath",
        "-platformtheme",
        "-plugin",
        "-style",
        "-stylesheet",
        "-qwindowgeometry",
        "-qwindowtitle",
        "-qwindowicon",
        "-display",
        "-geometry",
        "-title",
        "-session",
    }
)
#: Options that stand alone.
FLAGS = frozenset({"-reverse", "-nograb", "-dograb", "-sync", "-widgetcount"})


def split_qt_options(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """(Qt's options with their values, everything else), each in the order given."""
    qt: list[str] = []
    rest: list[str] = []
    args = iter(argv)
    for arg in args:
        if arg in WITH_VALUE:
            qt.append(arg)
            value = next(args, None)
            if value is not None:
                qt.append(value)
        elif arg in FLAGS:
            qt.append(arg)
        else:
            rest.append(arg)
    return qt, rest
