"""Errors from the storage layer; each one's `str()` is a sentence a person can act on."""

from __future__ import annotations

from collections.abc import Iterable

from scalpzone.domain.problems import Problem


class StorageError(Exception):
    """Something went wrong reading or writing the database; the message says what and what to do."""


class DatabaseLockedError(StorageError):
    """Another ScalpZone already has the database open for writing."""


class NewerDatabaseError(StorageError):
    """The database was written by a newer ScalpZone; it is left untouched."""


class ReadOnlyDatabaseError(StorageError):
    """A change was asked of a database that was opened read-only."""


class ProfileNameError(StorageError):
    """A profile name that is empty, too long, has control characters, or is taken."""


class ProfileNotFoundError(StorageError):
    """No profile has the id or name asked for."""


class BackupNotFoundError(StorageError):
    """No backup has the name asked for, or it cannot be used."""


class LogEntryNotFoundError(StorageError):
    """No logged session of this profile has the id asked for (removed, or another profile's)."""


class ZoneInUseError(StorageError):
    """A drawn zone cannot be removed while the session log still names it."""


class InvalidProfileDataError(StorageError):
    """Data refused before it reached the database, with every problem found."""

    def __init__(self, what: str, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{what} was not saved; fix these and try again:\n{lines}")
