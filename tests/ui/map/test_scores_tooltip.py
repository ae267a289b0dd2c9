"""The scores' tooltip: its rich text escaped as `html.escape` would."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.scores import WEIGHTING
from scalpzone.ui.main_window import MainWindow
from scalpzone.ui.map.scores import e


@given(st.text())
def test_text_is_escaped_as_html_escape_does(text: str) -> None:
    assert e(text) == html.escape(text)


@pytest.mark.gui
def test_the_tooltip_gives_the_rule_its_weighting_and_source(window: MainWindow) -> None:
    rule = RULES_BY_ID["coverage_score"]
    assert window.scores.toolTip() == (
        f"<qt><b>{html.escape(rule.title)}</b><br>{html.escape(WEIGHTING)}<br>"
        f"<i>{html.escape(rule.source_line)}</i></qt>"
    )
