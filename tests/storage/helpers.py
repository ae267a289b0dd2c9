"""Helpers shared by the storage tests."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.domain.zones import ScalpMap, Zone, ZoneState


def integrity(path: Path) -> list[str]:
    """PRAGMA integrity_check's answer for a database file."""
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()


def query(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows of one query on a database file, through a connection closed straight after."""
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def thinning_map() -> ScalpMap:
    """A map with the crown thinning, one bald region, a drawn zone and a hairline."""
    scalp_map = ScalpMap()
    scalp_map = scalp_map.with_zone(Zone("crown", ZoneState.THINNING, 2))
    scalp_map = scalp_map.with_zone(Zone("hairline_center", ZoneState.BALD))
    scalp_map = scalp_map.with_zone(
        Zone(
            "custom-1",
            ZoneState.THINNING,
            1,
            None,
            "Part line",
            ((0.45, 0.30), (0.55, 0.30), (0.55, 0.50), (0.45, 0.50)),
        )
    )
    return scalp_map.with_hairline(((0.25, 0.16), (0.50, 0.12), (0.75, 0.16)))


def done(day: date, *zones: str, note: str = "") -> HistoryEntry:
    """A done session on these zones with a 1.0 mm needle."""
    return HistoryEntry(day, zones, 1.0, SessionStatus.DONE, note)
