"""Errors from the storage layer; each one's `str()` is a sentence a person can act on."""

from __future__ import annotations

from collections.abc import Iterable

from scalpzone.domain.problems import Problem


class StorageError(Exception):
    """Something went wrong reading or writing the database; the message says what and what to do."""


class DatabaseLockedError(StorageError):
    """Another ScalpZone already has the database open for writing."""


class NotScalpZoneDatabaseError(StorageError):
    """The path is not (and never was) a ScalpZone database: a folder, a link, another file.

    Nothing at that path is moved, renamed or written; the person chose the wrong path.
    """


class DiskFullError(StorageError):
    """The disk is full: nothing was changed, and nothing is treated as damaged."""


class StoragePermissionError(StorageError):
    """The operating system refused access to the database or its folder."""


class DatabaseBusyError(StorageError):
    """Another program held the database busy for too long."""


class DiskIOError(StorageError):
    """The disk reported an error reading or writing; the file is not treated as damaged."""


class StoredDataError(StorageError):
    """Rows in the database break ScalpZone's rules (edited outside the app, or damaged).

    `problems` name the table, the row and the field of each; `settings_only` says whether
    resetting the profile's settings to their defaults would clear every problem.
    """

    def __init__(self, what: str, problems: Iterable[Problem], *, profile_id: int | None) -> None:
        self.problems = tuple(problems)
        self.profile_id = profile_id
        self.settings_only = all(p.path.startswith("settings") for p in self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(
            f"{what} holds values ScalpZone will not plan from (was the database edited "
            f"outside ScalpZone?):\n{lines}\nNothing was changed, and nothing is planned from "
            "these values. Restore a backup (File › Restore backup…, or `scalpzone backups "
            "list` and `scalpzone backups restore NAME`), or open the profile in ScalpZone to "
            "put what is listed back to its defaults."
        )


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


class PhotoNotFoundError(StorageError):
    """No photo of this profile has the id asked for (removed, or another profile's)."""


class ArchiveError(StorageError):
    """A profile archive that cannot be read back: damaged, hostile, or from a newer version.

    Nothing was changed. `str()` names the file and what is wrong with it.
    """


#: What turning a stored value into its type raises when the value is no such thing (a date
#: that is no date, JSON that is not JSON): said as `unreadable` says it.
UNREADABLE = (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError)


def unreadable(error: BaseException) -> StoredDataError:
    """A stored value that cannot even be turned into its type, as a StoredDataError."""
    return StoredDataError(
        "The database",
        [Problem("(a stored value)", f"cannot be read back ({error})")],
        profile_id=None,
    )
