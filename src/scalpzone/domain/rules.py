"""Every safety rule ScalpZone enforces, each with what it rests on (SPEC §2), in one table."""

from __future__ import annotations

import math
from dataclasses import dataclass

from scalpzone.domain.references import Citation, number


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule the planner or the settings enforce, why, and what it rests on.

    `title` states the rule and `because` gives the reason, so the two read as one sentence
    ("Bald areas are never planned, because …"). `cites` are published works with the claim
    each supports; `choice` says where a value is ScalpZone's own ("ScalpZone's choice,
    because …"); `advice` marks advice that is commonly given but no cited work tested.
    """

    id: str
    title: str
    value: str
    because: str
    cites: tuple[Citation, ...] = ()
    choice: str = ""
    advice: str = ""

    @property
    def sentence(self) -> str:
        """The rule and its reason in one sentence."""
        return f"{self.title}, because {self.because}."

    @property
    def explanation(self) -> str:
        """The reason on its own, as a sentence."""
        return f"{self.because[0].upper()}{self.because[1:]}."

    @property
    def source(self) -> str:
        """Where the rule comes from, with each reference's number in Help › References."""
        parts = [c.text for c in self.cites]
        if self.advice:
            parts.append(self.advice)
        if self.choice:
            parts.append(self.choice)
        return "; ".join(parts)

    @property
    def source_line(self) -> str:
        """ "Sources: [1] …" as a line under a rule; a choice alone reads as a sentence."""
        if self.cites:
            return f"Sources: {self.source}."
        return f"{self.source[0].upper()}{self.source[1:]}."

    @property
    def numbers(self) -> tuple[int, ...]:
        """The numbers of the references cited, in order, each once."""
        return tuple(dict.fromkeys(number(c.key) for c in self.cites))


#: Said of every figure ScalpZone chose where no study gives one.
CHOICE = "ScalpZone's choice"

_WEEKLY_TRIALS = (
    Citation("dhurat2013", "rolled 1.5 mm once a week for 12 weeks, alongside minoxidil"),
    Citation("kumar2018", "rolled 1.5 mm once a week, alongside minoxidil"),
)
_HOME_ROLLERS = Citation("aad2018", "home rollers are hard to clean and their needles dull quickly")
_INFECTION = Citation("fda_consumer", "tools not cleaned or used properly risk infection")

RULES: tuple[Rule, ...] = (
    Rule(
        "bald",
        "Bald areas are never planned",
        "",
        "the studies that found a benefit rolled scalps that were thinning but still had hair; "
        "where no hair is left, rolling is not known to bring it back",
        (
            Citation("dhurat2013", "treated men with Norwood III–IV thinning, not bald skin"),
            Citation("english2022", "benefit was seen mostly as an addition to other treatments"),
        ),
    ),
    Rule(
        "healthy",
        "Healthy areas are not planned",
        "",
        "rolling has been studied on hair loss, not on healthy hair, so there is nothing to "
        "gain from rolling an area that is not thinning",
        (Citation("english2022", "every study reviewed treated a hair-loss disorder"),),
    ),
    Rule(
        "blocked",
        "Blocked areas wait until after their date",
        "",
        "you blocked the area (for example for irritation, a cut or sunburn); it is left alone "
        "until the day after the date you set",
        choice=f"{CHOICE}, because you know your scalp best: the plan follows your block",
    ),
    Rule(
        "needle_length",
        "Needles are between 0.2 and 1.5 mm long",
        "0.2–1.5 mm; longer is refused",
        "the weekly trials that found a benefit used needles of 1.5 mm, and longer needles "
        "reach deeper into the skin, towards the hair follicles",
        (
            *_WEEKLY_TRIALS,
            Citation("english2022", "studies used depths of 0.5–2.5 mm"),
            Citation("xu2024", "benefit was seen with needles under and over 1 mm"),
        ),
        choice=f"{CHOICE}, because 0.2 mm is the shortest roller sold and a home roller "
        "should go no deeper than the weekly trials did",
    ),
    Rule(
        "zone_rest",
        "Each area rests between two sessions",
        "≤ 0.5 mm: 48 h; ≤ 1.0 mm: 72 h; ≤ 1.5 mm: 168 h",
        "the skin needs time to heal after rolling, and longer needles need longer",
        _WEEKLY_TRIALS,
        choice=f"{CHOICE} for the 48 h and 72 h with shorter needles, because no study "
        "tested rest times for them",
    ),
    Rule(
        "zone_cap",
        "Each area is rolled only so often in any 7 days",
        "≤ 0.5 mm: 3; ≤ 1.0 mm: 2; ≤ 1.5 mm: 1",
        "each area needs time to heal, so fewer sessions are allowed with longer needles",
        _WEEKLY_TRIALS,
        choice=f"{CHOICE} for 2 and 3 sessions with shorter needles, because the trials only "
        "tested 1.5 mm once a week",
    ),
    Rule(
        "sessions_per_week",
        "At most three session days in any 7 days",
        "1–3",
        "rolling more often leaves the scalp too little time to heal between sessions",
        (Citation("english2022", "studies rolled from once a week to once a month"),),
        choice=f"{CHOICE}, because with the areas taken in turn, three days a week still give "
        "each area its rest",
    ),
    Rule(
        "rest_ceiling",
        "The rest between two sessions on one area is at most two weeks",
        "at most 336 h (14 days)",
        "the plan rolls every area it treats at least once in 14 days, and a longer rest would "
        "take the area out of that rotation",
        choice=f"{CHOICE}, because the plan's 14-day rotation needs it",
    ),
    Rule(
        "session_minutes",
        "A session lasts 5 to 60 minutes",
        "5–60 minutes, default 15",
        "that is long enough to roll one area with care and short enough not to overwork the "
        "scalp; with many areas, the plan spreads them over more days instead",
        choice=f"{CHOICE}, because no study gives a session length for rolling at home",
    ),
    Rule(
        "patch_test",
        "The first session is a patch test",
        "one area only, then at least 48 h before the next session",
        "trying one small area first and waiting two days shows how your skin reacts before "
        "you roll more of it",
        (Citation("fda_consumer", "not everyone is a good candidate for microneedling"),),
        choice=f"{CHOICE} of 48 hours, because it gives the skin two days to show a reaction",
        advice="common advice before any new skin treatment",
    ),
    Rule(
        "contraindications",
        "Skin or health conditions put the plan on hold",
        "any ticked item: no sessions",
        "rolling over active skin problems, infection, wounds or sunburn, on blood thinners, or "
        "soon after isotretinoin can make things worse; ask a doctor first",
        (
            Citation("fda_consumer", "not everyone is a good candidate, so ask a trained provider"),
            Citation("aad2018", "rolling at home can lead to injury or infection"),
        ),
        advice="common advice: these are the usual reasons given for not needling the skin",
    ),
    Rule(
        "roller",
        "One roller per person, replaced regularly",
        "replace after the number of sessions in Plan settings (default 10)",
        "a shared roller can pass infections between people, and home needles go blunt quickly",
        (
            _INFECTION,
            _HOME_ROLLERS,
            Citation(
                "cdc2008",
                "items that enter the skin should be sterile, which alcohol does not achieve",
            ),
        ),
        choice=f"{CHOICE} for the default of 10 uses, because no study gives a number",
    ),
    Rule(
        "roller_uses",
        "A roller is replaced after at most 30 sessions",
        "replace after 1–30 sessions, default 10",
        "home needles go blunt and are hard to keep clean, so a roller may not be kept for more "
        "than 30 sessions; replacing it sooner is always allowed",
        (_HOME_ROLLERS,),
        choice=f"{CHOICE} for 30 and 10, because no study gives a number",
    ),
    Rule(
        "hygiene",
        "Disinfect the roller before and after",
        "70 % isopropyl alcohol, before and after every session",
        "alcohol disinfects a home roller but does not make it sterile, so never share it and "
        "replace it often",
        (Citation("cdc2008", "alcohol is a disinfectant, not a sterilant"), _INFECTION),
    ),
    Rule(
        "course",
        "A course lasts 12 weeks, then a review",
        "12 weeks",
        "the trials measured their results after 12 weeks; then mark your map again and "
        "compare it with the start before going on",
        (
            Citation("dhurat2013", "measured hair growth after 12 weeks"),
            Citation("xu2024", "pooled trials of 12 weeks and of 21–24 weeks"),
        ),
    ),
    Rule(
        "coverage_score",
        "The bald and thinning shares are for tracking only",
        "top of the head 40 %, back 24 %, each side 18 %",
        "each part of the scalp counts by its share of the whole, weighted in the manner of the "
        "SALT tool; the figures help you follow changes and are not a diagnosis",
        (Citation("olsen2004", "the region weights, from a tool made for alopecia areata"),),
    ),
    Rule(
        "templates",
        "Templates are a quick start, not a diagnosis",
        "Norwood–Hamilton I–VII, Ludwig I–III",
        "each template marks ScalpZone's regions to look roughly like a published stage of "
        "hair loss, and you adjust it to what you see",
        (
            Citation("norwood1975", "the stages of male pattern hair loss"),
            Citation("ludwig1977", "the stages of female pattern hair loss"),
        ),
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
