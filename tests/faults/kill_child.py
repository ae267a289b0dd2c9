"""The child of the kill tests: restores or migrates in a loop, printing after each, until killed.

`python kill_child.py restore DB` restores the database's backups in turn (each restore is a
whole replacement of the data); `python kill_child.py migrate FOLDER TEMPLATE` copies an old
schema-0001 database into FOLDER/n.sqlite3 and opens it (which upgrades it), n = 0, 1, 2, …
Each line is printed only after the step finished; the parent kills at a random line.
"""

from __future__ import annotations

import itertools
import shutil
import sys
from pathlib import Path

from scalpzone.storage import Database


def restore(path: Path) -> None:
    """Restore the backups in turn, forever."""
    with Database.open(path) as db:
        print("ready", flush=True)
        for n in itertools.count():
            found = db.list_backups()  # every backup holds one whole version of the data
            db.restore_backup(found[(n % 3 + 1) % len(found)].name)
            print(n, flush=True)


def migrate(folder: Path, template: Path) -> None:
    """Upgrade copies of an old database, one after another, forever."""
    print("ready", flush=True)
    for n in itertools.count():
        target = folder / f"{n}.sqlite3"
        shutil.copy(template, folder / "copying")
        (folder / "copying").replace(target)  # a whole copy or none: the test is the upgrade
        print(f"copied {n}", flush=True)
        Database.open(target).close()
        print(n, flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "restore":
        restore(Path(sys.argv[2]))
    else:
        migrate(Path(sys.argv[2]), Path(sys.argv[3]))
