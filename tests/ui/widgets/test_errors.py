"""Unexpected errors become a dialog in plain words, never a traceback."""

from __future__ import annotations

import sys

import pytest

from scalpzone.domain.mapfile import MapFileError
from scalpzone.domain.problems import Problem
from scalpzone.storage import ProfileNameError
from scalpzone.ui.widgets.errors import install_excepthook, plain_words


def _raise(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


@pytest.mark.gui
def test_an_uncaught_error_is_shown_in_plain_words(
    qapp: object, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[tuple[str, str]] = []
    previous = install_excepthook(lambda title, text: shown.append((title, text)))
    try:
        sys.excepthook(*_raise(ZeroDivisionError("division by zero")))  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    ((title, text),) = shown
    assert title == "Something went wrong"
    assert "did not expect" in text and "saved after every change" in text
    assert "Traceback" not in text and "ZeroDivisionError" not in text
    assert "Traceback" in capsys.readouterr().err  # kept for a bug report, out of sight


def test_errors_that_already_speak_plainly_are_shown_as_they_are() -> None:
    assert plain_words(ProfileNameError("There is already a profile named 'A'.")) == (
        "There is already a profile named 'A'."
    )
    problem = Problem("settings.needle_mm", "2.0 is above the 1.5 mm maximum")
    assert plain_words(MapFileError([problem])) == str(problem)
    assert "could not be read or written" in plain_words(PermissionError(13, "Permission denied"))
