"""Photo fixtures: the storage tests' real database in a temporary folder, and one profile."""

from __future__ import annotations

import pytest

from scalpzone.storage import Database, PhotoStore, ProfileStore
from tests.storage.conftest import db, db_path, store

__all__ = ["db", "db_path", "photos", "profile", "store"]


@pytest.fixture
def photos(db: Database) -> PhotoStore:
    """The photo store on the test database."""
    return PhotoStore(db)


@pytest.fixture
def profile(store: ProfileStore) -> int:
    """A profile named Alex, all healthy."""
    return store.create_profile("Alex")
