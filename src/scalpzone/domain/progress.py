"""Progress over time: the coverage scores of each dated map, and sessions per zone this course.

Pure functions over plain data, so the progress window only draws what these return.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.rules import COURSE_WEEKS
from scalpzone.domain.scores import coverage_scores
from scalpzone.domain.zones import ScalpMap, ZoneState


class ZoneStateOnDay(Protocol):
    """One zone's state in a dated snapshot (storage's ZoneStateSnapshot has this shape)."""

    @property
    def zone_id(self) -> str: ...

    @property
    def state(self) -> ZoneState: ...

    @property
    def severity(self) -> int: ...


class DatedMap(Protocol):
    """Every zone's state on one day (storage's MapSnapshot has this shape)."""

    @property
    def day(self) -> date: ...

    @property
    def zones(self) -> Sequence[ZoneStateOnDay]: ...


@dataclass(frozen=True, slots=True)
class ScorePoint:
    """The bald and thinning scores (0–100) of the map as it was on one day."""

    day: date
    bald: float
    thinning: float


def map_on(snapshot: DatedMap, current: ScalpMap) -> ScalpMap:
    """The map as it was on the snapshot's day, drawn with today's outlines.

    Snapshots keep states, not outlines: zones take their outline from the current map. A zone
    drawn after the snapshot counts as healthy then; a drawn zone removed since is left out,
    since its outline is gone.
    """
    states = {z.zone_id: z for z in snapshot.zones}
    zones = []
    for zone in current.zones:
        then = states.get(zone.id)
        if then is None:
            zones.append(replace(zone, state=ZoneState.HEALTHY, severity=1, blocked_until=None))
        else:
            zones.append(replace(zone, state=then.state, severity=then.severity))
    return replace(current, zones=tuple(zones))


def score_series(snapshots: Sequence[DatedMap], current: ScalpMap) -> tuple[ScorePoint, ...]:
    """The scores of every dated map, oldest first (one point per day)."""
    by_day = {s.day: s for s in snapshots}
    points = []
    for day in sorted(by_day):
        scores = coverage_scores(map_on(by_day[day], current))
        points.append(ScorePoint(day, scores.bald, scores.thinning))
    return tuple(points)


def course_start(history: Sequence[HistoryEntry], today: date) -> date | None:
    """The first day of the course `today` falls in: courses of 12 weeks follow one another
    from the first session done (as the planner's review does); None before any session."""
    done = sorted(e.date for e in history if e.is_treatment and e.date <= today)
    if not done:
        return None
    course = timedelta(weeks=COURSE_WEEKS)
    start = done[0]
    while start + course <= today:
        start += course
    return start


@dataclass(frozen=True, slots=True)
class ZoneCount:
    """How many sessions done rolled one zone."""

    zone_id: str
    name: str
    sessions: int


def sessions_per_zone(
    history: Sequence[HistoryEntry], scalp_map: ScalpMap, since: date | None, today: date
) -> tuple[ZoneCount, ...]:
    """Sessions done on each zone from `since` to `today` (skipped ones do not count).

    Lists every zone that was rolled in that time and every zone now thinning (rolled or not,
    so a zone left behind shows), in map order; zones no longer on the map come last, by id.
    """
    counts: Counter[str] = Counter()
    if since is not None:
        for entry in history:
            if entry.is_treatment and since <= entry.date <= today:
                counts.update(set(entry.zones))
    out = [
        ZoneCount(zone.id, zone.display_name, counts[zone.id])
        for zone in scalp_map.zones
        if counts[zone.id] or zone.state is ZoneState.THINNING
    ]
    out.extend(
        ZoneCount(zone_id, zone_id, counts[zone_id])
        for zone_id in sorted(counts)
        if zone_id not in scalp_map
    )
    return tuple(out)
