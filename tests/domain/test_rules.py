"""The rules table and the settings refusals."""

from __future__ import annotations

import re

import pytest

from scalpzone.domain import guidance, planner
from scalpzone.domain.plan import RejectReason, WarningCode
from scalpzone.domain.problems import ProblemsError
from scalpzone.domain.rules import RULES, RULES_BY_ID, rest_floor_hours, weekly_cap
from scalpzone.domain.settings import Settings, Weekday, checked_settings, parse_settings


def test_every_rule_has_a_source_and_every_reason_and_warning_has_a_rule() -> None:
    assert len({r.id for r in RULES}) == len(RULES)
    for rule in RULES:
        assert rule.title and rule.because and rule.source
    for reason in RejectReason:
        assert reason.value in RULES_BY_ID
    for code in WarningCode:
        assert code.rule_id in RULES_BY_ID


@pytest.mark.parametrize(
    ("needle", "rest", "cap"),
    [
        (0.2, 48, 3),
        (0.5, 48, 3),
        (0.51, 72, 2),
        (0.75, 72, 2),
        (1.0, 72, 2),
        (1.01, 168, 1),
        (1.5, 168, 1),
    ],
)
def test_rest_and_weekly_cap_follow_the_needle(needle: float, rest: int, cap: int) -> None:
    assert rest_floor_hours(needle) == rest
    assert weekly_cap(needle) == cap
    settings = Settings(needle_mm=needle)
    assert settings.rest_hours == rest
    assert settings.max_per_week == cap


def test_needles_above_the_maximum_have_no_rest_rule() -> None:
    with pytest.raises(ValueError, match=r"1\.5 mm maximum"):
        rest_floor_hours(1.6)


def test_a_longer_rest_a_lower_cap_and_fewer_days_are_allowed() -> None:
    settings = checked_settings(
        {
            "needle_mm": 0.5,
            "zone_rest_hours": 96,
            "zone_max_per_week": 1,
            "sessions_per_week": 1,
            "session_days": ["sat"],
        }
    )
    assert settings.rest_hours == 96
    assert settings.max_per_week == 1
    assert settings.session_days == {Weekday.SAT}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {"needle_mm": 2.0},
            "settings.needle_mm: 2.0 is above the 1.5 mm maximum (longer needles risk the hair follicle)",
        ),
        (
            {"needle_mm": 0.1},
            "settings.needle_mm: 0.1 is below the 0.2 mm minimum (the shortest rollers made)",
        ),
        (
            {"needle_mm": 1.0, "zone_rest_hours": 48},
            "settings.zone_rest_hours: 48 is below the 72 h minimum (the shortest rest for a 1.0 mm needle; the scalp needs time to heal)",
        ),
        (
            {"needle_mm": 1.5, "zone_max_per_week": 2},
            "settings.zone_max_per_week: 2 is above the maximum of 1 session a week on one area (the most one area may have with a 1.5 mm needle, so it can heal)",
        ),
        (
            {"sessions_per_week": 4},
            "settings.sessions_per_week: 4 is above the maximum of 3 session days a week (rolling more often leaves the scalp too little time to heal)",
        ),
        (
            {"session_minutes": 90},
            "settings.session_minutes: 90 is above the maximum of 60 minutes (long sessions overwork the scalp; split the areas across days)",
        ),
        (
            {"roller_max_uses": 0},
            "settings.roller_max_uses: 0 is below the minimum of 1 use (a roller is used at least once)",
        ),
        (
            {"session_time": "25:00"},
            'settings.session_time: "25:00" is not a 24-hour time like "20:00"',
        ),
    ],
)
def test_each_refusal_names_the_setting_value_limit_and_reason(
    raw: dict[str, object], message: str
) -> None:
    with pytest.raises(ProblemsError) as caught:
        checked_settings(raw)
    assert [str(p) for p in caught.value.problems] == [message]


def test_refused_values_fall_back_to_defaults_so_the_rest_is_still_checked() -> None:
    settings, problems = parse_settings({"needle_mm": 9, "session_minutes": 20})
    assert settings.needle_mm == 1.0
    assert settings.session_minutes == 20
    assert len(problems) == 1


def _all_texts() -> list[str]:
    texts = [getattr(guidance, n) for n in dir(guidance) if n.isupper()]
    flat = [t for item in texts for t in (item if isinstance(item, tuple) else (item,))]
    flat += [f"{r.title} {r.value} {r.explanation}" for r in RULES]
    flat += [planner.EMPTY_MESSAGE]
    return flat


def test_no_text_calls_a_home_roller_sterile_or_promises_regrowth() -> None:
    for text in _all_texts():
        for match in re.finditer(r"steril", text, re.IGNORECASE):
            before = text[max(0, match.start() - 25) : match.start()].lower()
            assert "not" in before, text
        assert not re.search(r"\bwill (re)?grow\b|\bregrows?\b|guarantee", text, re.IGNORECASE), (
            text
        )


def test_the_disclaimer_says_guidance_not_medical_advice() -> None:
    assert "not medical advice" in guidance.DISCLAIMER
    assert "dermatologist" in guidance.DISCLAIMER
    assert "dhurat2013" in {c.key for c in RULES_BY_ID["course"].cites}
