"""SQLite, the embedded default: WAL, foreign keys on, exactly one writer.

Only what differs from PostgreSQL lives here. `BEGIN IMMEDIATE` takes the
database write lock up front, so a write never fails half-way on a busy
lock, and the in-process lock keeps a web server's threads in single file.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from looseleaf.errors import RegistryError
from looseleaf.store.base import Store, Tx


class SQLiteStore(Store):
    dialect: ClassVar[str] = "sqlite"
    types: ClassVar[dict[str, str]] = {"pk": "INTEGER PRIMARY KEY", "blob": "BLOB"}

    def __init__(self, url: str, path: Path, *, durability: str = "full") -> None:
        super().__init__(url, durability=durability)
        self.path = path
        self._writer = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        try:
            connection = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=30.0
            )
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA foreign_keys = ON")
            # FULL: a commit (a report, a read's audit record) survives power loss;
            # NORMAL (durability "crash"): it survives this process being killed.
            level = "FULL" if self.durability == "full" else "NORMAL"
            connection.execute(f"PRAGMA synchronous = {level}")
            # Checkpoint in 16 MB steps rather than 4 MB: fewer, larger copies
            # into the main file during bulk ingest.
            connection.execute("PRAGMA wal_autocheckpoint = 4096")
            connection.execute("PRAGMA busy_timeout = 30000")
            # Random leaf and grant lookups in a large registry: read through a
            # memory map and keep a larger page cache than the 2 MB default.
            connection.execute("PRAGMA mmap_size = 268435456")
            connection.execute("PRAGMA cache_size = -32768")
        except sqlite3.DatabaseError as exc:
            raise RegistryError(f"registry {self.path}: cannot open as SQLite ({exc})") from None
        return connection

    def _write_lock(self) -> threading.Lock:
        return self._writer

    @contextmanager
    def _begin_write(self, connection: Any) -> Iterator[None]:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    @contextmanager
    def _begin_read(self, connection: Any) -> Iterator[None]:
        if connection.in_transaction:  # a read nested in this thread's write
            yield
            return
        connection.execute("BEGIN")
        try:
            yield
        finally:
            connection.execute("COMMIT")

    @contextmanager
    def _rebuilding(self) -> Iterator[None]:
        connection = self._connection()
        connection.execute("PRAGMA foreign_keys = OFF")
        try:
            yield
        finally:
            connection.execute("PRAGMA foreign_keys = ON")

    def _check_foreign_keys(self, tx: Tx, name: str) -> None:
        broken = tx.all("PRAGMA foreign_key_check")
        if broken:
            raise RegistryError(f"migration {name} would break {len(broken)} references")

    def table_names(self, tx: Tx) -> set[str]:
        rows = tx.all("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {row[0] for row in rows}
