"""Planner speed: 52 weeks, all 13 regions + 50 drawn zones, two years of history (budget 50 ms).

Also prints how the time grows with weeks and with zones, and times `scalpzone plan` end to end
(budget 0.3 s) with a check that no Qt module is imported on that path.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from scalpzone.domain.history import HistoryEntry
from scalpzone.domain.mapfile import MapDocument, dump_map_document
from scalpzone.domain.planner import make_plan
from scalpzone.domain.regions import REGION_IDS
from scalpzone.domain.settings import Health, Settings
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState

START = date(2026, 11, 23)


def build_map(custom: int) -> ScalpMap:
    """Every region thinning, plus `custom` small drawn squares."""
    scalp_map = ScalpMap()
    for rid in REGION_IDS:
        scalp_map = scalp_map.with_zone(replace(scalp_map.zone(rid), state=ZoneState.THINNING))
    for n in range(custom):
        x = 0.30 + (n % 10) * 0.04
        y = 0.25 + (n // 10) * 0.10
        square = ((x, y), (x + 0.03, y), (x + 0.03, y + 0.05), (x, y + 0.05))
        zone = Zone(f"custom-{n + 1}", ZoneState.THINNING, name=f"Patch {n + 1}", polygon=square)
        scalp_map = scalp_map.with_zone(zone)
    return scalp_map


def build_history(scalp_map: ScalpMap, days: int) -> list[HistoryEntry]:
    """A session every other day for `days` days, rotating through the zones."""
    ids = [z.id for z in scalp_map.zones]
    return [
        HistoryEntry(
            START - timedelta(days=d), tuple(ids[(d * 3 + k) % len(ids)] for k in range(4)), 0.5
        )
        for d in range(days, 0, -2)
    ]


def timed(scalp_map: ScalpMap, history: list[HistoryEntry], weeks: int, runs: int = 15) -> float:
    """Median milliseconds for one plan."""
    settings = Settings(needle_mm=0.5, session_minutes=30)
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        make_plan(scalp_map, settings, Health(), history, START, weeks)
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def main() -> None:
    full = build_map(50)
    history = build_history(full, 730)
    make_plan(full, Settings(), Health(), history, START, 1)  # warm the region cache
    ms = timed(full, history, 52)
    print(f"52 weeks, 63 zones, {len(history)} logged sessions: {ms:.1f} ms (budget 50 ms)")

    print("\ngrowth with weeks (63 zones, 2 years of history):")
    base = timed(full, history, 4)
    for weeks in (4, 8, 16, 26, 52):
        t = timed(full, history, weeks)
        print(
            f"  {weeks:>2} weeks: {t:6.2f} ms   per week {t / weeks:.3f} ms   x{t / base:.2f} of 4 weeks"
        )

    print("\ngrowth with zones (52 weeks, 2 years of history):")
    for custom in (0, 12, 25, 50, 100):
        scalp_map = build_map(custom)
        t = timed(scalp_map, build_history(scalp_map, 730), 52)
        zones = 13 + custom
        print(f"  {zones:>3} zones: {t:6.2f} ms   per zone {t / zones:.3f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "map.json"
        doc = MapDocument(full, Settings(needle_mm=0.5), Health(), tuple(history), "Bench")
        path.write_text(dump_map_document(doc), encoding="utf-8")
        command = [
            sys.executable,
            "-m",
            "scalpzone",
            "plan",
            str(path),
            "--start",
            START.isoformat(),
        ]
        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "0"}
        subprocess.run(command, capture_output=True, check=True, env=env)  # warm bytecode caches
        runs = []
        for _ in range(10):
            t0 = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True, env=env)
            runs.append(time.perf_counter() - t0)
        print(
            f"\n`scalpzone plan` end to end, 1 week: median {statistics.median(runs):.3f} s, "
            f"max {max(runs):.3f} s (budget 0.3 s)"
        )
        bare = []
        for _ in range(10):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            bare.append(time.perf_counter() - t0)
        print(f"  (a bare `python -c pass` takes {statistics.median(bare):.3f} s here)")
        trace = subprocess.run(
            [sys.executable, "-X", "importtime", *command[1:]],
            capture_output=True,
            text=True,
            check=True,
        )
        modules = [line.split("|")[-1].strip() for line in trace.stderr.splitlines()[1:]]
        qt = [m for m in modules if m.startswith(("PySide6", "shiboken6"))]
        print(
            f"  -X importtime: {len(modules)} modules imported, Qt modules among them: {qt or 'none'}"
        )
        heavy = sorted(
            (
                (int(line.split("|")[1]), line.split("|")[-1].strip())
                for line in trace.stderr.splitlines()[1:]
            ),
            reverse=True,
        )[:5]
        print(
            "  largest cumulative imports (µs): "
            + ", ".join(f"{m.strip()} {us}" for us, m in heavy)
        )


if __name__ == "__main__":
    main()
