"""What the course report shows, worked out from plain data (no Qt, no SQL).

The report covers a range of days (by default the last 12 weeks): the map at its start and at its
end, the scores of every dated map in between, sessions planned and done per area, the needles
and rollers used, the log's notes and the blocks, the health checklist's answers with their date,
and the first and latest photo of each view. The printed sheet only draws what this returns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.mapfile import MapDocument
from scalpzone.domain.planner import MAX_WEEKS, make_plan
from scalpzone.domain.progress import DatedMap, ScorePoint, map_on, score_series
from scalpzone.domain.rules import COURSE_WEEKS
from scalpzone.domain.settings import Contraindication, Health
from scalpzone.domain.zones import ScalpMap, ZoneState

#: The longest range a report covers (the planner's horizon).
MAX_REPORT_DAYS = 7 * MAX_WEEKS


def default_range(today: date) -> tuple[date, date]:
    """The last 12 weeks, today included."""
    return today - timedelta(weeks=COURSE_WEEKS) + timedelta(days=1), today


def range_problem(first: date, last: date) -> str | None:
    """Why these days cannot make a report, naming the value and the limit; None if they can."""
    if last < first:
        return f"the range ends on {last.isoformat()}, before it starts on {first.isoformat()}"
    days = (last - first).days + 1
    if days > MAX_REPORT_DAYS:
        return f"the range is {days} days long; a report covers at most {MAX_REPORT_DAYS} days"
    return None


class RollerUse(Protocol):
    """A roller as storage reads it (storage's Roller has this shape)."""

    @property
    def needle_mm(self) -> float: ...

    @property
    def first_use(self) -> date: ...

    @property
    def uses(self) -> int: ...

    @property
    def retired_on(self) -> date | None: ...


@dataclass(frozen=True, slots=True)
class ReportPhoto:
    """One progress photo as the report prints it: its view, its day and its image file bytes."""

    view: str
    view_name: str
    day: date
    image: bytes


@dataclass(frozen=True, slots=True)
class PhotoPair:
    """The first and the latest photo of one view in the range (the same one when alone)."""

    view_name: str
    first: ReportPhoto
    latest: ReportPhoto


@dataclass(frozen=True, slots=True)
class AreaAdherence:
    """Sessions planned, done and skipped on one area within the range."""

    zone_id: str
    name: str
    planned: int
    done: int
    skipped: int


@dataclass(frozen=True, slots=True)
class DatedMapView:
    """The map as it was on a day (`day` None: the map as it is, no dated copy before)."""

    day: date | None
    scalp_map: ScalpMap


@dataclass(frozen=True, slots=True)
class LogNote:
    """A logged session with a note (irritation, a reaction, anything the person wrote)."""

    day: date
    areas: tuple[str, ...]
    status: SessionStatus
    note: str


@dataclass(frozen=True, slots=True)
class Block:
    """An area blocked from rolling until a day."""

    name: str
    until: date


@dataclass(frozen=True, slots=True)
class CourseReport:
    """Everything the course report prints."""

    profile_name: str
    first: date
    last: date
    printed_on: date
    map_start: DatedMapView
    map_end: DatedMapView
    scores: tuple[ScorePoint, ...]
    areas: tuple[AreaAdherence, ...]
    planned_from: date
    planned_until: date
    needles: tuple[tuple[float, int], ...]
    rollers: tuple[RollerUse, ...]
    notes: tuple[LogNote, ...]
    blocks: tuple[Block, ...]
    health: Health
    health_confirmed_on: date | None
    photos: tuple[PhotoPair, ...]
    #: Days with a session done within the range.
    sessions_done: int

    @property
    def weeks(self) -> float:
        """The range's length in weeks."""
        return ((self.last - self.first).days + 1) / 7

    @property
    def health_items(self) -> tuple[tuple[str, bool], ...]:
        """Each checklist item's wording and whether it is ticked, in checklist order."""
        return tuple((c.label, c in self.health.ticked) for c in Contraindication)


def _map_views(
    snapshots: Sequence[DatedMap], current: ScalpMap, first: date, last: date
) -> tuple[DatedMapView, DatedMapView]:
    ordered = sorted(snapshots, key=lambda s: s.day)
    before = [s for s in ordered if s.day <= first]
    inside = [s for s in ordered if first < s.day <= last]
    start = before[-1] if before else (inside[0] if inside else None)
    end = inside[-1] if inside else (before[-1] if before else None)
    if start is None or end is None:
        return DatedMapView(None, current), DatedMapView(None, current)
    return DatedMapView(start.day, map_on(start, current)), DatedMapView(
        end.day, map_on(end, current)
    )


def _planned(doc: MapDocument, start_map: ScalpMap, first: date, until: date) -> Counter[str]:
    """Sessions per area the planner schedules from `first` to `until` (see docs/report.md)."""
    counts: Counter[str] = Counter()
    if until < first:
        return counts
    weeks = min(MAX_WEEKS, -(-((until - first).days + 1) // 7))
    before = [e for e in doc.history if e.date < first]
    # Blocks are known only as they stand now, so they are not laid over the past.
    unblocked = replace(
        start_map, zones=tuple(replace(z, blocked_until=None) for z in start_map.zones)
    )
    plan = make_plan(unblocked, doc.settings, Health(), before, first, weeks)
    for session in plan.sessions:
        if session.date <= until:
            counts.update(session.zones)
    return counts


def _areas(
    doc: MapDocument, start_map: ScalpMap, planned: Counter[str], in_range: list[HistoryEntry]
) -> tuple[AreaAdherence, ...]:
    done: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    for entry in in_range:
        (done if entry.is_treatment else skipped).update(set(entry.zones))
    current = doc.scalp_map
    shown = [
        z.id
        for z in current.zones
        if planned[z.id]
        or done[z.id]
        or skipped[z.id]
        or z.state is ZoneState.THINNING
        or (z.id in start_map and start_map.zone(z.id).state is ZoneState.THINNING)
    ]
    gone = sorted((set(done) | set(skipped) | set(planned)) - set(shown))
    return tuple(
        AreaAdherence(
            zone_id,
            current.zone(zone_id).display_name if zone_id in current else zone_id,
            planned[zone_id],
            done[zone_id],
            skipped[zone_id],
        )
        for zone_id in (*shown, *gone)
    )


def photo_pairs(photos: Sequence[ReportPhoto]) -> tuple[PhotoPair, ...]:
    """The first and latest photo of each view, views in the order their photos come."""
    by_view: dict[str, list[ReportPhoto]] = {}
    for photo in photos:
        by_view.setdefault(photo.view, []).append(photo)
    pairs = []
    for shots in by_view.values():
        shots.sort(key=lambda p: p.day)
        pairs.append(PhotoPair(shots[0].view_name, shots[0], shots[-1]))
    return tuple(pairs)


def build_course_report(
    doc: MapDocument,
    *,
    profile_name: str,
    snapshots: Sequence[DatedMap],
    rollers: Sequence[RollerUse],
    health_confirmed_on: date | None,
    photos: Sequence[ReportPhoto],
    first: date,
    last: date,
    today: date,
) -> CourseReport:
    """The report on `first` … `last` (ValueError when range_problem refuses the range)."""
    problem = range_problem(first, last)
    if problem is not None:
        raise ValueError(problem)
    map_start, map_end = _map_views(snapshots, doc.scalp_map, first, last)
    in_range = [e for e in doc.history if first <= e.date <= last]
    planned_until = min(last, today)
    # Nothing was planned before the person's first record (a dated map or a logged session).
    records = [s.day for s in snapshots] + [e.date for e in doc.history]
    plan_from = max(first, min(records, default=first))
    planned = _planned(doc, map_start.scalp_map, plan_from, planned_until)
    done = [e for e in in_range if e.is_treatment]
    needles = Counter(e.needle_mm for e in done)
    since = map_start.day or first
    scores = tuple(p for p in score_series(snapshots, doc.scalp_map) if since <= p.day <= last)
    return CourseReport(
        profile_name=profile_name,
        first=first,
        last=last,
        printed_on=today,
        map_start=map_start,
        map_end=map_end,
        scores=scores,
        areas=_areas(doc, map_start.scalp_map, planned, in_range),
        planned_from=plan_from,
        planned_until=planned_until,
        needles=tuple(sorted(needles.items())),
        rollers=tuple(
            r
            for r in rollers
            if r.first_use <= last and (r.retired_on is None or r.retired_on >= first)
        ),
        notes=tuple(
            LogNote(e.date, _names(doc.scalp_map, e.zones), e.status, " ".join(e.note.split()))
            for e in sorted(in_range, key=lambda e: e.date)
            if e.note.strip()
        ),
        blocks=tuple(
            Block(z.display_name, z.blocked_until)
            for z in doc.scalp_map.zones
            if z.blocked_until is not None and z.blocked_until >= first
        ),
        health=doc.health,
        health_confirmed_on=health_confirmed_on,
        photos=photo_pairs([p for p in photos if first <= p.day <= last]),
        sessions_done=len({e.date for e in done}),
    )


def _names(scalp_map: ScalpMap, zone_ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(scalp_map.zone(z).display_name if z in scalp_map else z for z in zone_ids)
