"""A twelve-week course in a real store, for the course report's tests and its benchmark."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.settings import Contraindication, Health
from scalpzone.domain.zones import ZoneState
from scalpzone.storage import ProfileStore

#: The course's first and last day (twelve weeks).
COURSE_START = date(2026, 9, 7)
COURSE_END = COURSE_START + timedelta(weeks=12, days=-1)
NOTE = "Crown a little red the next morning, gone by noon"


def fill_course(store: ProfileStore, pid: int) -> None:
    """Thinning crown and mid-scalp at the start, less at the end; sessions three times a week
    with every fifth one skipped; a note, a block, a roller and the checklist answered."""
    scalp_map = store.load_profile(pid).document.scalp_map
    for zone_id, severity in (("crown", 3), ("midscalp_left", 2), ("midscalp_right", 2)):
        zone = replace(scalp_map.zone(zone_id), state=ZoneState.THINNING, severity=severity)
        scalp_map = scalp_map.with_zone(zone)
    scalp_map = scalp_map.with_zone(
        replace(scalp_map.zone("hairline_center"), state=ZoneState.BALD)
    )
    store.save_map(pid, scalp_map, COURSE_START)
    store.start_roller(pid, 0.5, COURSE_START)
    store.save_health(pid, Health(frozenset({Contraindication.SUNBURN})), COURSE_START)
    store.save_health(pid, Health(), COURSE_START + timedelta(days=3))
    day = COURSE_START
    count = 0
    while day <= COURSE_END:
        if day.weekday() in (0, 2, 4):
            count += 1
            status = SessionStatus.SKIPPED if count % 5 == 0 else SessionStatus.DONE
            note = NOTE if count == 4 else ""
            zones = ("crown", "midscalp_left") if count % 2 else ("crown", "midscalp_right")
            store.log_session(pid, HistoryEntry(day, zones, 0.5, status, note))
        day += timedelta(days=1)
    middle = COURSE_START + timedelta(weeks=6)
    better = scalp_map.with_zone(replace(scalp_map.zone("crown"), severity=2))
    store.save_map(pid, better, middle)
    best = better.with_zone(replace(better.zone("midscalp_right"), state=ZoneState.HEALTHY))
    best = best.with_zone(replace(best.zone("crown"), blocked_until=COURSE_END + timedelta(days=3)))
    store.save_map(pid, best, COURSE_END)
