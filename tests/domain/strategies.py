"""Hypothesis strategies for maps, settings, health and logs."""

from __future__ import annotations

import math
from datetime import date, time, timedelta

from hypothesis import assume
from hypothesis import strategies as st

from scalpzone.domain.geometry import polygon_area
from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.mapfile import MIN_ZONE_AREA
from scalpzone.domain.regions import REGION_IDS
from scalpzone.domain.rules import rest_floor_hours, weekly_cap
from scalpzone.domain.settings import (
    ZONE_REST_MAX_HOURS,
    Contraindication,
    Health,
    Settings,
    Weekday,
)
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState

NEEDLES = (0.2, 0.25, 0.3, 0.5, 0.75, 1.0, 1.2, 1.5)


@st.composite
def star_polygons(draw: st.DrawFn) -> tuple[tuple[float, float], ...]:
    """Simple (never self-crossing) polygons: points around a centre at increasing angles."""
    n = draw(st.integers(3, 9))
    cx = draw(st.floats(0.2, 0.8))
    cy = draw(st.floats(0.2, 0.8))
    # one corner in each equal slice around the centre: star-shaped, so never self-crossing
    step = 2 * math.pi / n
    angles = [i * step + draw(st.floats(0, 0.8)) * step for i in range(n)]
    points = []
    for a in angles:
        r = draw(st.floats(0.03, 0.15))
        x = min(1.0, max(0.0, cx + r * math.cos(a)))
        y = min(1.0, max(0.0, cy + r * math.sin(a)))
        points.append((round(x, 4), round(y, 4)))
    # A drawn zone must enclose some area (the map file refuses slivers); corners squeezed
    # against the map's edge or nearly in line can make one.
    assume(polygon_area(points) >= 2 * MIN_ZONE_AREA)
    return tuple(points)


def _blocked(start: date) -> st.SearchStrategy[date | None]:
    return st.one_of(st.none(), st.integers(-10, 40).map(lambda d: start + timedelta(days=d)))


@st.composite
def scalp_maps(draw: st.DrawFn, start: date, thinning_weight: int = 3) -> ScalpMap:
    """A map: every region in some state, plus up to 8 drawn zones."""
    states = st.sampled_from(
        [ZoneState.HEALTHY, ZoneState.BALD] + [ZoneState.THINNING] * thinning_weight
    )
    zones = []
    for rid in REGION_IDS:
        zones.append(
            Zone(
                rid,
                draw(states),
                draw(st.integers(1, 3)),
                draw(st.one_of(st.none(), st.none(), _blocked(start))),
            )
        )
    for n in range(1, draw(st.integers(0, 8)) + 1):
        zones.append(
            Zone(
                f"custom-{n}",
                draw(states),
                draw(st.integers(1, 3)),
                draw(st.one_of(st.none(), _blocked(start))),
                draw(st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "")),
                draw(star_polygons()),
            )
        )
    hairline = tuple(
        draw(st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=0, max_size=6))
    )
    if len(hairline) == 1:
        hairline = ()
    return ScalpMap(tuple(zones), hairline)


@st.composite
def plan_settings(draw: st.DrawFn) -> Settings:
    """Any settings the rules allow."""
    needle = draw(st.sampled_from(NEEDLES))
    floor = rest_floor_hours(needle)
    days = draw(st.sets(st.sampled_from(list(Weekday)), min_size=1))
    rest = draw(st.one_of(st.none(), st.integers(floor, ZONE_REST_MAX_HOURS)))
    cap = draw(st.one_of(st.none(), st.integers(1, weekly_cap(needle))))
    return Settings(
        needle_mm=needle,
        session_days=frozenset(days),
        sessions_per_week=draw(st.integers(1, 3)),
        zone_rest_hours=rest,
        zone_max_per_week=cap,
        session_minutes=draw(st.integers(5, 60)),
        roller_max_uses=draw(st.integers(1, 30)),
        session_time=time(draw(st.integers(0, 23)), draw(st.integers(0, 59))),
    )


def healths() -> st.SearchStrategy[Health]:
    """Mostly clear checklists, sometimes with items ticked."""
    ticked = st.sets(st.sampled_from(list(Contraindication)), max_size=3)
    return st.one_of(
        st.just(Health()),
        st.just(Health()),
        st.just(Health()),
        ticked.map(lambda t: Health(frozenset(t))),
    )


@st.composite
def histories(draw: st.DrawFn, scalp_map: ScalpMap, start: date) -> tuple[HistoryEntry, ...]:
    """A log of sessions, mostly before `start`, some skipped, a few on or after it."""
    ids = [z.id for z in scalp_map.zones]
    entries = []
    for _ in range(draw(st.integers(0, 12))):
        offset = draw(st.one_of(st.integers(-60, -1), st.integers(-60, -1), st.integers(0, 5)))
        entries.append(
            HistoryEntry(
                start + timedelta(days=offset),
                tuple(draw(st.lists(st.sampled_from(ids), min_size=1, max_size=5, unique=True))),
                draw(st.sampled_from(NEEDLES)),
                draw(
                    st.sampled_from([SessionStatus.DONE, SessionStatus.DONE, SessionStatus.SKIPPED])
                ),
                draw(st.text(max_size=10)),
            )
        )
    return tuple(entries)


starts = st.dates(date(2024, 1, 1), date(2030, 12, 31))
