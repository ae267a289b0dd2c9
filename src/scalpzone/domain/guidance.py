"""What the app, the printed sheet and the command line tell a person, in ScalpZone's own words."""

from __future__ import annotations

DISCLAIMER = (
    "Guidance, not medical advice. See a dermatologist before you start, "
    "and again whenever anything looks wrong."
)

BEFORE_STEPS: tuple[str, ...] = (
    "Wash your hands. Soak the roller in 70 % isopropyl alcohol and let it dry in the air. "
    "This disinfects it but does not make it sterile, so keep it for yourself alone.",
    "Wet your hair and comb it into partings, so the needles meet the scalp rather than the hair.",
)

DURING_STEPS: tuple[str, ...] = (
    "Roll each area in one direction per pass (pulling backwards is easiest), lift the roller, "
    "and repeat for a few passes.",
    "Stop when the skin turns mildly pink. Never roll until it bleeds.",
)

AFTER_STEPS: tuple[str, ...] = (
    "Rinse the roller, disinfect it again with alcohol and store it dry in its case.",
    "For the next 24 hours: no hair washing, no heavy sweating, and keep the sun off your scalp.",
    "Some hairs may shed for a while after you start; this can happen and is worth watching. "
    "See a dermatologist if it goes on or worries you.",
)

SHORT_STEPS = (
    "Disinfect the roller (70 % alcohol) before and after. Wet the hair and comb partings. "
    "Roll each area one way per pass, a few passes; stop at mild pinkness, never at bleeding. "
    "Then 24 h without washing, sweat or sun. Some temporary shedding can happen."
)
