"""The session log as the planner sees it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class SessionStatus(StrEnum):
    """Whether a logged session happened."""

    DONE = "done"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One logged session: the day, the zones rolled (in order), the needle and the outcome."""

    date: date
    zones: tuple[str, ...]
    needle_mm: float
    status: SessionStatus = SessionStatus.DONE
    note: str = ""

    @property
    def is_treatment(self) -> bool:
        """Skipped sessions are kept in the log but treated nothing."""
        return self.status is SessionStatus.DONE


def plan_start(history: Iterable[HistoryEntry], today: date) -> date:
    """The first day the app plans: today, or tomorrow once a session is logged for today.

    The planner leaves out logged sessions dated on or after its start (SPEC §3), so a plan that
    started today would offer today's session again after it was done. Logging a session, done
    or skipped, settles the day.
    """
    if any(entry.date == today for entry in history):
        return today + timedelta(days=1)
    return today
