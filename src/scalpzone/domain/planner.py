"""The planner: a pure function from the map, settings, health and log to a forward plan (SPEC §3)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.limits import EARLIEST_DAY, LATEST_DAY
from scalpzone.domain.plan import (
    Plan,
    PlanStatus,
    PlanWarning,
    Rejection,
    RejectReason,
    Session,
    WarningCode,
)
from scalpzone.domain.references import number
from scalpzone.domain.rules import (
    COURSE_WEEKS,
    COVERAGE_DAYS,
    NEEDLE_MAX_MM,
    PATCH_TEST_REST_HOURS,
    millimetres,
    rest_days,
    rest_floor_hours,
)
from scalpzone.domain.settings import Health, Settings, Weekday
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState

MAX_WEEKS = 52
DAY = timedelta(days=1)

EMPTY_MESSAGE = (
    "No area is marked as thinning, so there is nothing to plan. Rolling is meant for areas "
    "where the hair is getting thinner; bald areas are left out because rolling does not bring "
    "back hair where none is left. Mark your thinning areas on the map to get a plan."
)


def hold_message(health: Health) -> str:
    """Why a plan is on hold, and what to do about it."""
    items = "; ".join(c.label.lower() for c in sorted(health.ticked))
    return (
        f"Plan on hold: {items}. Rolling could make this worse or lead to infection. "
        "Talk to a doctor or dermatologist, and untick the item once it has cleared to plan again."
    )


@dataclass(slots=True)
class _ZoneTrack:
    """What the planner knows of one schedulable zone while it walks forward in time."""

    zone: Zone
    minutes: int
    order: tuple[float, float, str]
    treated: list[date] = field(default_factory=list)
    ready_on: date = date.min

    def treat(self, day: date, rest: int) -> None:
        self.treated.append(day)
        self.ready_on = max(self.ready_on, day + timedelta(days=rest))

    def rotation_key(self) -> tuple[int, int, int, int, str]:
        last = self.treated[-1].toordinal() if self.treated else 0
        return (
            1 if self.treated else 0,
            last,
            len(self.treated),
            -self.zone.severity,
            self.zone.id,
        )

    def is_due(self, day: date, cap: int) -> bool:
        if self.zone.is_blocked_on(day) or day < self.ready_on:
            return False
        # At most `cap` treatments in any 7 days: the cap-th latest must be a week old.
        return len(self.treated) < cap or (day - self.treated[-cap]).days >= 7


def roll_order(zone: Zone) -> tuple[float, float, str]:
    """Where a zone comes in a session: front to back, then left to right."""
    x, y = zone.centre
    return (y, x, zone.id)


def _track(zone: Zone) -> _ZoneTrack:
    return _ZoneTrack(zone, zone.minutes, roll_order(zone))


def _rejections(scalp_map: ScalpMap, start: date) -> tuple[Rejection, ...]:
    out: list[Rejection] = []
    for zone in scalp_map.zones:
        if zone.state is ZoneState.BALD:
            out.append(Rejection(zone.id, RejectReason.BALD))
        elif zone.state is ZoneState.HEALTHY:
            out.append(Rejection(zone.id, RejectReason.HEALTHY))
        elif zone.is_blocked_on(start):
            out.append(Rejection(zone.id, RejectReason.BLOCKED, zone.blocked_until))
    return tuple(out)


def _may_hold_session(day: date, days: frozenset[int], per_week: int, held: list[date]) -> bool:
    if day.weekday() not in days:
        return False
    return len(held) < per_week or (day - held[-per_week]).days >= 7


def _count_slots(settings: Settings, start: date, gap: int, length: int) -> int:
    """Session days a plain walk over `length` days gives with this least gap between them."""
    days = frozenset(d.number for d in settings.session_days)
    held: list[date] = []
    for offset in range(length):
        day = start + timedelta(days=offset)
        if held and (day - held[-1]).days < gap:
            continue
        if _may_hold_session(day, days, settings.sessions_per_week, held):
            held.append(day)
    return len(held)


def session_gap(settings: Settings, start: date) -> int:
    """The widest spacing between session days that still allows as many sessions as any.

    Three sessions a week on any day give Mon, Wed, Fri…; with only two allowed neighbouring
    weekdays the gap shrinks to one day rather than lose a session.
    """
    most = _count_slots(settings, start, 1, 28)
    for gap in range(7 // settings.sessions_per_week, 1, -1):
        if _count_slots(settings, start, gap, 28) == most:
            return gap
    return 1


def _needle_rest(entry: HistoryEntry, settings: Settings) -> int:
    needle = min(max(entry.needle_mm, 0.0), NEEDLE_MAX_MM)
    return rest_days(max(settings.rest_hours, rest_floor_hours(needle)))


def make_plan(
    scalp_map: ScalpMap,
    settings: Settings,
    health: Health,
    history: Sequence[HistoryEntry],
    start: date,
    weeks: int,
    *,
    roller_uses: int | None = None,
) -> Plan:
    """Plan `weeks` whole weeks from `start`; the same input always gives the same plan.

    `roller_uses` is how often the current roller has been used; without it the planner assumes
    the roller was replaced on schedule and counts the logged sessions since.
    Logged sessions dated on or after `start` are left out of the planning.
    """
    if not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"weeks: {weeks} is outside 1–{MAX_WEEKS}")
    if not EARLIEST_DAY <= start <= LATEST_DAY:
        raise ValueError(f"start: {start} is outside {EARLIEST_DAY}–{LATEST_DAY}")
    end = start + timedelta(days=7 * weeks - 1)
    rejected = _rejections(scalp_map, start)
    if health.on_hold:
        return Plan(start, end, PlanStatus.HOLD, (), rejected, (), hold_message(health))
    candidates = scalp_map.by_state(ZoneState.THINNING)
    if not candidates:
        return Plan(start, end, PlanStatus.EMPTY, (), rejected, (), EMPTY_MESSAGE)

    past = sorted((e for e in history if e.is_treatment and e.date < start), key=lambda e: e.date)
    tracks = {z.id: _track(z) for z in candidates}
    rests: dict[float, timedelta] = {}  # years of log: one rest per needle, one per entry
    for entry in past:
        rest = rests.get(entry.needle_mm)
        if rest is None:
            rest = rests[entry.needle_mm] = timedelta(days=_needle_rest(entry, settings))
        day, ready = entry.date, entry.date + rest
        for zone_id in entry.zones:
            track = tracks.get(zone_id)
            if track is not None:
                # Every `done` entry is a treatment, even a second one on the same day
                # (docs/planner.md, "A doubled log entry").
                track.treated.append(day)
                track.ready_on = max(track.ready_on, ready)
    held = sorted({e.date for e in past})

    length = max(7 * weeks, COVERAGE_DAYS)
    sessions = _walk(settings, tracks, held, start, length, not past)
    horizon_end = start + timedelta(days=length - 1)
    in_plan = tuple(s for s in sessions if s.date <= end)

    warnings: list[PlanWarning] = []
    if in_plan and in_plan[0].patch_test:
        warnings.append(_patch_test_warning(in_plan[0], scalp_map))
    warnings.extend(_coverage_warning(settings, tracks, sessions, start, horizon_end, scalp_map))
    warnings.extend(_over_budget_warnings(settings, tracks.values()))
    warnings.extend(_roller_warning(settings, in_plan, past, roller_uses))
    warnings.extend(_course_warning(past, in_plan, start, end))
    if settings.needle_mm >= 1.0:
        warnings.append(_needle_warning(settings.needle_mm))
    return Plan(start, end, PlanStatus.OK, in_plan, rejected, tuple(warnings))


def _walk(
    settings: Settings,
    tracks: dict[str, _ZoneTrack],
    held: list[date],
    start: date,
    length: int,
    patch_test_first: bool,
) -> list[Session]:
    """Walk day by day, holding a session wherever the rules allow and some zone is due."""
    days = frozenset(d.number for d in settings.session_days)
    gap = session_gap(settings, start)
    rest = rest_days(settings.rest_hours)
    cap = settings.max_per_week
    budget = settings.session_minutes
    after_patch = rest_days(PATCH_TEST_REST_HOURS)
    sessions: list[Session] = []
    for offset in range(length):
        day = start + timedelta(days=offset)
        if held:
            since = (day - held[-1]).days
            wanted = max(gap, after_patch) if sessions and sessions[-1].patch_test else gap
            if since < wanted:
                continue
        if not _may_hold_session(day, days, settings.sessions_per_week, held):
            continue
        due = sorted(
            (t for t in tracks.values() if t.is_due(day, cap)), key=_ZoneTrack.rotation_key
        )
        if not due:
            continue
        patch = patch_test_first and not sessions
        chosen = [due[0]] if patch else _fill(due, budget)
        for track in chosen:
            track.treat(day, rest)
        chosen.sort(key=lambda t: t.order)
        sessions.append(
            Session(
                day,
                tuple(t.zone.id for t in chosen),
                settings.needle_mm,
                sum(t.minutes for t in chosen),
                patch,
            )
        )
        held.append(day)
    return sessions


def _fill(due: list[_ZoneTrack], budget: int) -> list[_ZoneTrack]:
    """Zones in rotation order while the budget allows; a zone too long alone goes alone."""
    chosen: list[_ZoneTrack] = []
    used = 0
    for track in due:
        if used + track.minutes > budget:
            if not chosen:
                chosen.append(track)
            break
        chosen.append(track)
        used += track.minutes
    return chosen


def _names(scalp_map: ScalpMap, zone_ids: Iterable[str]) -> str:
    return ", ".join(scalp_map.zone(z).display_name for z in zone_ids)


def _patch_test_warning(session: Session, scalp_map: ScalpMap) -> PlanWarning:
    return PlanWarning(
        WarningCode.PATCH_TEST,
        f"Your first session on {session.date.isoformat()} is a patch test: roll only "
        f"{_names(scalp_map, session.zones)}, then wait at least 48 hours and check the skin "
        "before the next session.",
        session.zones,
        (session.date,),
    )


def _needle_warning(needle_mm: float) -> PlanWarning:
    return PlanWarning(
        WarningCode.NEEDLE_ADVICE,
        f"With a {millimetres(needle_mm)} mm needle: the studies that used 1.0 mm and longer needles on the "
        f"scalp rolled once a week, done by clinicians (Dhurat 2013 [{number('dhurat2013')}], "
        f"Kumar 2018 [{number('kumar2018')}]). At home, "
        "consider a shorter needle, and ask a dermatologist before going deeper.",
    )


def _coverage_warning(
    settings: Settings,
    tracks: dict[str, _ZoneTrack],
    sessions: list[Session],
    start: date,
    horizon_end: date,
    scalp_map: ScalpMap,
) -> list[PlanWarning]:
    """Name the zones left without a session for 14 days or more anywhere in the horizon."""
    treated: dict[str, list[date]] = {zone_id: [] for zone_id in tracks}
    for session in sessions:
        for zone_id in session.zones:
            treated[zone_id].append(session.date)
    missed: list[str] = []
    for zone_id, track in tracks.items():
        first = start
        blocked = track.zone.blocked_until
        if blocked is not None and blocked >= horizon_end:
            continue  # blocked past the horizon (perhaps to the calendar's last day)
        if blocked is not None:
            first = max(first, blocked + DAY)
        if (horizon_end - first).days + 1 < COVERAGE_DAYS:
            continue
        previous = first - DAY
        for day in [d for d in treated[zone_id] if d >= first] + [horizon_end + DAY]:
            if (day - previous).days - 1 >= COVERAGE_DAYS:
                missed.append(zone_id)
                break
            previous = day
    if not missed:
        return []
    slots = _count_slots(settings, start, session_gap(settings, start), COVERAGE_DAYS)
    budget = settings.session_minutes
    alone = [t for t in tracks.values() if t.minutes > budget]
    shared = sum(t.minutes for t in tracks.values() if t.minutes <= budget)
    needed = len(alone) + math.ceil(shared / budget)
    if needed > slots:
        reason = (
            f"they need about {needed} sessions every two weeks, and {slots} sessions of "
            f"{budget} minutes fit in two weeks with these settings"
        )
    elif rest_days(settings.rest_hours) * settings.sessions_per_week > COVERAGE_DAYS:
        reason = "the rest you chose between sessions on one area is too long"
    else:
        reason = "the sessions fill up in rotation order before these areas come round"
    return [
        PlanWarning(
            WarningCode.COVERAGE,
            f"{_names(scalp_map, missed)}: not every area can be rolled at least once every "
            f"{COVERAGE_DAYS} days; {reason}. Allow more session days or longer sessions, or "
            "mark fewer areas.",
            tuple(missed),
        )
    ]


def _over_budget_warnings(settings: Settings, tracks: Iterable[_ZoneTrack]) -> list[PlanWarning]:
    return [
        PlanWarning(
            WarningCode.ZONE_OVER_BUDGET,
            f"{t.zone.display_name} alone takes {t.minutes} minutes, more than your "
            f"{settings.session_minutes}-minute sessions; it gets sessions of its own.",
            (t.zone.id,),
        )
        for t in tracks
        if t.minutes > settings.session_minutes
    ]


def _roller_warning(
    settings: Settings,
    sessions: Sequence[Session],
    past: Sequence[HistoryEntry],
    roller_uses: int | None,
) -> list[PlanWarning]:
    limit = settings.roller_max_uses
    uses = roller_uses if roller_uses is not None else len({e.date for e in past}) % limit
    replace_before: list[date] = []
    for session in sessions:
        if uses >= limit:
            replace_before.append(session.date)
            uses = 0
        uses += 1
    if not replace_before:
        return []
    days = ", ".join(d.isoformat() for d in replace_before)
    return [
        PlanWarning(
            WarningCode.ROLLER_REPLACE,
            f"Replace your roller before the session on {days}: by then it has been used "
            f"{limit} times and its needles are blunt. Use a roller of your own; never share one.",
            days=tuple(replace_before),
        )
    ]


def _course_warning(
    past: Sequence[HistoryEntry], sessions: Sequence[Session], start: date, end: date
) -> list[PlanWarning]:
    first = past[0].date if past else (sessions[0].date if sessions else None)
    if first is None:
        return []
    course = timedelta(weeks=COURSE_WEEKS)
    review = first + course
    while review < start:
        review += course
    if review > end:
        return []
    return [
        PlanWarning(
            WarningCode.COURSE_REVIEW,
            f"Your 12-week course reaches its review on {review.isoformat()}: mark your map "
            "again, compare it with how it looked at the start, and decide with care whether to "
            "go on. See a dermatologist if anything worries you.",
            days=(review,),
        )
    ]


__all__ = [
    "EMPTY_MESSAGE",
    "MAX_WEEKS",
    "Weekday",
    "hold_message",
    "make_plan",
    "roll_order",
    "session_gap",
]
