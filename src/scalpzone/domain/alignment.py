"""Two-point alignment of two photos: the person marks the same two landmarks on both.

The later photo is moved, turned and scaled (a similarity, no shearing) so that its two marks
land on the earlier photo's. Points are in pixels here (storage keeps them in each photo's unit
square; the window converts, as photos of different sizes need pixels to be compared).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scalpzone.domain.geometry import Point
from scalpzone.domain.photos import Alignment

#: Marks closer than this (in pixels) cannot define a direction or a scale.
MIN_MARK_DISTANCE = 4.0


@dataclass(frozen=True, slots=True)
class Similarity:
    """x' = scale·R(angle)·x + (dx, dy), R turning counter-clockwise in image coordinates."""

    scale: float = 1.0
    angle: float = 0.0  # radians
    dx: float = 0.0
    dy: float = 0.0

    def apply(self, point: Point) -> Point:
        """Where the transform takes a point."""
        x, y = point
        c, s = math.cos(self.angle), math.sin(self.angle)
        return (self.scale * (c * x - s * y) + self.dx, self.scale * (s * x + c * y) + self.dy)


def marks_problem(marks: tuple[Point, Point]) -> str | None:
    """Why two marks cannot align a photo, in words; None when they can."""
    (x1, y1), (x2, y2) = marks
    distance = math.hypot(x2 - x1, y2 - y1)
    if distance < MIN_MARK_DISTANCE:
        return (
            f"the two marks are {distance:.1f} px apart; put them at least "
            f"{MIN_MARK_DISTANCE:g} px apart, on two landmarks far from each other"
        )
    return None


def alignment(landmarks: Alignment) -> Similarity:
    """The similarity that takes the second photo's marks onto the first photo's.

    ValueError (from marks_problem) when either pair is too close together to define one.
    """
    for marks in (landmarks.first, landmarks.second):
        problem = marks_problem(marks)
        if problem is not None:
            raise ValueError(problem)
    (a1, a2), (b1, b2) = landmarks.first, landmarks.second
    va = (a2[0] - a1[0], a2[1] - a1[1])
    vb = (b2[0] - b1[0], b2[1] - b1[1])
    scale = math.hypot(*va) / math.hypot(*vb)
    angle = math.atan2(va[1], va[0]) - math.atan2(vb[1], vb[0])
    turned = Similarity(scale, angle).apply(b1)
    return Similarity(scale, angle, a1[0] - turned[0], a1[1] - turned[1])
