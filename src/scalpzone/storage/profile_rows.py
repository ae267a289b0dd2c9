"""A new profile's rows, in plain SQL that both ways into the database run (see rows.py).

`ProfileStore.create_profile` runs `create_profile` on its session's connection; the start-up
path runs it on a plain one, so a first start saves its first click without SQLAlchemy.
Settings and health are written here for every caller, by the repositories too.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterable
from datetime import date

from scalpzone.domain.mapfile import NAME_MAX
from scalpzone.domain.settings import SETTING_KEYS, Contraindication, Health, Settings, Weekday
from scalpzone.domain.zones import ScalpMap
from scalpzone.storage.errors import ProfileNameError
from scalpzone.storage.rows import save_zones
from scalpzone.storage.schema import HEALTH_ITEMS


def clean_name(name: str) -> str:
    """A profile name as stored: trimmed; refused when empty, too long, or with control chars."""
    if not isinstance(name, str):
        raise ProfileNameError("A profile name must be text.")
    cleaned = name.strip()
    if not cleaned:
        raise ProfileNameError("A profile needs a name; the name given is empty.")
    if len(cleaned) > NAME_MAX:
        raise ProfileNameError(
            f"The profile name is {len(cleaned)} characters long; the most is {NAME_MAX}."
        )
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in cleaned):
        raise ProfileNameError(
            "A profile name cannot contain line breaks, tabs or other invisible characters."
        )
    return cleaned


def refuse_taken(names: Iterable[tuple[int, str]], name: str, except_id: int | None = None) -> None:
    """ProfileNameError if another profile (of `(id, name)` pairs) has this name, in any case."""
    folded = name.casefold()
    for pid, existing in names:
        if pid != except_id and existing.casefold() == folded:
            raise ProfileNameError(
                f"There is already a profile named {existing!r}; choose another name."
            )


def create_profile(cx: sqlite3.Connection, name: str) -> int:
    """A new profile with an all-healthy map and default settings; returns its id. Runs inside
    the caller's write transaction."""
    cleaned = clean_name(name)
    refuse_taken(cx.execute("SELECT id, name FROM profiles"), cleaned)
    cursor = cx.execute("INSERT INTO profiles (name, hairline) VALUES (?, '[]')", (cleaned,))
    pid = cursor.lastrowid
    assert pid is not None
    save_zones(cx, pid, ScalpMap().zones)
    save_settings(cx, pid, Settings())
    save_health(cx, pid, Health(), None)
    return pid


def _days_mask(days: Iterable[Weekday]) -> int:
    return sum(1 << day.number for day in days)


def save_settings(cx: sqlite3.Connection, profile_id: int, settings: Settings) -> None:
    """Store the settings (already checked against the rules)."""
    values = (
        settings.needle_mm,
        _days_mask(settings.session_days),
        settings.sessions_per_week,
        settings.zone_rest_hours,
        settings.zone_max_per_week,
        settings.session_minutes,
        settings.roller_max_uses,
        settings.session_time.strftime("%H:%M"),
    )
    _upsert(cx, "settings", SETTING_KEYS, profile_id, values)


def save_health(
    cx: sqlite3.Connection, profile_id: int, health: Health, confirmed_on: date | None
) -> None:
    """Store the checklist and when the person confirmed it."""
    values = (
        *(int(Contraindication(item) in health.ticked) for item in HEALTH_ITEMS),
        confirmed_on.isoformat() if confirmed_on is not None else None,
    )
    _upsert(cx, "health", (*HEALTH_ITEMS, "confirmed_on"), profile_id, values)


def _upsert(
    cx: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    profile_id: int,
    values: tuple[object, ...],
) -> None:
    """Insert a profile's one row of `table`, or replace its values."""
    cx.execute(
        f"INSERT INTO {table} (profile_id, {', '.join(columns)}) "
        f"VALUES (?{', ?' * len(columns)}) ON CONFLICT (profile_id) DO UPDATE SET "
        + ", ".join(f"{c} = excluded.{c}" for c in columns),
        (profile_id, *values),
    )
