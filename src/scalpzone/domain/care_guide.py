"""Help › Care guide: how to roll, keep clean and look after the scalp, in ScalpZone's own words.

Every point names where it comes from: the rules it rests on (their sources are in
`rules.RULES`) and any further source. Points reuse the session steps in `guidance` where they
say the same thing, so the guide, the session runner and the printed plan never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from scalpzone.domain.guidance import AFTER_STEPS, BEFORE_STEPS, DISCLAIMER, DURING_STEPS
from scalpzone.domain.rules import (
    AAD_2018,
    CDC_2008,
    COURSE_WEEKS,
    DHURAT_2013,
    FDA_2020,
    KUMAR_2018,
    NEEDLE_MAX_MM,
    NEEDLE_MIN_MM,
    OLSEN_2004,
    PATCH_TEST_REST_HOURS,
    RULES_BY_ID,
    SOURCE_000,
    SOURCE_002,
    SOURCE_004,
    millimetres,
    rest_floor_hours,
    weekly_cap,
)
from scalpzone.domain.settings import Contraindication, Settings

CLINIC_LISTS = "Common clinic contraindication lists"
OWN_JUDGEMENT = "Your own judgement"
SCALPZONE_CHOICE = "ScalpZone's own cautious choice, not a published figure"

#: Every source the guide may cite, in the order the Sources section lists them. A rule's
#: source text names one or more of these.
REFERENCES: tuple[str, ...] = (
    SOURCE_000,
    SOURCE_002,
    SOURCE_004,
    DHURAT_2013,
    KUMAR_2018,
    OLSEN_2004,
    FDA_2020,
    AAD_2018,
    CDC_2008,
    CLINIC_LISTS,
    OWN_JUDGEMENT,
    SCALPZONE_CHOICE,
)


def rule_references(rule_id: str) -> tuple[str, ...]:
    """The references a rule's source names, in `REFERENCES` order."""
    source = RULES_BY_ID[rule_id].source.casefold()
    return tuple(ref for ref in REFERENCES if ref.casefold() in source)


@dataclass(frozen=True, slots=True)
class GuidePoint:
    """One piece of advice, the rules it rests on and any further sources; `items` is a list."""

    text: str
    rules: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    items: tuple[str, ...] = ()

    @property
    def references(self) -> tuple[str, ...]:
        """Everything this point rests on, in `REFERENCES` order, each once."""
        named = set(self.sources)
        for rule_id in self.rules:
            named.update(rule_references(rule_id))
        return tuple(ref for ref in REFERENCES if ref in named)


@dataclass(frozen=True, slots=True)
class GuideSection:
    """A heading and its points."""

    id: str
    heading: str
    points: tuple[GuidePoint, ...]

    @property
    def references(self) -> tuple[str, ...]:
        """Every source this section rests on, in `REFERENCES` order."""
        named = {ref for point in self.points for ref in point.references}
        return tuple(ref for ref in REFERENCES if ref in named)


@dataclass(frozen=True, slots=True)
class CareGuide:
    """The whole guide: an introduction, the sections, and the numbered list of sources."""

    title: str
    introduction: str
    disclaimer: str
    sections: tuple[GuideSection, ...]
    sources_heading: str
    sources_note: str

    @property
    def references(self) -> tuple[str, ...]:
        """Every source cited anywhere, in `REFERENCES` order: the numbered list at the end."""
        named = {ref for section in self.sections for ref in section.references}
        return tuple(ref for ref in REFERENCES if ref in named)

    def number(self, reference: str) -> int:
        """A source's number in the list at the end (1-based)."""
        return self.references.index(reference) + 1

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
                out.extend(point.items)
        out.extend(self.references)
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
        f"{tiers}. Keep to no more than three session days in any week; rolling more often does "
        "more harm than good. The plan keeps to these limits for you."
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
        GuidePoint(BEFORE_STEPS[1], sources=(SOURCE_002,)),
        GuidePoint(DURING_STEPS[0], sources=(SOURCE_002,)),
        GuidePoint(DURING_STEPS[1], sources=(SOURCE_002,)),
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
            sources=(SCALPZONE_CHOICE,),
        ),
    ),
)

AFTERCARE = GuideSection(
    "aftercare",
    "Aftercare",
    (
        GuidePoint(
            AFTER_STEPS[1],
            sources=(SOURCE_004, SCALPZONE_CHOICE),
        ),
        GuidePoint(
            "A mild pinkness is expected; the skin needs a day or two to heal, which is why each "
            "area rests between sessions.",
            sources=(SOURCE_002,),
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
            "you start.",
            sources=(SOURCE_000,),
        ),
    ),
)

SHEDDING = GuideSection(
    "shedding",
    "Shedding and what to expect",
    (
        GuidePoint(AFTER_STEPS[2], sources=(SOURCE_002,)),
        GuidePoint(
            "Shedding is more likely when the needles are long or an area is rolled too often, "
            "because both injure the scalp more. This is one reason the plan limits the needle "
            "length and how often each area is rolled.",
            sources=(SOURCE_002,),
        ),
        GuidePoint(
            "Rolling is no promise of new hair. Research on it is limited to a few small studies, "
            "some of them combining rolling with minoxidil, and results differ from person to "
            "person.",
            sources=(SOURCE_000, KUMAR_2018),
        ),
        GuidePoint(
            "One hair-loss clinic ranks rolling behind gentler treatments such as minoxidil and "
            "laser therapy: an addition to them rather than a first step.",
            sources=(SOURCE_002,),
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
            sources=(SOURCE_000,),
        ),
        GuidePoint(
            "When the patch test area reacts with more than a mild pinkness that fades.",
            rules=("patch_test",),
        ),
        GuidePoint(
            "When anything looks wrong after a session: soreness that does not settle, bleeding, "
            "or signs of an infection.",
            sources=(SOURCE_000, SOURCE_004, FDA_2020),
        ),
        GuidePoint(
            "When shedding goes on or worries you.",
            sources=(SOURCE_002,),
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
            "The bald and thinning scores help you follow changes over time. They are not a "
            "diagnosis.",
            rules=("coverage_score",),
        ),
    ),
)

CARE_GUIDE = CareGuide(
    title="Care guide",
    introduction=(
        "How to roll, keep your roller clean and look after your scalp, and when to stop and "
        "ask a dermatologist. The numbers in brackets point to the sources at the end."
    ),
    disclaimer=DISCLAIMER,
    sections=(TECHNIQUE, HYGIENE, AFTERCARE, CONTRAINDICATIONS, SHEDDING, DERMATOLOGIST, COURSE),
    sources_heading="Sources",
    sources_note=(
        "Every rule the plan follows, with its own source, is listed under Help › Rules and "
        "sources."
    ),
)
