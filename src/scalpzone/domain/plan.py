"""What the planner returns: sessions, the zones it left out and why, and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class PlanStatus(StrEnum):
    """Whether the plan has sessions, is on hold for health reasons, or has nothing to treat."""

    OK = "ok"
    HOLD = "hold"
    EMPTY = "empty"


class RejectReason(StrEnum):
    """Why a zone is not in the plan; each is a rule id in `rules.RULES_BY_ID`."""

    BALD = "bald"
    HEALTHY = "healthy"
    BLOCKED = "blocked"


class WarningCode(StrEnum):
    """Kinds of plan warnings (SPEC §3)."""

    NEEDLE_ADVICE = "needle_advice"
    COVERAGE = "coverage"
    ZONE_OVER_BUDGET = "zone_over_budget"
    ROLLER_REPLACE = "roller_replace"
    COURSE_REVIEW = "course_review"
    PATCH_TEST = "patch_test"

    @property
    def rule_id(self) -> str:
        """The rule in `rules.RULES_BY_ID` behind this warning, for "Why?"."""
        return _WARNING_RULES[self]


_WARNING_RULES = {
    WarningCode.NEEDLE_ADVICE: "needle_length",
    WarningCode.COVERAGE: "zone_rest",
    WarningCode.ZONE_OVER_BUDGET: "sessions_per_week",
    WarningCode.ROLLER_REPLACE: "roller",
    WarningCode.COURSE_REVIEW: "course",
    WarningCode.PATCH_TEST: "patch_test",
}


@dataclass(frozen=True, slots=True)
class Session:
    """A planned session: its day, the zones in the order to roll them, and its length."""

    date: date
    zones: tuple[str, ...]
    needle_mm: float
    minutes: int
    patch_test: bool = False

    def to_json(self) -> dict[str, object]:
        """As in the plan JSON of SPEC §5."""
        return {
            "date": self.date.isoformat(),
            "zones": list(self.zones),
            "needle_mm": self.needle_mm,
            "minutes": self.minutes,
            "patch_test": self.patch_test,
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """A zone the plan leaves out, and why; blocked zones say until when."""

    zone: str
    reason: RejectReason
    until: date | None = None

    def to_json(self) -> dict[str, object]:
        """As in the plan JSON of SPEC §5 (`until` only for blocked zones)."""
        out: dict[str, object] = {"zone": self.zone, "reason": self.reason.value}
        if self.until is not None:
            out["until"] = self.until.isoformat()
        return out


@dataclass(frozen=True, slots=True)
class PlanWarning:
    """Something the person should know about the plan.

    `days` are the days it is about (the patch test, a roller to replace before, the course
    review), so a printed week shows only its own; empty when it holds for the whole plan.
    """

    code: WarningCode
    message: str
    zones: tuple[str, ...] = ()
    days: tuple[date, ...] = ()

    def to_json(self) -> dict[str, object]:
        """As in the plan JSON of SPEC §5."""
        return {"code": self.code.value, "message": self.message, "zones": list(self.zones)}


@dataclass(frozen=True, slots=True)
class Plan:
    """A forward plan over whole weeks from `start` to `end` inclusive."""

    start: date
    end: date
    status: PlanStatus
    sessions: tuple[Session, ...]
    rejected: tuple[Rejection, ...]
    warnings: tuple[PlanWarning, ...]
    message: str = ""

    def to_json(self) -> dict[str, object]:
        """The plan JSON of SPEC §5, plus `message` saying why a plan is on hold or empty."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "status": self.status.value,
            "message": self.message,
            "sessions": [s.to_json() for s in self.sessions],
            "rejected": [r.to_json() for r in self.rejected],
            "warnings": [w.to_json() for w in self.warnings],
        }

    def session_on(self, day: date) -> Session | None:
        """The session planned for this day, if any."""
        for session in self.sessions:
            if session.date == day:
                return session
        return None
