"""Writing the plan's calendar file, for the command line and the window alike.

A calendar exported over an earlier one names the sessions that moved: the earlier file's
events on days of this plan that no longer have a session come back as cancelled, so a
calendar app that re-imports (or subscribes to) the file drops them (docs/week.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scalpzone.domain.exports import MAX_PREVIOUS_BYTES, plan_to_ics
from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.photo_reminders import photo_days
from scalpzone.domain.plan import Plan
from scalpzone.domain.settings import Settings
from scalpzone.domain.zones import ScalpMap
from scalpzone.plain_files import read_plain_file


def write_calendar(
    path: Path,
    plan: Plan,
    scalp_map: ScalpMap,
    settings: Settings,
    owner: str,
    history: Sequence[HistoryEntry] = (),
) -> None:
    """Write the plan as an .ics file at `path`, whole or not at all (FileWriteError); the
    sessions that fall on a photo reminder (counted from `history`) say so."""
    from scalpzone.storage import write_atomically  # noqa: PLC0415  (no SQL until writing)

    previous = read_plain_file(path, MAX_PREVIOUS_BYTES)
    reminded = photo_days(
        (e.date for e in history if e.is_treatment), (s.date for s in plan.sessions)
    )
    data = plan_to_ics(plan, scalp_map, settings, owner, previous=previous, photo_days=reminded)
    write_atomically(path, data)
