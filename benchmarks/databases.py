"""Fresh databases for benchmarks: a SQLite file removed afterwards, or a
PostgreSQL schema dropped afterwards, so every run starts empty and leaves
nothing behind."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql


@contextmanager
def fresh_sqlite(workdir: Path, label: str) -> Iterator[str]:
    path = workdir / f"{label}-{secrets.token_hex(4)}.db"
    try:
        yield str(path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def with_search_path(url: str, schema: str) -> str:
    """`url` with libpq `options` that put every connection in `schema`."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    option = f"-csearch_path={schema}"
    query["options"] = f"{query['options']} {option}" if query.get("options") else option
    return urlunsplit(parts._replace(query=urlencode(query)))


@contextmanager
def fresh_schema(url: str) -> Iterator[str]:
    schema = f"bench_{secrets.token_hex(6)}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    try:
        yield with_search_path(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))


def postgres_problem(url: str) -> str | None:
    """Why PostgreSQL cannot be used for the benchmark, or None when it can."""
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=5):
            pass
        with fresh_schema(url):
            pass
    except psycopg.Error as exc:
        text = str(exc).strip()
        return text.splitlines()[0] if text else type(exc).__name__
    return None
