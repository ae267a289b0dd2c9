"""Alembic migrations shipped inside the package; `scalpzone.storage.schema` runs them."""
