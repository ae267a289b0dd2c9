"""Storage speed: open a database and load a profile; save one map edit; growth with history.

Run: .venv/bin/python benchmarks/bench_storage.py
Budgets (issue 3), for 3 profiles with 5 years of near-daily log each: open + load one
profile ≤ 100 ms, save one edit ≤ 10 ms. Exits 1 if a 5-year median is over budget.
"new day" is one open + load on the first start of a day, which adds the daily backup.
Times are wall-clock medians on real files in a temporary folder (page cache warm; the
synchronous=FULL fsync on each commit is included). Python's one-time import of the storage
package (SQLAlchemy) is reported apart: it is paid once per process, before the window opens.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

OPEN_LOAD_BUDGET_MS = 100.0
SAVE_BUDGET_MS = 10.0
YEARS = (1, 2, 5)
PROFILES = 3
REPEATS = 15
SAVES = 60


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def build(path: Path, years: int) -> list[int]:
    """3 profiles, each with `years` of sessions on 6 days of 7, weekly map snapshots and
    monthly hairline snapshots; returns the profile ids."""
    from scalpzone.domain.history import HistoryEntry, SessionStatus
    from scalpzone.domain.mapfile import MapDocument
    from scalpzone.domain.zones import ScalpMap, Zone, ZoneState
    from scalpzone.storage import Database, ProfileStore
    from scalpzone.storage.repositories import SnapshotRepository

    first = date(2021, 1, 4)
    days = 365 * years
    scalp_map = ScalpMap()
    for zid in ("crown", "midscalp_center", "midscalp_left", "temple_left", "front_center"):
        scalp_map = scalp_map.with_zone(Zone(zid, ZoneState.THINNING, 2))
    scalp_map = scalp_map.with_zone(
        Zone(
            "custom-1",
            ZoneState.THINNING,
            1,
            None,
            "Part line",
            ((0.45, 0.30), (0.55, 0.30), (0.55, 0.50), (0.45, 0.50)),
        )
    ).with_hairline(((0.25, 0.16), (0.50, 0.12), (0.75, 0.16)))
    rotation = ("crown", "midscalp_center", "midscalp_left", "temple_left", "custom-1")
    history = tuple(
        HistoryEntry(
            first + timedelta(days=d),
            (rotation[d % 5], rotation[(d + 2) % 5]),
            1.0,
            SessionStatus.SKIPPED if d % 11 == 0 else SessionStatus.DONE,
            "slight redness" if d % 13 == 0 else "",
        )
        for d in range(days)
        if d % 7 != 6
    )
    ids = []
    with Database.open(path) as db:
        store = ProfileStore(db)
        for n in range(PROFILES):
            pid = store.import_document(
                MapDocument(scalp_map, history=history), f"Person {n + 1}", day=first
            )
            ids.append(pid)
            with db.transaction() as session:
                snapshots = SnapshotRepository(session)
                for week in range(1, days // 7):
                    day = first + timedelta(weeks=week)
                    snapshots.put_map(pid, day, scalp_map.zones)
                    if week % 4 == 0:
                        line = ((0.25, 0.16 + week / 100000), (0.5, 0.12), (0.75, 0.16))
                        snapshots.put_hairline(pid, day, line)
    return ids


def first_of_the_day(path: Path, pid: int) -> float:
    """Open + load on a new day: includes the daily backup (ms)."""
    from datetime import datetime

    from scalpzone.storage import Database, ProfileStore

    tomorrow = datetime.now() + timedelta(days=1)
    start = time.perf_counter()
    with Database.open(path, now=lambda: tomorrow) as db:
        ProfileStore(db).load_profile(pid)
        elapsed = _ms(time.perf_counter() - start)
        assert db.list_backups()[0].reason == "daily"
    return elapsed


def measure(path: Path, pid: int) -> tuple[list[float], list[float], list[float], int]:
    """(open+load ms, load-only ms, save ms, history length)."""
    from scalpzone.domain.zones import Zone, ZoneState
    from scalpzone.storage import Database, ProfileStore

    open_load: list[float] = []
    load_only: list[float] = []
    entries = 0
    for _ in range(REPEATS):
        start = time.perf_counter()
        db = Database.open(path)
        profile = ProfileStore(db).load_profile(pid)
        open_load.append(_ms(time.perf_counter() - start))
        entries = len(profile.document.history)
        assert db.notices == (), db.notices
        start = time.perf_counter()
        ProfileStore(db).load_profile(pid)
        load_only.append(_ms(time.perf_counter() - start))
        db.close()

    saves: list[float] = []
    with Database.open(path) as db:
        store = ProfileStore(db)
        scalp_map = store.load_profile(pid).document.scalp_map
        today = date(2026, 11, 23)
        for n in range(SAVES):
            crown = Zone("crown", ZoneState.THINNING, n % 3 + 1)  # one edit: the crown's severity
            scalp_map = scalp_map.with_zone(crown)
            start = time.perf_counter()
            store.save_map(pid, scalp_map, today)
            saves.append(_ms(time.perf_counter() - start))
    return open_load, load_only, saves, entries


def main() -> int:
    """Print the figures; 1 if the 5-year medians break the budget."""
    start = time.perf_counter()
    import scalpzone.storage  # noqa: F401  (the one-time import, measured)

    print(f"import scalpzone.storage: {_ms(time.perf_counter() - start):.0f} ms (once per process)")
    print()
    print(
        f"{'history':>8} {'entries':>8} {'file':>8} | {'open+load':>22} | {'load only':>10} |"
        f" {'save one edit':>20} | {'new day':>10}"
    )
    print(
        f"{'':>8} {'/profile':>8} {'KB':>8} | {'median':>10} {'max':>11} | {'median':>10} |"
        f" {'median':>9} {'max':>10}"
    )
    over = False
    for years in YEARS:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "scalpzone.sqlite3"
            ids = build(path, years)
            size_kb = path.stat().st_size / 1024
            open_load, load_only, saves, entries = measure(path, ids[1])
            daily = first_of_the_day(path, ids[1])
            ol, lo, sv = (statistics.median(x) for x in (open_load, load_only, saves))
            print(
                f"{years:>6} y {entries:>8} {size_kb:>8.0f} | {ol:>7.1f} ms {max(open_load):>8.1f} ms"
                f" | {lo:>7.1f} ms | {sv:>6.2f} ms {max(saves):>7.2f} ms | {daily:>7.1f} ms"
            )
            if years == max(YEARS):
                over = ol > OPEN_LOAD_BUDGET_MS or sv > SAVE_BUDGET_MS
    print()
    print(
        f"budget at {max(YEARS)} years: open+load ≤ {OPEN_LOAD_BUDGET_MS:.0f} ms, "
        f"save ≤ {SAVE_BUDGET_MS:.0f} ms: {'OVER BUDGET' if over else 'within budget'}"
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
