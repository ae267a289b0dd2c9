"""The session log and the rollers whose uses it counts: repositories on a session they are given.

Like every repository (`repositories.py`), they never commit or roll back. The log is read as
plain columns rather than ORM objects, since it can be long.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import Table, delete, select, text, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from scalpzone.domain.history import HistoryEntry, SessionStatus
from scalpzone.storage.errors import LogEntryNotFoundError, StorageError
from scalpzone.storage.models import RollerRow, SessionLogRow
from scalpzone.storage.rows import Roller, rollers
from scalpzone.storage.validated import check_log_rows

__all__ = ["LogRepository", "LoggedSession", "Roller", "RollerRepository"]

#: `json.dumps(value, separators=(",", ":"))` without building an encoder on every call.
_compact_json = json.JSONEncoder(separators=(",", ":")).encode


@dataclass(frozen=True, slots=True)
class LoggedSession:
    """A session in the log with the id of its row, so it can be edited, removed or put back."""

    id: int
    entry: HistoryEntry


class LogRepository:
    """The session log: each row one logged session, its id kept for editing and undo."""

    def __init__(self, session: Session) -> None:
        self._s = session

    def load(self, profile_id: int) -> tuple[HistoryEntry, ...]:
        """Every logged session, in the order logged (as the map file keeps them)."""
        rows = self._s.execute(
            select(*_ENTRY_COLUMNS[1:])
            .where(SessionLogRow.profile_id == profile_id)
            .order_by(SessionLogRow.id)
        )
        return tuple(_entry(*row) for row in rows)

    def entries(self, profile_id: int) -> tuple[LoggedSession, ...]:
        """Every logged session with its id, oldest day first, then in the order logged."""
        check_log_rows(self._s, profile_id)
        rows = self._s.execute(
            select(*_ENTRY_COLUMNS)
            .where(SessionLogRow.profile_id == profile_id)
            .order_by(SessionLogRow.day, SessionLogRow.id)
        )
        return tuple(LoggedSession(row[0], _entry(*row[1:])) for row in rows)

    def get(self, profile_id: int, log_id: int) -> HistoryEntry:
        """One logged session of this profile, or LogEntryNotFoundError."""
        row = self._s.execute(
            select(*_ENTRY_COLUMNS).where(
                SessionLogRow.profile_id == profile_id, SessionLogRow.id == log_id
            )
        ).first()
        if row is None:
            raise LogEntryNotFoundError(
                f"Logged session #{log_id} is not in this profile's log (was it removed?). "
                "Nothing was changed."
            )
        return _entry(*row[1:])

    def add(self, profile_id: int, entries: Sequence[HistoryEntry]) -> None:
        """Append sessions to the log, in this order."""
        if not entries:
            return
        # The table, not the mapped class: a plain executemany, without the ORM's bulk path.
        table = cast(Table, SessionLogRow.__table__)
        self._s.execute(insert(table), [_values(profile_id, e) for e in entries])

    def replace(self, profile_id: int, log_id: int, entry: HistoryEntry) -> HistoryEntry:
        """Put `entry` in place of a logged session (same id); returns what it replaced."""
        before = self.get(profile_id, log_id)
        self._s.execute(
            update(SessionLogRow)
            .where(SessionLogRow.profile_id == profile_id, SessionLogRow.id == log_id)
            .values(**_values(profile_id, entry))
        )
        return before

    def remove(self, profile_id: int, log_id: int) -> HistoryEntry:
        """Take a session out of the log; returns it."""
        before = self.get(profile_id, log_id)
        self._s.execute(
            delete(SessionLogRow).where(
                SessionLogRow.profile_id == profile_id, SessionLogRow.id == log_id
            )
        )
        return before

    def restore(self, profile_id: int, log_id: int, entry: HistoryEntry) -> None:
        """Put a removed session back under its own id (ids are never reused: AUTOINCREMENT)."""
        if self._s.get(SessionLogRow, log_id) is not None:
            raise StorageError(
                f"The session cannot be put back: the log already holds a session #{log_id}. "
                "Nothing was changed."
            )
        self._s.execute(insert(SessionLogRow).values(id=log_id, **_values(profile_id, entry)))

    def zone_ids_used(self, profile_id: int) -> set[str]:
        """Every zone id the log names."""
        return set(
            self._s.scalars(
                text(
                    "SELECT DISTINCT j.value FROM session_log, json_each(session_log.zones) AS j "
                    "WHERE session_log.profile_id = :profile_id"
                ),
                {"profile_id": profile_id},
            )
        )


_ENTRY_COLUMNS = (
    SessionLogRow.id,
    SessionLogRow.day,
    SessionLogRow.zones,
    SessionLogRow.needle_mm,
    SessionLogRow.status,
    SessionLogRow.note,
)


def _entry(day: date, zones: str, needle_mm: float, status: str, note: str) -> HistoryEntry:
    return HistoryEntry(day, tuple(json.loads(zones)), needle_mm, SessionStatus(status), note)


def _values(profile_id: int, entry: HistoryEntry) -> dict[str, object]:
    return {
        "profile_id": profile_id,
        "day": entry.date,
        "zones": _compact_json(list(entry.zones)),
        "needle_mm": entry.needle_mm,
        "status": entry.status.value,
        "note": entry.note,
    }


class RollerRepository:
    """A profile's derma rollers; the newest one not retired is in use.

    A roller's uses are counted from the log at read time: the done sessions dated on or after
    its `first_use` and, once retired, before its `retired_on`. `start` retires the old roller
    on the new one's first day, so a session on that day counts for the new roller only.
    """

    def __init__(self, session: Session) -> None:
        self._s = session

    def current(self, profile_id: int) -> Roller | None:
        """The roller in use, if any."""
        found = rollers(self._s, profile_id, current=True)
        return found[0] if found else None

    def all(self, profile_id: int) -> tuple[Roller, ...]:
        """Every roller, first bought first."""
        return rollers(self._s, profile_id)

    def start(self, profile_id: int, needle_mm: float, first_use: date) -> int:
        """Retire the roller in use (as of `first_use`) and start a new one."""
        for row in self._s.scalars(
            select(RollerRow).where(
                RollerRow.profile_id == profile_id, RollerRow.retired_on.is_(None)
            )
        ):
            row.retired_on = max(row.first_use, first_use)
        row = RollerRow(profile_id=profile_id, needle_mm=needle_mm, first_use=first_use)
        self._s.add(row)
        self._s.flush()
        return row.id
