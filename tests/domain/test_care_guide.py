"""The care guide's wording: every point has a source, no roller is called sterile, no promises."""

from __future__ import annotations

import re

from scalpzone.domain import guidance
from scalpzone.domain.care_guide import CARE_GUIDE, rule_references
from scalpzone.domain.references import REFERENCES, REFERENCES_BY_KEY
from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.settings import Contraindication

SECTIONS = {
    "technique",
    "hygiene",
    "aftercare",
    "contraindications",
    "shedding",
    "dermatologist",
}

#: The list of references: the works' own titles, not ScalpZone's words.
TITLES = {ref.citation for ref in REFERENCES}

NEGATION = re.compile(r"\b(not|never|no)\b[^.;:]{0,40}$", re.IGNORECASE)


def _negated(text: str, start: int) -> bool:
    """Whether a negation comes a few words before `start` in the same clause."""
    return NEGATION.search(text[:start]) is not None


def test_every_asked_for_section_is_there_with_the_references_last() -> None:
    assert {s.id for s in CARE_GUIDE.sections} >= SECTIONS
    assert CARE_GUIDE.headings()[-1] == "References"
    assert len(set(CARE_GUIDE.headings())) == len(CARE_GUIDE.headings())


def test_every_point_says_what_it_rests_on() -> None:
    for section in CARE_GUIDE.sections:
        assert section.points, section.id
        for point in section.points:
            assert point.references or point.labels, point.text
            assert point.citation.startswith("[") and point.citation != "[]"
            for rule_id in point.rules:
                assert rule_id in RULES_BY_ID
                # A cited rule brings every reference its own table names.
                assert set(rule_references(rule_id)) <= set(point.references)
            for key in point.cites:
                assert key in REFERENCES_BY_KEY


def test_the_list_at_the_end_is_help_references_numbered_alike() -> None:
    assert CARE_GUIDE.references == REFERENCES
    for i, ref in enumerate(REFERENCES, start=1):
        assert CARE_GUIDE.number(ref.key) == i


def test_every_cited_rule_maps_to_a_listed_reference_or_a_choice() -> None:
    cited = {r for s in CARE_GUIDE.sections for p in s.points for r in p.rules}
    assert {"bald", "hygiene", "roller", "contraindications", "patch_test"} <= cited
    for rule_id in cited:
        assert rule_references(rule_id) or RULES_BY_ID[rule_id].choice, rule_id


def test_no_text_calls_a_roller_sterile_except_to_say_it_is_not() -> None:
    texts = CARE_GUIDE.texts()
    found = 0
    for text in texts:
        if text in TITLES:
            continue  # a work's own title ("disinfection and sterilization")
        for match in re.finditer(r"steril\w*", text, re.IGNORECASE):
            found += 1
            assert _negated(text, match.start()), f"not negated: {text!r}"
    assert found >= 1  # the guide does say a disinfected roller is not sterile
    assert any("disinfect" in t.lower() for t in texts)


def test_the_negation_check_catches_a_plain_claim() -> None:
    text = "Soak the roller in alcohol to keep it sterile."
    match = re.search(r"steril\w*", text)
    assert match is not None
    assert not _negated(text, match.start())


def test_no_text_promises_regrowth() -> None:
    for text in CARE_GUIDE.texts():
        if text in TITLES:
            continue  # a work's own title ("effect of microneedle on hair regrowth")
        for match in re.finditer(
            r"regrow\w*|grow back|bring (hair|it) back|cure\w*|guarantee\w*", text, re.IGNORECASE
        ):
            assert _negated(text, match.start()), f"sounds like a promise: {text!r}"
    assert any("no promise" in t for t in CARE_GUIDE.texts())


def test_reuses_the_session_steps_the_disclaimer_and_the_checklist() -> None:
    texts = set(CARE_GUIDE.texts())
    assert CARE_GUIDE.disclaimer == guidance.DISCLAIMER
    for step in (*guidance.BEFORE_STEPS, *guidance.DURING_STEPS, *guidance.AFTER_STEPS):
        assert step in texts
    for item in Contraindication:
        assert item.label in texts
