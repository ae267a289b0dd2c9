"""A refused value shown next to its field: the message, and the rule and source behind the limit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from scalpzone.domain.problems import Problem
from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.settings import refusal_rule, refused_limit

#: A bar at the side rather than red text, so the words keep the palette's contrast.
REFUSED_STYLE = "QLabel { border: none; border-left: 4px solid #c2413f; padding: 2px 0 2px 8px; }"


def fit_height(dialog: QWidget) -> None:
    """Grow a shown dialog so wrapped messages that just appeared are not squeezed or clipped."""
    layout = dialog.layout()
    if layout is None or not dialog.isVisible():
        return
    layout.activate()
    width = dialog.width()
    needed = (
        layout.totalHeightForWidth(width)
        if layout.hasHeightForWidth()
        else layout.totalSizeHint().height()
    )
    if needed > dialog.height():
        dialog.resize(width, needed)


class RefusalLabel(QLabel):
    """Under a field: why its value is refused and where the limit comes from; hidden when fine."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_name = field_name
        self.setWordWrap(True)
        self.setStyleSheet(REFUSED_STYLE)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(self.tr("Problem with {field}").format(field=field_name))
        self.hide()

    def show_problems(self, problems: Sequence[Problem]) -> None:
        """Show these problems (each with its rule's source), or hide when there are none."""
        if not problems:
            self.clear()
            self.hide()
            return
        self.setText("\n".join(self.describe(p) for p in problems))
        self.show()

    def describe(self, problem: Problem) -> str:
        """'<field>: <value, limit, reason>.' and a line with the source of the rule behind it."""
        line = self.tr("{field}: {message}.").format(field=self.field_name, message=problem.message)
        rule_id = refusal_rule(problem)
        if rule_id is not None:
            rule = RULES_BY_ID[rule_id]
            source = self.tr("Source: {source}.").format(source=rule.source)
        elif refused_limit(problem) is not None:
            source = self.tr(
                "No source: this lower limit is what a plan needs to work, not a safety rule."
            )
        else:
            return line
        return f"{line}\n{source}"
