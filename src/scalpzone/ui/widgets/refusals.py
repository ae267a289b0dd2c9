"""Why something was refused, shown beside a red bar; and the needle field the dialogs share.

`RefusalBar` is any refusal or warning in plain words; `RefusalLabel` is one under a field,
with the rule and source behind the limit.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QDoubleSpinBox, QFrame, QHBoxLayout, QLabel, QWidget

from scalpzone.domain.problems import Problem
from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.settings import refusal_rule

#: A bar at the side rather than red text, so the words keep the palette's contrast.
REFUSED_COLOUR = "#c2413f"

#: Needle fields take more than the allowed 0.2–1.5 mm, so a refused length can be typed and
#: is named as refused instead of being quietly changed to the nearest limit.
NEEDLE_TYPING_MAX = 9.95


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


class RefusalBar(QWidget):
    """Selectable text beside a red bar, in the palette's own text colour; hidden when empty.

    No style sheet: a widget with one keeps its old colours when the app switches palettes.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QFrame(self)
        bar.setFixedWidth(4)
        bar.setAutoFillBackground(True)
        palette = bar.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(REFUSED_COLOUR))
        bar.setPalette(palette)
        # The bar as a group has the name; the label reads its own text.
        self.setAccessibleName(accessible_name)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(8)
        layout.addWidget(bar)
        layout.addWidget(self.label, 1)
        self.hide()

    def setText(self, text: str) -> None:
        """Put this text beside the bar (shown or not)."""
        self.label.setText(text)

    def text(self) -> str:
        """The message."""
        return self.label.text()

    def clear(self) -> None:
        """Forget the message."""
        self.label.clear()

    def show_text(self, text: str) -> None:
        """Show this message."""
        self.setText(text)
        self.show()


class RefusalLabel(RefusalBar):
    """Under a field: why its value is refused and where the limit comes from; hidden when fine."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.field_name = field_name
        self.setAccessibleName(self.tr("Problem with {field}").format(field=field_name))

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
            source = RULES_BY_ID[rule_id].source_line
        elif problem.limit is not None:
            source = self.tr(
                "ScalpZone's choice: this lower limit is what a plan needs to work, not a safety "
                "rule."
            )
        else:
            return line
        return f"{line}\n{source}"


class NeedleBox(QDoubleSpinBox):
    """Millimetres written as everywhere else in the app: 1.0, 0.25, 1.5 (not 1.00)."""

    def textFromValue(self, value: float) -> str:
        """The value as `millimetres()` writes it."""
        from scalpzone.domain.rules import millimetres  # noqa: PLC0415

        return millimetres(value)


def needle_box(parent: QWidget, value: float, *, step: float = 0.25) -> QDoubleSpinBox:
    """A needle length in millimetres, taking values past the limits so they can be refused."""
    box = NeedleBox(parent)
    box.setDecimals(2)
    box.setRange(0.0, NEEDLE_TYPING_MAX)
    box.setSingleStep(step)
    box.setSuffix(" mm")
    box.setValue(value)
    return box
