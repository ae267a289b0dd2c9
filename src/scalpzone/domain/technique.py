"""How to roll one zone: the passes, each in one direction, in ScalpZone's own words.

Common advice (SPEC §2): one direction per pass, backwards is easiest, a few passes, after
wetting and combing the hair into partings. Which directions and how many strokes is
ScalpZone's choice (docs/session.md): backwards first, then across towards the nearer ear, then
diagonally back and out, three strokes each, lifting the roller between strokes so each stroke
goes one way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scalpzone.domain.geometry import Point
from scalpzone.domain.zones import Zone

#: Strokes in each direction: "a few passes" (SPEC §2). A product choice, not a published figure.
STROKES = 3

#: A zone whose centre lies this close to the middle of the head has no nearer ear.
MIDDLE = 0.06


@dataclass(frozen=True, slots=True)
class RollPass:
    """One direction to roll a zone in, how many strokes, and how to say it.

    `direction` is a unit vector in map coordinates: x towards the person's right, y from the
    front of the head to the back.
    """

    direction: Point
    name: str
    how: str
    strokes: int = STROKES


def _side(centre: Point) -> int:
    """-1 left of the middle, +1 right of it, 0 on it."""
    offset = centre[0] - 0.5
    if abs(offset) < MIDDLE:
        return 0
    return -1 if offset < 0 else 1


def roll_passes(zone: Zone) -> tuple[RollPass, ...]:
    """The passes for one zone, in the order to roll them (see the module's docstring)."""
    side = _side(zone.centre)
    ear = {-1: "your left ear", 1: "your right ear"}.get(side)
    across_x = float(side or 1)
    half = 1 / math.sqrt(2)
    if ear is None:
        across = RollPass(
            (across_x, 0.0),
            "Across, left to right",
            "Start at the left edge of the area, roll across to the right edge, lift the roller "
            "and go back to the left edge for the next stroke.",
        )
        diagonal = RollPass(
            (half, half),
            "Diagonally, back and to the right",
            "Start at the front left corner of the area and roll towards the back right, "
            "then lift the roller and start again at the front left.",
        )
    else:
        across = RollPass(
            (across_x, 0.0),
            f"Across, towards {ear}",
            f"Start at the edge of the area nearer the middle of your head, roll out towards "
            f"{ear}, lift the roller and go back for the next stroke.",
        )
        diagonal = RollPass(
            (across_x * half, half),
            f"Diagonally, back and towards {ear}",
            f"Start at the front corner nearer the middle and roll back and out towards {ear}, "
            "then lift the roller and start again.",
        )
    backwards = RollPass(
        (0.0, 1.0),
        "Front to back",
        "Set the roller at the front edge of the area and pull it backwards to the back edge. "
        "Lift it, bring it to the front again and repeat. Pulling backwards is the easiest.",
    )
    return (backwards, across, diagonal)
