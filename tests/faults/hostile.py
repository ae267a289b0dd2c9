"""Hostile but legal-looking map files, built in memory for the fault tests."""

from __future__ import annotations

import json
import math

from scalpzone.domain.limits import (
    DRAWN_ZONES_MAX,
    HAIRLINE_MAX_POINTS,
    HISTORY_MAX_ENTRIES,
    NAME_MAX_CHARS,
    NOTE_MAX_CHARS,
    OUTLINE_MAX_POINTS,
)


def base(**extra: object) -> dict[str, object]:
    """The smallest valid map, with extra top-level keys."""
    return {"format": "scalpzone", "version": 1, "zones": [], **extra}


def text(raw: object) -> bytes:
    """JSON bytes of a map (NaN and Infinity written as JSON's loose readers do)."""
    return json.dumps(raw, ensure_ascii=False).encode("utf-8", "surrogatepass")


def with_raw(key: str, json_text: str) -> bytes:
    """The smallest valid map with one more key whose value is written as given (NaN, 1e400)."""
    return text(base()).replace(b'"zones"', f'"{key}": {json_text}, "zones"'.encode())


def circle(points: int, cx: float = 0.5, cy: float = 0.5, r: float = 0.04) -> list[list[float]]:
    """A simple outline of `points` corners."""
    return [
        [cx + r * math.cos(2 * math.pi * i / points), cy + r * math.sin(2 * math.pi * i / points)]
        for i in range(points)
    ]


def drawn(n: int, corners: int = 4) -> list[dict[str, object]]:
    """`n` small drawn zones in a grid."""
    return [
        {
            "id": f"custom-{k + 1}",
            "name": f"Patch {k + 1}",
            "state": "thinning",
            "polygon": circle(corners, 0.05 + (k % 10) * 0.09, 0.05 + (k // 10) * 0.09, 0.03),
        }
        for k in range(n)
    ]


def hairline(points: int) -> list[list[float]]:
    """A hairline of `points` points."""
    return [[0.1 + 0.8 * i / max(points - 1, 1), 0.15] for i in range(points)]


def history(entries: int, note: str = "") -> list[dict[str, object]]:
    """`entries` logged sessions on the crown, one a day back from 2026-11-01."""
    from datetime import date, timedelta

    first = date(2026, 11, 1)
    return [
        {"date": (first - timedelta(days=n)).isoformat(), "zones": ["crown"], "note": note}
        for n in range(entries)
    ]


LIMITS = {
    "drawn zones": DRAWN_ZONES_MAX,
    "outline points": OUTLINE_MAX_POINTS,
    "hairline points": HAIRLINE_MAX_POINTS,
    "history entries": HISTORY_MAX_ENTRIES,
    "name characters": NAME_MAX_CHARS,
    "note characters": NOTE_MAX_CHARS,
}
