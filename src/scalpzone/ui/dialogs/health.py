"""The health checklist: conditions that put the plan on hold, confirmed with a date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.health import health_reconfirm_due, health_reconfirm_on
from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.settings import Contraindication, Health
from scalpzone.ui.style.words import full_day
from scalpzone.ui.widgets.refusals import RefusalBar, fit_height
from scalpzone.ui.widgets.screen_fit import resize_to_contents

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile


class HealthDialog(QDialog):
    """Tick what applies today; Confirm stores the answers with today's date.

    `confirmed(Health)` is emitted after the answers were written to the database.
    """

    confirmed = Signal(object)

    def __init__(self, profile: OpenProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._today = profile.today()
        self.setWindowTitle(self.tr("Health checklist"))
        self.setMinimumWidth(560)
        self.confirmed_on = profile.health_confirmed_on

        heading = QLabel(self.tr("Before you roll: does any of these apply to you now?"), self)
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)

        self.last_confirmed = QLabel(self)
        self.last_confirmed.setWordWrap(True)
        self.last_confirmed.setText(self._confirmed_text())

        items = QGroupBox(self.tr("Tick every item that applies"), self)
        items_layout = QVBoxLayout(items)
        self.boxes: dict[Contraindication, QCheckBox] = {}
        for item in Contraindication:
            box = QCheckBox(item.label, items)
            box.setChecked(item in profile.health.ticked)
            box.toggled.connect(self._show_outcome)
            items_layout.addWidget(box)
            self.boxes[item] = box

        rule = RULES_BY_ID["contraindications"]
        explanation = QLabel(
            self.tr(
                "If any item is ticked, your plan is put on hold: no sessions are planned until "
                "you untick it. {why} See a dermatologist about it, and before you start rolling "
                "at all. This is guidance, not medical advice."
            ).format(why=rule.explanation),
            self,
        )
        explanation.setWordWrap(True)
        source = QLabel(rule.source_line, self)
        source.setWordWrap(True)
        source.setStyleSheet("font-style: italic;")

        self.outcome = RefusalBar(self.tr("What confirming does"), self)
        # Its room is kept while it is hidden: ticking an item never moves Confirm away from
        # the pointer.
        policy = self.outcome.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.outcome.setSizePolicy(policy)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.confirm_button: QPushButton = self.buttons.addButton(
            self.tr("&Confirm"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setToolTip(self.tr("Save these answers with today's date"))
        self.confirm_button.setDefault(True)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.last_confirmed)
        layout.addWidget(items)
        layout.addWidget(explanation)
        layout.addWidget(source)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_outcome()
        resize_to_contents(self, 600)

    def _confirmed_text(self) -> str:
        if self.confirmed_on is None:
            return self.tr(
                "Last confirmed: never. Please go through the list once before you start."
            )
        text = self.tr("Last confirmed: {day}.").format(day=full_day(self.confirmed_on))
        if health_reconfirm_due(self.confirmed_on, self._today):
            text += " " + self.tr(
                "That was 12 weeks or more ago, at the end of a course: please go through "
                "the list again."
            )
        else:
            text += " " + self.tr("Due again on {day}, or sooner if anything changes.").format(
                day=full_day(health_reconfirm_on(self.confirmed_on))
            )
        return text

    def _show_outcome(self) -> None:
        self.outcome.setText(
            self.tr(
                "With an item ticked, confirming puts your plan on hold. Talk to a doctor or "
                "dermatologist; untick the item once it has cleared."
            )
        )
        self.outcome.setVisible(self.health().on_hold)
        fit_height(self)

    def health(self) -> Health:
        """The answers as ticked right now (not yet saved)."""
        return Health(frozenset(c for c, box in self.boxes.items() if box.isChecked()))

    def confirm(self) -> None:
        """Store the answers dated today, say so, and close."""
        health = self.health()
        from scalpzone.storage import StorageError  # noqa: PLC0415  (no SQLAlchemy on import)

        try:
            self._profile.confirm_health(health)
        except StorageError as error:
            self.outcome.setText(self.tr("Your answers were not saved: {why}").format(why=error))
            self.outcome.show()
            return
        self.confirmed_on = self._today
        self.last_confirmed.setText(self._confirmed_text())
        self.confirmed.emit(health)
        self.accept()
