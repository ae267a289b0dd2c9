"""The child of the crash test: applies edits in a loop and reports each one once committed.

Run as `python crash_child.py DB FIRST`. Prints `opening` just before opening the database and
`ready` once open; then edit number FIRST, FIRST+1, … each printed on its own line only after
its transaction committed. The parent kills it with SIGKILL at a random moment.
Edit n is, by n % 3: a session logged with the note `edit n`; the map saved for day BASE + n
(new crown severity, new hairline); a profile named `edit n`.
"""

from __future__ import annotations

import itertools
import sys
from datetime import date, timedelta
from pathlib import Path

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
from scalpzone.storage import Database, ProfileNotFoundError, ProfileStore

BASE = date(2000, 1, 1)
PROFILE = "crash test"


def edit_day(n: int) -> date:
    """The day edit n saves its map for."""
    return BASE + timedelta(days=n)


def edit_map(n: int) -> ScalpMap:
    """The map edit n saves: its hairline is unique to n."""
    crown = Zone("crown", ZoneState.THINNING, n % 3 + 1)
    return ScalpMap().with_zone(crown).with_hairline(((0.1, 0.2), (0.5, (n % 9973) / 9973)))


def main() -> None:
    """Edit until killed."""
    path, first = Path(sys.argv[1]), int(sys.argv[2])
    print("opening", flush=True)
    db = Database.open(path)
    store = ProfileStore(db)
    try:
        pid = store.find_profile(PROFILE).id
    except ProfileNotFoundError:
        pid = store.create_profile(PROFILE)
    print("ready", flush=True)
    for n in itertools.count(first):
        kind = n % 3
        if kind == 0:
            store.log_session(pid, HistoryEntry(edit_day(n), ("crown",), 1.0, note=f"edit {n}"))
        elif kind == 1:
            store.save_map(pid, edit_map(n), edit_day(n))
        else:
            store.create_profile(f"edit {n}")
        print(n, flush=True)


if __name__ == "__main__":
    main()
