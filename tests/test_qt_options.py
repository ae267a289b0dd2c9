"""Qt's command-line options are kept apart from ScalpZone's (Wine passes no QT_* variable)."""

from __future__ import annotations

from scalpzone.qt_options import split_qt_options


def test_qt_options_and_their_values_are_kept_apart_in_order() -> None:
    argv = [
        "--self-test",
        "-platform",
        "offscreen",
        "-reverse",
        "--database",
        "x.db",
        "-style",
        "fusion",
    ]
    assert split_qt_options(argv) == (
        ["-platform", "offscreen", "-reverse", "-style", "fusion"],
        ["--self-test", "--database", "x.db"],
    )


def test_scalpzone_arguments_alone_pass_through() -> None:
    argv = ["plan", "map.json", "--weeks", "2"]
    assert split_qt_options(argv) == ([], argv)
