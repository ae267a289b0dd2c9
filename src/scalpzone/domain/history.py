"""The session log as the planner sees it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
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
