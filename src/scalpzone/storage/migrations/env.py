"""Alembic environment: runs on the connection ScalpZone hands over, inside its transaction.

There is no alembic.ini and no database URL here on purpose: `scalpzone.storage.schema` builds
the Config in code and passes an open connection in `config.attributes["connection"]`, so every
migration runs in one transaction with the app's own PRAGMAs (foreign keys on, WAL).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from scalpzone.storage.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "ScalpZone migrations run through scalpzone.storage.schema with an open connection; "
        "offline (SQL script) mode is not supported."
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters most things by copying the table
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
