"""One day of the Week tab: its date, its session's areas or what the log says, and rest."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.photo_reminders import PHOTO_REMINDER
from scalpzone.domain.plan import Session
from scalpzone.domain.rules import millimetres
from scalpzone.domain.zones import ScalpMap
from scalpzone.ui.style.colours import MapColours
from scalpzone.ui.style.words import short_day
from scalpzone.ui.week.colour_chip import ColourChip


class DayColumn(QFrame):
    """One day: its date, today marked, and the session's zones in rolling order."""

    startRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self._layout.setSpacing(4)
        self.session: Session | None = None
        self.day: date | None = None
        self.is_today = False
        self._lines: list[str] = []

    def show_day(
        self,
        day: date,
        today: date,
        session: Session | None,
        scalp_map: ScalpMap,
        colours: MapColours,
        photos: bool = False,
    ) -> None:
        """Fill the column for this day (`photos`: the session carries the photo reminder)."""
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.day, self.session, self.is_today = day, session, day == today
        self._lines = []
        title = QLabel(short_day(day), self)
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self._layout.addWidget(title)
        self._lines.append(short_day(day))
        if self.is_today:
            mark = QLabel(self.tr("Today"), self)
            mark.setForegroundRole(self.foregroundRole())
            mark.setStyleSheet(
                "color: palette(highlighted-text); background: palette(highlight);"
                "padding: 1px 4px; border-radius: 3px;"
            )
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addWidget(mark)
            self._lines.append(self.tr("Today"))
        names = {z.id: z for z in scalp_map.zones}
        if session is None:
            rest = QLabel(self.tr("Rest day"), self)
            # Quiet, but readable: a disabled label would fall below AA contrast.
            rest.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            self._layout.addWidget(rest)
            self._lines.append(self.tr("Rest day"))
        else:
            for shown, text, style, tip in (
                (session.patch_test, self.tr("Patch test"), "font-style: italic;", ""),
                (photos, self.tr("Photos first"), "font-weight: bold;", self.tr(PHOTO_REMINDER)),
            ):
                if shown:
                    note = QLabel(text, self)
                    note.setStyleSheet(style)
                    note.setToolTip(tip)
                    self._layout.addWidget(note)
                    self._lines.append(text)
            for number, zone_id in enumerate(session.zones, start=1):
                zone = names.get(zone_id)
                name = zone.display_name if zone is not None else zone_id
                colour = (
                    colours.fill(zone.state, zone.severity) if zone is not None else colours.healthy
                )
                row = QWidget(self)
                row_layout = QHBoxLayout(row)
                row_layout.setContentsMargins(0, 0, 0, 0)
                row_layout.setSpacing(4)
                row_layout.addWidget(ColourChip(colour, row))
                label = QLabel(f"{number}. {name}", row)
                label.setWordWrap(True)
                row_layout.addWidget(label, 1)
                self._layout.addWidget(row)
                self._lines.append(f"{number}. {name}")
            details = self.tr("{minutes} min · {needle} mm").format(
                minutes=session.minutes, needle=millimetres(session.needle_mm)
            )
            self._layout.addWidget(QLabel(details, self))
            self._lines.append(details)
            # Sessions are run on their day: doing a later one early would break the rest
            # between sessions that the plan keeps.
            if day == today:
                start = QPushButton(self.tr("Start…"), self)
                start.setAccessibleName(
                    self.tr("Start the session on {day}").format(day=short_day(day))
                )
                start.clicked.connect(lambda: self.startRequested.emit(self.session))
                self.start_button = start
                self._layout.addWidget(start)
        self._layout.addStretch(1)
        self.setAccessibleName(", ".join(self._lines))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame, and today's column ringed in the highlight colour (follows the palette)."""
        super().paintEvent(event)
        if not self.is_today:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        painter.end()

    def show_logged(self, entry: HistoryEntry, scalp_map: ScalpMap, colours: MapColours) -> None:
        """In an earlier week: what the log says happened that day, in place of "Rest day"."""
        for i in range(self._layout.count()):
            item = self._layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and widget.text() == self.tr("Rest day"):
                widget.hide()
        self._lines = [line for line in self._lines if line != self.tr("Rest day")]
        status = self.tr("Done") if entry.is_treatment else self.tr("Skipped")
        position = self._layout.count() - 1  # before the stretch
        self._layout.insertWidget(position, QLabel(status, self))
        self._lines.append(status)
        names = {z.id: z for z in scalp_map.zones}
        for zone_id in entry.zones:
            zone = names.get(zone_id)
            name = zone.display_name if zone is not None else zone_id
            colour = colours.fill(zone.state, zone.severity) if zone else colours.healthy
            row = QWidget(self)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(ColourChip(colour, row))
            row_layout.addWidget(QLabel(name, row), 1)
            position += 1
            self._layout.insertWidget(position, row)
            self._lines.append(name)
        self.setAccessibleName(", ".join(self._lines))

    def text(self) -> str:
        """What the column says, one line per thing shown."""
        return "\n".join(self._lines)
