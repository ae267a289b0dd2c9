"""Persistence: SQLAlchemy models, repositories, migrations, backups (no Qt).

The UI and the CLI use only what is exported here; see docs/storage-contract.md and
docs/storage.md. The errors and the locations load with the package; everything else loads on
first use (module `__getattr__`), so the window's start-up path (`startup.open_profile_store`)
imports no SQLAlchemy until the window is usable.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from scalpzone.storage.errors import (
    ArchiveError,
    BackupNotFoundError,
    DatabaseBusyError,
    DatabaseLockedError,
    DiskFullError,
    DiskIOError,
    InvalidProfileDataError,
    LogEntryNotFoundError,
    NewerDatabaseError,
    NotScalpZoneDatabaseError,
    PhotoNotFoundError,
    ProfileNameError,
    ProfileNotFoundError,
    ReadOnlyDatabaseError,
    StorageError,
    StoragePermissionError,
    StoredDataError,
    ZoneInUseError,
)
from scalpzone.storage.location import default_database_path, resolve_database_path

if TYPE_CHECKING:
    from scalpzone.domain.archive import ProfileArchive
    from scalpzone.storage.archive import ProfileArchives, is_archive, read_archive
    from scalpzone.storage.backups import BackupInfo
    from scalpzone.storage.database import Database
    from scalpzone.storage.log_repositories import LoggedSession, Roller
    from scalpzone.storage.photos import PhotoStore, RemovedPhoto
    from scalpzone.storage.repositories import MapSnapshot, ProfileSummary, ZoneStateSnapshot
    from scalpzone.storage.startup import (
        full_database,
        load_rest_in_background,
        open_for_start,
    )
    from scalpzone.storage.store import ProfileStore, StoredProfile
    from scalpzone.storage.writes import FileWriteError, write_atomically

#: Where each export that loads on first use lives.
_LATER = {
    "ProfileArchive": "scalpzone.domain.archive",
    "ProfileArchives": "scalpzone.storage.archive",
    "is_archive": "scalpzone.storage.archive",
    "read_archive": "scalpzone.storage.archive",
    "BackupInfo": "scalpzone.storage.backups",
    "Database": "scalpzone.storage.database",
    "LoggedSession": "scalpzone.storage.log_repositories",
    "Roller": "scalpzone.storage.log_repositories",
    "PhotoStore": "scalpzone.storage.photos",
    "RemovedPhoto": "scalpzone.storage.photos",
    "MapSnapshot": "scalpzone.storage.repositories",
    "ProfileSummary": "scalpzone.storage.repositories",
    "ZoneStateSnapshot": "scalpzone.storage.repositories",
    "full_database": "scalpzone.storage.startup",
    "load_rest_in_background": "scalpzone.storage.startup",
    "open_for_start": "scalpzone.storage.startup",
    "ProfileStore": "scalpzone.storage.store",
    "StoredProfile": "scalpzone.storage.store",
    "FileWriteError": "scalpzone.storage.writes",
    "write_atomically": "scalpzone.storage.writes",
}


def __getattr__(name: str) -> object:
    """Load an export on first use (and keep it, so the next use is a plain lookup)."""
    module = _LATER.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "ArchiveError",
    "BackupInfo",
    "BackupNotFoundError",
    "Database",
    "DatabaseBusyError",
    "DatabaseLockedError",
    "DiskFullError",
    "DiskIOError",
    "FileWriteError",
    "InvalidProfileDataError",
    "LogEntryNotFoundError",
    "LoggedSession",
    "MapSnapshot",
    "NewerDatabaseError",
    "NotScalpZoneDatabaseError",
    "PhotoNotFoundError",
    "PhotoStore",
    "ProfileArchive",
    "ProfileArchives",
    "ProfileNameError",
    "ProfileNotFoundError",
    "ProfileStore",
    "ProfileSummary",
    "ReadOnlyDatabaseError",
    "RemovedPhoto",
    "Roller",
    "StorageError",
    "StoragePermissionError",
    "StoredDataError",
    "StoredProfile",
    "ZoneInUseError",
    "ZoneStateSnapshot",
    "default_database_path",
    "full_database",
    "is_archive",
    "load_rest_in_background",
    "open_for_start",
    "read_archive",
    "resolve_database_path",
    "write_atomically",
]
