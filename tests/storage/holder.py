"""A second ScalpZone for the lock tests: opens a database and does what stdin says.

Run as `python holder.py DB`; prints `ready` once it holds the database, then for each line
on stdin: `add NAME` creates a profile and prints `added NAME`; `quit` closes and exits.
"""

from __future__ import annotations

import sys
from pathlib import Path

from scalpzone.storage import Database, ProfileStore


def main() -> None:
    """Hold the database until told to quit."""
    db = Database.open(Path(sys.argv[1]))
    store = ProfileStore(db)
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "add":
            store.create_profile(argument)
            print(f"added {argument}", flush=True)
        elif command == "quit":
            break
    db.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main()
