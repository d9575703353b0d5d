"""Fixtures for the HTTP API tests: the demo registry served in-process.

`demo` is the sample registry (BRIEF.md §8) on each backend (SQLite always,
PostgreSQL when configured). It is built once per test process and backend,
through the same `demo.build` and `demo.stage` as `looseleaf demo`, and each
test gets its own copy of it (a copied file, or a database cloned from a
template) with its signing key, so that tests cannot see each other's changes.
`client` talks to the app over https://testserver so the Secure session
cookie is sent back.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from looseleaf import demo as sample
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR, _unavailable, postgres_base_url

BASE_URL = "https://testserver"


@dataclass(frozen=True)
class Demo:
    registry: Registry
    story: sample.Story


@dataclass(frozen=True)
class Template:
    """A built demo registry: its URL (or file), its signing key and what the demo staged."""

    url: str
    key: Path
    story: sample.Story


def _database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


class Templates:
    """One demo registry per backend, built on first use and removed at the end."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.built: dict[str, Template] = {}
        self.databases: list[str] = []

    def get(self, backend: str) -> Template:
        if backend not in self.built:
            self.built[backend] = self._build(backend)
        return self.built[backend]

    def _build(self, backend: str) -> Template:
        home = self.directory / backend
        home.mkdir()
        key = home / "registry.key"
        if backend == "sqlite":
            url = str(home / "registry.db")
        else:
            name = f"ll_web_template_{uuid.uuid4().hex[:12]}"
            with psycopg.connect(postgres_base_url(), autocommit=True) as admin:
                admin.execute(f"CREATE DATABASE {name}")
            self.databases.append(name)
            url = _database(postgres_base_url(), name)
        settings = Settings(registry=url, signing_key=str(key))
        with Registry.init(settings, OPERATOR) as registry:
            sample.build(registry, OPERATOR, home)
            story = sample.stage(registry, OPERATOR, home)
        return Template(url, key, story)

    def drop(self) -> None:
        if not self.databases:
            return
        with psycopg.connect(postgres_base_url(), autocommit=True) as admin:
            for name in self.databases:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Templates]:
    found = Templates(tmp_path_factory.mktemp("demo-templates"))
    yield found
    found.drop()


@contextmanager
def fresh_url(backend: str, directory: Path) -> Iterator[str]:
    """A new, empty registry URL: a file, or a PostgreSQL database of its own
    (not a schema: the store's one-writer lock is per database, and the test
    database is shared by every test process on the machine)."""
    if backend == "sqlite":
        yield str(directory / f"r-{uuid.uuid4().hex}.db")
        return
    name = f"ll_web_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_base_url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield _database(postgres_base_url(), name)
    finally:
        with psycopg.connect(postgres_base_url(), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _copy_key(key: Path, directory: Path) -> Path:
    """The template's signing key and its local witness, for a copy of its registry."""
    for source in (key, key.with_name(key.name + ".checkpoint")):
        if source.exists():
            shutil.copy2(source, directory / source.name)
    return directory / key.name


@contextmanager
def copy_of(template: Template, directory: Path) -> Iterator[Registry]:
    """A registry opened on a copy of a template, removed afterwards."""
    directory.mkdir(parents=True, exist_ok=True)
    key = _copy_key(template.key, directory)
    database = None
    if template.url.startswith("postgresql://"):
        database = f"ll_web_{uuid.uuid4().hex[:12]}"
        source = urlsplit(template.url).path.lstrip("/")
        with psycopg.connect(postgres_base_url(), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {database} TEMPLATE {source}")
        url = _database(postgres_base_url(), database)
    else:
        url = str(directory / "registry.db")
        shutil.copy2(template.url, url)
    try:
        settings = Settings(registry=url, signing_key=str(key), durability="crash")
        with Registry.open(settings) as registry:
            yield registry
    finally:
        if database is not None:
            with psycopg.connect(postgres_base_url(), autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


@pytest.fixture
def demo(backend: str, templates: Templates, tmp_path: Path) -> Iterator[Demo]:
    """A copy of the demo registry: readers petrov, keeper, clerk, auditor
    (password NAME-demo), Petrov's decided slip, a pending slip, a copy."""
    template = templates.get(backend)
    with copy_of(template, tmp_path / "demo") as registry:
        yield Demo(registry, template.story)


@pytest.fixture
def app(demo: Demo) -> FastAPI:
    return create_app(demo.registry)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE_URL) as found:
        yield found


def log_in(client: TestClient, name: str, password: str | None = None) -> str:
    """Log in with a password (as the reading room does): the bearer token.
    The client's cookie jar is left as it was."""
    kept = dict(client.cookies)
    response = client.post(
        "/api/session", json={"username": name, "password": password or f"{name}-demo"}
    )
    assert response.status_code == 200, response.text
    client.cookies.clear()
    for key, value in kept.items():
        client.cookies.set(key, value)
    token: str = response.json()["token"]
    return token


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


class As:
    """Requests made with one reader's bearer token, and no cookie: a script."""

    def __init__(self, client: TestClient, token: str) -> None:
        self.client = client
        self.headers = bearer(token)

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        self.client.cookies.clear()
        return self.client.request(method, path, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self.request("POST", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.request("DELETE", path, **kwargs)


@pytest.fixture
def as_reader(client: TestClient, demo: Demo) -> Any:
    """`as_reader("petrov")`: that reader's script, holding a token made for
    them through the facade (logging in with a password is tested on its own;
    each password check costs a quarter of a second by design)."""

    def open_as(name: str) -> As:
        _, token, _ = demo.registry.create_token(OPERATOR, name, days=1, label="test")
        return As(client, token)

    return open_as


# -- the browser (one per xdist worker, shared by every browser test) ----------------

#: Debian's Chromium (apt-get install chromium chromium-driver); never a downloaded one.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, one per xdist worker."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("browser tests need the playwright package (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        _unavailable(
            f"browser tests need Debian's Chromium at {CHROMIUM} "
            "(apt-get install chromium chromium-driver; `make test` does it as root)"
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


@contextmanager
def serving(registry: Registry) -> Iterator[str]:
    """uvicorn on a loopback port bound here first (no race for a free port),
    in a thread; stopped and joined before the registry is closed."""
    import uvicorn

    config = uvicorn.Config(
        create_app(registry),
        log_config=None,
        log_level="warning",
        access_log=False,
        server_header=False,
        lifespan="off",
        ws="none",
    )
    server = uvicorn.Server(config)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True
        )
        thread.start()
        try:
            deadline = time.monotonic() + 15
            while not server.started:
                if not thread.is_alive() or time.monotonic() > deadline:
                    raise RuntimeError("the test server did not start")
                time.sleep(0.02)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(15)
            assert not thread.is_alive(), "the test server did not stop"


# The browser fixtures, shared by every browser test module (imported last:
# that module imports this one).
from tests.web.test_browser import person  # noqa: E402, F401
