"""A new database's identity: a version-4 UUID, made without importing `uuid`."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from scalpzone.storage.schema import create_schema, database_uuid, identity_from, new_identity


@given(st.binary(min_size=16, max_size=16))
def test_the_identity_is_the_uuid_uuid4_makes_of_the_same_bytes(random: bytes) -> None:
    assert identity_from(random) == str(uuid.UUID(bytes=random, version=4))


def test_a_new_database_gets_a_fresh_version_4_identity(tmp_path: Path) -> None:
    found = []
    for name in ("one.sqlite3", "two.sqlite3"):
        cx = sqlite3.connect(tmp_path / name, isolation_level=None)
        try:
            create_schema(cx)
            found.append(database_uuid(cx))
        finally:
            cx.close()
    first, second = found
    assert first is not None and second is not None and first != second
    assert uuid.UUID(first).version == 4
    assert str(uuid.UUID(first)) == first
    assert uuid.UUID(new_identity()).variant == uuid.RFC_4122
