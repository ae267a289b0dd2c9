"""Rollers: the one in use and its uses counted from the log, the earlier ones, and a new one."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.problems import Problem
from scalpzone.domain.rules import NEEDLE_MAX_MM, NEEDLE_MIN_MM, RULES_BY_ID, millimetres
from scalpzone.domain.settings import parse_settings
from scalpzone.ui.style.words import full_day
from scalpzone.ui.widgets.refusals import RefusalBar, RefusalLabel, fit_height, needle_box

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile
    from scalpzone.ui.profile.store_api import RollerLike


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class NewRollerDialog(QDialog):
    """Needle length and first day of a new roller; a refused value names field, value and limit."""

    def __init__(
        self,
        needle_mm: float,
        today: date,
        earliest: date | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._earliest = earliest
        self.setWindowTitle(self.tr("New roller"))
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr(
                "From the day you start using it, the new roller takes over: the roller in use "
                "now is put aside, and sessions from that day count for the new one."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.needle = needle_box(self, needle_mm)
        self.needle.setAccessibleName(self.tr("Needle length"))
        self.first_use = QDateEdit(self)
        self.first_use.setCalendarPopup(True)
        self.first_use.setDisplayFormat("ddd d MMM yyyy")
        self.first_use.setDate(_qdate(today))
        self.first_use.setAccessibleName(self.tr("First day of use"))
        self.needle_refusal = RefusalLabel(self.tr("Needle length"), self)
        self.date_refusal = RefusalLabel(self.tr("First day of use"), self)

        form = QFormLayout()
        needle_label = QLabel(self.tr("&Needle length:"), self)
        needle_label.setBuddy(self.needle)
        date_label = QLabel(self.tr("&First day of use:"), self)
        date_label.setBuddy(self.first_use)
        allowed = QLabel(
            self.tr("allowed {low}–{high} mm").format(
                low=millimetres(NEEDLE_MIN_MM), high=millimetres(NEEDLE_MAX_MM)
            ),
            self,
        )
        allowed.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow(needle_label, self._cell(self.needle, self.needle_refusal, allowed))
        form.addRow(date_label, self._cell(self.first_use, self.date_refusal))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button: QPushButton = self.buttons.addButton(
            self.tr("&Start using it"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self._accept_if_allowed)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.needle.valueChanged.connect(self.validate)
        self.first_use.dateChanged.connect(self.validate)
        self.validate()

    def _cell(self, field: QWidget, refusal: QWidget, hint: QLabel | None = None) -> QWidget:
        cell = QWidget(self)
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(field)
        if hint is not None:
            row.addSpacing(8)
            row.addWidget(hint)
        row.addStretch(1)
        column.addLayout(row)
        column.addWidget(refusal)
        return cell

    def needle_mm(self) -> float:
        """The needle length as typed."""
        return round(self.needle.value(), 2)

    def first_use_day(self) -> date:
        """The first day of use as chosen."""
        picked = self.first_use.date()
        return date(picked.year(), picked.month(), picked.day())

    def problems(self) -> list[Problem]:
        """What is refused right now: the needle against the rule, the day against the roller in use."""
        _, needle = parse_settings({"needle_mm": self.needle_mm()}, prefix="roller")
        self.needle_refusal.show_problems(needle)
        day = self.first_use_day()
        when: list[Problem] = []
        if self._earliest is not None and day < self._earliest:
            when.append(
                Problem(
                    "roller.first_use",
                    self.tr(
                        "{day} is before {earliest}, the first day of the roller in use now "
                        "(a new roller starts on or after that day)"
                    ).format(day=day.isoformat(), earliest=self._earliest.isoformat()),
                )
            )
        self.date_refusal.show_problems(when)
        return needle + when

    def validate(self) -> None:
        """Show what is refused and allow "Start using it" only when nothing is."""
        self.ok_button.setEnabled(not self.problems())
        fit_height(self)

    def _accept_if_allowed(self) -> None:
        if not self.problems():
            self.accept()


class RollersDialog(QDialog):
    """The roller in use with its uses, a replace warning, the earlier rollers, and a new one.

    It shows the open profile's rollers and follows its `rollersChanged` (a session logged or
    a log entry corrected changes the count of uses). `changed()` is emitted after a new roller
    was stored here.
    """

    changed = Signal()

    def __init__(self, profile: OpenProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._today = profile.today()
        self.current: RollerLike | None = None
        self.new_roller_dialog: NewRollerDialog | None = None
        self.setWindowTitle(self.tr("Rollers"))
        self.setMinimumWidth(600)
        bold = QFont(self.font())
        bold.setBold(True)

        in_use = QGroupBox(self.tr("Roller in use"), self)
        self.current_label = QLabel(in_use)
        self.current_label.setWordWrap(True)
        self.needle_note = QLabel(in_use)
        self.needle_note.setWordWrap(True)
        self.replace_warning = RefusalBar(self.tr("Replace the roller"), in_use)
        self.new_roller_button = QPushButton(self.tr("&New roller…"), in_use)
        self.new_roller_button.setToolTip(self.tr("Record a new roller and the day you start it"))
        self.new_roller_button.clicked.connect(self.ask_new_roller)
        in_use_layout = QVBoxLayout(in_use)
        in_use_layout.addWidget(self.current_label)
        in_use_layout.addWidget(self.needle_note)
        in_use_layout.addWidget(self.replace_warning)
        button_row = QHBoxLayout()
        button_row.addWidget(self.new_roller_button)
        button_row.addStretch(1)
        in_use_layout.addLayout(button_row)

        roller, hygiene = RULES_BY_ID["roller"], RULES_BY_ID["hygiene"]
        own = QLabel(
            self.tr(
                "<b>One roller per person.</b> Use your roller only on your own scalp and never "
                "share it, not even with family. 70 % isopropyl alcohol before and after every "
                "session disinfects it but does not make it sterile, so a shared roller can pass "
                "infections from one person to another."
                "<br><i>{roller}<br>{hygiene}</i>"
            ).format(roller=roller.source_line, hygiene=hygiene.source_line),
            self,
        )
        own.setWordWrap(True)
        own.setTextFormat(Qt.TextFormat.RichText)

        earlier_title = QLabel(self.tr("Earlier rollers"), self)
        earlier_title.setFont(bold)
        self.earlier_table = QTableWidget(0, 4, self)
        self.earlier_table.setHorizontalHeaderLabels(
            [self.tr("Needle"), self.tr("First used"), self.tr("Put aside"), self.tr("Uses")]
        )
        self.earlier_table.setAccessibleName(self.tr("Earlier rollers"))
        self.earlier_table.verticalHeader().hide()
        self.earlier_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.earlier_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.earlier_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.earlier_table.setMinimumHeight(120)
        self.no_earlier = QLabel(self.tr("None yet."), self)

        self.error = RefusalLabel(self.tr("New roller"), self)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(in_use)
        layout.addWidget(own)
        layout.addSpacing(4)
        layout.addWidget(earlier_title)
        layout.addWidget(self.no_earlier)
        layout.addWidget(self.earlier_table, 1)
        # Without earlier rollers the spare height goes below the text, not between its lines.
        for label in (earlier_title, self.no_earlier):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addStretch(0)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.refresh()
        profile.rollersChanged.connect(self.refresh)

    # -- what is shown ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the roller in use, its uses against the setting's limit, and the earlier ones."""
        settings = self._profile.settings
        limit = settings.roller_max_uses
        self.current = self._profile.current_roller
        current = self.current
        if current is None:
            self.current_label.setText(
                self.tr(
                    "No roller recorded yet. Add the one you use with “New roller…” so ScalpZone "
                    "can count its uses from your session log."
                )
            )
            self.needle_note.hide()
            self.replace_warning.hide()
        else:
            self.current_label.setText(
                self.tr(
                    "{mm} mm needles, first used {day}.\nUses: {uses} of {limit} (your setting "
                    "“Replace the roller after”; each session you log as done counts one use)."
                ).format(
                    mm=millimetres(current.needle_mm),
                    day=full_day(current.first_use),
                    uses=current.uses,
                    limit=limit,
                )
            )
            if abs(current.needle_mm - settings.needle_mm) > 1e-9:
                self.needle_note.setText(
                    self.tr(
                        "Your plan is made for {plan} mm needles (Settings); if you roll with "
                        "this {mm} mm roller, change the needle length there too."
                    ).format(
                        plan=millimetres(settings.needle_mm), mm=millimetres(current.needle_mm)
                    )
                )
                self.needle_note.show()
            else:
                self.needle_note.hide()
            if current.uses >= limit:
                rule = RULES_BY_ID["roller"]
                self.replace_warning.setText(
                    self.tr(
                        "Replace this roller now: it has been used {uses} times, and your limit is "
                        "{limit}. Start a new roller with “New roller…”.\n{why}\n{source}"
                    ).format(
                        uses=current.uses,
                        limit=limit,
                        why=rule.explanation,
                        source=rule.source_line,
                    )
                )
                self.replace_warning.show()
            else:
                self.replace_warning.clear()
                self.replace_warning.hide()
        self._fill_earlier()
        fit_height(self)

    def _fill_earlier(self) -> None:
        earlier = [r for r in self._profile.rollers() if r.retired_on is not None]
        earlier.reverse()
        self.earlier_table.setRowCount(len(earlier))
        for row, roller in enumerate(earlier):
            cells = [
                f"{millimetres(roller.needle_mm)} mm",
                full_day(roller.first_use),
                full_day(roller.retired_on) if roller.retired_on is not None else "",
                str(roller.uses),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.earlier_table.setItem(row, column, item)
        self.earlier_table.setVisible(bool(earlier))
        self.no_earlier.setVisible(not earlier)

    # -- a new roller ----------------------------------------------------------------------

    def ask_new_roller(self) -> NewRollerDialog:
        """Open the new-roller form (window-modal, not blocking); a stored roller emits changed()."""
        current = self.current
        dialog = NewRollerDialog(
            current.needle_mm if current is not None else self._profile.settings.needle_mm,
            self._today,
            current.first_use if current is not None else None,
            self,
        )
        dialog.accepted.connect(
            lambda: self.start_roller(dialog.needle_mm(), dialog.first_use_day())
        )
        self.new_roller_dialog = dialog
        dialog.open()
        return dialog

    def start_roller(self, needle_mm: float, first_use: date) -> bool:
        """Store a new roller in use from `first_use`; False (and why, in the dialog) if refused."""
        from scalpzone.storage import StorageError  # noqa: PLC0415  (no SQLAlchemy on import)

        try:
            self._profile.start_roller(needle_mm, first_use)  # rollersChanged: shown again
        except StorageError as error:
            self.error.setText(self.tr("The new roller was not saved: {why}").format(why=error))
            self.error.show()
            return False
        self.error.hide()
        fit_height(self)
        self.changed.emit()
        return True
