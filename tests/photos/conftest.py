"""Photo fixtures: a real database in a temporary folder with one profile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scalpzone.storage import Database, PhotoStore, ProfileStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test's database lives (not created yet)."""
    return tmp_path / "data" / "scalpzone.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """An open, empty database; closed after the test."""
    database = Database.open(db_path)
    yield database
    database.close()


@pytest.fixture
def store(db: Database) -> ProfileStore:
    """The profile store on the test database."""
    return ProfileStore(db)


@pytest.fixture
def photos(db: Database) -> PhotoStore:
    """The photo store on the test database."""
    return PhotoStore(db)


@pytest.fixture
def profile(store: ProfileStore) -> int:
    """A profile named Alex, all healthy."""
    return store.create_profile("Alex")
