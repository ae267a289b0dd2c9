"""Help › Care guide: how to roll, keep clean and look after the scalp, in ScalpZone's own words.

Every point says what it rests on: the rules behind it (their references are in `rules.RULES`),
further references by key, or a plain label ("common advice", "ScalpZone's choice"). Points
reuse the session steps in `guidance` where they say the same thing, so the guide, the session
runner and the printed plan never disagree. The guide ends with the list of Help › References.
"""

from __future__ import annotations

from dataclasses import dataclass

from scalpzone.domain.guidance import AFTER_STEPS, BEFORE_STEPS, DISCLAIMER, DURING_STEPS
from scalpzone.domain.references import REFERENCES, Reference, number
from scalpzone.domain.rules import (
    CHOICE,
    COURSE_WEEKS,
    NEEDLE_MAX_MM,
    NEEDLE_MIN_MM,
    PATCH_TEST_REST_HOURS,
    RULES_BY_ID,
    millimetres,
    rest_floor_hours,
    weekly_cap,
)
from scalpzone.domain.settings import Contraindication, Settings

#: How a point that no cited work tested is labelled.
COMMON_ADVICE = "common advice"


def rule_references(rule_id: str) -> tuple[str, ...]:
    """The keys of the references a rule cites, in Help › References order."""
    keys = {c.key for c in RULES_BY_ID[rule_id].cites}
    return tuple(ref.key for ref in REFERENCES if ref.key in keys)


@dataclass(frozen=True, slots=True)
class GuidePoint:
    """One piece of advice and what it rests on: rules, references (by key), or a label.

    `advice` marks common advice no cited work tested; `choice` marks a figure ScalpZone chose.
    `items` is a list shown under the text.
    """

    text: str
    rules: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    advice: bool = False
    choice: bool = False

    @property
    def references(self) -> tuple[str, ...]:
        """The keys of every reference this point rests on, in Help › References order."""
        named = set(self.cites)
        for rule_id in self.rules:
            named.update(rule_references(rule_id))
        return tuple(ref.key for ref in REFERENCES if ref.key in named)

    @property
    def labels(self) -> tuple[str, ...]:
        """ "common advice" and "ScalpZone's choice", where they apply to it or its rules."""
        rules = [RULES_BY_ID[rule_id] for rule_id in self.rules]
        advice = self.advice or any(rule.advice for rule in rules)
        choice = self.choice or any(rule.choice for rule in rules)
        return tuple(label for label, on in ((COMMON_ADVICE, advice), (CHOICE, choice)) if on)

    @property
    def citation(self) -> str:
        """ "[1, 4]", "[common advice]" or "[2; ScalpZone's choice]": what follows the text."""
        numbers = ", ".join(str(number(key)) for key in self.references)
        return "[" + "; ".join(part for part in (numbers, *self.labels) if part) + "]"


@dataclass(frozen=True, slots=True)
class GuideSection:
    """A heading and its points."""

    id: str
    heading: str
    points: tuple[GuidePoint, ...]

    @property
    def references(self) -> tuple[str, ...]:
        """The keys of every reference this section rests on, in Help › References order."""
        named = {key for point in self.points for key in point.references}
        return tuple(ref.key for ref in REFERENCES if ref.key in named)


@dataclass(frozen=True, slots=True)
class CareGuide:
    """The whole guide: an introduction, the sections, and the numbered list of references."""

    title: str
    introduction: str
    disclaimer: str
    sections: tuple[GuideSection, ...]
    sources_heading: str
    sources_note: str

    @property
    def references(self) -> tuple[Reference, ...]:
        """The list at the end: the same works, in the same order, as Help › References."""
        return REFERENCES

    def number(self, key: str) -> int:
        """A reference's number in the list at the end (the same as in Help › References)."""
        return number(key)

    def headings(self) -> tuple[str, ...]:
        """Every section heading, the sources last."""
        return (*(s.heading for s in self.sections), self.sources_heading)

    def texts(self) -> tuple[str, ...]:
        """Every sentence the guide shows, for checks on its wording."""
        out = [self.title, self.introduction, self.disclaimer, self.sources_note]
        for section in self.sections:
            out.append(section.heading)
            for point in section.points:
                out.append(point.text)
                out.append(point.citation)
                out.extend(point.items)
        out.extend(ref.citation for ref in self.references)
        return tuple(out)


def _hours(hours: int) -> str:
    return "a week" if hours == 168 else f"{hours} hours"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _spacing_text() -> str:
    tiers = ", ".join(
        f"{_hours(rest_floor_hours(mm))} with needles up to {millimetres(mm)} mm "
        f"(and at most {_times(weekly_cap(mm))} in 7 days)"
        for mm in (0.5, 1.0, NEEDLE_MAX_MM)
    )
    return (
        "Give each area time to heal before you roll it again: at least "
        f"{tiers}. Keep to no more than three session days in any week; rolling more often leaves "
        "the scalp too little time to heal. The plan keeps to these limits for you."
    )


_DEFAULTS = Settings()

TECHNIQUE = GuideSection(
    "technique",
    "Technique",
    (
        GuidePoint(
            "Roll only the areas that are thinning but still have hair. Rolling will not bring "
            "hair back where none is left, and healthy hair needs no rolling, so the plan leaves "
            "both out.",
            rules=("bald", "healthy"),
        ),
        GuidePoint(
            f"Choose a needle between {millimetres(NEEDLE_MIN_MM)} and "
            f"{millimetres(NEEDLE_MAX_MM)} mm. Hair needs nothing longer, and longer needles can "
            "reach the hair follicle and harm it.",
            rules=("needle_length",),
        ),
        GuidePoint(
            "Begin with a patch test: one area only, then wait at least "
            f"{PATCH_TEST_REST_HOURS} hours and look at how your skin has taken it before the "
            "next session.",
            rules=("patch_test",),
        ),
        GuidePoint(BEFORE_STEPS[1], advice=True),
        GuidePoint(DURING_STEPS[0], advice=True),
        GuidePoint(DURING_STEPS[1], advice=True),
        GuidePoint(_spacing_text(), rules=("zone_rest", "zone_cap", "sessions_per_week")),
    ),
)

HYGIENE = GuideSection(
    "hygiene",
    "Hygiene",
    (
        GuidePoint(BEFORE_STEPS[0], rules=("hygiene",)),
        GuidePoint(AFTER_STEPS[0], rules=("hygiene",)),
        GuidePoint(
            "Never lend or borrow a roller, not even a disinfected one: a shared roller can carry "
            "an infection from one person to the next.",
            rules=("roller",),
        ),
        GuidePoint(
            "The needles of a home roller go blunt quickly. ScalpZone counts your sessions and "
            f"tells you when to change to a new roller: after {_DEFAULTS.roller_max_uses} "
            "sessions unless you set another number in the settings.",
            rules=("roller",),
            choice=True,
        ),
    ),
)

AFTERCARE = GuideSection(
    "aftercare",
    "Aftercare",
    (
        GuidePoint(AFTER_STEPS[1], advice=True, choice=True),
        GuidePoint(
            "A mild pinkness is expected; the skin needs a day or two to heal, which is why each "
            "area rests between sessions.",
            rules=("zone_rest",),
            advice=True,
        ),
        GuidePoint(
            "If an area is sore, cut, irritated or sunburnt, block it on the map until it has "
            "settled. The plan leaves it alone until the day after the date you choose.",
            rules=("blocked",),
        ),
    ),
)

CONTRAINDICATIONS = GuideSection(
    "contraindications",
    "When not to roll",
    (
        GuidePoint(
            "Do not roll while any of these applies to you. Ticking one in the health checklist "
            "puts the whole plan on hold until you untick it:",
            rules=("contraindications",),
            items=tuple(c.label for c in Contraindication),
        ),
        GuidePoint(
            "Sensitive skin may not take rolling well. The patch test shows how yours reacts; "
            "stop if it reacts badly.",
            rules=("patch_test",),
        ),
        GuidePoint(
            "If you have any other health condition, ask a dermatologist or your doctor before "
            "you start: not everyone is a good candidate for rolling.",
            cites=("fda_consumer",),
        ),
    ),
)

SHEDDING = GuideSection(
    "shedding",
    "Shedding and what to expect",
    (
        GuidePoint(AFTER_STEPS[2], advice=True),
        GuidePoint(
            "Longer needles and more frequent rolling injure the scalp more, and an injured "
            "scalp is more likely to shed. This is one reason the plan limits the needle length "
            "and how often each area is rolled.",
            advice=True,
        ),
        GuidePoint(
            "Rolling is no promise of new hair. Research on it is limited to a few small studies "
            "in men and in women, most of them combining rolling with minoxidil, and results "
            "differ from person to person.",
            cites=("dhurat2013", "kumar2018", "liang2022", "english2022", "xu2024"),
        ),
        GuidePoint(
            "In the studies, rolling was mostly an addition to a treatment such as minoxidil "
            "rather than a treatment on its own; a dermatologist can tell you what suits you.",
            cites=("english2022", "xu2024"),
        ),
    ),
)

DERMATOLOGIST = GuideSection(
    "dermatologist",
    "When to see a dermatologist",
    (
        GuidePoint(
            "Before you start: to find out what kind of hair loss you have and whether rolling "
            "suits you at all.",
            cites=("fda_consumer", "aad2018"),
        ),
        GuidePoint(
            "When the patch test area reacts with more than a mild pinkness that fades.",
            rules=("patch_test",),
        ),
        GuidePoint(
            "When anything looks wrong after a session: soreness that does not settle, bleeding, "
            "or signs of an infection.",
            cites=("fda_consumer", "aad2018"),
        ),
        GuidePoint(
            "When shedding goes on or worries you.",
            advice=True,
        ),
        GuidePoint(
            "When an item on the health checklist applies to you; the plan stays on hold until it "
            "has cleared.",
            rules=("contraindications",),
        ),
        GuidePoint(
            f"At the {COURSE_WEEKS}-week review, if anything about your scalp worries you.",
            rules=("course",),
        ),
    ),
)

COURSE = GuideSection(
    "course",
    "Your course and progress",
    (
        GuidePoint(
            f"A course lasts {COURSE_WEEKS} weeks. Then mark your map again, compare it with how "
            "it looked at the start, and decide with care whether to go on.",
            rules=("course",),
        ),
        GuidePoint(
            "The shares of your scalp marked bald and thinning help you follow changes over time. "
            "They are not a diagnosis.",
            rules=("coverage_score",),
        ),
    ),
)

CARE_GUIDE = CareGuide(
    title="Care guide",
    introduction=(
        "How to roll, keep your roller clean and look after your scalp, and when to stop and "
        "ask a dermatologist. The numbers in brackets point to the references at the end; "
        "“common advice” marks advice that is widely given but that no study listed there "
        "tested, and “ScalpZone's choice” a figure ScalpZone chose where no study gives one."
    ),
    disclaimer=DISCLAIMER,
    sections=(TECHNIQUE, HYGIENE, AFTERCARE, CONTRAINDICATIONS, SHEDDING, DERMATOLOGIST, COURSE),
    sources_heading="References",
    sources_note=(
        "The same list, with links, is under Help › References; every rule the plan follows "
        "and what it rests on is under Help › Rules and sources."
    ),
)


def _named(*rule_ids: str) -> str:
    keys = dict.fromkeys(c.key for r in rule_ids for c in RULES_BY_ID[r].cites)
    names = [f"[{number(k)}] {REFERENCES[number(k) - 1].short}" for k in keys]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def steps_citation(steps: tuple[str, ...]) -> str:
    """What a group of session steps rests on, for the printed plan: "[9, 10; common advice]".

    Figures ScalpZone chose are named on the plan's line about its limits, so this short
    label leaves them out.
    """
    points = [p for s in CARE_GUIDE.sections for p in s.points if p.text in steps]
    keys = {key for p in points for key in p.references}
    numbers = ", ".join(str(number(r.key)) for r in REFERENCES if r.key in keys)
    advice = COMMON_ADVICE if any(COMMON_ADVICE in p.labels for p in points) else ""
    return "[" + "; ".join(part for part in (numbers, advice) if part) + "]"


def limits_citation() -> str:
    """The printed plan's one line on where its limits come from and where the list is."""
    numbers = ", ".join(str(n) for n in RULES_BY_ID["zone_rest"].numbers)
    return (
        f"Rest and weekly limits: [{numbers}; {CHOICE}] · the works: ScalpZone, Help › References"
    )


def plan_sources() -> str:
    """The printed plan's note on where its steps and limits come from, by reference number."""
    return (
        f"Where the limits and steps come from: the rest and weekly limits, "
        f"{_named('zone_rest')}, with ScalpZone's choices for shorter needles; disinfecting "
        f"and keeping a roller to yourself, {_named('hygiene', 'roller')}; wetting and "
        "combing, the direction of rolling and the aftercare are common advice. Every work, "
        "with its link, is listed in ScalpZone under Help › References."
    )
