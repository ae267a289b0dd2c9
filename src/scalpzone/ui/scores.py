"""The bald and thinning scores in the status bar, worked out just after each edit is drawn."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.scores import CoverageScores, coverage_scores
from scalpzone.ui.model import MapChange, MapModel


class ScoresLabel(QLabel):
    """ "Bald 12.5 · Thinning 20.0": SALT-weighted shares of the scalp, for tracking only."""

    def __init__(self, model: MapModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.scores: CoverageScores | None = None
        rule = RULES_BY_ID["coverage_score"]
        self.setToolTip(
            f"<qt><b>{rule.title}</b><br>{rule.explanation}<br><i>{rule.source}</i></qt>"
        )
        self.setAccessibleName(self.tr("Coverage scores"))
        self.setContentsMargins(8, 0, 8, 0)
        # Scores cost a few milliseconds (and a geometry library on first use), so they are
        # worked out once the edit is on screen rather than before.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        model.mapChanged.connect(self._on_map_changed)
        self.setText(self.tr("Bald – · Thinning –"))

    def _on_map_changed(self, change: MapChange) -> None:
        if change.zones_touched:
            self._timer.start()

    @property
    def waiting(self) -> bool:
        """Whether a refresh is due."""
        return self._timer.isActive()

    def refresh(self) -> None:
        """Work the scores out for the map as it is now."""
        self._timer.stop()
        self.scores = coverage_scores(self._model.scalp_map)
        self.setText(
            self.tr("Bald {bald:.1f} · Thinning {thinning:.1f}  (SALT, 0–100)").format(
                bald=self.scores.bald, thinning=self.scores.thinning
            )
        )
