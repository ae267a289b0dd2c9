"""Writing the plan's calendar file, for the command line and the window alike.

A calendar exported over an earlier one names the sessions that moved: the earlier file's
events on days of this plan that no longer have a session come back as cancelled, so a
calendar app that re-imports (or subscribes to) the file drops them (docs/week.md).
"""

from __future__ import annotations

from pathlib import Path

from scalpzone.domain.exports import MAX_PREVIOUS_BYTES, plan_to_ics
from scalpzone.domain.plan import Plan
from scalpzone.domain.settings import Settings
from scalpzone.domain.zones import ScalpMap
from scalpzone.plain_files import read_plain_file


def write_calendar(
    path: Path, plan: Plan, scalp_map: ScalpMap, settings: Settings, owner: str
) -> None:
    """Write the plan as an .ics file at `path`, whole or not at all (FileWriteError)."""
    from scalpzone.storage import write_atomically  # noqa: PLC0415  (no SQL until writing)

    previous = read_plain_file(path, MAX_PREVIOUS_BYTES)
    write_atomically(path, plan_to_ics(plan, scalp_map, settings, owner, previous=previous))
