"""Norwood–Hamilton and Ludwig stages as one-step starting points for the map (data in resources)."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, replace

from scalpzone import RESOURCES
from scalpzone.domain.regions import REGION_IDS
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState


@dataclass(frozen=True, slots=True)
class Template:
    """A hair-loss stage: the state of every preset region it implies."""

    id: str
    family: str
    stage: str
    name: str
    description: str
    states: tuple[tuple[str, ZoneState, int], ...]

    def state_of(self, region_id: str) -> tuple[ZoneState, int]:
        """The state and severity this stage gives a region (healthy when not listed)."""
        for rid, state, severity in self.states:
            if rid == region_id:
                return state, severity
        return ZoneState.HEALTHY, 1


@dataclass(frozen=True, slots=True)
class TemplateTable:
    """All templates with the sources they were drawn from."""

    templates: tuple[Template, ...]
    sources: tuple[str, ...]
    note: str

    def __getitem__(self, template_id: str) -> Template:
        for template in self.templates:
            if template.id == template_id:
                return template
        raise KeyError(template_id)


@functools.cache
def template_table() -> TemplateTable:
    """Load the templates once from the package resources."""
    text = (RESOURCES / "templates.json").read_text("utf-8")
    data = json.loads(text)
    templates = []
    for raw in data["templates"]:
        states = []
        for rid, spec in raw["zones"].items():
            if rid not in REGION_IDS:
                raise RuntimeError(f"template {raw['id']} names unknown region {rid}")
            states.append((rid, ZoneState(spec["state"]), int(spec.get("severity", 1))))
        templates.append(
            Template(
                raw["id"],
                raw["family"],
                raw["stage"],
                raw["name"],
                raw["description"],
                tuple(states),
            )
        )
    return TemplateTable(tuple(templates), tuple(data["sources"]), data["note"])


def apply_template(scalp_map: ScalpMap, template: Template) -> ScalpMap:
    """Set every preset region to the template's state; drawn zones and blocks stay as they are."""
    result = scalp_map
    for rid in REGION_IDS:
        state, severity = template.state_of(rid)
        zone: Zone = result.zone(rid)
        result = result.with_zone(replace(zone, state=state, severity=severity))
    return result


def changes_marks(scalp_map: ScalpMap, template: Template) -> bool:
    """Whether applying the template would overwrite a mark the person made (for confirmation)."""
    for rid in REGION_IDS:
        zone = scalp_map.zone(rid)
        if zone.state is not ZoneState.HEALTHY and template.state_of(rid) != (
            zone.state,
            zone.severity,
        ):
            return True
    return False
