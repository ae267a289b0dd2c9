"""Progress photos: their facts, their pixels, the zones they show and their alignments.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

Photos are kept inside the database (docs/photos.md): the same 0600 file, the same atomic
transactions and the same per-database backups as the rest of a person's health data.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None

_VIEWS = "('front', 'top', 'crown', 'left', 'right', 'back')"


def _cascade(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    """`table.column` points at `target.id` and goes when that row goes."""
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    """Create `photos`, `photo_data`, `photo_zones` and `photo_alignments` (all empty)."""
    op.create_table(
        "photos",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("view", sa.String(length=5), nullable=False),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(f"view IN {_VIEWS}", name=op.f("ck_photos_view")),
        sa.CheckConstraint(
            "width BETWEEN 1 AND 2400 AND height BETWEEN 1 AND 2400", name=op.f("ck_photos_size")
        ),
        sa.CheckConstraint("length(source_name) <= 255", name=op.f("ck_photos_source_name")),
        _cascade("photos", "profile_id", "profiles"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_photos_profile_id_view_taken_on"),
        "photos",
        ["profile_id", "view", "taken_on"],
        unique=False,
    )
    op.create_table(
        "photo_data",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("thumbnail", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("length(image) BETWEEN 4 AND 8388608", name=op.f("ck_photo_data_image")),
        sa.CheckConstraint(
            "length(thumbnail) BETWEEN 4 AND 524288", name=op.f("ck_photo_data_thumbnail")
        ),
        _cascade("photo_data", "photo_id", "photos"),
        sa.PrimaryKeyConstraint("photo_id", name=op.f("pk_photo_data")),
    )
    op.create_table(
        "photo_zones",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("zone_id", sa.String(length=40), nullable=False),
        _cascade("photo_zones", "photo_id", "photos"),
        sa.PrimaryKeyConstraint("photo_id", "zone_id", name=op.f("pk_photo_zones")),
    )
    op.create_table(
        "photo_alignments",
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column("first_points", sa.Text(), nullable=False),
        sa.Column("second_points", sa.Text(), nullable=False),
        sa.CheckConstraint("first_id < second_id", name=op.f("ck_photo_alignments_order")),
        sa.CheckConstraint(
            "json_valid(first_points)", name=op.f("ck_photo_alignments_first_points_json")
        ),
        sa.CheckConstraint(
            "json_valid(second_points)", name=op.f("ck_photo_alignments_second_points_json")
        ),
        _cascade("photo_alignments", "first_id", "photos"),
        _cascade("photo_alignments", "second_id", "photos"),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_photo_alignments")),
    )
    op.create_index(
        op.f("ix_photo_alignments_second_id"), "photo_alignments", ["second_id"], unique=False
    )


def downgrade() -> None:
    """ScalpZone never downgrades a database; a newer one is refused instead."""
    raise NotImplementedError("ScalpZone databases are never downgraded")
