"""How references read in rich text: each with its number and a link a person can open."""

from __future__ import annotations

import html

from scalpzone.domain.references import REFERENCES, Reference, number
from scalpzone.domain.rules import Rule


def reference_html(ref: Reference) -> str:
    """One entry of the list: authors, year, title, where published, and its DOI or address."""
    e = html.escape
    shown = f"doi:{ref.doi}" if ref.doi else ref.link
    return (
        f"{e(ref.byline)} <i>{e(ref.title)}</i>. {e(ref.published)}. "
        f'<a href="{e(ref.link)}">{e(shown)}</a>'
    )


def references_html() -> str:
    """Help › References: every work ScalpZone cites, numbered as the app cites it."""
    items = "".join(
        f'<li style="margin-bottom: 6px"><a name="ref-{number(ref.key)}"></a>{reference_html(ref)}'
        "</li>"
        for ref in REFERENCES
    )
    return (
        "<p>The works the rules, the care guide and the printed plan point to by number. "
        "Each link opens the publisher's page, the DOI record or the organisation's page.</p>"
        f"<ol>{items}</ol>"
        "<p>Where no work gives a figure, the app says “ScalpZone's choice” and why; "
        "“common advice” marks advice that is widely given but that none of these works "
        "tested.</p>"
    )


def sources_label(rule: Rule) -> str:
    """ "Sources" before published works; "Where it comes from" before a choice alone."""
    return "Sources" if rule.cites else "Where it comes from"


def sources_paragraph(rule: Rule) -> str:
    """The "Why?" panel's last lines: what the rule rests on, and where the numbers lead."""
    return (
        f"<p><i>{sources_label(rule)}:</i> {source_html(rule)}</p>"
        "<p>The numbers are the works under Help › References.</p>"
    )


def source_html(rule: Rule) -> str:
    """What a rule rests on, in one line, each number a link to the work it names."""
    parts = [
        f'<a href="{html.escape(c.reference.link)}">[{number(c.key)}]</a> '
        f"{html.escape(c.reference.short)}: {html.escape(c.claim)}"
        for c in rule.cites
    ]
    parts.extend(html.escape(text) for text in (rule.advice, rule.choice) if text)
    return "; ".join(parts)
