"""Roller uses are counted from the session log; session log ids are never reused.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

`rollers.uses` was a counter bumped when a done session was logged; once logged sessions can be
edited and removed it would drift from the log, so it goes and the count is made when read.
`session_log` is rebuilt with AUTOINCREMENT so that a removed session's id is never given to a
new one: undoing the removal puts it back under the same id.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Drop `rollers.uses` (and its CHECK); rebuild `session_log` with AUTOINCREMENT."""
    # SQLite cannot drop a column a CHECK names: batch mode copies the table without both.
    with op.batch_alter_table("rollers") as batch:
        batch.drop_constraint(op.f("ck_rollers_uses"), type_="check")
        batch.drop_column("uses")
    # Rows keep their ids in the copy; the new sqlite_sequence starts after the highest.
    with op.batch_alter_table(
        "session_log", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ):
        pass


def downgrade() -> None:
    """ScalpZone never downgrades a database; a newer one is refused instead."""
    raise NotImplementedError("ScalpZone databases are never downgraded")
