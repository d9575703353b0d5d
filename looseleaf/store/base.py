"""The store contract and the SQL both backends share.

Dialect files (`sqlite.py`, `postgres.py`) hold only what really differs:
how to connect, how to lock, and the column types the migrations need.
Everything else is written once here with `?` placeholders, so the same
store test suite proves the same behaviour on both.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from importlib import resources
from typing import Any, ClassVar, Protocol

from looseleaf.errors import RegistryError


@dataclass(frozen=True)
class Filter:
    """A boolean SQL expression and its parameters, to AND into a WHERE
    clause. The store takes them as given: which rows an account may see is
    the policy's to say (`looseleaf.policy.sql`), never the store's."""

    sql: str
    params: tuple[object, ...]


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


class Connection(Protocol):
    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def close(self) -> None: ...


class Tx:
    """One transaction (or one read snapshot) on one connection.

    SQL is written with `?` placeholders; the dialect rewrites it once per
    statement text and the rewrite is cached.
    """

    def __init__(self, store: Store, connection: Any) -> None:
        self._store = store
        self.connection = connection
        #: The next event id, once this transaction has appended one (one writer
        #: at a time, so nobody else appends meanwhile).
        self.next_event_id: int | None = None

    @property
    def dialect(self) -> str:
        """Which engine: for the few queries (full-text search) that differ."""
        return self._store.dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection.execute(self._store.sql(sql), params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._store.executemany(self.connection, self._store.sql(sql), rows)

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.execute(sql, params).fetchone()

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(self.execute(sql, params).fetchall())

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]


#: A migration that says this runs with foreign keys off (see `Store._rebuilding`).
REBUILDS = "-- looseleaf: foreign keys off"

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)
"""


def migrations(dialect: str | None = None) -> list[tuple[int, str, str]]:
    """The numbered migration files shipped with the package, in order.

    `NNN_name.sql` is shared; `NNN_name.sqlite.sql` and `NNN_name.postgresql.sql`
    hold what only one dialect can say (full-text search), under one number.
    """
    found = []
    for entry in resources.files("looseleaf.store.migrations").iterdir():
        name = entry.name
        if not name.endswith(".sql"):
            continue
        parts = name.removesuffix(".sql").split(".")
        if len(parts) > 1 and parts[-1] != dialect:
            continue
        found.append((int(name.split("_", 1)[0]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = max(version for version, _, _ in migrations("sqlite") + migrations("postgresql"))


class Store(ABC):
    """A registry's storage: per-thread connections, one writer at a time.

    Reads take a per-thread connection so a web server's threads never share
    a cursor; writes are serialised by `_write_lock` (in-process) and by the
    database's own write lock (across processes).
    """

    url: str
    dialect: ClassVar[str]
    #: Column types and clauses that differ between dialects.
    types: ClassVar[dict[str, str]]
    for_update: str = ""

    def __init__(self, url: str, *, durability: str = "full") -> None:
        self.url = url
        self.durability = durability
        self._local = threading.local()
        self._connections: list[Any] = []
        self._connections_lock = threading.Lock()
        self._sql_cache: dict[str, str] = {}

    # -- dialect hooks ---------------------------------------------------

    @abstractmethod
    def _connect(self) -> Any:
        """Open a new DB-API connection configured for this store."""

    @abstractmethod
    def _begin_write(self, connection: Any) -> AbstractContextManager[None]:
        """Start a write transaction that holds the database's write lock."""

    @abstractmethod
    def _begin_read(self, connection: Any) -> AbstractContextManager[None]:
        """Start a read-only snapshot."""

    @abstractmethod
    def table_names(self, tx: Tx) -> set[str]:
        """Names of the tables in this registry's schema."""

    def _write_lock(self) -> AbstractContextManager[object]:
        return nullcontext()

    def _lock_migrations(self, tx: Tx) -> None:  # noqa: B027 - optional hook
        """Keep two processes from migrating the same registry at once."""

    def _rebuilding(self) -> AbstractContextManager[None]:
        """Foreign keys off around a migration that rebuilds a table (SQLite
        can change a constraint no other way); PostgreSQL never needs it."""
        return nullcontext()

    def _check_foreign_keys(self, tx: Tx, name: str) -> None:  # noqa: B027 - optional hook
        """After a rebuild: refuse to commit one that broke a reference."""

    def sql(self, text: str) -> str:
        return text

    def executemany(self, connection: Any, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        connection.executemany(sql, rows)

    # -- connections and transactions -------------------------------------

    def _connection(self) -> Any:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
            with self._connections_lock:
                self._connections.append(connection)
        return connection

    @contextmanager
    def write(self) -> Iterator[Tx]:
        """A write transaction: all of it lands, or none of it does."""
        with self._write_lock():
            connection = self._connection()
            with self._begin_write(connection):
                yield Tx(self, connection)

    @contextmanager
    def read(self) -> Iterator[Tx]:
        connection = self._connection()
        with self._begin_read(connection):
            yield Tx(self, connection)

    def close(self) -> None:
        with self._connections_lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        self._local = threading.local()

    # -- schema -----------------------------------------------------------

    def schema_version(self) -> int:
        with self.read() as tx:
            if "schema_migrations" not in self.table_names(tx):
                return 0
            return int(tx.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"))

    def migrate(self, now: str, target: int = SCHEMA_VERSION) -> list[int]:
        """Apply pending migrations in order, each in its own transaction.

        `target` exists so tests can build a registry as an older release
        made it and then prove the upgrade path.
        """
        applied: list[int] = []
        with self.write() as tx:
            tx.execute(MIGRATIONS_TABLE)
        for version, name, text in migrations(self.dialect):
            if version > target:
                break
            rebuilds = REBUILDS in text
            with self._rebuilding() if rebuilds else nullcontext(), self.write() as tx:
                self._lock_migrations(tx)
                done = tx.scalar("SELECT 1 FROM schema_migrations WHERE version = ?", (version,))
                if done:
                    continue
                for statement in _statements(text.format_map(self.types)):
                    tx.execute(statement)
                if rebuilds:
                    self._check_foreign_keys(tx, name)
                tx.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, now),
                )
                applied.append(version)
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise RegistryError(
                f"registry {self.url}: schema version {current} is newer than this "
                f"looseleaf understands ({SCHEMA_VERSION}); upgrade looseleaf"
            )
        return applied


def _statements(script: str) -> list[str]:
    """Split a migration into statements; comments and blank lines are dropped."""
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]
