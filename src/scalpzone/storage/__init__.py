"""Persistence: SQLAlchemy models, repositories, migrations, backups (no Qt)."""
