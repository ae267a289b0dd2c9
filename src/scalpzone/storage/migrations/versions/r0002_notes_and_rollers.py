"""A note on each logged session, and the rollers table (needle, first use, uses).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add `session_log.note` (existing rows get "") and create `rollers`."""
    # SQLite cannot add a CHECK to an existing table: batch mode copies the table with its rows.
    with op.batch_alter_table("session_log") as batch:
        batch.add_column(sa.Column("note", sa.Text(), server_default="", nullable=False))
        batch.create_check_constraint(
            op.f("ck_session_log_note_length"), sa.text("length(note) <= 2000")
        )
    op.create_table(
        "rollers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("needle_mm", sa.Float(), nullable=False),
        sa.Column("first_use", sa.Date(), nullable=False),
        sa.Column("uses", sa.Integer(), server_default="0", nullable=False),
        sa.Column("retired_on", sa.Date(), nullable=True),
        sa.CheckConstraint("needle_mm BETWEEN 0.2 AND 1.5", name=op.f("ck_rollers_needle_mm")),
        sa.CheckConstraint("uses >= 0", name=op.f("ck_rollers_uses")),
        sa.CheckConstraint(
            "retired_on IS NULL OR retired_on >= first_use", name=op.f("ck_rollers_retired_on")
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_rollers_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rollers")),
    )
    op.create_index(op.f("ix_rollers_profile_id"), "rollers", ["profile_id"], unique=False)


def downgrade() -> None:
    """ScalpZone never downgrades a database; a newer one is refused instead."""
    raise NotImplementedError("ScalpZone databases are never downgraded")
