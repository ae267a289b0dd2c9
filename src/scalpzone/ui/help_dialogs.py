"""Help › Rules and sources, and Help › About: what the plan follows, and the disclaimer."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from scalpzone import APP_NAME, __version__
from scalpzone.domain.guidance import DISCLAIMER
from scalpzone.domain.rules import RULES


def rules_html() -> str:
    """Every rule with its value, explanation and source."""
    rows = "".join(
        f"<h3>{html.escape(rule.title)}</h3><p>{html.escape(rule.explanation)}<br>"
        f"<b>Rule:</b> {html.escape(rule.value)}<br><i>Source: {html.escape(rule.source)}</i></p>"
        for rule in RULES
    )
    return f"<p>{html.escape(DISCLAIMER)}</p>{rows}"


def show_rules(parent: QWidget) -> None:
    """A readable list of every rule and where it comes from."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr("Rules and sources"))
    dialog.resize(640, 560)
    text = QTextBrowser(dialog)
    text.setAccessibleName(dialog.tr("Rules and sources"))
    text.setHtml(rules_html())
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.exec()


def show_about(parent: QWidget) -> None:
    """Version and disclaimer."""
    QMessageBox.about(
        parent,
        parent.tr("About {app}").format(app=APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Plan at-home derma rolling against hair loss on a map of your own scalp.</p>"
        f"<p>{html.escape(DISCLAIMER)}</p>",
    )
