"""How the window says states, severities and dates, in one place (shared by every view)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

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


def long_date(day: date) -> str:
    """A date as people read it: 25 Nov 2026."""
    return f"{day.day} {day:%b %Y}"


def day_month(day: date) -> str:
    """A day within the year in view: 25 Nov."""
    return f"{day.day} {day:%b}"


def short_day(day: date) -> str:
    """A day in the coming weeks, with its weekday: Wed 25 Nov."""
    return f"{day:%a} {day.day} {day:%b}"


def full_day(day: date) -> str:
    """A day with its weekday and year: Wed 25 Nov 2026."""
    return f"{short_day(day)} {day.year}"
