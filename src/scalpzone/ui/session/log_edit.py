"""The form that corrects one logged session, refusing bad values with field, value and limit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.mapfile import NOTE_MAX
from scalpzone.domain.rules import NEEDLE_MAX_MM, NEEDLE_MIN_MM, RULES_BY_ID, millimetres
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.style.words import full_day
from scalpzone.ui.widgets.refusals import RefusalBar, needle_box

if TYPE_CHECKING:
    pass


def _tr(text: str) -> str:
    return QCoreApplication.translate("SessionLog", text)


def entry_problems(entry: HistoryEntry, today: date) -> list[str]:
    """Why a session cannot be saved, one sentence each naming the field, the value and the limit."""
    problems: list[str] = []
    if entry.date > today:
        problems.append(
            _tr(
                "Date: {day} is in the future (today is {today}); log only sessions that happened."
            ).format(day=full_day(entry.date), today=full_day(today))
        )
    if not entry.zones:
        problems.append(_tr("Zones: none is ticked; tick at least one zone the session rolled."))
    source = RULES_BY_ID["needle_length"].source_line
    if entry.needle_mm > NEEDLE_MAX_MM:
        text = _tr(
            "Needle: {value} mm is above the {limit} mm maximum (longer needles risk the hair "
            "follicle). {source}"
        )
        limit = NEEDLE_MAX_MM
    elif entry.needle_mm < NEEDLE_MIN_MM:
        text = _tr(
            "Needle: {value} mm is below the {limit} mm minimum (the shortest rollers made). "
            "{source}"
        )
        limit = NEEDLE_MIN_MM
    else:
        text = ""
    if text:
        problems.append(
            text.format(value=millimetres(entry.needle_mm), limit=millimetres(limit), source=source)
        )
    if len(entry.note) > NOTE_MAX:
        problems.append(
            _tr(
                "Note: {count} characters is above the {limit}-character maximum; shorten it."
            ).format(count=len(entry.note), limit=NOTE_MAX)
        )
    return problems


class SessionEditDialog(QDialog):
    """A small form for one logged session; Save refuses bad values and says why.

    `entryChosen(HistoryEntry)` is emitted when Save is pressed with acceptable values (and the
    dialog then accepts); nothing is saved here, the caller pushes the edit.
    """

    entryChosen = Signal(object)

    def __init__(
        self,
        scalp_map: ScalpMap,
        entry: HistoryEntry,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit the session of {day}").format(day=full_day(entry.date)))
        self._entry = entry
        self._today = today

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setDate(QDate(entry.date.year, entry.date.month, entry.date.day))
        self.date_edit.setAccessibleName(self.tr("Date of the session"))

        self.done_button = QRadioButton(self.tr("Do&ne"), self)
        self.skipped_button = QRadioButton(self.tr("S&kipped"), self)
        self.done_button.setToolTip(self.tr("The session happened: it counts as a treatment"))
        self.skipped_button.setToolTip(
            self.tr("The session was planned but not done: kept in the log, not a treatment")
        )
        outcome = QButtonGroup(self)
        outcome.addButton(self.done_button)
        outcome.addButton(self.skipped_button)
        (self.done_button if entry.is_treatment else self.skipped_button).setChecked(True)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.done_button)
        outcome_row.addWidget(self.skipped_button)
        outcome_row.addStretch(1)

        # Check boxes on the window's background (not in a list): their boxes stay visible in
        # the dark palette, where Fusion draws an item view's boxes in the list's own colour.
        self.zone_boxes: dict[str, QCheckBox] = {}
        zones_widget = QWidget(self)
        zones_widget.setAccessibleName(self.tr("Zones rolled"))
        grid = QGridLayout(zones_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        # Two columns for the presets and a few drawn zones; more columns when many were drawn.
        columns = 2 if len(scalp_map.zones) <= 20 else 3 if len(scalp_map.zones) <= 45 else 4
        per_column = -(-len(scalp_map.zones) // columns)
        for number, zone in enumerate(scalp_map.zones):
            box = QCheckBox(zone.display_name, zones_widget)
            box.setChecked(zone.id in entry.zones)
            grid.addWidget(box, number % per_column, number // per_column)
            self.zone_boxes[zone.id] = box
        self.zones_widget = zones_widget

        self.needle_spin = needle_box(self, entry.needle_mm, step=0.05)
        self.needle_spin.setAccessibleName(self.tr("Needle length in millimetres"))

        self.note_edit = QPlainTextEdit(entry.note, self)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setPlaceholderText(self.tr("How it went (optional)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4 + 12)

        self.problems = RefusalBar(self.tr("Why the session was not saved"), self)

        form = QFormLayout()
        form.addRow(self._buddy(self.tr("&Date:"), self.date_edit), self.date_edit)
        form.addRow(self.tr("Outcome:"), outcome_row)
        zones_label = QLabel(self.tr("&Zones rolled:"), self)
        if self.zone_boxes:
            zones_label.setBuddy(next(iter(self.zone_boxes.values())))
        zones_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(zones_label, self.zones_widget)
        form.addRow(self._buddy(self.tr("N&eedle:"), self.needle_spin), self.needle_spin)
        form.addRow(self._buddy(self.tr("N&ote:"), self.note_edit), self.note_edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text, self)
        label.setBuddy(widget)
        return label

    def checked_zones(self) -> tuple[str, ...]:
        """Ticked zones in rolling order: those kept in the order rolled, then new ones in map order."""
        ticked = [zid for zid, box in self.zone_boxes.items() if box.isChecked()]
        kept = [zid for zid in self._entry.zones if zid in ticked]
        return (*kept, *(zid for zid in ticked if zid not in kept))

    def entry(self) -> HistoryEntry:
        """The session as the form now says."""
        picked = self.date_edit.date()
        return HistoryEntry(
            date(picked.year(), picked.month(), picked.day()),
            self.checked_zones(),
            round(self.needle_spin.value(), 2),
            SessionStatus.DONE if self.done_button.isChecked() else SessionStatus.SKIPPED,
            self.note_edit.toPlainText(),
        )

    def refusals(self) -> list[str]:
        """What is refused in the form as it stands (empty: it can be saved)."""
        return entry_problems(self.entry(), self._today())

    def save(self) -> None:
        """Hand the session on and close; or show what is refused and stay open."""
        problems = self.refusals()
        if problems:
            self.problems.show_text(
                "\n".join([self.tr("Not saved; nothing was changed:"), *problems])
            )
            self.adjustSize()  # room for the message, without squeezing the form
            return
        self.problems.hide()
        self.entryChosen.emit(self.entry())
        self.accept()
