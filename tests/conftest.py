"""Fixtures shared by the whole suite.

Every test that takes `registry_url` (or `registry`) runs on SQLite always
and on PostgreSQL whenever LOOSELEAF_TEST_POSTGRES_URL is set; in CI
(CI=true) a missing PostgreSQL or a missing ../shared/seeds fails the run
instead of skipping, so the PostgreSQL half can never silently vanish.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest

from looseleaf.model import Actor
from looseleaf.registry import Registry
from looseleaf.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
POSTGRES_ENV = "LOOSELEAF_TEST_POSTGRES_URL"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

OPERATOR = Actor.operator("tester")


@pytest.fixture(autouse=True, scope="session")
def _home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Signing keys of PostgreSQL registries default to ~/.looseleaf/keys: keep
    the tests' keys out of the real home directory."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
        yield


def _unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason}; CI must run these tests, not skip them")
    pytest.skip(reason)


def postgres_base_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        _unavailable(
            f"PostgreSQL tests need {POSTGRES_ENV} (e.g. postgresql://postgres@127.0.0.1/test)"
        )
    assert url is not None
    return url


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    base = postgres_base_url()
    schema = f"t_{uuid.uuid4().hex[:16]}"
    try:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"CREATE SCHEMA {schema}")
    except psycopg.OperationalError as exc:
        _unavailable(f"PostgreSQL at {base} is not reachable ({exc})")
    joiner = "&" if "?" in base else "?"
    yield f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def registry_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "registry.db")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def settings(registry_url: str) -> Settings:
    return Settings(registry=registry_url)


@pytest.fixture
def registry(settings: Settings) -> Iterator[Registry]:
    with Registry.init(settings, OPERATOR) as opened:
        yield opened


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        _unavailable(f"the seed texts are not at {SEEDS}")
    return SEEDS


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def counts(registry: Registry) -> dict[str, int]:
    """Rows in every table that ingest writes (events aside): what 'nothing partial' means."""
    with registry.store.read() as tx:
        return {
            table: int(tx.scalar(f"SELECT COUNT(*) FROM {table}"))
            for table in ("dossiers", "reports", "leaves", "sources")
        }


class FakeClock:
    """A clock a test moves by hand, for expiries and throttling windows."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 1, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@contextmanager
def fresh_registry_url(backend: str, directory: Path) -> Iterator[str]:
    """A new, empty registry URL per call (for Hypothesis examples, where
    function-scoped fixtures would be shared between examples)."""
    if backend == "sqlite":
        yield str(directory / f"r-{uuid.uuid4().hex}.db")
        return
    base = postgres_base_url()
    schema = f"h_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in base else "?"
    try:
        yield f"{base}{joiner}options={quote(f'-csearch_path={schema}')}"
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        postgres_base_url()
    return str(request.param)
