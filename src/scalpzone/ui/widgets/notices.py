"""A quiet strip above the map for short notes, refusals and the first-start walkthrough."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from scalpzone.ui.style.colours import mix
from scalpzone.ui.widgets.accessible_parts import announce

#: Notes that something worked fade after this long; refusals stay until dismissed.
MESSAGE_MS = 8000

INFO = "info"
PROBLEM = "problem"
HINT = "hint"


class NoticeBar(QFrame):
    """One line of text with optional Next / Skip buttons; hidden when there is nothing to say."""

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeBar")
        self.setAccessibleName(self.tr("Notice"))
        self.kind = ""
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.next_button = QPushButton(self.tr("&Next"), self)
        self.skip_button = QPushButton(self.tr("&Skip tour"), self)
        self.action_button = QPushButton(self)
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(self.tr("Dismiss notice"))
        self.close_button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.next_button)
        layout.addWidget(self.skip_button)
        layout.addWidget(self.action_button)
        layout.addWidget(self.close_button)
        self.next_button.clicked.connect(self._next)
        self.skip_button.clicked.connect(self._finish_tour)
        self.close_button.clicked.connect(self.dismiss)
        self.action_button.clicked.connect(self._act)
        self._action: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fade)
        self._steps: list[str] = []
        self._step = 0
        self._on_tour_done: Callable[[], None] | None = None
        self.hide()

    def text(self) -> str:
        """What the bar says now ("" when hidden)."""
        return "" if self.isHidden() else self.label.text()

    def show_message(self, text: str) -> None:
        """A short note that fades by itself."""
        self._show(INFO, text)
        self._timer.start(MESSAGE_MS)

    def show_problem(self, text: str) -> None:
        """A refusal, shown until the person dismisses it or something else is said."""
        self._show(PROBLEM, text)
        self._timer.stop()

    def show_action(
        self, text: str, button: str, action: Callable[[], None], *, closable: bool = True
    ) -> None:
        """Something to do, with a button that does it; stays until done or dismissed."""
        self._action = action
        self._show(PROBLEM, text)
        self.action_button.setText(button)
        self.action_button.setAccessibleName(button.replace("&", ""))
        self.action_button.show()
        self.close_button.setVisible(closable)
        self._timer.stop()

    def start_tour(self, steps: Sequence[str], on_done: Callable[[], None]) -> None:
        """Walk through a few short steps; Skip ends it at once."""
        self._steps = list(steps)
        self._step = 0
        self._on_tour_done = on_done
        self._show_step()

    def dismiss(self) -> None:
        """Hide the bar (ends the tour too)."""
        if self.kind == HINT:
            self._finish_tour()
            return
        self._timer.stop()
        self.kind = ""
        self.hide()

    def _act(self) -> None:
        if self._action is not None:
            self._action()

    def _fade(self) -> None:
        if self.kind == INFO:
            self.dismiss()

    def _show_step(self) -> None:
        count = len(self._steps)
        prefix = self.tr("Step {n} of {count}: ").format(n=self._step + 1, count=count)
        self._show(HINT, prefix + self._steps[self._step])
        last = self._step == count - 1
        self.next_button.setText(self.tr("&Done") if last else self.tr("&Next"))

    @property
    def tour_step(self) -> int:
        """The tour's step on show (0-based), or -1 when no tour is running."""
        return self._step if self.kind == HINT else -1

    def advance_past(self, step: int) -> None:
        """The person did what step `step` asks: show the step after it (if not there yet)."""
        if self.kind == HINT and self._step <= step:
            self._step = step
            self._next()

    def _next(self) -> None:
        if self._step + 1 < len(self._steps):
            self._step += 1
            self._show_step()
        else:
            self._finish_tour()

    def _finish_tour(self) -> None:
        done = self._on_tour_done
        self._on_tour_done = None
        self._steps = []
        self.kind = ""
        self.hide()
        if done is not None:
            done()

    def _show(self, kind: str, text: str) -> None:
        self.kind = kind
        self.label.setText(text)
        touring = kind == HINT
        self.next_button.setVisible(touring)
        self.skip_button.setVisible(touring)
        self.close_button.setVisible(not touring)
        self.action_button.hide()
        self.update()
        self.show()
        self.shown.emit()
        announce(self, text)

    def paintEvent(self, event: QPaintEvent) -> None:
        """A rounded strip tinted from the palette of the moment (so light and dark both work)."""
        palette = self.palette()
        base = mix(
            palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Window), 0.5
        )
        if self.kind == PROBLEM:
            tint, amount = QColor("#f0a020"), 0.3
        else:
            tint, amount = palette.color(QPalette.ColorRole.Highlight), 0.18
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(mix(base, tint, 0.7), 1.0))
        painter.setBrush(mix(base, tint, amount))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.end()


class _FloatOver(QObject):
    """Keeps a bar across the top of a scroll area's viewport as the area resizes."""

    def __init__(self, bar: NoticeBar, area: QAbstractScrollArea) -> None:
        super().__init__(bar)
        self._bar = bar
        self._area = area
        bar.shown.connect(self.place)
        area.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._area and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def place(self) -> None:
        area = self._area.viewport().geometry().adjusted(10, 8, -10, 0)
        height = self._bar.heightForWidth(area.width())
        if height < 0:
            height = self._bar.sizeHint().height()
        self._bar.setGeometry(area.x(), area.y(), area.width(), height)
        self._bar.raise_()


def float_over(bar: NoticeBar, area: QAbstractScrollArea) -> None:
    """Notes float over the top of `area` (the map), so what is under them never jumps."""
    _FloatOver(bar, area)
