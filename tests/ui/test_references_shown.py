"""What a person sees of the sources: Help › References, Help › Rules and sources, every "Why?",
the checklist, the refusals, the printed plan and the command line; and never the word "seed"."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from scalpzone.cli import main
from scalpzone.domain.mapfile import read_map_file
from scalpzone.domain.planner import make_plan
from scalpzone.domain.references import REFERENCES, number
from scalpzone.domain.rules import RULES
from scalpzone.ui.dialogs.care_guide import care_guide_html
from scalpzone.ui.dialogs.help_menu import rules_html
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.printing.plan_sheet import PlanSheet, SheetContent, write_pdf
from scalpzone.ui.style.references import references_html
from scalpzone.ui.week.view import WeekView
from tests.ui.helpers import opened_profile
from tests.ui.thinning_profile import profile_with_thinning

pytestmark = pytest.mark.gui

EXAMPLE = Path(__file__).parent.parent / "data" / "spec_example.json"


def _plain(rich: str) -> str:
    document = QTextDocument()
    document.setHtml(rich)
    return " ".join(document.toPlainText().split())


def _no_seed(text: str) -> None:
    assert "seed" not in text.lower(), text


def test_help_references_lists_every_work_numbered_with_a_link(qapp: object) -> None:
    rich = references_html()
    text = _plain(rich)
    for ref in REFERENCES:
        assert f'href="{ref.link}"' in rich
        assert f'name="ref-{number(ref.key)}"' in rich
        assert " ".join(ref.title.split()) in text
    kumar = next(r for r in REFERENCES if r.key == "kumar2018")
    assert "J Cutan Aesthet Surg 2018;11(4):211–216" in text and kumar.doi in text
    _no_seed(text)


def test_the_help_menu_has_references(window: MainWindow) -> None:
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    texts = [a.text() for a in help_menu.actions()]
    assert "R&eferences" in texts and "&Rules and sources" in texts


def test_rules_and_sources_read_as_sentences(qapp: object) -> None:
    text = _plain(rules_html())
    assert "Bald areas are never planned, because the studies" in text
    assert "reason:" not in text
    for rule in RULES:
        assert " ".join(rule.sentence.split()) in text
    assert "ScalpZone's choice, because" in text
    _no_seed(text)


def test_every_why_names_numbered_sources_and_links_them(qtbot: QtBot, window: MainWindow) -> None:
    profile_with_thinning(window, bald=("hairline_center",))
    view = WeekView(opened_profile(window))
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    assert view.why_buttons
    for rule in RULES:
        view.show_rule(rule.id)
        text = view.rule_view.toPlainText()
        assert rule.title in text
        _no_seed(text)
        for citation in rule.cites:
            assert f"[{number(citation.key)}] {citation.reference.short}" in text
            assert f'href="{citation.reference.link}"' in view.rule_view.toHtml()
        if not rule.cites:
            assert "ScalpZone's choice, because" in text
    for button in view.why_buttons:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert (
            "Sources:" in view.rule_view.toPlainText() or "choice" in view.rule_view.toPlainText()
        )


def _visible_texts(widget: QWidget) -> list[str]:
    out = [label.text() for label in widget.findChildren(QLabel)]
    out += [widget.windowTitle(), widget.toolTip()]
    return out


def test_no_menu_label_tip_or_care_guide_says_seed(window: MainWindow) -> None:
    for action in window.findChildren(QAction):
        for text in (action.text(), action.toolTip(), action.statusTip()):
            _no_seed(text)
    for text in _visible_texts(window):
        _no_seed(text)
    _no_seed(_plain(care_guide_html()))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_printed_plan_points_at_references_by_number(qapp: object, tmp_path: Path) -> None:
    doc = read_map_file(EXAMPLE)
    plan = make_plan(doc.scalp_map, doc.settings, doc.health, doc.history, date(2026, 11, 23), 2)
    target = tmp_path / "plan.pdf"
    write_pdf(PlanSheet(SheetContent(plan, doc.scalp_map, doc.settings, doc.profile_name)), target)
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert flat.count("Rest and weekly limits: [1, 2; ScalpZone's choice]") == 2  # each page
    assert flat.count("Help › References") == 2
    assert "Before [9, 10; common advice]" in flat and "During [common advice]" in flat
    assert "Dhurat 2013 [1]" in flat  # the needle advice
    _no_seed(flat)


def test_the_command_line_plan_says_no_seed(capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("text", "json"):
        args = ["plan", str(EXAMPLE), "--start", "2026-11-23", "--weeks", "2", "--format", fmt]
        assert main(args) == 0
        out = capsys.readouterr().out
        _no_seed(out)
        assert "Dhurat 2013 [1]" in out  # the needle advice names its source by number
    assert main(["plan", str(EXAMPLE), "--start", "2026-11-23"]) == 0
    assert "[9] CDC 2008" in " ".join(capsys.readouterr().out.split())
