"""How the window says states, severities and dates, in one place (shared by every view)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from scalpzone.domain.zones import SEVERITY_NAMES, ZoneState


def tr(text: str) -> str:
    """Translate a user-visible text in the editor's context."""
    return QCoreApplication.translate("MapEditor", text)


def state_word(state: ZoneState) -> str:
    """The state as a person says it."""
    return {
        ZoneState.HEALTHY: tr("healthy"),
        ZoneState.THINNING: tr("thinning"),
        ZoneState.BALD: tr("bald"),
    }[state]


def severity_word(severity: int) -> str:
    """Severity 1–3 in words."""
    return tr(SEVERITY_NAMES[severity])


def _locale() -> QLocale:
    return QLocale()


def _say(day: date, pattern: str) -> str:
    return _locale().toString(QDate(day.year, day.month, day.day), pattern)


def long_date(day: date) -> str:
    """A date as people read it, in the locale's words: 25 Nov 2026."""
    return _say(day, "d MMM yyyy")


def day_month(day: date) -> str:
    """A day within the year in view: 25 Nov."""
    return _say(day, "d MMM")


def short_day(day: date) -> str:
    """A day in the coming weeks, with its weekday: Wed 25 Nov."""
    return _say(day, "ddd d MMM")


def full_day(day: date) -> str:
    """A day with its weekday and year: Wed 25 Nov 2026."""
    return _say(day, "ddd d MMM yyyy")


def first_weekday() -> int:
    """The locale's first day of the week, as `date.weekday()` counts (0 is Monday)."""
    return _locale().firstDayOfWeek().value - 1


def week_start(day: date) -> date:
    """The first day of the week holding `day`: Monday, or the locale's own first day."""
    return day - timedelta(days=(day.weekday() - first_weekday()) % 7)


def number(value: float, decimals: int = 0) -> str:
    """A number in the locale's digits and decimal sign."""
    return _locale().toString(float(value), "f", decimals)


_ISO_DAY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def with_dates(text: str) -> str:
    """A planner message with its ISO dates (2026-11-30) said as the window says them."""

    def say(match: re.Match[str]) -> str:
        try:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return match[0]
        return full_day(day)

    return _ISO_DAY.sub(say, text)
