"""Persistence: SQLAlchemy models, repositories, migrations, backups (no Qt).

The UI and the CLI use only what is exported here; see docs/storage-contract.md and
docs/storage.md.
"""

from scalpzone.storage.backups import BackupInfo
from scalpzone.storage.database import Database
from scalpzone.storage.errors import (
    BackupNotFoundError,
    DatabaseLockedError,
    InvalidProfileDataError,
    LogEntryNotFoundError,
    NewerDatabaseError,
    ProfileNameError,
    ProfileNotFoundError,
    ReadOnlyDatabaseError,
    StorageError,
    ZoneInUseError,
)
from scalpzone.storage.location import default_database_path, resolve_database_path
from scalpzone.storage.repositories import (
    LoggedSession,
    MapSnapshot,
    ProfileSummary,
    Roller,
    ZoneStateSnapshot,
)
from scalpzone.storage.store import ProfileStore, StoredProfile
from scalpzone.storage.writes import FileWriteError, write_atomically

__all__ = [
    "BackupInfo",
    "BackupNotFoundError",
    "Database",
    "DatabaseLockedError",
    "FileWriteError",
    "InvalidProfileDataError",
    "LogEntryNotFoundError",
    "LoggedSession",
    "MapSnapshot",
    "NewerDatabaseError",
    "ProfileNameError",
    "ProfileNotFoundError",
    "ProfileStore",
    "ProfileSummary",
    "ReadOnlyDatabaseError",
    "Roller",
    "StorageError",
    "StoredProfile",
    "ZoneInUseError",
    "ZoneStateSnapshot",
    "default_database_path",
    "resolve_database_path",
    "write_atomically",
]
