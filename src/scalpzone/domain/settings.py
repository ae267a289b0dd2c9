"""The person's plan settings and health checklist, validated against the rules."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum
from typing import Any, TypeGuard

from scalpzone.domain.problems import Limit, Problem, ProblemsError, key_path, show
from scalpzone.domain.rules import (
    NEEDLE_MAX_MM,
    NEEDLE_MIN_MM,
    millimetres,
    rest_floor_hours,
    weekly_cap,
)


class Weekday(StrEnum):
    """Days of the week as the map file spells them."""

    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"
    SUN = "sun"

    @property
    def number(self) -> int:
        """0 for Monday … 6 for Sunday, as `date.weekday()`."""
        return list(Weekday).index(self)


ALL_DAYS: frozenset[Weekday] = frozenset(Weekday)

SESSIONS_PER_WEEK = (1, 3)
SESSION_MINUTES = (5, 60)
ROLLER_MAX_USES = (1, 30)
#: Longer than two weeks and an area falls out of the 14-day rotation altogether.
ZONE_REST_MAX_HOURS = 336
DEFAULT_NEEDLE_MM = 1.0


@dataclass(frozen=True, slots=True)
class Settings:
    """Plan settings; rest and cap left as None follow the rule's floor for the needle."""

    needle_mm: float = DEFAULT_NEEDLE_MM
    session_days: frozenset[Weekday] = ALL_DAYS
    sessions_per_week: int = 3
    zone_rest_hours: int | None = None
    zone_max_per_week: int | None = None
    session_minutes: int = 15
    roller_max_uses: int = 10
    session_time: time = time(20, 0)

    @property
    def rest_hours(self) -> int:
        """The rest between two sessions on one area that the plan uses."""
        if self.zone_rest_hours is not None:
            return self.zone_rest_hours
        return rest_floor_hours(self.needle_mm)

    @property
    def max_per_week(self) -> int:
        """The most sessions on one area in any 7 days that the plan uses."""
        if self.zone_max_per_week is not None:
            return self.zone_max_per_week
        return weekly_cap(self.needle_mm)

    @property
    def ordered_days(self) -> tuple[Weekday, ...]:
        """Session days from Monday to Sunday."""
        return tuple(d for d in Weekday if d in self.session_days)

    def to_json(self) -> dict[str, object]:
        """The settings as the map file writes them (rest and cap only when chosen)."""
        out: dict[str, object] = {
            "needle_mm": self.needle_mm,
            "session_days": [d.value for d in self.ordered_days],
            "sessions_per_week": self.sessions_per_week,
        }
        if self.zone_rest_hours is not None:
            out["zone_rest_hours"] = self.zone_rest_hours
        if self.zone_max_per_week is not None:
            out["zone_max_per_week"] = self.zone_max_per_week
        out["session_minutes"] = self.session_minutes
        out["roller_max_uses"] = self.roller_max_uses
        out["session_time"] = self.session_time.strftime("%H:%M")
        return out


class Contraindication(StrEnum):
    """Conditions that put the whole plan on hold (SPEC §2)."""

    ACTIVE_ACNE = "active_acne"
    ECZEMA_PSORIASIS = "eczema_psoriasis"
    ROSACEA = "rosacea"
    INFECTION_OR_WOUND = "infection_or_wound"
    SUNBURN = "sunburn"
    BLOOD_THINNERS = "blood_thinners"
    ISOTRETINOIN = "isotretinoin"
    KELOID = "keloid"

    @property
    def label(self) -> str:
        """The checklist wording."""
        return _CONTRAINDICATION_LABELS[self]


_CONTRAINDICATION_LABELS = {
    Contraindication.ACTIVE_ACNE: "Active acne on the scalp",
    Contraindication.ECZEMA_PSORIASIS: "An eczema or psoriasis flare on the scalp",
    Contraindication.ROSACEA: "Rosacea",
    Contraindication.INFECTION_OR_WOUND: "A scalp infection or an open wound",
    Contraindication.SUNBURN: "A sunburnt scalp",
    Contraindication.BLOOD_THINNERS: "Taking blood thinners, or a bleeding disorder",
    Contraindication.ISOTRETINOIN: "Isotretinoin (e.g. Roaccutane) in the last 6 months",
    Contraindication.KELOID: "A tendency to keloid (raised) scars",
}


@dataclass(frozen=True, slots=True)
class Health:
    """The health checklist: the items the person ticked."""

    ticked: frozenset[Contraindication] = field(default_factory=frozenset)

    @property
    def on_hold(self) -> bool:
        """Whether any ticked item puts the plan on hold."""
        return bool(self.ticked)

    def to_json(self) -> dict[str, bool]:
        """Every checklist item with its answer, in checklist order."""
        return {c.value: c in self.ticked for c in Contraindication}


_TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")


def _is_number(value: object) -> TypeGuard[int | float]:
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, int) and not isinstance(value, bool)


def _limit(kind: str, value: int, unit: str | tuple[str, str]) -> str:
    """'the 72 h minimum' for a measure, 'the maximum of 3 session days a week' for a count."""
    if isinstance(unit, str):
        return f"the {value} {unit} {kind}"
    return f"the {kind} of {value} {unit[0] if value == 1 else unit[1]}"


def _whole(
    raw: Mapping[str, object],
    key: str,
    path: str,
    problems: list[Problem],
    low: int,
    high: int,
    unit: str | tuple[str, str],
    why_low: str,
    why_high: str,
) -> int | None:
    if key not in raw:
        return None
    value = raw[key]
    # No float() of an int: a 400-digit whole number is too big for a float.
    if not _is_number(value) or (isinstance(value, float) and not value.is_integer()):
        problems.append(Problem(path, f"{show(value)} is not a whole number"))
        return None
    number = int(value)
    if number < low:
        problems.append(
            Problem(
                path,
                f"{show(number)} is below {_limit('minimum', low, unit)} ({why_low})",
                Limit(key, number, low, "minimum"),
            )
        )
        return None
    if number > high:
        problems.append(
            Problem(
                path,
                f"{show(number)} is above {_limit('maximum', high, unit)} ({why_high})",
                Limit(key, number, high, "maximum"),
            )
        )
        return None
    return number


SETTING_KEYS = (
    "needle_mm",
    "session_days",
    "sessions_per_week",
    "zone_rest_hours",
    "zone_max_per_week",
    "session_minutes",
    "roller_max_uses",
    "session_time",
)


def parse_settings(raw: object, prefix: str = "settings") -> tuple[Settings, list[Problem]]:
    """Settings from a JSON-like mapping, with every problem; defaults fill what is left out.

    Values that fail are reported and replaced by their default so the rest can be checked.
    """
    problems: list[Problem] = []
    if not isinstance(raw, Mapping):
        return Settings(), [Problem(prefix, f"{show(raw)} is not an object of settings")]
    for key in raw:
        if key not in SETTING_KEYS:
            problems.append(
                Problem(
                    key_path(prefix, key), f"is not a setting (known: {', '.join(SETTING_KEYS)})"
                )
            )
    values: dict[str, Any] = {}

    needle_ok = True
    if "needle_mm" in raw:
        needle = raw["needle_mm"]
        path = f"{prefix}.needle_mm"
        if not _is_number(needle):
            problems.append(Problem(path, f"{show(needle)} is not a number of millimetres"))
            needle_ok = False
        elif needle > NEEDLE_MAX_MM:
            problems.append(
                Problem(
                    path,
                    f"{show(needle)} is above the {NEEDLE_MAX_MM} mm maximum "
                    "(longer needles risk the hair follicle)",
                    Limit("needle_mm", needle, NEEDLE_MAX_MM, "maximum"),
                )
            )
            needle_ok = False
        elif needle < NEEDLE_MIN_MM:
            problems.append(
                Problem(
                    path,
                    f"{show(needle)} is below the {NEEDLE_MIN_MM} mm minimum "
                    "(the shortest rollers made)",
                    Limit("needle_mm", needle, NEEDLE_MIN_MM, "minimum"),
                )
            )
            needle_ok = False
        else:
            values["needle_mm"] = float(needle)
    needle_mm = float(values.get("needle_mm", DEFAULT_NEEDLE_MM))

    if "session_days" in raw:
        days = raw["session_days"]
        path = f"{prefix}.session_days"
        if isinstance(days, list) and not days:
            problems.append(
                Problem(path, "[] chooses no day (a plan needs at least one session day)")
            )
        elif not isinstance(days, list):
            problems.append(
                Problem(path, f'{show(days)} is not a list of days such as ["mon", "thu"]')
            )
        else:
            chosen: set[Weekday] = set()
            for i, day in enumerate(days):
                names = ", ".join(d.value for d in Weekday)
                if not isinstance(day, str) or day not in set(Weekday):
                    problems.append(Problem(f"{path}[{i}]", f"{show(day)} is not a day ({names})"))
                elif Weekday(day) in chosen:
                    problems.append(Problem(f"{path}[{i}]", f"{show(day)} is listed twice"))
                else:
                    chosen.add(Weekday(day))
            if len(chosen) == len(days):
                values["session_days"] = frozenset(chosen)

    spw = _whole(
        raw,
        "sessions_per_week",
        f"{prefix}.sessions_per_week",
        problems,
        *SESSIONS_PER_WEEK,
        ("session day a week", "session days a week"),
        "a plan needs at least one session day a week",
        "rolling more often leaves the scalp too little time to heal",
    )
    if spw is not None:
        values["sessions_per_week"] = spw

    if needle_ok:
        floor = rest_floor_hours(needle_mm)
        rest = _whole(
            raw,
            "zone_rest_hours",
            f"{prefix}.zone_rest_hours",
            problems,
            floor,
            ZONE_REST_MAX_HOURS,
            "h",
            f"the shortest rest for a {millimetres(needle_mm)} mm needle; the scalp needs time to heal",
            "a longer rest takes the area out of the two-week rotation",
        )
        if rest is not None:
            values["zone_rest_hours"] = rest
        cap = weekly_cap(needle_mm)
        most = _whole(
            raw,
            "zone_max_per_week",
            f"{prefix}.zone_max_per_week",
            problems,
            1,
            cap,
            ("session a week on one area", "sessions a week on one area"),
            "an area in the plan needs at least one session",
            f"the most one area may have with a {millimetres(needle_mm)} mm needle, so it can heal",
        )
        if most is not None:
            values["zone_max_per_week"] = most

    minutes = _whole(
        raw,
        "session_minutes",
        f"{prefix}.session_minutes",
        problems,
        *SESSION_MINUTES,
        ("minute", "minutes"),
        "too short to roll even one area with care",
        "long sessions overwork the scalp; split the areas across days",
    )
    if minutes is not None:
        values["session_minutes"] = minutes
    uses = _whole(
        raw,
        "roller_max_uses",
        f"{prefix}.roller_max_uses",
        problems,
        *ROLLER_MAX_USES,
        ("use", "uses"),
        "a roller is used at least once",
        "home needles go blunt and harbour germs; replace the roller sooner",
    )
    if uses is not None:
        values["roller_max_uses"] = uses

    if "session_time" in raw:
        text = raw["session_time"]
        match = _TIME.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            problems.append(
                Problem(
                    f"{prefix}.session_time", f'{show(text)} is not a 24-hour time like "20:00"'
                )
            )
        else:
            values["session_time"] = time(int(match.group(1)), int(match.group(2)))

    return Settings(**values), problems


#: The rule (an id in `rules.RULES_BY_ID`) behind each setting's lower and upper limit. None
#: where no rule sets the limit: at least one day, one session or one use is what a plan needs
#: to exist, not a safety limit with a source.
SETTING_LIMIT_RULES: dict[str, tuple[str | None, str | None]] = {
    "needle_mm": ("needle_length", "needle_length"),
    "session_days": (None, None),
    "sessions_per_week": (None, "sessions_per_week"),
    "zone_rest_hours": ("zone_rest", "rest_ceiling"),
    "zone_max_per_week": (None, "zone_cap"),
    "session_minutes": ("session_minutes", "session_minutes"),
    "roller_max_uses": (None, "roller_uses"),
    "session_time": (None, None),
}


def setting_of(problem: Problem) -> str:
    """The setting a problem from `parse_settings` is about: "settings.session_days[2]" → "session_days"."""
    if problem.limit is not None:
        return problem.limit.setting
    return problem.path.rsplit(".", 1)[-1].split("[", 1)[0]


def refusal_rule(problem: Problem) -> str | None:
    """The id of the rule whose limit refused this setting, or None when no rule sets it.

    Values that are not numbers or times at all break no rule; nor do the lower limits that
    only keep a plan possible (see `SETTING_LIMIT_RULES`).
    """
    if problem.limit is None:
        return None
    rules = SETTING_LIMIT_RULES.get(problem.limit.setting)
    if rules is None:
        return None
    return rules[0] if problem.limit.kind == "minimum" else rules[1]


def checked_settings(raw: Mapping[str, object], prefix: str = "settings") -> Settings:
    """Settings from a mapping, or ProblemsError naming every refused value."""
    settings, problems = parse_settings(raw, prefix)
    if problems:
        raise ProblemsError(problems)
    return settings


def parse_health(raw: object, prefix: str = "health") -> tuple[Health, list[Problem]]:
    """The health checklist from a JSON-like mapping of item → true/false; items left out are false."""
    if not isinstance(raw, Mapping):
        return Health(), [Problem(prefix, f"{show(raw)} is not an object of checklist items")]
    problems: list[Problem] = []
    ticked: set[Contraindication] = set()
    known = ", ".join(c.value for c in Contraindication)
    for key, value in raw.items():
        path = key_path(prefix, key)
        if key not in set(Contraindication):
            problems.append(Problem(path, f"is not a checklist item (known: {known})"))
        elif not isinstance(value, bool):
            problems.append(Problem(path, f"{show(value)} is not true or false"))
        elif value:
            ticked.add(Contraindication(key))
    return Health(frozenset(ticked)), problems
