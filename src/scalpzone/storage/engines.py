"""SQLAlchemy engines on a database file or on an in-memory copy, with ScalpZone's PRAGMAs."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.pool import StaticPool

from scalpzone.storage.files import BUSY_TIMEOUT_MS, configure, open_read_only

__all__ = ["BUSY_TIMEOUT_MS", "file_engine", "memory_engine"]


def _on_connect_file(dbapi_connection: Any, _record: Any) -> None:
    """Per-connection settings for the database file (SQLAlchemy `connect` event)."""
    assert isinstance(dbapi_connection, sqlite3.Connection)
    # SQLAlchemy emits BEGIN itself (see _on_begin), so reads are transactional too.
    configure(dbapi_connection)


def _on_connect_memory(dbapi_connection: Any, _record: Any) -> None:
    assert isinstance(dbapi_connection, sqlite3.Connection)
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def file_engine(path: Path) -> Engine:
    """A SQLAlchemy engine on the database file with ScalpZone's PRAGMAs on every connection."""
    engine = create_engine(URL.create("sqlite+pysqlite", database=str(path)))
    event.listen(engine, "connect", _on_connect_file)
    event.listen(engine, "begin", _on_begin)
    return engine


def memory_engine(source: Path) -> Engine:
    """An engine on an in-memory copy of a database file (for read-only opens)."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    src = open_read_only(source)
    try:
        src.backup(memory)
    finally:
        src.close()
    engine = create_engine("sqlite+pysqlite://", creator=lambda: memory, poolclass=StaticPool)
    event.listen(engine, "connect", _on_connect_memory)
    event.listen(engine, "begin", _on_begin)
    return engine
