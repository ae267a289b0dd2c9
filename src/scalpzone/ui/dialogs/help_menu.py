"""Help › Rules and sources, Help › References and Help › About."""

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
from scalpzone.ui.style.references import references_html, source_html, sources_label
from scalpzone.ui.widgets.document_accessible import expose_document
from scalpzone.ui.widgets.screen_fit import resize_to_fit


def rules_html() -> str:
    """Every rule as a sentence with its reason, its figures, and what it rests on."""
    e = html.escape
    rows = []
    for rule in RULES:
        figures = f"<br>In figures: {e(rule.value)}." if rule.value else ""
        rows.append(
            f"<p><b>{e(rule.title)}</b>, because {e(rule.because)}.{figures}"
            f"<br><i>{sources_label(rule)}:</i> {source_html(rule)}</p>"
        )
    note = (
        "<p>Numbers in brackets are the works listed under Help › References; each opens "
        "with a click.</p>"
    )
    return f"<p>{e(DISCLAIMER)}</p>{note}{''.join(rows)}"


def _show_text(parent: QWidget, title: str, text: str) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(dialog.tr(title))
    resize_to_fit(dialog, 680, 600)
    browser = QTextBrowser(dialog)
    browser.setAccessibleName(dialog.tr(title))
    browser.setOpenExternalLinks(True)
    browser.setHtml(text)
    expose_document(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.exec()


def show_rules(parent: QWidget) -> None:
    """A readable list of every rule and what it rests on."""
    _show_text(parent, "Rules and sources", rules_html())


def show_references(parent: QWidget) -> None:
    """Every work ScalpZone cites, numbered, with links."""
    _show_text(parent, "References", references_html())


def show_about(parent: QWidget) -> None:
    """Version and disclaimer."""
    QMessageBox.about(
        parent,
        parent.tr("About {app}").format(app=APP_NAME),
        f"<h3>{APP_NAME} {__version__}</h3>"
        "<p>Plan at-home derma rolling against hair loss on a map of your own scalp.</p>"
        f"<p>{html.escape(DISCLAIMER)}</p>",
    )
