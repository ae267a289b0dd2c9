"""The pages of the session runner: a tick-box step, a page with its title, and an area's page
(the small map with the area picked out, the directions to roll as tick boxes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.guidance import DURING_STEPS
from scalpzone.domain.plan import Session
from scalpzone.domain.rules import millimetres
from scalpzone.domain.technique import RollPass, roll_passes
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.ui.session.timer import AreaTimer
from scalpzone.ui.session.zone_map import ZoneMap
from scalpzone.ui.style.words import severity_word
from scalpzone.ui.widgets.questions import Dialogs

if TYPE_CHECKING:
    from scalpzone.ui.profile.open_profile import OpenProfile

#: Blocking an irritated zone: the days offered first, and the most the spin box allows.
BLOCK_DAYS_DEFAULT = 3
BLOCK_DAYS_MAX = 60
#: The longest irritation note typed here (the log allows more; this keeps it a note).
NOTE_LENGTH = 300


def _bold(widget: QWidget, size_step: float = 0.0) -> QFont:
    font = QFont(widget.font())
    font.setBold(True)
    if size_step:
        font.setPointSizeF(font.pointSizeF() + size_step)
    return font


class _ClickLabel(QLabel):
    """A label that ticks its check box when clicked, as a check box's own text does."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Toggle the box, like clicking a check box's text."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mouseReleaseEvent(event)


class CheckStep(QWidget):
    """One step to tick: a check box, a short title (optional) and the step in words, wrapped."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(f"{title}. {text}" if title else text)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        grid.addWidget(self.box, 0, 0, Qt.AlignmentFlag.AlignTop)
        row = 0
        if title:
            heading = _ClickLabel(title, self.box, self)
            heading.setFont(_bold(heading))
            grid.addWidget(heading, row, 1)
            row += 1
        self.label = _ClickLabel(text, self.box, self)
        grid.addWidget(self.label, row, 1)
        grid.setColumnStretch(1, 1)

    @property
    def checked(self) -> bool:
        """Whether the step is ticked."""
        return self.box.isChecked()


def titled_page(parent: QWidget, title: str) -> tuple[QWidget, QVBoxLayout]:
    page = QWidget(parent)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(12, 8, 12, 8)
    heading = QLabel(title, page)
    heading.setFont(_bold(heading, 2))
    heading.setWordWrap(True)
    layout.addWidget(heading)
    return page, layout


class ZonePage(QWidget):
    """One zone: where it is, which way to roll it, pass by pass, and when to stop."""

    def __init__(
        self,
        number: int,
        session: Session,
        scalp_map: ScalpMap,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        zone_id = session.zones[number - 1]
        self.zone_id = zone_id
        # A zone deleted from the map after the plan was made still gets its page (and the
        # store refuses to log it, with a message); it has no outline to show.
        zone = scalp_map.zone(zone_id) if zone_id in scalp_map else None
        self.name = zone.display_name if zone is not None else zone_id
        self.passes = roll_passes(zone) if zone is not None else roll_passes(Zone("crown"))
        self.title = self.tr("Area {n} of {count}: {name}").format(
            n=number, count=len(session.zones), name=self.name
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        heading = QLabel(self.title, self)
        heading.setFont(_bold(heading, 2))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        details = []
        if zone is not None:
            details.append(self.tr("about {n} min").format(n=zone.minutes))
        details.append(self.tr("needle {mm} mm").format(mm=millimetres(session.needle_mm)))
        if zone is not None and zone.state is ZoneState.THINNING:
            details.append(
                self.tr("{severity} thinning").format(severity=severity_word(zone.severity))
            )
        if zone is None:
            details.append(self.tr("no longer on your map"))
        text = " · ".join(details)
        self.details = QLabel(text[:1].upper() + text[1:], self)
        layout.addWidget(self.details)

        body = QHBoxLayout()
        body.setSpacing(14)
        left = QVBoxLayout()
        self.map = ZoneMap(scalp_map, zone_id, self)
        self.map.setAccessibleName(
            self.tr("{name} on the head, seen from above, face at the top").format(name=self.name)
        )
        left.addWidget(self.map)
        self.map_caption = QLabel(self)
        self.map_caption.setWordWrap(True)
        self.map_caption.setFixedWidth(self.map.sizeHint().width())
        self.map_caption.setMinimumHeight(self.map_caption.fontMetrics().lineSpacing() * 2 + 4)
        self.map_caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        left.addWidget(self.map_caption)
        left.addStretch(1)
        body.addLayout(left)

        right = QVBoxLayout()
        intro = QLabel(
            self.tr(
                "Roll one way per stroke: set the roller down, roll, lift it off and start again. "
                "Never roll back and forth. Tick each direction when you have done it."
            ),
            self,
        )
        intro.setWordWrap(True)
        right.addWidget(intro)
        self.steps: list[CheckStep] = []
        for i, roll_pass in enumerate(self.passes, start=1):
            title = self.tr("{i}. {name}, {n} strokes").format(
                i=i, name=roll_pass.name, n=roll_pass.strokes
            )
            step = CheckStep(title, roll_pass.how, self)
            step.box.toggled.connect(self._show_next_pass)
            right.addWidget(step)
            self.steps.append(step)
        # The area's share of the session's minutes, counted down when the person wants it.
        self.timer = AreaTimer(zone.minutes if zone is not None else 1, self)
        right.addSpacing(4)
        right.addWidget(self.timer)
        stop = QLabel(DURING_STEPS[1], self)
        stop.setWordWrap(True)
        stop.setFont(_bold(stop))
        right.addSpacing(6)
        right.addWidget(stop)
        right.addStretch(1)
        body.addLayout(right, 1)
        layout.addLayout(body, 1)
        self._show_next_pass()

    def _show_next_pass(self) -> None:
        """The map shows the first direction not yet ticked (the last once all are)."""
        index = next((i for i, s in enumerate(self.steps) if not s.checked), len(self.steps) - 1)
        roll_pass: RollPass = self.passes[index]
        self.map.set_pass(roll_pass)
        self.map_caption.setText(
            self.tr("Arrows: {i}. {name}").format(i=index + 1, name=roll_pass.name.lower())
        )
        self.map.setAccessibleDescription(self.map_caption.text())


class IrritationBox(QGroupBox):
    """The finish page's "Irritation on an area": which area, what was noticed, and an offer to
    leave it out of the plan for some days (checkable; off until the person ticks it)."""

    def __init__(self, zones: Sequence[str], names: Mapping[str, str], parent: QWidget) -> None:
        super().__init__(tr("&Irritation on an area"), parent)
        self.setCheckable(True)
        self.setChecked(False)
        self.setToolTip(tr("Note soreness, a rash or bleeding, and rest the area for some days"))
        form = QFormLayout(self)
        self.zone = QComboBox(self)
        for zone_id in zones:
            self.zone.addItem(names.get(zone_id, zone_id), zone_id)
        self.zone.view().setAccessibleName(self.tr("Areas rolled today"))
        self.note = QLineEdit(self)
        self.note.setMaxLength(NOTE_LENGTH)
        self.note.setPlaceholderText(tr("For example: sore and red after the session"))
        zone_label = QLabel(tr("&Area:"), self)
        zone_label.setBuddy(self.zone)
        note_label = QLabel(tr("&What you noticed:"), self)
        note_label.setBuddy(self.note)
        form.addRow(zone_label, self.zone)
        form.addRow(note_label, self.note)
        block_row = QHBoxLayout()
        self.block_check = QCheckBox(tr("&Leave it out of the plan for"), self)
        self.block_check.setChecked(True)
        self.block_days = QSpinBox(self)
        self.block_days.setRange(1, BLOCK_DAYS_MAX)
        self.block_days.setValue(BLOCK_DAYS_DEFAULT)
        self.block_days.setSuffix(tr(" days"))
        self.block_days.setAccessibleName(tr("Days to leave the area out"))
        self.block_until_label = QLabel(self)
        block_row.addWidget(self.block_check)
        block_row.addWidget(self.block_days)
        block_row.addWidget(self.block_until_label, 1)
        form.addRow(block_row)
        advice = QLabel(
            tr(
                "Irritation that lasts more than a few days, spreads, or comes with pus or fever "
                "is a reason to see a doctor or dermatologist."
            ),
            self,
        )
        advice.setWordWrap(True)
        form.addRow(advice)


def tr(text: str) -> str:
    """Words of the session runner's finish page."""
    return QCoreApplication.translate("SessionRunner", text)


def roller_or_go_on(profile: OpenProfile, dialogs: Dialogs) -> bool:
    """With no roller recorded, ask before logging a session: its use could not be counted."""
    if profile.current_roller is not None:
        return True
    return dialogs.confirm(
        tr("No roller recorded"),
        tr(
            "No roller is recorded (Plan › Rollers), so this session cannot count toward "
            "replacing one. Log the session anyway? You can add your roller afterwards."
        ),
        tr("Log anyway"),
    )
