"""Which way to roll a zone: backwards first, then across and diagonally towards the nearer ear."""

from __future__ import annotations

import math

from scalpzone.domain.technique import STROKES, roll_passes
from scalpzone.domain.zones import ScalpMap, Zone


def test_every_preset_zone_starts_backwards_and_has_unit_directions() -> None:
    for zone in ScalpMap().zones:
        passes = roll_passes(zone)
        assert passes[0].name == "Front to back"
        assert passes[0].direction == (0.0, 1.0)
        assert len({p.direction for p in passes}) == len(passes) == 3
        for roll_pass in passes:
            assert math.isclose(math.hypot(*roll_pass.direction), 1.0)
            assert roll_pass.strokes == STROKES
            assert roll_pass.how.endswith(".")


def test_across_and_diagonal_go_towards_the_nearer_ear() -> None:
    scalp = ScalpMap()
    left = roll_passes(scalp.zone("temple_left"))
    right = roll_passes(scalp.zone("parietal_right"))
    assert left[1].direction[0] < 0 and "left ear" in left[1].name
    assert right[1].direction[0] > 0 and "right ear" in right[1].name
    assert left[2].direction[0] < 0 < left[2].direction[1]
    assert right[2].direction[0] > 0 and right[2].direction[1] > 0


def test_a_zone_in_the_middle_rolls_left_to_right() -> None:
    passes = roll_passes(ScalpMap().zone("crown"))
    assert passes[1].direction == (1.0, 0.0)
    assert passes[1].name == "Across, left to right"


def test_a_drawn_zone_follows_its_centre() -> None:
    drawn = Zone(
        "custom-1", name="Part", polygon=((0.6, 0.3), (0.75, 0.3), (0.75, 0.45), (0.6, 0.45))
    )
    assert roll_passes(drawn)[1].direction == (1.0, 0.0)
    assert "right ear" in roll_passes(drawn)[1].name


def test_the_words_never_call_the_roller_sterile() -> None:
    for zone in ScalpMap().zones:
        for roll_pass in roll_passes(zone):
            assert "steril" not in roll_pass.how.lower()
