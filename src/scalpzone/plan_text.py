"""The plan as a week table for a terminal or a plain-text printout."""

from __future__ import annotations

import textwrap
from datetime import timedelta

from scalpzone.domain.care_guide import plan_sources
from scalpzone.domain.guidance import DISCLAIMER, SHORT_STEPS
from scalpzone.domain.plan import Plan, PlanStatus, RejectReason
from scalpzone.domain.rules import millimetres
from scalpzone.domain.settings import Settings
from scalpzone.domain.zones import ScalpMap

WIDTH = 78


def _wrap(text: str, indent: str = "  ", hang: str = "") -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent + hang)


def render_plan_text(
    plan: Plan, scalp_map: ScalpMap, settings: Settings, profile_name: str | None = None
) -> str:
    """A readable table: one block per week, one line per day, then what was left out and why."""
    title = "ScalpZone plan" + (f" for {profile_name}" if profile_name else "")
    lines = [
        title,
        f"{plan.start:%a %d %b %Y} to {plan.end:%a %d %b %Y} · needle {millimetres(settings.needle_mm)} mm"
        f" · sessions up to {settings.session_minutes} min",
        "",
    ]
    if plan.status is not PlanStatus.OK:
        lines.append("ON HOLD" if plan.status is PlanStatus.HOLD else "NOTHING TO PLAN")
        lines.extend(_wrap(plan.message))
        lines.append("")
    else:
        weeks = (plan.end - plan.start).days // 7 + 1
        for week in range(weeks):
            first = plan.start + timedelta(days=7 * week)
            last = first + timedelta(days=6)
            lines.append(f"Week {week + 1}: {first:%a %d %b} – {last:%a %d %b %Y}")
            lines.append(f"  {'Day':<11} {'Min':>3}  Areas, in the order to roll them")
            for offset in range(7):
                day = first + timedelta(days=offset)
                session = plan.session_on(day)
                if session is None:
                    lines.append(f"  {day:%a %d %b}  {'':>3}  -")
                    continue
                names = ", ".join(scalp_map.zone(z).display_name for z in session.zones)
                if session.patch_test:
                    names += "  [patch test]"
                body = textwrap.wrap(names, WIDTH - 19) or [""]
                lines.append(f"  {day:%a %d %b}  {session.minutes:>3}  {body[0]}")
                lines.extend(f"  {'':<11} {'':>3}  {more}" for more in body[1:])
            lines.append("")
    lines.extend(_rejected_lines(plan, scalp_map))
    if plan.warnings:
        lines.append("Warnings")
        for warning in plan.warnings:
            lines.extend(_wrap(f"! {warning.message} [{warning.code.value}]", hang="  "))
        lines.append("")
    if plan.status is PlanStatus.OK:
        lines.append("Every session")
        lines.extend(_wrap(SHORT_STEPS))
        lines.append("")
        lines.extend(_wrap(plan_sources(), indent=""))
        lines.append("")
    lines.extend(_wrap(DISCLAIMER, indent=""))
    return "\n".join(lines) + "\n"


def _rejected_lines(plan: Plan, scalp_map: ScalpMap) -> list[str]:
    lines: list[str] = []
    bald = [
        scalp_map.zone(r.zone).display_name for r in plan.rejected if r.reason is RejectReason.BALD
    ]
    blocked = [
        f"{scalp_map.zone(r.zone).display_name} (until {r.until:%a %d %b})"
        for r in plan.rejected
        if r.reason is RejectReason.BLOCKED and r.until is not None
    ]
    healthy = sum(1 for r in plan.rejected if r.reason is RejectReason.HEALTHY)
    if bald or blocked or healthy:
        lines.append("Not in the plan")
        if bald:
            lines.extend(
                _wrap(
                    "Bald (rolling cannot bring back hair where none is left): " + ", ".join(bald)
                )
            )
        if blocked:
            lines.extend(_wrap("Blocked by you: " + ", ".join(blocked)))
        if healthy:
            lines.extend(_wrap(f"Healthy, nothing to treat: {healthy} area(s)"))
        lines.append("")
    return lines
