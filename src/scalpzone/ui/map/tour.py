"""The first-start walkthrough: a few short steps on marking the map, shown above it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from scalpzone.ui.map.model import MapChange
    from scalpzone.ui.widgets.notices import NoticeBar


def tour_steps() -> list[str]:
    """The steps of Help › Getting started, in the window's words."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    return [
        tr(
            "Click an area of the diagram to mark it: one click makes it thinning, "
            "two bald, three healthy again. Face is at the top; L and R are your sides."
        ),
        tr(
            "Right-click an area to set how far the thinning has gone, or to block it "
            "for a few days (irritation, a cut, sunburn)."
        ),
        tr(
            "Draw your hairline with Draw hairline (H): click along it, then press Enter. "
            "Draw any patch the regions miss with Draw zone (D)."
        ),
        tr(
            "The next 7 days on the right follow every change. Everything is saved as "
            "you go; Ctrl+Z takes a step back."
        ),
    ]


def follow_tour(bar: NoticeBar, change: MapChange) -> None:
    """The tour moves on when the person does what a step asks (Next is not needed)."""
    if bar.tour_step < 0:
        return
    if change.hairline or change.added:
        bar.advance_past(2)  # drew the hairline or a zone
    elif change.changed and not change.reset:
        bar.advance_past(0)  # marked an area
