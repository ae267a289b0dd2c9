"""A per-area timer in the session runner: the minutes the plan gives an area, counted down.

A guide, not a rule: it says when the time is up and keeps counting the minutes past it, so a
person who is slower or stops early is never cut off or scolded.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


def clock(seconds: int) -> str:
    """Seconds as m:ss."""
    return f"{seconds // 60}:{seconds % 60:02d}"


class AreaTimer(QWidget):
    """Start / Pause / Reset, and the time left (or past) for one area."""

    finished = Signal()

    def __init__(self, minutes: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = max(1, minutes) * 60
        self._spent_ms = 0
        self._running = QElapsedTimer()
        self._said_done = False
        self.label = QLabel(self)
        self.label.setAccessibleName(self.tr("Time for this area"))
        self.start_button = QPushButton(self.tr("Start &timer"), self)
        self.reset_button = QPushButton(self.tr("Reset"), self)
        self.start_button.setAutoDefault(False)
        self.reset_button.setAutoDefault(False)
        self.start_button.clicked.connect(self.toggle)
        self.reset_button.clicked.connect(self.reset)
        self._tick = QTimer(self)
        self._tick.setInterval(250)
        self._tick.timeout.connect(self._show)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.start_button)
        layout.addWidget(self.reset_button)
        self._show()

    @property
    def running(self) -> bool:
        """Whether the timer is counting."""
        return self._tick.isActive()

    def elapsed(self) -> int:
        """Whole seconds counted so far."""
        ms = self._spent_ms + (self._running.elapsed() if self.running else 0)
        return ms // 1000

    def toggle(self) -> None:
        """Start, or pause."""
        if self.running:
            self._spent_ms += self._running.elapsed()
            self._tick.stop()
            self.start_button.setText(self.tr("Go &on"))
        else:
            self._running.start()
            self._tick.start()
            self.start_button.setText(self.tr("&Pause"))
        self._show()

    def reset(self) -> None:
        """Back to the full time, stopped."""
        self._tick.stop()
        self._spent_ms = 0
        self._said_done = False
        self.start_button.setText(self.tr("Start &timer"))
        self._show()

    def _show(self) -> None:
        spent = self.elapsed()
        if spent < self.total:
            self.label.setText(
                self.tr("{left} left of about {total}").format(
                    left=clock(self.total - spent), total=clock(self.total)
                )
            )
            return
        self.label.setText(
            self.tr("Time is up for this area ({over} over): finish the pass and move on.").format(
                over=clock(spent - self.total)
            )
        )
        if not self._said_done:
            self._said_done = True
            self.finished.emit()
