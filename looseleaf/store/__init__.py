"""Storage for registries: one schema, one contract, two backends.

`open_store` picks the backend from the registry URL; the modules named for
nouns (`markings`, `dossiers`, `reports`, `leaves`, `events`) hold the shared
SQL and work on a `Tx` from either backend.
"""

from __future__ import annotations

from pathlib import Path

from looseleaf.errors import BadInput, RegistryError
from looseleaf.store.base import SCHEMA_VERSION, Store, Tx

__all__ = ["SCHEMA_VERSION", "Store", "Tx", "describe", "open_store"]


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def describe(url: str) -> str:
    """The URL as safe to print: no password."""
    if is_postgres(url):
        from looseleaf.store.postgres import _redact

        return _redact(url)
    return url


DURABILITY = ("full", "crash")


def open_store(url: str, *, create: bool = False, durability: str = "full") -> Store:
    """Open the registry at `url`; a SQLite file must exist unless `create`.

    `durability` "full" makes every commit reach the disk before it returns
    (it survives power loss); "crash" lets the operating system or the server
    hold it (it survives this process being killed, not a power loss).
    """
    if durability not in DURABILITY:
        raise BadInput(f"durability {durability!r}", "use full or crash")
    if is_postgres(url):
        from looseleaf.store.postgres import PostgresStore

        return PostgresStore(url, durability=durability)
    from looseleaf.store.sqlite import SQLiteStore

    path = Path(url.removeprefix("sqlite:///").removeprefix("sqlite://"))
    if path.is_dir():
        raise RegistryError(f"registry {path}: is a directory, expected a registry file")
    if not path.exists():
        if not create:
            raise RegistryError(f"registry {path}: no such registry (run `looseleaf init`)")
        path.parent.mkdir(parents=True, exist_ok=True)
    return SQLiteStore(url, path, durability=durability)
