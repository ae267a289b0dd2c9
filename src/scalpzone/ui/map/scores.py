"""The shares marked bald and thinning in the status bar, worked out just after each edit.

They are worked out once the edit is on screen: after the map's next paint when the map is
shown, or a moment after the edit when it is not (an undo on the Week tab).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.scores import WEIGHTING, CoverageScores, coverage_scores, shares_sentence
from scalpzone.ui.map.model import MapChange, MapModel

#: Wait this long after an edit, so a burst of edits (a drag) is scored once.
SETTLE_MS = 60

#: What `html.escape` replaces, done here: importing `html` loads its table of entities
#: (≈ 2 ms before the first paint, for one tooltip).
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def e(text: str) -> str:
    """`text` shown as it is in Qt's rich text (as `html.escape(text)` gives it)."""
    return text.translate(_MARKUP)


class ScoresLabel(QLabel):
    """ "About 11 % of your scalp marked bald, 18 % thinning": for tracking only."""

    def __init__(self, model: MapModel, map_area: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._map_area = map_area  # the widget the map paints on
        self._after_paint = False
        map_area.installEventFilter(self)
        self.scores: CoverageScores | None = None
        rule = RULES_BY_ID["coverage_score"]
        self.setToolTip(
            f"<qt><b>{e(rule.title)}</b><br>{e(WEIGHTING)}<br><i>{e(rule.source_line)}</i></qt>"
        )
        # The label reads its own text; the tooltip's facts in plain words for screen readers.
        self.setAccessibleDescription(f"{rule.title}. {WEIGHTING} {rule.source_line}")
        self.setContentsMargins(8, 0, 8, 0)
        # Scores cost a few milliseconds (and a geometry library on first use), so they are
        # worked out once the edit is on screen, and not before the window first shows.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)
        self._timer.timeout.connect(self.refresh)
        self._started = False
        self._due = True
        model.mapChanged.connect(self._on_map_changed)
        self.setText(self.tr("Share of your scalp marked bald and thinning: –"))

    def start(self) -> None:
        """The window is on screen: scores may be worked out from now on."""
        self._started = True
        if self._due:
            self._arm()

    def _on_map_changed(self, change: MapChange) -> None:
        if change.zones_touched:
            self._due = True
            if self._started:
                self._arm()

    def _arm(self) -> None:
        # A shown map paints the edit first (a whole profile opened is drawn before it is scored).
        self._after_paint = self._map_area.isVisible()
        if self._after_paint:
            self._timer.stop()
        else:
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The map painted: the scores follow once edits have settled."""
        if self._after_paint and event.type() == QEvent.Type.Paint:
            self._after_paint = False
            self._timer.start()
        return False

    @property
    def waiting(self) -> bool:
        """Whether a refresh is due."""
        return self._due

    def refresh(self) -> None:
        """Work the scores out for the map as it is now."""
        self._timer.stop()
        self._due = False
        self._after_paint = False
        self.scores = coverage_scores(self._model.scalp_map)
        self.setText(shares_sentence(self.scores.bald, self.scores.thinning))
