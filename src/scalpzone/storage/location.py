"""Where the database lives: `--database`, then `SCALPZONE_DB`, then the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from scalpzone import APP_NAME

DATABASE_FILE = "scalpzone.sqlite3"
ENV_VAR = "SCALPZONE_DB"
BACKUP_FOLDER = "backups"


def default_database_path() -> Path:
    """The database in the platform's user data folder (e.g. ~/.local/share/ScalpZone)."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / DATABASE_FILE


def resolve_database_path(explicit: Path | str | None = None) -> Path:
    """The database file to use: the explicit path, else $SCALPZONE_DB, else the default.

    The result is absolute with symlinks resolved, so two spellings of one file share one lock.
    """
    if explicit is not None:
        if str(explicit).strip() in ("", "."):
            from scalpzone.storage.errors import NotScalpZoneDatabaseError  # noqa: PLC0415

            raise NotScalpZoneDatabaseError(
                "The database path given is empty; give a file name with --database PATH."
            )
        chosen = Path(explicit)
    elif os.environ.get(ENV_VAR):
        chosen = Path(os.environ[ENV_VAR])
    else:
        chosen = default_database_path()
    return chosen.expanduser().resolve()


def shared_backup_folder(database: Path) -> Path:
    """The `backups/` folder beside the database, which holds one folder per database."""
    return database.parent / BACKUP_FOLDER


def backup_folder(database: Path) -> Path:
    """This database's own backups: `backups/<database file name>/` beside it."""
    return shared_backup_folder(database) / database.name


def sidecars(database: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and shared-memory files that belong to a database file."""
    return (
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
    )
