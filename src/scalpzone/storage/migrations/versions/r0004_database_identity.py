"""Each database knows which it is: a UUID inside, and ScalpZone's application id in its header.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

Backups are kept per database and a restore checks the UUID, so two databases in one folder can
never be mixed up. The header's application id lets ScalpZone tell its own files from others
even when the rest of a file is too damaged to read.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add `database_identity` with a new UUID, and mark the file as ScalpZone's."""
    from scalpzone.storage.schema import APPLICATION_ID  # noqa: PLC0415

    op.create_table(
        "database_identity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_database_identity_one_row")),
        sa.CheckConstraint("length(uuid) = 36", name=op.f("ck_database_identity_uuid")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_database_identity")),
    )
    op.execute(
        sa.text("INSERT INTO database_identity (id, uuid) VALUES (1, :uuid)").bindparams(
            uuid=str(uuid.uuid4())
        )
    )
    op.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def downgrade() -> None:
    """ScalpZone never downgrades a database; a newer one is refused instead."""
    raise NotImplementedError("ScalpZone databases are never downgraded")
