"""Sources a person can check: every rule rests on a reference or says it is ScalpZone's choice,
every reference can be opened, every key used exists, and no text a person sees says "seed"."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from scalpzone.domain import care_guide, guidance, planner, scores, technique
from scalpzone.domain.care_guide import CARE_GUIDE, limits_citation, plan_sources
from scalpzone.domain.references import REFERENCES, REFERENCES_BY_KEY, number
from scalpzone.domain.rules import CHOICE, RULES, RULES_BY_ID
from scalpzone.domain.templates import template_table

DOI = re.compile(r"^10\.\d{4,9}/\S+$")


def test_every_rule_rests_on_a_reference_or_says_it_is_scalpzones_choice() -> None:
    for rule in RULES:
        assert rule.cites or rule.choice.startswith(f"{CHOICE}"), rule.id
        if rule.choice:
            assert rule.choice.startswith(CHOICE) and ", because " in rule.choice, rule.id
        for citation in rule.cites:
            assert citation.claim, (rule.id, citation.key)


def test_every_reference_has_its_details_and_a_doi_or_a_stable_address() -> None:
    assert len({ref.key for ref in REFERENCES}) == len(REFERENCES)
    for ref in REFERENCES:
        assert ref.authors and ref.title and ref.published, ref.key
        assert ref.year is None or 1900 < ref.year < 2100, ref.key
        assert ref.doi or ref.url, ref.key
        if ref.doi:
            assert DOI.match(ref.doi), ref.doi
            assert ref.link == f"https://doi.org/{ref.doi}"
        else:
            assert ref.url.startswith("https://"), ref.url
            assert ref.link == ref.url


def test_every_reference_key_used_exists_and_every_reference_is_used() -> None:
    used = {c.key for rule in RULES for c in rule.cites}
    used |= {key for s in CARE_GUIDE.sections for p in s.points for key in p.cites}
    assert used <= set(REFERENCES_BY_KEY)
    assert used == set(REFERENCES_BY_KEY), "a listed reference nothing cites"


def test_numbers_follow_the_list() -> None:
    assert [number(ref.key) for ref in REFERENCES] == list(range(1, len(REFERENCES) + 1))
    assert "[1] Dhurat et al. 2013" in RULES_BY_ID["needle_length"].source


def test_kumar_2018_is_the_jcas_trial() -> None:
    kumar = REFERENCES_BY_KEY["kumar2018"]
    assert kumar.authors == "Kumar MK, Inamadar AC, Palit A"
    assert kumar.published == "J Cutan Aesthet Surg 2018;11(4):211–216"
    assert kumar.doi == "10.4103/JCAS.JCAS_130_17"
    assert kumar.title.startswith("A randomized controlled, single-observer blinded study")


def _domain_texts() -> list[str]:
    """Every text the domain gives the app, the printed plan or the command line."""
    texts: list[str] = []
    for module in (guidance, care_guide, planner, scores, technique):
        for name in dir(module):
            value = getattr(module, name)
            if name.isupper() and isinstance(value, str):
                texts.append(value)
            if name.isupper() and isinstance(value, tuple):
                texts.extend(v for v in value if isinstance(v, str))
    for rule in RULES:
        texts += [rule.sentence, rule.value, rule.source, rule.source_line]
    texts += list(CARE_GUIDE.texts())
    texts += [ref.citation for ref in REFERENCES]
    texts += [plan_sources(), limits_citation()]
    table = template_table()
    texts += [table.note, *(t.description for t in table.templates)]
    return texts


def test_no_domain_text_says_seed() -> None:
    texts = _domain_texts()
    assert len(texts) > 80
    for text in texts:
        assert "seed" not in text.lower(), text


def test_no_string_in_the_package_says_seed() -> None:
    """Every text the windows, dialogs and printouts can show is a string in the package."""
    package = Path(care_guide.__file__).parent.parent
    strings = 0
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings += 1
                assert "seed" not in node.value.lower(), (path, node.value)
    assert strings > 1000
