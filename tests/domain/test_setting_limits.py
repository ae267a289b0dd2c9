"""Each refused setting leads to the rule (and its source) behind the limit, or honestly to none."""

from __future__ import annotations

import pytest

from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.settings import (
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
