"""The schema version and the Alembic migrations, run from code (no alembic.ini on disk).

Opening an up-to-date database only compares its `alembic_version` with HEAD_REVISION, so the
everyday start never imports Alembic. A new database is created from the models and stamped;
an older one is upgraded, in one transaction, after the caller has backed it up.

A future migration that must rebuild a table others point at (e.g. `profiles`) has to run with
foreign keys off, or the copy-and-drop would cascade-delete the children; see docs/storage.md.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection

#: The newest revision in migrations/versions; a test checks the two agree.
HEAD_REVISION = "0005"
#: In every ScalpZone database's header (PRAGMA application_id): "SCZN".
APPLICATION_ID = int.from_bytes(b"SCZN", "big")
MIGRATIONS = Path(__file__).with_name("migrations")
#: The health checklist's columns, in order (the `health` table; models.py builds them).
HEALTH_ITEMS = (
    "active_acne",
    "eczema_psoriasis",
    "rosacea",
    "infection_or_wound",
    "sunburn",
    "blood_thinners",
    "isotretinoin",
    "keloid",
)


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


def new_identity() -> str:
    """A new database's identity: a random UUID (version 4), as `str(uuid.uuid4())` writes it.

    Made from `os.urandom` as `uuid.uuid4` makes it, without importing `uuid`, which loads
    `platform` (≈ 3.5 ms CPU on a new profile's way to a usable window).
    """
    return identity_from(os.urandom(16))


def identity_from(random: bytes) -> str:
    """The version-4 UUID made of these 16 random bytes, in its 36-character form."""
    raw = bytearray(random)
    raw[6] = (raw[6] & 0x0F) | 0x40  # the version, 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the variant, RFC 4122's
    text = raw.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def create_schema(cx: sqlite3.Connection) -> None:
    """Create every table of the current models in an empty database and stamp it as HEAD.

    The statements are the models' own, as SQLAlchemy writes them (schema_ddl.py; a test
    keeps the two equal), run on a plain connection in one transaction, so creating a database
    imports neither SQLAlchemy nor Alembic. The new database gets its identity (a UUID) and
    ScalpZone's application id; the stamp is Alembic's own version table, written directly.
    """
    from scalpzone.storage.schema_ddl import STATEMENTS  # noqa: PLC0415

    cx.execute("BEGIN")
    try:
        for statement in STATEMENTS:
            cx.execute(statement)
        cx.execute("INSERT INTO database_identity (id, uuid) VALUES (1, ?)", (new_identity(),))
        cx.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        cx.execute(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
            "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
        )
        cx.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (HEAD_REVISION,))
    except BaseException:
        cx.execute("ROLLBACK")
        raise
    cx.execute("COMMIT")


def create_file_schema(path: Path) -> None:
    """`create_schema` in the database file at `path` (new or empty), on its own connection."""
    from scalpzone.storage.files import configure  # noqa: PLC0415

    cx = sqlite3.connect(path)
    try:
        configure(cx)
        create_schema(cx)
    finally:
        cx.close()


def models_ddl() -> tuple[str, ...]:
    """The statements that create the models' tables and indexes, as SQLAlchemy writes them
    for SQLite, one line each: what schema_ddl.py must hold (tests/storage/test_migrations.py)."""
    from sqlalchemy.dialects import sqlite  # noqa: PLC0415
    from sqlalchemy.schema import CreateIndex, CreateTable  # noqa: PLC0415

    from scalpzone.storage.models import Base  # noqa: PLC0415

    dialect = sqlite.dialect()
    found: list[str] = []
    for table in Base.metadata.sorted_tables:
        found.append(str(CreateTable(table).compile(dialect=dialect)))
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            found.append(str(CreateIndex(index).compile(dialect=dialect)))
    return tuple(" ".join(line.strip() for line in s.strip().splitlines()) for s in found)


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
