"""What the app says about one zone: its state, when it was and will be rolled, and why not."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from scalpzone.domain.plan import PlanStatus
from scalpzone.domain.rules import RULES_BY_ID
from scalpzone.domain.zones import ZoneState
from scalpzone.ui.map.model import PLAN_WEEKS, MapModel
from scalpzone.ui.style.words import long_date, severity_word, short_day, state_word


def tr(text: str) -> str:
    """Translate a user-visible text in this module's context."""
    return QCoreApplication.translate("ZoneTooltip", text)


def state_text(model: MapModel, zone_id: str) -> str:
    """ "Thinning, moderate", "Bald", "Healthy"; with the block when there is one."""
    zone = model.zone(zone_id)
    text = state_word(zone.state).capitalize()
    if zone.state is ZoneState.THINNING:
        text += ", " + severity_word(zone.severity)
    blocked_until = model.block_until(zone_id)
    if blocked_until is not None:
        text += "; " + tr("blocked until {day}").format(day=long_date(blocked_until))
    return text


def zone_facts(model: MapModel, zone_id: str) -> list[tuple[str, str]]:
    """(label, value) lines about a zone, in the order a person reads them."""
    zone = model.zone(zone_id)
    last = model.last_treated(zone_id)
    facts = [
        (tr("State"), state_text(model, zone_id)),
        (tr("Last treated"), long_date(last) if last else tr("never")),
    ]
    planned = model.next_planned(zone_id)
    if planned is not None:
        facts.append((tr("Next planned"), short_day(planned)))
    elif zone.state is ZoneState.THINNING and model.rejection(zone_id) is None:
        plan = model.plan
        if plan.status is PlanStatus.OK:
            why = tr("not in the next {days} days (resting or the sessions are full)").format(
                days=7 * PLAN_WEEKS
            )
        else:
            why = plan.message
        facts.append((tr("Next planned"), why))
    facts.append((tr("One pass"), tr("about {n} min").format(n=zone.minutes)))
    return facts


def why_not(model: MapModel, zone_id: str) -> tuple[str, str, str] | None:
    """Why the plan leaves the zone out: the rule's title, explanation and source."""
    rejection = model.rejection(zone_id)
    if rejection is None:
        return None
    rule = RULES_BY_ID[rejection.reason.value]
    return rule.title, rule.explanation, rule.source


def zone_tooltip(model: MapModel, zone_id: str) -> str:
    """The hover text for a zone on the map, as rich text."""
    import html  # noqa: PLC0415  (first needed on hover; spares start-up ~3 ms)

    zone = model.zone(zone_id)
    rows = "".join(
        f"<tr><td style='padding-right:8px'>{html.escape(label)}</td>"
        f"<td>{html.escape(value)}</td></tr>"
        for label, value in zone_facts(model, zone_id)
    )
    name = f"<b>{html.escape(zone.display_name)}</b>"
    if model.block_until(zone.id) is not None:
        from PySide6.QtGui import QPalette  # noqa: PLC0415
        from PySide6.QtWidgets import QToolTip  # noqa: PLC0415

        from scalpzone.ui.style.block_mark import block_sign_html  # noqa: PLC0415

        palette = QToolTip.palette()
        ink = palette.color(QPalette.ColorRole.ToolTipText)
        paper = palette.color(QPalette.ColorRole.ToolTipBase)
        name += f" {block_sign_html(14, ink, paper)} {html.escape(tr('resting'))}"
    out = f"{name}<table>{rows}</table>"
    reason = why_not(model, zone_id)
    if reason is not None:
        title, explanation, source = reason
        out += (
            f"<p><b>{html.escape(tr('Not scheduled'))}:</b> {html.escape(title)}. "
            f"{html.escape(explanation)}<br><i>{html.escape(tr('Why?'))} "
            f"{html.escape(source)}</i></p>"
        )
    hint = tr("Click to change the state; right-click for severity and blocking.")
    return f"<qt>{out}<p><i>{html.escape(hint)}</i></p></qt>"


def zone_sentence(model: MapModel, zone_id: str) -> str:
    """The zone in one plain sentence, for screen readers."""
    zone = model.zone(zone_id)
    facts = "; ".join(f"{label}: {value}" for label, value in zone_facts(model, zone_id))
    return f"{zone.display_name}. {facts}."
