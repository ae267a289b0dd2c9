"""File choosers open in the person's Documents folder (or home) and offer the right kind of file."""

from __future__ import annotations

from pathlib import Path

import pytest

from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.profile.archive_commands import ARCHIVE_FILTER
from scalpzone.ui.widgets.question_boxes import in_start_folder, start_folder
from tests.ui.helpers import ScriptedDialogs

pytestmark = pytest.mark.gui


def test_a_suggested_name_opens_in_documents_or_home_not_the_working_directory() -> None:
    folder = start_folder()
    assert folder.is_absolute() and folder.is_dir()
    assert folder in (Path.home(), Path.home() / "Documents") or folder.name == "Documents"
    assert Path(in_start_folder("scalpzone-plan.pdf")) == folder / "scalpzone-plan.pdf"
    assert in_start_folder("/elsewhere/plan.pdf") == "/elsewhere/plan.pdf"


def test_import_profile_offers_profile_archives(
    window: MainWindow, dialogs: ScriptedDialogs
) -> None:
    window.week.archive.import_profile()  # the person cancels the chooser
    assert dialogs.open_filters == [ARCHIVE_FILTER]
