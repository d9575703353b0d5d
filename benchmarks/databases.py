"""Fresh databases for benchmarks: a SQLite file removed afterwards, or a
PostgreSQL schema dropped afterwards, so every run starts empty and leaves
nothing behind."""

from __future__ import annotations

import argparse
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg import sql

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


def add_options(parser: argparse.ArgumentParser, backend_note: str = "") -> None:
    """--postgres, --backend and --json, the same in every benchmark."""
    parser.add_argument(
        "--postgres",
        default=os.environ.get("LOOSELEAF_TEST_POSTGRES_URL", DEFAULT_POSTGRES),
        help="PostgreSQL URL (default $LOOSELEAF_TEST_POSTGRES_URL, else %(default)s)",
    )
    parser.add_argument(
        "--backend",
        choices=("both", "sqlite", "postgresql"),
        default="both",
        help=f"which backends to measure (default both){backend_note}",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


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
