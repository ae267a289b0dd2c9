"""The schema version and the Alembic migrations, run from code (no alembic.ini on disk).

Opening an up-to-date database only compares its `alembic_version` with HEAD_REVISION, so the
everyday start never imports Alembic. A new database is created from the models and stamped;
an older one is upgraded, in one transaction, after the caller has backed it up.

A future migration that must rebuild a table others point at (e.g. `profiles`) has to run with
foreign keys off, or the copy-and-drop would cascade-delete the children; see docs/storage.md.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

from scalpzone.storage.models import Base

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

#: The newest revision in migrations/versions; a test checks the two agree.
HEAD_REVISION = "0005"
#: In every ScalpZone database's header (PRAGMA application_id): "SCZN".
APPLICATION_ID = int.from_bytes(b"SCZN", "big")
MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic Config pointing at the migrations inside the package, for this connection."""
    from alembic.config import Config  # noqa: PLC0415  (Alembic only when migrating)

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def is_known_revision(revision: str) -> bool:
    """Whether this version of ScalpZone has a migration with this id (i.e. it is not newer)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415
    from alembic.util import CommandError  # noqa: PLC0415

    script = ScriptDirectory.from_config(alembic_config())
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False


def head_revision() -> str:
    """The newest revision as Alembic sees it (the test that keeps HEAD_REVISION honest)."""
    from alembic.script import ScriptDirectory  # noqa: PLC0415

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def stored_revision(connection: sqlite3.Connection) -> str | None:
    """The revision recorded in a database, or None when it has no version table or row."""
    tables = {
        name
        for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "alembic_version" not in tables:
        return None
    rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    return str(rows[0][0]) if len(rows) == 1 else None


def create_schema(engine: Engine) -> None:
    """Create every table of the current models in an empty database and stamp it as HEAD.

    The new database gets its identity (a UUID) and ScalpZone's application id. The stamp is
    Alembic's own version table, written directly: creating a database does not import
    Alembic (a third of a second), only upgrading an older one does.
    """
    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        connection.execute(
            text("INSERT INTO database_identity (id, uuid) VALUES (1, :uuid)"),
            {"uuid": str(uuid.uuid4())},
        )
        connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        connection.exec_driver_sql(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
        connection.execute(
            text("INSERT INTO alembic_version (version_num) VALUES (:head)"),
            {"head": HEAD_REVISION},
        )


def database_uuid(connection: sqlite3.Connection) -> str | None:
    """The identity stored in a database, or None (made before identities, or unreadable)."""
    try:
        row = connection.execute("SELECT uuid FROM database_identity WHERE id = 1").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row is not None else None


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run every migration from the stored revision up to `target`, in one transaction."""
    from alembic import command  # noqa: PLC0415

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), target)
