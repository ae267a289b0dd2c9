"""Plan settings (SPEC §3), checked against the rules as the person types.

Every change builds the raw settings and runs them through `parse_settings`, the same check the
map file and the database use. A refused value is shown under its field with the rule and the
source behind the limit, and Save stays disabled until nothing is refused.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.problems import Problem
from scalpzone.domain.rules import (
    NEEDLE_MAX_MM,
    NEEDLE_MIN_MM,
    millimetres,
    rest_floor_hours,
    weekly_cap,
)
from scalpzone.domain.settings import (
    DEFAULT_NEEDLE_MM,
    ROLLER_MAX_USES,
    SESSION_MINUTES,
    SESSIONS_PER_WEEK,
    Settings,
    Weekday,
    parse_settings,
    setting_of,
)
from scalpzone.ui.widgets.refusals import RefusalLabel, fit_height, needle_box

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile

#: Spin boxes reach well past every limit, so a refused value can be typed and is shown as
#: refused rather than silently clamped to the nearest allowed one (needles: `needle_box`).
WHOLE_TYPING_MAX = 999
HOURS_TYPING_MAX = 9999


def _whole_box(parent: QWidget, top: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, top)
    box.setSuffix(suffix)
    box.setAlignment(Qt.AlignmentFlag.AlignRight)
    return box


class OptionalWhole(QWidget):
    """A limit that follows the needle unless the person sets their own: two choices and a box."""

    changed = Signal()

    def __init__(self, suffix: str, top: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.automatic = QRadioButton(self)
        self.own = QRadioButton(self)
        self.box = _whole_box(self, top, suffix)
        group = QButtonGroup(self)
        group.addButton(self.automatic)
        group.addButton(self.own)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.automatic)
        layout.addSpacing(12)
        layout.addWidget(self.own)
        layout.addWidget(self.box)
        layout.addStretch(1)
        # As wide as the longest text it shows, so the rows line up and do not jump as it changes.
        self.automatic.setText(self.tr("Automatic: 168 h for 0.75 mm"))
        self.automatic.setMinimumWidth(self.automatic.sizeHint().width())
        self.automatic.setChecked(True)
        self.box.setEnabled(False)
        self.automatic.toggled.connect(self._toggled)
        self.box.valueChanged.connect(self.changed)

    def _toggled(self, automatic: bool) -> None:
        self.box.setEnabled(not automatic)
        if not automatic:
            self.box.setFocus()
        self.changed.emit()

    def set_value(self, value: int | None, automatic_value: int) -> None:
        """Show a chosen value, or the automatic one (None) greyed out in the box."""
        blocked = self.blockSignals(True)
        self.own.setChecked(value is not None)
        self.automatic.setChecked(value is None)
        self.box.setEnabled(value is not None)
        self.box.setValue(value if value is not None else automatic_value)
        self.blockSignals(blocked)

    def value(self) -> int | None:
        """The person's own value, or None for automatic."""
        return self.box.value() if self.own.isChecked() else None


class SettingsDialog(QDialog):
    """Every plan setting, validated as it changes; Save stores them only when all are allowed.

    `saved(Settings)` is emitted after the settings were written to the database.
    """

    saved = Signal(object)

    def __init__(self, profile: OpenProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._settings: Settings | None = None
        self._problems: list[Problem] = []
        self.setWindowTitle(self.tr("Plan settings"))
        self.setMinimumWidth(620)

        intro = QLabel(
            self.tr(
                "These settings shape your plan. The limits follow the rules in Help › Rules "
                "and sources: you may always choose a longer rest, fewer sessions or fewer "
                "days, never more."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.needle = needle_box(self, DEFAULT_NEEDLE_MM)
        self.needle.setAlignment(Qt.AlignmentFlag.AlignRight)

        days = QWidget(self)
        days_layout = QGridLayout(days)
        days_layout.setContentsMargins(0, 0, 0, 0)
        self.day_boxes: dict[Weekday, QCheckBox] = {}
        for column, day in enumerate(Weekday):
            box = QCheckBox(day.value.capitalize(), days)
            box.setAccessibleName(self.tr("Session day: {day}").format(day=day.value.capitalize()))
            days_layout.addWidget(box, 0, column)
            self.day_boxes[day] = box

        self.sessions_per_week = _whole_box(self, WHOLE_TYPING_MAX)
        self.days_note = QLabel(self)
        self.days_note.setWordWrap(True)
        self.days_note.hide()
        self.rest = OptionalWhole(" h", HOURS_TYPING_MAX, self)
        self.rest.own.setText(self.tr("At least:"))
        # The boxes sit after a radio button, which cannot be a label's buddy: named here.
        self.rest.box.setAccessibleName(self.tr("At least, hours of rest on one area"))
        self.cap = OptionalWhole("", WHOLE_TYPING_MAX, self)
        self.cap.own.setText(self.tr("At most:"))
        self.cap.box.setAccessibleName(self.tr("At most, sessions on one area in 7 days"))
        self.session_minutes = _whole_box(self, WHOLE_TYPING_MAX, " min")
        self.roller_max_uses = _whole_box(self, WHOLE_TYPING_MAX, self.tr(" sessions"))
        self.session_time = QTimeEdit(self)
        self.session_time.setDisplayFormat("HH:mm")

        self.refusals: dict[str, RefusalLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        hints = {
            "needle_mm": self.tr("allowed {low}–{high} mm").format(
                low=millimetres(NEEDLE_MIN_MM), high=millimetres(NEEDLE_MAX_MM)
            ),
            "sessions_per_week": self.tr("allowed {low}–{high}").format(
                low=SESSIONS_PER_WEEK[0], high=SESSIONS_PER_WEEK[1]
            ),
            "session_minutes": self.tr("allowed {low}–{high} min").format(
                low=SESSION_MINUTES[0], high=SESSION_MINUTES[1]
            ),
            "roller_max_uses": self.tr("allowed {low}–{high} sessions").format(
                low=ROLLER_MAX_USES[0], high=ROLLER_MAX_USES[1]
            ),
        }
        rows: list[tuple[str, str, QWidget, QWidget, QWidget | None]] = [
            ("needle_mm", self.tr("&Needle length:"), self.needle, self.needle, None),
            ("session_days", self.tr("Session &days:"), days, self.day_boxes[Weekday.MON], None),
            (
                "sessions_per_week",
                self.tr("Sessions a &week:"),
                self.sessions_per_week,
                self.sessions_per_week,
                self.days_note,
            ),
            (
                "zone_rest_hours",
                self.tr("&Rest on one area:"),
                self.rest,
                self.rest.automatic,
                None,
            ),
            (
                "zone_max_per_week",
                self.tr("&Most on one area in 7 days:"),
                self.cap,
                self.cap.automatic,
                None,
            ),
            (
                "session_minutes",
                self.tr("Session &length:"),
                self.session_minutes,
                self.session_minutes,
                None,
            ),
            (
                "roller_max_uses",
                self.tr("Replace the roller &after:"),
                self.roller_max_uses,
                self.roller_max_uses,
                None,
            ),
            ("session_time", self.tr("Session &time:"), self.session_time, self.session_time, None),
        ]
        self.field_names: dict[str, str] = {}
        self.fields: dict[str, QWidget] = {}
        for key, text, field, buddy, note in rows:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            name = text.replace("&", "").rstrip(":")
            self.field_names[key] = name
            self.fields[key] = field
            field.setAccessibleName(name)
            refusal = RefusalLabel(name, self)
            self.refusals[key] = refusal
            cell = QWidget(self)
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            row = QHBoxLayout()
            row.addWidget(field)
            if key in hints:
                hint = QLabel(hints[key], cell)
                hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
                row.addSpacing(8)
                row.addWidget(hint)
            if not isinstance(field, OptionalWhole) and field is not days:
                row.addStretch(1)
            cell_layout.addLayout(row)
            if note is not None:
                cell_layout.addWidget(note)
            cell_layout.addWidget(refusal)
            form.addRow(label, cell)
        for spin in (self.needle, self.sessions_per_week, self.session_minutes):
            spin.setMinimumWidth(90)
        self.roller_max_uses.setMinimumWidth(120)
        self.rest.box.setMinimumWidth(90)
        self.cap.box.setMinimumWidth(70)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.RestoreDefaults
            | QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.save_button = self._button(QDialogButtonBox.StandardButton.Save)
        self.defaults_button = self._button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.defaults_button.setText(self.tr("Restore &defaults"))
        self.defaults_button.setToolTip(
            self.tr("Fill in ScalpZone's defaults (saved only on Save)")
        )
        self.save_button.clicked.connect(self.save)
        self.defaults_button.clicked.connect(self.restore_defaults)
        self.buttons.rejected.connect(self.reject)

        self.save_error = RefusalLabel(self.tr("Saving"), self)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.save_error)
        layout.addWidget(self.buttons)

        self.needle.valueChanged.connect(self.validate)
        for box in self.day_boxes.values():
            box.toggled.connect(self.validate)
        for spin in (self.sessions_per_week, self.session_minutes, self.roller_max_uses):
            spin.valueChanged.connect(self.validate)
        self.rest.changed.connect(self.validate)
        self.cap.changed.connect(self.validate)
        self.session_time.timeChanged.connect(self.validate)

        self.show_settings(profile.settings)

    def _button(self, which: QDialogButtonBox.StandardButton) -> QPushButton:
        button = self.buttons.button(which)
        assert button is not None
        return button

    # -- filling in ----------------------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        """Put these settings in the fields (nothing is saved)."""
        editors: list[QWidget] = [self.needle, self.sessions_per_week, self.rest, self.cap]
        editors += [self.session_minutes, self.roller_max_uses, self.session_time]
        editors += list(self.day_boxes.values())
        blocked = [w.blockSignals(True) for w in editors]
        self.needle.setValue(settings.needle_mm)
        for day, box in self.day_boxes.items():
            box.setChecked(day in settings.session_days)
        self.sessions_per_week.setValue(settings.sessions_per_week)
        self.rest.set_value(settings.zone_rest_hours, rest_floor_hours(settings.needle_mm))
        self.cap.set_value(settings.zone_max_per_week, weekly_cap(settings.needle_mm))
        self.session_minutes.setValue(settings.session_minutes)
        self.roller_max_uses.setValue(settings.roller_max_uses)
        self.session_time.setTime(QTime(settings.session_time.hour, settings.session_time.minute))
        for widget, was in zip(editors, blocked, strict=True):
            widget.blockSignals(was)
        self.validate()

    def restore_defaults(self) -> None:
        """Fill in the defaults; they are saved only when the person presses Save."""
        self.show_settings(Settings())

    # -- checking ------------------------------------------------------------------------------

    def raw_settings(self) -> dict[str, object]:
        """The fields as a settings mapping, exactly as typed (the map file's spelling)."""
        raw: dict[str, object] = {
            "needle_mm": round(self.needle.value(), 2),
            "session_days": [d.value for d, box in self.day_boxes.items() if box.isChecked()],
            "sessions_per_week": self.sessions_per_week.value(),
            "session_minutes": self.session_minutes.value(),
            "roller_max_uses": self.roller_max_uses.value(),
            "session_time": self.session_time.time().toString("HH:mm"),
        }
        rest, cap = self.rest.value(), self.cap.value()
        if rest is not None:
            raw["zone_rest_hours"] = rest
        if cap is not None:
            raw["zone_max_per_week"] = cap
        return raw

    def validate(self) -> None:
        """Check every field against the rules; show each refusal by its field; allow Save or not."""
        settings, problems = parse_settings(self.raw_settings())
        self._problems = problems
        self._settings = None if problems else settings
        by_setting: dict[str, list[Problem]] = {key: [] for key in self.refusals}
        for problem in problems:
            by_setting.setdefault(setting_of(problem), []).append(problem)
        for key, label in self.refusals.items():
            label.show_problems(by_setting[key])
            self.fields[key].setAccessibleDescription(label.text())
        self._show_automatic()
        self._show_days_note()
        fit_height(self)
        self.save_button.setEnabled(not problems)
        self.save_button.setToolTip(
            self.tr("Fix the refused values first") if problems else self.tr("Save the settings")
        )

    def _show_automatic(self) -> None:
        needle = self.needle.value()
        try:
            rest, cap = rest_floor_hours(needle), weekly_cap(needle)
        except ValueError:
            self.rest.automatic.setText(self.tr("Automatic"))
            self.cap.automatic.setText(self.tr("Automatic"))
            return
        mm = millimetres(needle)
        self.rest.automatic.setText(
            self.tr("Automatic: {hours} h for {mm} mm").format(hours=rest, mm=mm)
        )
        self.cap.automatic.setText(
            self.tr("Automatic: {count} for {mm} mm").format(count=cap, mm=mm)
        )
        for optional, value in ((self.rest, rest), (self.cap, cap)):
            if optional.value() is None:
                blocked = optional.box.blockSignals(True)
                optional.box.setValue(value)
                optional.box.blockSignals(blocked)

    def _show_days_note(self) -> None:
        days = sum(box.isChecked() for box in self.day_boxes.values())
        per_week = self.sessions_per_week.value()
        if 0 < days < per_week:
            self.days_note.setText(
                self.tr(
                    "Only {days} session day(s) ticked, so the plan holds at most {days} "
                    "session(s) a week."
                ).format(days=days)
            )
            self.days_note.show()
        else:
            self.days_note.hide()

    # -- what tests and the window read -------------------------------------------------------

    def problems(self) -> list[Problem]:
        """Every value refused right now."""
        return list(self._problems)

    def settings(self) -> Settings | None:
        """The settings as typed, or None while anything is refused."""
        return self._settings

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Write the settings and close; a refused value is never written."""
        self.validate()
        settings = self._settings
        if settings is None:
            return
        from scalpzone.storage import StorageError  # noqa: PLC0415  (no SQLAlchemy on import)

        try:
            self._profile.save_settings(settings)
        except StorageError as error:
            self.save_error.field_name = self.tr("Not saved")
            self.save_error.setText(self.tr("The settings were not saved: {why}").format(why=error))
            self.save_error.show()
            return
        self.save_error.hide()
        self.saved.emit(settings)
        self.accept()
