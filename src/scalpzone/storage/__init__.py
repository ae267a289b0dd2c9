"""Persistence: SQLAlchemy models, repositories, migrations, backups (no Qt).

The UI and the CLI use only what is exported here; see docs/storage-contract.md and
docs/storage.md.
"""

from scalpzone.storage.backups import BackupInfo
from scalpzone.storage.database import Database
from scalpzone.storage.errors import (
    BackupNotFoundError,
    DatabaseBusyError,
    DatabaseLockedError,
    DiskFullError,
    DiskIOError,
    InvalidProfileDataError,
    LogEntryNotFoundError,
    NewerDatabaseError,
    NotScalpZoneDatabaseError,
    ProfileNameError,
    ProfileNotFoundError,
    ReadOnlyDatabaseError,
    StorageError,
    StoragePermissionError,
    StoredDataError,
    ZoneInUseError,
)
from scalpzone.storage.location import default_database_path, resolve_database_path
from scalpzone.storage.log_repositories import LoggedSession, Roller
from scalpzone.storage.repositories import MapSnapshot, ProfileSummary, ZoneStateSnapshot
from scalpzone.storage.store import ProfileStore, StoredProfile
from scalpzone.storage.writes import FileWriteError, write_atomically

__all__ = [
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
    "ProfileNameError",
    "ProfileNotFoundError",
    "ProfileStore",
    "ProfileSummary",
    "ReadOnlyDatabaseError",
    "Roller",
    "StorageError",
    "StoragePermissionError",
    "StoredDataError",
    "StoredProfile",
    "ZoneInUseError",
    "ZoneStateSnapshot",
    "default_database_path",
    "resolve_database_path",
    "write_atomically",
]
