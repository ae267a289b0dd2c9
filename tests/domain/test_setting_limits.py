"""Each refused setting leads to the rule (and its source) behind the limit, or honestly to none."""

from __future__ import annotations

import pytest

from scalpzone.domain.problems import Limit, Problem
from scalpzone.domain.rules import NEEDLE_MAX_MM, NEEDLE_MIN_MM, RULES_BY_ID
from scalpzone.domain.settings import (
    ROLLER_MAX_USES,
    SETTING_KEYS,
    SETTING_LIMIT_RULES,
    parse_settings,
    refusal_rule,
    setting_of,
)


def test_every_setting_has_an_entry_and_every_entry_a_real_rule() -> None:
    assert set(SETTING_LIMIT_RULES) == set(SETTING_KEYS)
    for low, high in SETTING_LIMIT_RULES.values():
        for rule_id in (low, high):
            assert rule_id is None or rule_id in RULES_BY_ID


@pytest.mark.parametrize(
    ("raw", "setting", "rule_id"),
    [
        ({"needle_mm": 2.0}, "needle_mm", "needle_length"),
        ({"needle_mm": 0.1}, "needle_mm", "needle_length"),
        ({"sessions_per_week": 4}, "sessions_per_week", "sessions_per_week"),
        ({"sessions_per_week": 0}, "sessions_per_week", None),
        ({"needle_mm": 1.0, "zone_rest_hours": 48}, "zone_rest_hours", "zone_rest"),
        ({"zone_rest_hours": 400}, "zone_rest_hours", "rest_ceiling"),
        ({"needle_mm": 1.5, "zone_max_per_week": 2}, "zone_max_per_week", "zone_cap"),
        ({"zone_max_per_week": 0}, "zone_max_per_week", None),
        ({"session_minutes": 90}, "session_minutes", "session_minutes"),
        ({"session_minutes": 2}, "session_minutes", "session_minutes"),
        ({"roller_max_uses": 31}, "roller_max_uses", "roller_uses"),
        ({"roller_max_uses": 0}, "roller_max_uses", None),
        ({"session_days": []}, "session_days", None),
        ({"session_time": "25:00"}, "session_time", None),
        ({"session_minutes": 7.5}, "session_minutes", None),
    ],
)
def test_the_rule_behind_each_refusal(
    raw: dict[str, object], setting: str, rule_id: str | None
) -> None:
    _, problems = parse_settings(raw)
    assert len(problems) == 1
    assert setting_of(problems[0]) == setting
    assert refusal_rule(problems[0]) == rule_id


def test_the_limits_that_are_product_choices_say_so_in_their_source() -> None:
    for rule_id in ("rest_ceiling", "session_minutes", "roller_uses"):
        assert RULES_BY_ID[rule_id].source.count("ScalpZone's choice") == 1


def test_no_day_chosen_is_refused_in_plain_words() -> None:
    _, problems = parse_settings({"session_days": []})
    assert str(problems[0]) == (
        "settings.session_days: [] chooses no day (a plan needs at least one session day)"
    )


@pytest.mark.parametrize(
    ("raw", "limit"),
    [
        ({"needle_mm": 2.0}, Limit("needle_mm", 2.0, NEEDLE_MAX_MM, "maximum")),
        ({"needle_mm": 0.1}, Limit("needle_mm", 0.1, NEEDLE_MIN_MM, "minimum")),
        ({"roller_max_uses": 31}, Limit("roller_max_uses", 31, ROLLER_MAX_USES[1], "maximum")),
        ({"roller_max_uses": 0}, Limit("roller_max_uses", 0, ROLLER_MAX_USES[0], "minimum")),
    ],
)
def test_a_refused_limit_carries_setting_value_bound_and_kind(
    raw: dict[str, object], limit: Limit
) -> None:
    _, problems = parse_settings(raw)
    assert [p.limit for p in problems] == [limit]


@pytest.mark.parametrize("raw", [{"session_minutes": 7.5}, {"session_time": "25:00"}, {"x": 1}])
def test_refusals_that_pass_no_limit_carry_none(raw: dict[str, object]) -> None:
    _, problems = parse_settings(raw)
    assert problems
    assert all(p.limit is None for p in problems)


def test_the_rule_is_found_from_the_fields_not_the_words() -> None:
    reworded = Problem("x", "zu lang", Limit("needle_mm", 2.0, NEEDLE_MAX_MM, "maximum"))
    assert refusal_rule(reworded) == "needle_length"
    assert setting_of(reworded) == "needle_mm"
    worded_only = Problem("settings.needle_mm", "2.0 is above the 1.5 mm maximum")
    assert refusal_rule(worded_only) is None
