"""The database tables, as SQLAlchemy 2 declarative models.

Every table but `profiles` belongs to one profile and goes with it (ON DELETE CASCADE). Geometry
and ordered id lists are JSON text; CHECK constraints keep out values the domain refuses, so a
bug elsewhere cannot store what an export could not write back.

The schema a migration produces must match these models; `tests/storage/test_migrations.py`
compares them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from scalpzone.storage.schema import HEALTH_ITEMS

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

NEEDLE_CHECK = "needle_mm BETWEEN 0.2 AND 1.5"


class Base(DeclarativeBase):
    """Declarative base with constraint names fixed, so migrations can address them."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _profile_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("profiles.id", ondelete="CASCADE"), nullable=False)


class ProfileRow(Base):
    """One person: their name and current hairline (an open polyline, JSON `[[x, y], …]`)."""

    __tablename__ = "profiles"
    __table_args__ = (
        CheckConstraint("length(name) BETWEEN 1 AND 80 AND name = trim(name)", name="name"),
        CheckConstraint("json_valid(hairline)", name="hairline_json"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80, collation="NOCASE"), nullable=False, unique=True)
    hairline: Mapped[str] = mapped_column(Text, nullable=False, server_default="[]")


class ZoneRow(Base):
    """One zone of a profile's map: a preset region or a drawn zone (name + polygon JSON)."""

    __tablename__ = "zones"
    __table_args__ = (
        UniqueConstraint("profile_id", "zone_id"),
        CheckConstraint("state IN ('healthy', 'thinning', 'bald')", name="state"),
        CheckConstraint("severity BETWEEN 1 AND 3", name="severity"),
        CheckConstraint("position >= 0", name="position"),
        CheckConstraint(
            "(polygon IS NULL AND name IS NULL) OR "
            "(polygon IS NOT NULL AND name IS NOT NULL AND json_valid(polygon))",
            name="drawn_zone",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    zone_id: Mapped[str] = mapped_column(String(40), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False)
    severity: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")
    blocked_until: Mapped[date | None] = mapped_column(Date)
    name: Mapped[str | None] = mapped_column(Text)
    polygon: Mapped[str | None] = mapped_column(Text)


class HairlineSnapshotRow(Base):
    """The hairline as drawn on a day; one per profile and day (a later save that day wins)."""

    __tablename__ = "hairline_snapshots"
    __table_args__ = (
        UniqueConstraint("profile_id", "day"),
        CheckConstraint("json_valid(points)", name="points_json"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    day: Mapped[date] = mapped_column(Date, nullable=False)
    points: Mapped[str] = mapped_column(Text, nullable=False)


class MapSnapshotRow(Base):
    """Every zone's state and severity as of a day (JSON `[{"id", "state", "severity"}, …]`)."""

    __tablename__ = "map_snapshots"
    __table_args__ = (
        UniqueConstraint("profile_id", "day"),
        CheckConstraint("json_valid(zones)", name="zones_json"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    day: Mapped[date] = mapped_column(Date, nullable=False)
    zones: Mapped[str] = mapped_column(Text, nullable=False)


class SettingsRow(Base):
    """Plan settings; rest and cap NULL mean "the rule's floor for the needle"."""

    __tablename__ = "settings"
    __table_args__ = (
        CheckConstraint(NEEDLE_CHECK, name="needle_mm"),
        CheckConstraint("session_days BETWEEN 1 AND 127", name="session_days"),
        CheckConstraint("sessions_per_week BETWEEN 1 AND 3", name="sessions_per_week"),
        CheckConstraint(
            "zone_rest_hours IS NULL OR zone_rest_hours BETWEEN 48 AND 336", name="zone_rest_hours"
        ),
        CheckConstraint(
            "zone_max_per_week IS NULL OR zone_max_per_week BETWEEN 1 AND 3",
            name="zone_max_per_week",
        ),
        CheckConstraint("session_minutes BETWEEN 5 AND 60", name="session_minutes"),
        CheckConstraint("roller_max_uses BETWEEN 1 AND 30", name="roller_max_uses"),
        CheckConstraint(
            "session_time GLOB '[0-2][0-9]:[0-5][0-9]' AND session_time <= '23:59'",
            name="session_time",
        ),
    )

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True
    )
    needle_mm: Mapped[float] = mapped_column(Float, nullable=False)
    #: Bit 0 is Monday … bit 6 Sunday.
    session_days: Mapped[int] = mapped_column(Integer, nullable=False)
    sessions_per_week: Mapped[int] = mapped_column(Integer, nullable=False)
    zone_rest_hours: Mapped[int | None] = mapped_column(Integer)
    zone_max_per_week: Mapped[int | None] = mapped_column(Integer)
    session_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    roller_max_uses: Mapped[int] = mapped_column(Integer, nullable=False)
    session_time: Mapped[str] = mapped_column(String(5), nullable=False)


def _flag(name: str) -> CheckConstraint:
    return CheckConstraint(f"{name} IN (0, 1)", name=name)


class HealthRow(Base):
    """The health checklist (one 0/1 column per item) and the day it was last confirmed."""

    __tablename__ = "health"
    __table_args__ = tuple(_flag(item) for item in HEALTH_ITEMS)

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profiles.id", ondelete="CASCADE"), primary_key=True
    )
    active_acne: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    eczema_psoriasis: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    rosacea: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    infection_or_wound: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    sunburn: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    blood_thinners: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    isotretinoin: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    keloid: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    confirmed_on: Mapped[date | None] = mapped_column(Date)


class SessionLogRow(Base):
    """One logged session: the day, the zones in rolling order (JSON list), needle, outcome.

    AUTOINCREMENT: an id is never given to a second session, even after the newest one was
    removed, so undoing a removal can put the session back under its own id.
    """

    __tablename__ = "session_log"
    __table_args__ = (
        Index(None, "profile_id", "day"),
        CheckConstraint(NEEDLE_CHECK, name="needle_mm"),
        CheckConstraint("status IN ('done', 'skipped')", name="status"),
        CheckConstraint(
            "json_valid(zones) AND json_type(zones) = 'array' AND json_array_length(zones) >= 1",
            name="zones_json",
        ),
        CheckConstraint("length(note) <= 2000", name="note_length"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    day: Mapped[date] = mapped_column(Date, nullable=False)
    zones: Mapped[str] = mapped_column(Text, nullable=False)
    needle_mm: Mapped[float] = mapped_column(Float, nullable=False)
    status: Mapped[str] = mapped_column(String(7), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, server_default="")


class RollerRow(Base):
    """A derma roller: its needle, the day it was first used, and the day it was retired.

    How often it was used is not stored: it is counted from the session log when read (see
    RollerRepository), so editing or removing a logged session changes the count.
    """

    __tablename__ = "rollers"
    __table_args__ = (
        Index(None, "profile_id"),
        CheckConstraint(NEEDLE_CHECK, name="needle_mm"),
        CheckConstraint("retired_on IS NULL OR retired_on >= first_use", name="retired_on"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    needle_mm: Mapped[float] = mapped_column(Float, nullable=False)
    first_use: Mapped[date] = mapped_column(Date, nullable=False)
    retired_on: Mapped[date | None] = mapped_column(Date)


class IdentityRow(Base):
    """Which database this is: one row, a UUID made when the database was created.

    Backups carry it (they are copies), so a restore can refuse a backup of another database
    that happens to sit in the same folder.
    """

    __tablename__ = "database_identity"
    __table_args__ = (
        CheckConstraint("id = 1", name="one_row"),
        CheckConstraint("length(uuid) = 36", name="uuid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), nullable=False)


PHOTO_VIEWS = ("front", "top", "crown", "left", "right", "back")
PHOTO_MAX_BYTES = 8 * 1024 * 1024  # domain.limits.PHOTO_STORED_MAX_BYTES (a test keeps them equal)
THUMBNAIL_MAX_BYTES = 512 * 1024  # domain.limits.THUMBNAIL_STORED_MAX_BYTES


class PhotoRow(Base):
    """A progress photo's facts; its pixels are in `photo_data`, read only when shown.

    AUTOINCREMENT, as the log: a removed photo's id is never given to another, so undoing a
    removal can put it back under its own id (and its links and alignments with it).
    """

    __tablename__ = "photos"
    __table_args__ = (
        Index(None, "profile_id", "view", "taken_on"),
        CheckConstraint(f"view IN {PHOTO_VIEWS!r}", name="view"),
        CheckConstraint("width BETWEEN 1 AND 2400 AND height BETWEEN 1 AND 2400", name="size"),
        CheckConstraint("length(source_name) <= 255", name="source_name"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    profile_id: Mapped[int] = _profile_fk()
    view: Mapped[str] = mapped_column(String(5), nullable=False)
    taken_on: Mapped[date] = mapped_column(Date, nullable=False)
    width: Mapped[int] = mapped_column(Integer, nullable=False)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    source_name: Mapped[str] = mapped_column(Text, nullable=False)
    added_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class PhotoDataRow(Base):
    """A photo's pixels: the stored JPEG (≤ 2,400 px long side) and its thumbnail."""

    __tablename__ = "photo_data"
    __table_args__ = (
        CheckConstraint(f"length(image) BETWEEN 4 AND {PHOTO_MAX_BYTES}", name="image"),
        CheckConstraint(f"length(thumbnail) BETWEEN 4 AND {THUMBNAIL_MAX_BYTES}", name="thumbnail"),
    )

    photo_id: Mapped[int] = mapped_column(
        ForeignKey("photos.id", ondelete="CASCADE"), primary_key=True
    )
    image: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    thumbnail: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)


class PhotoZoneRow(Base):
    """A photo shows this zone of its profile's map (removed with the zone or the photo)."""

    __tablename__ = "photo_zones"
    __table_args__ = (PrimaryKeyConstraint("photo_id", "zone_id"),)

    photo_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"))
    zone_id: Mapped[str] = mapped_column(String(40))


class PhotoAlignmentRow(Base):
    """Two landmarks marked on each of two photos (the lower id first), each point [x, y] in
    its photo's unit square, as JSON `[[x, y], [x, y]]`."""

    __tablename__ = "photo_alignments"
    __table_args__ = (
        PrimaryKeyConstraint("first_id", "second_id"),
        Index(None, "second_id"),
        CheckConstraint("first_id < second_id", name="order"),
        CheckConstraint("json_valid(first_points)", name="first_points_json"),
        CheckConstraint("json_valid(second_points)", name="second_points_json"),
    )

    first_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"))
    second_id: Mapped[int] = mapped_column(ForeignKey("photos.id", ondelete="CASCADE"))
    first_points: Mapped[str] = mapped_column(Text, nullable=False)
    second_points: Mapped[str] = mapped_column(Text, nullable=False)
