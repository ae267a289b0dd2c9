"""The consistent-capture guide: how to take each view's photo the same way every time.

In ScalpZone's own words. Photos only compare when light, distance and parting stay the same;
the region each view centres on is named so the guide's drawing can show it.
"""

from __future__ import annotations

from dataclasses import dataclass

from scalpzone.domain.photos import PhotoView


@dataclass(frozen=True, slots=True)
class ViewGuide:
    """One view: where the camera goes, what the picture shows, and the area it centres on."""

    view: PhotoView
    camera: str
    picture: str
    region: str  # a region id the drawing highlights


#: What holds for every view.
EVERY_TIME = (
    "Same place and light: the same room and lamp each time, flash off, no window behind you.",
    "Same distance: about a forearm's length (30 cm) from lens to scalp; a mark on the floor helps.",
    "Same hair: dry, combed the same way, parted where it always is.",
    "Before a session, not after: redness after rolling hides the detail.",
)

GUIDES = (
    ViewGuide(
        PhotoView.FRONT,
        "In front of you at eyebrow height, level, pointing at the hairline.",
        "Your face from the eyebrows up, hair pushed back off the forehead, both temples in view.",
        "hairline_center",
    ),
    ViewGuide(
        PhotoView.TOP,
        "Straight above the middle of your head, looking down; tip your chin a little.",
        "The parting running down the middle of the picture, from the hairline to the crown.",
        "midscalp_center",
    ),
    ViewGuide(
        PhotoView.CROWN,
        "Above and a little behind the crown, looking down at the whorl; a helper, a timer or "
        "a second mirror makes this easier.",
        "The whorl in the centre, with some hair all round it.",
        "crown",
    ),
    ViewGuide(
        PhotoView.LEFT,
        "At your left side at ear height, level, pointing at the temple.",
        "The left temple and the area above the ear, the ear at the bottom edge.",
        "parietal_left",
    ),
    ViewGuide(
        PhotoView.RIGHT,
        "At your right side at ear height, level, pointing at the temple.",
        "The right temple and the area above the ear, the ear at the bottom edge.",
        "parietal_right",
    ),
    ViewGuide(
        PhotoView.BACK,
        "Behind you at the height of the back of your head; bow your head slightly.",
        "The back of the head from the nape up to the crown.",
        "occipital",
    ),
)


def guide_for(view: PhotoView) -> ViewGuide:
    """The guide of one view."""
    return next(g for g in GUIDES if g.view is view)
