"""Initial schema: profiles, zones, hairline and map snapshots, settings, health, session log.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None

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


def upgrade() -> None:
    """Create every table of the first release."""
    op.create_table(
        "profiles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(80, collation="NOCASE"), nullable=False),
        sa.Column("hairline", sa.Text(), server_default="[]", nullable=False),
        sa.CheckConstraint(
            "length(name) BETWEEN 1 AND 80 AND name = trim(name)", name=op.f("ck_profiles_name")
        ),
        sa.CheckConstraint("json_valid(hairline)", name=op.f("ck_profiles_hairline_json")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profiles")),
        sa.UniqueConstraint("name", name=op.f("uq_profiles_name")),
    )
    op.create_table(
        "zones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("zone_id", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("severity", sa.Integer(), server_default="1", nullable=False),
        sa.Column("blocked_until", sa.Date(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("polygon", sa.Text(), nullable=True),
        sa.CheckConstraint("state IN ('healthy', 'thinning', 'bald')", name=op.f("ck_zones_state")),
        sa.CheckConstraint("severity BETWEEN 1 AND 3", name=op.f("ck_zones_severity")),
        sa.CheckConstraint("position >= 0", name=op.f("ck_zones_position")),
        sa.CheckConstraint(
            "(polygon IS NULL AND name IS NULL) OR "
            "(polygon IS NOT NULL AND name IS NOT NULL AND json_valid(polygon))",
            name=op.f("ck_zones_drawn_zone"),
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_zones_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zones")),
        sa.UniqueConstraint("profile_id", "zone_id", name=op.f("uq_zones_profile_id_zone_id")),
    )
    for table, column, check in (
        ("hairline_snapshots", "points", "points_json"),
        ("map_snapshots", "zones", "zones_json"),
    ):
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("profile_id", sa.Integer(), nullable=False),
            sa.Column("day", sa.Date(), nullable=False),
            sa.Column(column, sa.Text(), nullable=False),
            sa.CheckConstraint(f"json_valid({column})", name=op.f(f"ck_{table}_{check}")),
            sa.ForeignKeyConstraint(
                ["profile_id"],
                ["profiles.id"],
                name=op.f(f"fk_{table}_profile_id_profiles"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint("profile_id", "day", name=op.f(f"uq_{table}_profile_id_day")),
        )
    op.create_table(
        "settings",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("needle_mm", sa.Float(), nullable=False),
        sa.Column("session_days", sa.Integer(), nullable=False),
        sa.Column("sessions_per_week", sa.Integer(), nullable=False),
        sa.Column("zone_rest_hours", sa.Integer(), nullable=True),
        sa.Column("zone_max_per_week", sa.Integer(), nullable=True),
        sa.Column("session_minutes", sa.Integer(), nullable=False),
        sa.Column("roller_max_uses", sa.Integer(), nullable=False),
        sa.Column("session_time", sa.String(5), nullable=False),
        sa.CheckConstraint("needle_mm BETWEEN 0.2 AND 1.5", name=op.f("ck_settings_needle_mm")),
        sa.CheckConstraint("session_days BETWEEN 1 AND 127", name=op.f("ck_settings_session_days")),
        sa.CheckConstraint(
            "sessions_per_week BETWEEN 1 AND 3", name=op.f("ck_settings_sessions_per_week")
        ),
        sa.CheckConstraint(
            "zone_rest_hours IS NULL OR zone_rest_hours BETWEEN 48 AND 336",
            name=op.f("ck_settings_zone_rest_hours"),
        ),
        sa.CheckConstraint(
            "zone_max_per_week IS NULL OR zone_max_per_week BETWEEN 1 AND 3",
            name=op.f("ck_settings_zone_max_per_week"),
        ),
        sa.CheckConstraint(
            "session_minutes BETWEEN 5 AND 60", name=op.f("ck_settings_session_minutes")
        ),
        sa.CheckConstraint(
            "roller_max_uses BETWEEN 1 AND 30", name=op.f("ck_settings_roller_max_uses")
        ),
        sa.CheckConstraint(
            "session_time GLOB '[0-2][0-9]:[0-5][0-9]' AND session_time <= '23:59'",
            name=op.f("ck_settings_session_time"),
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_settings_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("profile_id", name=op.f("pk_settings")),
    )
    op.create_table(
        "health",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        *(
            sa.Column(item, sa.Integer(), server_default="0", nullable=False)
            for item in HEALTH_ITEMS
        ),
        sa.Column("confirmed_on", sa.Date(), nullable=True),
        *(
            sa.CheckConstraint(f"{item} IN (0, 1)", name=op.f(f"ck_health_{item}"))
            for item in HEALTH_ITEMS
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_health_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("profile_id", name=op.f("pk_health")),
    )
    op.create_table(
        "session_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("zones", sa.Text(), nullable=False),
        sa.Column("needle_mm", sa.Float(), nullable=False),
        sa.Column("status", sa.String(7), nullable=False),
        sa.CheckConstraint("needle_mm BETWEEN 0.2 AND 1.5", name=op.f("ck_session_log_needle_mm")),
        sa.CheckConstraint("status IN ('done', 'skipped')", name=op.f("ck_session_log_status")),
        sa.CheckConstraint(
            "json_valid(zones) AND json_type(zones) = 'array' AND json_array_length(zones) >= 1",
            name=op.f("ck_session_log_zones_json"),
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profiles.id"],
            name=op.f("fk_session_log_profile_id_profiles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_log")),
    )
    op.create_index(
        op.f("ix_session_log_profile_id_day"), "session_log", ["profile_id", "day"], unique=False
    )


def downgrade() -> None:
    """ScalpZone never downgrades a database; a newer one is refused instead."""
    raise NotImplementedError("ScalpZone databases are never downgraded")
