"""Persistence: SQLAlchemy models, repositories, migrations, backups (no Qt).

The UI and the CLI use only what is exported here; see docs/storage-contract.md and
docs/storage.md.
"""

from scalpzone.domain.archive import ProfileArchive
from scalpzone.storage.archive import ProfileArchives, is_archive, read_archive
from scalpzone.storage.backups import BackupInfo
from scalpzone.storage.database import Database
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
from scalpzone.storage.log_repositories import LoggedSession, Roller
from scalpzone.storage.photos import PhotoStore, RemovedPhoto
from scalpzone.storage.repositories import MapSnapshot, ProfileSummary, ZoneStateSnapshot
from scalpzone.storage.store import ProfileStore, StoredProfile
from scalpzone.storage.writes import FileWriteError, write_atomically

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
    "is_archive",
    "read_archive",
    "resolve_database_path",
    "write_atomically",
]
