"""Every safety rule ScalpZone enforces, each with its source (SPEC §2), in one table."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule the planner or the settings enforce, with where it comes from."""

    id: str
    title: str
    value: str
    explanation: str
    source: str


SOURCE_002 = "Seed article 002 (hair-restoration clinic talk on derma rolling)"
SOURCE_004 = "Seed article 004 (overview of derma rolling)"
SOURCE_000 = "Seed article 000 (does derma rolling work for hair loss?)"
DHURAT_2013 = (
    "Dhurat R et al. A randomized evaluator blinded study of effect of microneedling in "
    "androgenetic alopecia. Int J Trichology 2013;5(1):6-11"
)
KUMAR_2018 = (
    "Kumar MK et al. Evaluation of efficacy and safety of microneedling with minoxidil in "
    "androgenetic alopecia. Int J Trichology 2018;10(3):95-101"
)
OLSEN_2004 = "Olsen EA et al. Alopecia areata investigational assessment guidelines. J Am Acad Dermatol 2004;51:440-7"
FDA_2020 = "US FDA, Microneedling devices: safety communication (2020)"
AAD_2018 = "American Academy of Dermatology, Can microneedling at home help your skin? (2018)"
CDC_2008 = "CDC, Guideline for disinfection and sterilization in healthcare facilities (2008)"

RULES: tuple[Rule, ...] = (
    Rule(
        "bald",
        "Bald areas are never scheduled",
        "reason: bald",
        "Where no hair is left, rolling will not bring it back; it is meant for areas that are "
        "thinning but still have hair.",
        f"{SOURCE_002}: a bald patch will not regrow; aim at mild thinning",
    ),
    Rule(
        "healthy",
        "Healthy areas are not scheduled",
        "reason: healthy",
        "Rolling is aimed at areas where the hair has begun to thin, not at healthy hair.",
        f"{SOURCE_002}: target areas with early miniaturisation",
    ),
    Rule(
        "blocked",
        "Blocked areas wait until after their date",
        "reason: blocked",
        "You blocked this area (for example irritation, a cut or sunburn); it is left alone until "
        "the day after the date you set.",
        "Your own judgement",
    ),
    Rule(
        "needle_length",
        "Needle length 0.2–1.5 mm",
        "0.2–1.5 mm; longer is refused",
        "Rollers start at 0.2 mm. Hair needs nothing beyond 1.5 mm, and longer needles risk "
        "reaching and damaging the hair follicle.",
        f"{SOURCE_002}: no need beyond 1.5 mm, long needles risk the follicle; "
        f"{SOURCE_004}: lengths from 0.2 mm",
    ),
    Rule(
        "zone_rest",
        "Rest between two sessions on the same area",
        "≤ 0.5 mm: 48 h; ≤ 1.0 mm: 72 h; ≤ 1.5 mm: 168 h",
        "The scalp takes a day or two to heal from short needles; the trials with 1.5 mm "
        "needles rolled once a week.",
        f"{SOURCE_002}: healing takes 24–48 h; {DHURAT_2013}; {KUMAR_2018}",
    ),
    Rule(
        "zone_cap",
        "Sessions on one area in any 7 days",
        "≤ 0.5 mm: 3; ≤ 1.0 mm: 2; ≤ 1.5 mm: 1",
        "Each area gets only so many sessions a week, fewer with longer needles, so it can heal.",
        f"{SOURCE_002}; {DHURAT_2013}; {KUMAR_2018}",
    ),
    Rule(
        "sessions_per_week",
        "Session days in any 7 days",
        "1–3",
        "Rolling more than two or three times a week does more harm than good.",
        f"{SOURCE_002}: not more than 2 or 3 times a week",
    ),
    Rule(
        "rest_ceiling",
        "Rest between two sessions on one area: at most two weeks",
        "at most 336 h (14 days)",
        "The plan rolls every area it treats at least once in 14 days; a longer rest would take "
        "the area out of that rotation.",
        "ScalpZone's own choice (the plan's 14-day rotation), not a published figure",
    ),
    Rule(
        "session_minutes",
        "Length of one session",
        "5–60 minutes, default 15",
        "Long enough to roll one area with care, short enough not to overwork the scalp; with "
        "many areas, the plan spreads them over more days instead of rolling longer.",
        "ScalpZone's own choice, not a published figure",
    ),
    Rule(
        "patch_test",
        "The first session is a patch test",
        "one area only, then at least 48 h before the next session",
        "Try one small area first and wait two days to see how your skin reacts.",
        f"{SOURCE_000} and {SOURCE_004}: patch test, sensitive skin",
    ),
    Rule(
        "contraindications",
        "Skin or health conditions put the plan on hold",
        "any ticked item: no sessions",
        "Rolling over active skin problems, infection, wounds or sunburn, on blood thinners, or "
        "soon after isotretinoin can make things worse; ask a doctor first.",
        f"{SOURCE_004}; common clinic contraindication lists",
    ),
    Rule(
        "roller",
        "One roller per person, replaced regularly",
        "replace after `roller_max_uses` sessions (default 10, a product choice)",
        "A shared roller can pass infections between people, and home needles go blunt quickly. "
        "The default of 10 uses is ScalpZone's choice, not a published figure.",
        f"{FDA_2020}: disease transmission between users; {AAD_2018}: home needles dull quickly",
    ),
    Rule(
        "roller_uses",
        "A roller is replaced after at most 30 sessions",
        "replace after 1–30 sessions (setting `roller_max_uses`), default 10",
        "Home needles go blunt and are hard to keep clean, so a roller may not be kept for more "
        "than 30 sessions; replacing it sooner is always allowed.",
        f"ScalpZone's own choice, not a published figure (why replace at all: {AAD_2018}: "
        "home needles dull quickly)",
    ),
    Rule(
        "hygiene",
        "Disinfect before and after",
        "70 % isopropyl alcohol, before and after every session",
        "Alcohol disinfects a home roller; it does not make it sterile, so never share it and "
        "replace it often.",
        f"{SOURCE_004}; {CDC_2008} (alcohol disinfects, it does not sterilise)",
    ),
    Rule(
        "course",
        "A course lasts 12 weeks, then a review",
        "12 weeks",
        "After 12 weeks, mark your map again and compare it with the start before going on.",
        f"{DHURAT_2013} (12 weeks)",
    ),
    Rule(
        "coverage_score",
        "Coverage scores are for tracking only",
        "SALT weights: top 40 %, back 24 %, left 18 %, right 18 %",
        "The bald and thinning scores weigh each part of the scalp by its share of the whole. "
        "They help you follow changes over time; they are not a diagnosis.",
        OLSEN_2004,
    ),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}

NEEDLE_MIN_MM = 0.2
NEEDLE_MAX_MM = 1.5
PATCH_TEST_REST_HOURS = 48
COURSE_WEEKS = 12
COVERAGE_DAYS = 14

#: (longest needle in the tier in mm, minimum rest in hours, most sessions on one zone in 7 days)
_NEEDLE_TIERS: tuple[tuple[float, int, int], ...] = ((0.5, 48, 3), (1.0, 72, 2), (1.5, 168, 1))


def _tier(needle_mm: float) -> tuple[float, int, int]:
    for tier in _NEEDLE_TIERS:
        if needle_mm <= tier[0] + 1e-9:
            return tier
    raise ValueError(f"needle {needle_mm} mm is above the {NEEDLE_MAX_MM} mm maximum")


def rest_floor_hours(needle_mm: float) -> int:
    """The shortest rest an area may have between two sessions with this needle."""
    return _tier(needle_mm)[1]


def weekly_cap(needle_mm: float) -> int:
    """The most sessions one area may have in any 7 consecutive days with this needle."""
    return _tier(needle_mm)[2]


def millimetres(value: float) -> str:
    """A needle length as people write it: 1.0, 0.25, 1.5."""
    return f"{value:.2f}".rstrip("0").rstrip(".") if value * 10 % 1 else f"{value:.1f}"


def rest_days(hours: int) -> int:
    """Whole calendar days that cover a rest of this many hours (sessions are a day apart)."""
    return math.ceil(hours / 24)
