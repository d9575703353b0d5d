"""Serving under load: 50 concurrent readers reading and searching over HTTP,
against the same calls made in-process through the facade in the same run.

What is measured, on SQLite and on PostgreSQL, each on a fresh registry:

- the server: the real app (`looseleaf.web.app.create_app` over
  `Registry.open` of the settings) under uvicorn in a process of its own,
  `python -m uvicorn serve:make_app --factory` on a free port of 127.0.0.1,
  with `--workers` processes (default 1). The routes are plain functions, so
  each process runs them in anyio's thread pool (`--threads`, default 40,
  anyio's own default) over one Registry: a database connection per thread,
  one writer at a time. uvicorn runs on asyncio with its pure-Python h11
  parser (neither uvloop nor httptools is a dependency);
- the load: `--readers` (default 50) simulated readers in this process, on
  asyncio, each on a keep-alive connection of its own. Each logs in once
  (POST /api/session; all at once, timed but not counted), then loops with no
  think time (a closed loop: the next request leaves as soon as the answer is
  in): 80% GET /api/leaves/{id} of a leaf it may read (through its clearance
  or through a grant), 15% GET /api/search?q=... (one word or name; 20 hits
  with snippets and facets), 5% GET /api/dossiers. The client is a minimal
  HTTP/1.1 client on asyncio streams, a few tens of microseconds of CPU a
  request, so the load generator takes little of the two cores from the
  server; a latency runs from writing the request to having read the whole
  answer. Any answer that is not 2xx, any exception and any timeout (`TIMEOUT`
  s) is an error, and each reader's first leaf answer is checked to be that
  leaf; server-side tracebacks ("internal error" in its log) count too;
- the baseline, in-process, no HTTP: the same readers with their same
  session tokens, in as many threads of this process over one Registry on the
  same database, making the facade calls each route makes
  (`authenticate_token`; then `read` and `xrefs` for a leaf view, `search`
  with limit 20, or `dossiers`) in the same mix, while the server is down. The
  ratio HTTP / in-process per operation is what the web layer and the process
  boundary add at the same concurrency: routing, validation, the JSON of the
  answer (a leaf view carries the leaf's original and normalised text), the
  security headers, h11, and the hops between the event loop and the threads.
  Last, the same mix in one thread: what each operation costs with nothing
  else running.

The machine is shared and noisy, so HTTP and in-process run in `--rounds`
interleaved rounds (default 3: HTTP 20 s after a 3 s uncounted warm-up in a
freshly started server, then in-process 5 s); latencies are pooled over the
rounds, and each round's throughput ratio is shown beside the pooled one. CPU
used during the HTTP rounds is read from /proc for the server's processes,
for this process (the client) and, on PostgreSQL, for the database backends
serving the server (its connections carry an application_name).

The registry: the demo (`looseleaf.demo.build` and `stage`: three dossiers,
the demo's four accounts and Petrov's slip), then the five seed texts
(../shared/seeds, read at run time, never copied into the repository) copied
round after round, each copy with a unique first line, four reports to a
dossier, until `--leaves` leaves (default 3,000). Dossiers cycle through the
five levels, some with the SEAMEN or ARCHIVE-KI compartment; every third
report of a dossier is marked a level lower without compartments; titles are
marked a level below their leaves. The 50 readers cycle through the five
levels and five sets of compartments, each with a password; every third
reader raised a slip for 4-15 leaves their level allows but their
compartments do not, which the demo's custodian (keeper) approved for 30
days, so reads go through both clearance and grants. Search words are drawn
at run time from the seeds (words of 5+ letters found in at least two of
them) plus names from the demo. With both backends, the two registries are
built side by side in two processes before anything is measured.

Durability is the default ("full": every commit, a read's audit record
included, is on disk before it answers). The aim (from the project issue):
p95 of a leaf view under 150 ms with 50 readers on this 2-core machine, and
zero errors. With no think time, each reader always has one request
outstanding, so by Little's law the mean latency is 50 / throughput: the aim
asks for roughly 400+ requests/s.

    python benchmarks/serve.py [--seconds 60] [--workers 1] [--threads 40] [--json]
    python benchmarks/serve.py --quick      # a smoke run: 600 leaves, 2 short rounds
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import psycopg
from databases import add_options, fresh_schema, fresh_sqlite, postgres_problem
from reporting import heading, verdict

from looseleaf import demo
from looseleaf.model import Actor
from looseleaf.policy.sql import readable_leaves
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.store import describe, is_postgres

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parents[1] / "shared" / "seeds"
LEVELS = ("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
READER_COMPARTMENTS: tuple[tuple[str, ...], ...] = (
    (),
    ("SEAMEN",),
    (),
    ("ARCHIVE-KI",),
    ("SEAMEN", "ARCHIVE-KI"),
)
REPORTS_PER_DOSSIER = 4
MIX = (("leaf", 0.80), ("search", 0.15), ("dossiers", 0.05))
OPS = tuple(op for op, _ in MIX)
#: Names and places from the demo corpus, searched beside words from the seeds.
DEMO_TERMS = ("Lupu", "Orlov-Brandt", "FALKE", "Vienna", "Ceahlau", "Galati")
SEARCH_TERMS = 40
AIM_P95_MS = 150.0
TIMEOUT = 30.0
OPERATOR = Actor.operator("bench")
THREADS_ENV = "LOOSELEAF_BENCH_THREADS"
_WORD = re.compile(r"[A-Za-z]{5,}")


# -- the server process ---------------------------------------------------------------


class _Served:
    """The app as uvicorn serves it here: anyio's thread pool sized at startup,
    and the registry closed at shutdown (its last checkpoint signed)."""

    def __init__(self, app: Any, registry: Registry, threads: int) -> None:
        self.app = app
        self.registry = registry
        self.threads = threads

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "lifespan":
            await self.app(scope, receive, send)
            return

        async def sending(message: Any) -> None:
            if message["type"] == "lifespan.startup.complete" and self.threads:
                import anyio.to_thread

                anyio.to_thread.current_default_thread_limiter().total_tokens = self.threads
            if message["type"] == "lifespan.shutdown.complete":
                await asyncio.to_thread(self.registry.close)
            await send(message)

        await self.app(scope, receive, sending)


def make_app() -> Any:
    """uvicorn's factory (`serve:make_app --factory`): the registry named by the
    LOOSELEAF_* settings, served by the project's own app."""
    from looseleaf.web.app import create_app

    registry = Registry.open(Settings.load())
    return _Served(create_app(registry), registry, int(os.environ.get(THREADS_ENV, "0")))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log: Path
    #: For PostgreSQL: an admin URL and the application_name the server connects with.
    database: tuple[str, str] | None = None

    def cpu_seconds(self) -> dict[str, float]:
        """CPU seconds so far of the server and its worker processes, and of the
        PostgreSQL backends serving it (the same machine), by process id."""
        found = {f"server:{pid}": cpu for pid, cpu in _cpu_of_tree(self.process.pid).items()}
        if self.database is not None:
            admin, name = self.database
            with psycopg.connect(admin, autocommit=True) as connection:
                rows = connection.execute(
                    "SELECT pid FROM pg_stat_activity WHERE application_name = %s", (name,)
                ).fetchall()
            for (pid,) in rows:
                found[f"database:{pid}"] = _cpu_of(int(pid))
        return found

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode

    def tail(self, lines: int = 20) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def start_server(
    env: dict[str, str],
    workdir: Path,
    workers: int,
    threads: int,
    database: tuple[str, str] | None = None,
) -> Server:
    port = free_port()
    log = workdir / f"server-{port}.log"
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "serve:make_app",
        "--factory",
        "--app-dir",
        str(HERE),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--loop",
        "asyncio",
        "--http",
        "h11",
        "--no-access-log",
        "--log-level",
        "warning",
        "--timeout-graceful-shutdown",
        "30",
    ]
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command,
            env={**os.environ, **env, THREADS_ENV: str(threads)},
            stdout=sink,
            stderr=subprocess.STDOUT,
            cwd=workdir,
        )
    server = Server(process, port, log, database)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}:\n{server.tail()}")
        status = asyncio.run(_probe(port))
        if status == 401:  # up: /api/me without a token
            return server
        time.sleep(0.2)
    server.stop()
    raise SystemExit(f"the server did not answer within 60 s:\n{server.tail()}")


async def _probe(port: int) -> int | None:
    connection = Http(port)
    try:
        await connection.connect()
        status, _ = await connection.call("GET", "/api/me")
    except OSError:
        return None
    finally:
        connection.close()
    return status


def _stat(pid: int | str) -> list[str] | None:
    """Fields 3 on of /proc/PID/stat (state, ppid, ...), or None if it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of one process (fields 14 and 15)."""
    fields = _stat(pid)
    if fields is None:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_of_tree(pid: int) -> dict[int, float]:
    """CPU seconds of a process and of its children (uvicorn's workers)."""
    found = {pid: _cpu_of(pid)}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(entry.name)) and int(fields[1]) == pid:
            found[int(entry.name)] = _cpu_of(int(entry.name))
    return found


def used(before: dict[str, float], after: dict[str, float], kind: str) -> float:
    """CPU seconds one kind of process used between two readings; a process
    that came up meanwhile counts whole."""
    return sum(cpu - before.get(key, 0.0) for key, cpu in after.items() if key.startswith(kind))


# -- a minimal HTTP/1.1 client --------------------------------------------------------


class Http:
    """One keep-alive connection; just enough HTTP/1.1 for this API."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(
            "127.0.0.1", self.port, limit=2**22
        )

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None

    async def call(
        self, method: str, path: str, token: str | None = None, body: Any = None
    ) -> tuple[int, bytes]:
        if self.writer is None:
            await self.connect()
        assert self.reader is not None
        assert self.writer is not None
        head = f"{method} {path} HTTP/1.1\r\nhost: 127.0.0.1:{self.port}\r\n"
        if token is not None:
            head += f"authorization: Bearer {token}\r\n"
        payload = b""
        if body is not None:
            payload = json.dumps(body).encode()
            head += f"content-type: application/json\r\ncontent-length: {len(payload)}\r\n"
        self.writer.write(head.encode() + b"\r\n" + payload)
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length = 0
        chunked = closing = False
        for line in lines[1:]:
            name, _, value = line.partition(":")
            name = name.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding":
                chunked = "chunked" in value.lower()
            elif name == "connection":
                closing = "close" in value.lower()
        if chunked:
            parts = []
            while size := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                parts.append(await self.reader.readexactly(size + 2))
            await self.reader.readuntil(b"\r\n")
            data = b"".join(part[:-2] for part in parts)
        else:
            data = await self.reader.readexactly(length)
        if closing:
            self.close()
        return status, data


# -- the registry ---------------------------------------------------------------------


@dataclass
class LoadReader:
    name: str
    password: str
    level: str
    compartments: tuple[str, ...]
    leaves: list[int] = field(default_factory=list)
    granted: int = 0


@dataclass
class World:
    readers: list[LoadReader]
    terms: list[str]
    leaves: int
    dossiers: int
    reports: int
    grants: int
    build_seconds: float


def settings_for(url: str, workdir: Path, label: str) -> tuple[Settings, dict[str, str]]:
    """The registry's settings (defaults, a signing key in the work dir, no model
    for names), and the same as LOOSELEAF_* variables for the server."""
    config = workdir / "empty.toml"
    config.touch()
    values = {"registry": url, "signing_key": str(workdir / f"{label}.key"), "ner": "off"}
    env = {f"LOOSELEAF_{key.upper()}": value for key, value in values.items()}
    env["LOOSELEAF_CONFIG"] = str(config)
    return Settings.load(flags=values, env={}, config=config), env


def with_application_name(url: str, name: str) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query["application_name"] = name
    return urlunsplit(parts._replace(query=urlencode(query)))


def search_terms(seeds: Path, rng: random.Random) -> list[str]:
    """Words of five letters or more found in at least two seeds, and demo names."""
    found: Counter[str] = Counter()
    for path in sorted(seeds.glob("*.txt")):
        found.update({w.lower() for w in _WORD.findall(path.read_text(encoding="utf-8"))})
    shared = sorted(word for word, files in found.items() if files >= 2)
    return [*rng.sample(shared, min(SEARCH_TERMS, len(shared))), *DEMO_TERMS]


def build(settings: Settings, workdir: Path, seeds: Path, target: int, count: int) -> World:
    started = time.perf_counter()
    rng = random.Random(f"serve/{count}/{target}")
    texts = [
        (p.stem.split("_", 1)[0], p.read_text(encoding="utf-8"))
        for p in sorted(seeds.glob("*.txt"))
    ]
    if not texts:
        raise SystemExit(f"no seed texts (*.txt) in {seeds}; point --seeds at them")
    corpus = workdir / "corpus"
    corpus.mkdir(exist_ok=True)
    with Registry.init(settings, OPERATOR) as registry:
        demo.build(registry, OPERATOR, corpus)
        demo.stage(registry, OPERATOR, corpus)
        total = len(_all_leaves(registry))
        reports = 0
        copy = 0
        while total < target:
            copy += 1
            for stem, text in texts:
                dossier, seq = divmod(reports, REPORTS_PER_DOSSIER)
                level = dossier % len(LEVELS)
                compartments: tuple[str, ...] = ()
                if dossier % 4 == 3:
                    compartments = ("SEAMEN",)
                elif dossier % 7 == 5:
                    compartments = ("ARCHIVE-KI",)
                leaf = MarkingRequest(LEVELS[level], compartments)
                if seq % 3 == 2 and level > 0:
                    leaf = MarkingRequest(LEVELS[level - 1])
                path = corpus / f"{stem}-{copy:03d}.txt"
                path.write_text(f"Load copy {copy} of seed {stem}\n{text}", encoding="utf-8")
                [result] = registry.ingest(
                    OPERATOR,
                    [path],
                    dossier=f"Load dossier {dossier + 1:03d}",
                    leaf_marking=leaf,
                    dossier_marking=MarkingRequest(LEVELS[max(level - 1, 0)]),
                )
                if result.status != "ingested":
                    raise SystemExit(f"ingest of {path} failed: {result.error or result.status}")
                path.unlink()
                total += result.leaves
                reports += 1
        catalogue = _all_leaves(registry)
        keeper = registry.as_reader("keeper", via=OPERATOR)
        readers: list[LoadReader] = []
        grants = 0
        for index in range(count):
            rank = index % len(LEVELS)
            cleared = READER_COMPARTMENTS[(index // len(LEVELS)) % len(READER_COMPARTMENTS)]
            reader = LoadReader(
                f"load{index:02d}", f"load-{index:02d}-password", LEVELS[rank], cleared
            )
            registry.add_reader(
                OPERATOR,
                reader.name,
                MarkingRequest(LEVELS[rank], cleared),
                password=reader.password,
            )
            if index % 3 == 0:
                wanted = [
                    leaf_id
                    for leaf_id, (leaf_rank, leaf_compartments) in catalogue.items()
                    if leaf_rank <= rank and not leaf_compartments <= set(cleared)
                ]
                if wanted:
                    chosen = rng.sample(wanted, min(len(wanted), 4 + index % 12))
                    actor = registry.as_reader(reader.name, via=OPERATOR)
                    slip = registry.request_slip(actor, "load benchmark", leaf_ids=chosen)
                    proposed = registry.slip(keeper, slip.id).proposed or ()
                    decided = registry.decide_slip(keeper, slip.id, approve=list(proposed), days=30)
                    reader.granted = len(decided.granted)
                    grants += reader.granted
            readers.append(reader)
        now = registry.now()
        with registry.store.read() as tx:
            for reader in readers:
                reader_id = tx.scalar("SELECT id FROM readers WHERE name = ?", (reader.name,))
                rule = readable_leaves(int(reader_id), now)
                reader.leaves = [
                    int(row[0])
                    for row in tx.all(
                        f"SELECT l.id FROM leaves l WHERE {rule.sql} ORDER BY l.id", rule.params
                    )
                ]
            dossier_count = int(tx.scalar("SELECT COUNT(*) FROM dossiers"))
            report_count = int(tx.scalar("SELECT COUNT(*) FROM reports"))
        empty = [reader.name for reader in readers if not reader.leaves]
        if empty:
            raise SystemExit(f"readers with no leaf to read: {', '.join(empty)}")
    return World(
        readers=readers,
        terms=search_terms(seeds, rng),
        leaves=len(catalogue),
        dossiers=dossier_count,
        reports=report_count,
        grants=grants,
        build_seconds=time.perf_counter() - started,
    )


def _all_leaves(registry: Registry) -> dict[int, tuple[int, frozenset[str]]]:
    """Every leaf: its level's rank and its compartments, as the operator sees them."""
    found: dict[int, tuple[int, frozenset[str]]] = {}
    for dossier in registry.dossiers(OPERATOR):
        _, reports = registry.dossier(OPERATOR, str(dossier.id))
        for report in reports:
            for leaf in report.leaves:
                marking = leaf.marking
                found[leaf.id] = (registry.levels.rank(marking.level), marking.compartments)
    return found


# -- the load -------------------------------------------------------------------------


@dataclass
class Tally:
    """What one side saw over its rounds: latencies per operation (seconds),
    errors, the counted time, CPU seconds by kind of process, and each round's
    requests per second."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: {op: [] for op in OPS})
    errors: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    requests: int = 0
    window: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)
    rates: list[float] = field(default_factory=list)

    def error(self, op: str, what: str) -> None:
        self.errors[op] += 1
        if len(self.examples) < 5:
            self.examples.append(f"{op}: {what}")

    def add(self, other: Tally) -> None:
        for op, values in other.latencies.items():
            self.latencies[op].extend(values)
        self.errors.update(other.errors)
        self.examples.extend(other.examples[: max(0, 5 - len(self.examples))])
        self.requests += other.requests
        self.window += other.window
        for kind, seconds in other.cpu.items():
            self.cpu[kind] = self.cpu.get(kind, 0.0) + seconds
        self.rates.append(other.requests / other.window if other.window else 0.0)


def pick(rng: random.Random) -> str:
    roll = rng.random()
    for op, share in MIX:
        if roll < share:
            return op
        roll -= share
    return MIX[-1][0]


def path_of(op: str, reader: LoadReader, terms: list[str], rng: random.Random) -> str:
    if op == "leaf":
        return f"/api/leaves/{rng.choice(reader.leaves)}"
    if op == "search":
        return f"/api/search?q={quote(rng.choice(terms))}"
    return "/api/dossiers"


async def log_in(port: int, readers: list[LoadReader]) -> list[str]:
    async def one(reader: LoadReader) -> str:
        connection = Http(port)
        try:
            body = {"username": reader.name, "password": reader.password}
            status, data = await connection.call("POST", "/api/session", body=body)
        finally:
            connection.close()
        if status != 200:
            raise SystemExit(f"login of {reader.name} answered {status}: {data[:200]!r}")
        return str(json.loads(data)["token"])

    async with asyncio.timeout(300):
        return list(await asyncio.gather(*(one(reader) for reader in readers)))


async def load(
    server: Server, world: World, tokens: list[str], seconds: float, warmup: float, turn: int
) -> Tally:
    """One round of the readers' closed loop against the server."""
    tally = Tally()
    loop = asyncio.get_running_loop()
    counted_from = loop.time() + warmup
    until = counted_from + seconds

    async def reader_loop(index: int) -> None:
        reader = world.readers[index]
        rng = random.Random(f"serve/load/{turn}/{index}")
        connection = Http(server.port)
        checked = False
        try:
            while (began := loop.time()) < until:
                op = pick(rng)
                path = path_of(op, reader, world.terms, rng)
                try:
                    async with asyncio.timeout(TIMEOUT):
                        status, data = await connection.call("GET", path, tokens[index])
                except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
                    connection.close()
                    tally.error(op, f"{path}: {type(exc).__name__} {exc}")
                    continue
                took = loop.time() - began
                if not 200 <= status < 300:
                    tally.error(op, f"{path}: HTTP {status} {data[:160]!r}")
                elif op == "leaf" and not checked:
                    checked = True
                    leaf_id = int(path.rsplit("/", 1)[1])
                    if json.loads(data)["leaf"]["id"] != leaf_id:
                        tally.error(op, f"{path}: answered another leaf")
                if began >= counted_from:
                    tally.latencies[op].append(took)
                    tally.requests += 1
        finally:
            connection.close()

    async def clock() -> None:
        await asyncio.sleep(max(0.0, counted_from - loop.time()))
        marks = (server.cpu_seconds(), time.process_time(), loop.time())
        await asyncio.sleep(max(0.0, until - loop.time()))
        tally.window = loop.time() - marks[2]
        after = server.cpu_seconds()
        tally.cpu["server"] = used(marks[0], after, "server:")
        tally.cpu["client"] = time.process_time() - marks[1]
        if server.database is not None:
            tally.cpu["database"] = used(marks[0], after, "database:")

    await asyncio.gather(clock(), *(reader_loop(i) for i in range(len(world.readers))))
    return tally


def in_process(
    settings: Settings, world: World, tokens: list[str], seconds: float, threads: int, turn: int
) -> Tally:
    """The calls the routes make, straight on the facade, in `threads` threads of
    this process over one Registry, in the same mix; each thread opens its
    connection (one token check) before the clock starts."""
    tally = Tally()
    lock = threading.Lock()
    with Registry.open(settings) as registry:
        ready = threading.Barrier(threads + 1)
        until = [0.0]

        def work(index: int) -> None:
            reader = world.readers[index % len(world.readers)]
            token = tokens[index % len(tokens)]
            rng = random.Random(f"serve/facade/{turn}/{index}")
            seen: dict[str, list[float]] = {op: [] for op in OPS}
            failed: list[tuple[str, str]] = []
            registry.authenticate_token(token)
            ready.wait()
            while (began := time.perf_counter()) < until[0]:
                op = pick(rng)
                try:
                    actor = registry.authenticate_token(token)
                    if op == "leaf":
                        leaf_id = rng.choice(reader.leaves)
                        registry.read(actor, leaf_id)
                        registry.xrefs(actor, leaf_id)
                    elif op == "search":
                        registry.search(actor, rng.choice(world.terms), limit=20)
                    else:
                        registry.dossiers(actor)
                except Exception as exc:
                    failed.append((op, f"{type(exc).__name__}: {exc}"))
                    continue
                seen[op].append(time.perf_counter() - began)
            with lock:
                for op, values in seen.items():
                    tally.latencies[op].extend(values)
                    tally.requests += len(values)
                for op, what in failed:
                    tally.error(op, what)

        workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
        for worker in workers:
            worker.start()
        until[0] = time.perf_counter() + 3600  # set for real once every thread is ready
        ready.wait()
        cpu, began = time.process_time(), time.perf_counter()
        until[0] = began + seconds
        for worker in workers:
            worker.join()
        tally.window = time.perf_counter() - began
        tally.cpu["process"] = time.process_time() - cpu
    return tally


# -- figures --------------------------------------------------------------------------


def percentile(ordered: list[float], q: float) -> float:
    """Nearest rank, of sorted values."""
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def figures(tally: Tally) -> dict[str, Any]:
    per_op: dict[str, Any] = {}
    for op, values in tally.latencies.items():
        if not values:
            continue
        ordered = sorted(v * 1000 for v in values)
        per_op[op] = {
            "requests": len(ordered),
            "per_second": round(len(ordered) / tally.window, 1),
            "p50_ms": round(statistics.median(ordered), 2),
            "p95_ms": round(percentile(ordered, 0.95), 2),
            "p99_ms": round(percentile(ordered, 0.99), 2),
            "max_ms": round(ordered[-1], 2),
            "errors": tally.errors[op],
        }
    return {
        "seconds": round(tally.window, 2),
        "requests": tally.requests,
        "per_second": round(tally.requests / tally.window, 1) if tally.window else 0.0,
        "per_second_by_round": [round(rate, 1) for rate in tally.rates],
        "errors": sum(tally.errors.values()),
        "error_examples": tally.examples,
        "cores": {kind: round(cpu / tally.window, 2) for kind, cpu in tally.cpu.items()},
        "ops": per_op,
    }


@dataclass
class Backend:
    """One backend's registry, built before anything is measured."""

    name: str
    url: str
    world: World


def measure(backend: Backend, workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    """Rounds of HTTP load and of the in-process baseline, interleaved; then the
    mix in one thread."""
    name, url, world = backend.name, backend.url, backend.world
    settings, env = settings_for(url, workdir, name)
    database = None
    if is_postgres(url):
        # The server's connections are named, so their backends' CPU can be counted.
        label = f"looseleaf-bench-serve-{os.getpid()}"
        env["LOOSELEAF_REGISTRY"] = with_application_name(url, label)
        database = (args.postgres, label)
    http, facade = Tally(), Tally()
    tokens: list[str] = []
    login_seconds = 0.0
    codes = []
    for turn in range(args.rounds):
        # The server is down while the baseline runs, so the two never compete.
        server = start_server(env, workdir, args.workers, args.threads, database)
        try:
            if not tokens:
                began = time.perf_counter()
                tokens = asyncio.run(log_in(server.port, world.readers))
                login_seconds = time.perf_counter() - began
                progress(
                    f"{name}: serving on 127.0.0.1:{server.port}; {len(tokens)} readers "
                    f"logged in at once in {login_seconds:.1f} s"
                )
            part = asyncio.run(
                load(server, world, tokens, args.seconds / args.rounds, args.warmup, turn)
            )
        finally:
            codes.append(server.stop())
        internal = server.log.read_text(encoding="utf-8", errors="replace").count(
            "internal error on"
        )
        if internal:
            part.error("server", f"{internal} internal errors logged:\n{server.tail()}")
        base = in_process(
            settings, world, tokens, args.baseline_seconds / args.rounds, len(tokens), turn
        )
        http.add(part)
        facade.add(base)
        progress(
            f"{name}: round {turn + 1}/{args.rounds}: HTTP {http.rates[-1]:.0f} requests/s "
            f"({sum(part.errors.values())} errors), in-process {facade.rates[-1]:.0f}/s; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
    alone = Tally()
    alone.add(in_process(settings, world, tokens, args.serial_seconds, 1, args.rounds))
    result: dict[str, Any] = {
        "registry": describe(url),
        "leaves": world.leaves,
        "dossiers": world.dossiers,
        "reports": world.reports,
        "readers": len(world.readers),
        "readable_per_reader": {
            "min": min(len(r.leaves) for r in world.readers),
            "median": statistics.median(len(r.leaves) for r in world.readers),
            "max": max(len(r.leaves) for r in world.readers),
        },
        "granted_leaves": world.grants,
        "search_terms": len(world.terms),
        "build_seconds": round(world.build_seconds, 1),
        "login_seconds": round(login_seconds, 2),
        "server_exit_codes": codes,
        "http": figures(http),
        "in_process": figures(facade),
        "in_process_one_thread": figures(alone),
        "ratios": {},
    }
    ours, base = result["http"], result["in_process"]
    for op in OPS:
        if op in ours["ops"] and op in base["ops"]:
            result["ratios"][op] = {
                "p50": round(ours["ops"][op]["p50_ms"] / base["ops"][op]["p50_ms"], 2),
                "p95": round(ours["ops"][op]["p95_ms"] / base["ops"][op]["p95_ms"], 2),
            }
    result["ratios"]["throughput"] = round(ours["per_second"] / base["per_second"], 2)
    result["ratios"]["throughput_by_round"] = [
        round(a / b, 2) for a, b in zip(http.rates, facade.rates, strict=True)
    ]
    leaf = ours["ops"].get("leaf")
    result["aim_met"] = bool(leaf and leaf["p95_ms"] < AIM_P95_MS and ours["errors"] == 0)
    return result


def build_all(
    wanted: list[tuple[str, str]], workdir: Path, args: argparse.Namespace
) -> list[Backend]:
    """Every backend's registry, built side by side in processes of their own
    when there are two (nothing is measured until both are done)."""
    jobs = [
        (name, url, settings_for(url, workdir, name)[0], workdir / name) for name, url in wanted
    ]
    for _, _, _, where in jobs:
        where.mkdir()
    for name, url, _, _ in jobs:
        progress(f"{name}: building the registry ({describe(url)})")
    if len(jobs) == 1:
        worlds = [build(jobs[0][2], jobs[0][3], args.seeds, args.leaves, args.readers)]
    else:
        with ProcessPoolExecutor(len(jobs), mp_context=get_context("spawn")) as pool:
            futures = [
                pool.submit(build, settings, where, args.seeds, args.leaves, args.readers)
                for _, _, settings, where in jobs
            ]
            worlds = [future.result() for future in futures]
    built = []
    for (name, url, _, _), world in zip(jobs, worlds, strict=True):
        readable = [len(r.leaves) for r in world.readers]
        progress(
            f"{name}: {world.leaves} leaves in {world.dossiers} dossiers, "
            f"{len(world.readers)} readers (each may read {min(readable)}-{max(readable)} "
            f"leaves), {world.grants} leaves granted; built in {world.build_seconds:.1f} s"
        )
        built.append(Backend(name, url, world))
    return built


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def table(report: dict[str, Any]) -> str:
    lines = [
        f"looseleaf serving benchmark: {report['readers']} readers, closed loop (no think "
        f"time), mix " + ", ".join(f"{op} {share:.0%}" for op, share in MIX),
        f"HTTP {report['seconds']:g} s and in-process {report['baseline_seconds']:g} s, "
        f"each in {report['rounds']} interleaved rounds (HTTP rounds after a "
        f"{report['warmup']:g} s warm-up); the one-thread mix {report['serial_seconds']:g} s",
        f"server: uvicorn {report['uvicorn']} in its own process, {report['workers']} "
        f"worker(s), {report['threads']} threads each for the routes, asyncio + h11; "
        f"durability {report['durability']}",
        f"client: this process, asyncio, one keep-alive connection per reader; "
        f"{report['cpus']} CPUs, load average {report['load_average']['start']} at the "
        f"start, {report['load_average']['end']} at the end",
        "",
    ]
    header = (
        f"{'backend':<11} {'side':<12} {'op':<9} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'p99 ms':>8} {'errors':>6}  {'HTTP / in-process':<18}"
    )
    lines += heading(header)
    for name, result in report["backends"].items():
        if "skipped" in result:
            lines.append(f"{name}: skipped ({result['skipped']})")
            continue
        sides = (
            ("HTTP", result["http"]),
            ("in-process", result["in_process"]),
            ("one thread", result["in_process_one_thread"]),
        )
        for side, data in sides:
            for op in OPS:
                row = data["ops"].get(op)
                if row is None:
                    continue
                ratio = result["ratios"].get(op) if side == "HTTP" else None
                lines.append(
                    f"{name:<11} {side:<12} {op:<9} {row['per_second']:>7.0f} "
                    f"{row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f} "
                    f"{row['errors']:>6}"
                    + (f"  p50 {ratio['p50']:.2f}x, p95 {ratio['p95']:.2f}x" if ratio else "")
                )
            rounds = ", ".join(f"{rate:.0f}" for rate in data["per_second_by_round"])
            lines.append(
                f"{name:<11} {side:<12} {'all':<9} {data['per_second']:>7.0f} "
                f"{'':>8} {'':>8} {'':>8} {data['errors']:>6}"
                + (
                    f"  req/s {result['ratios']['throughput']:.2f}x (rounds "
                    + ", ".join(f"{r:.2f}" for r in result["ratios"]["throughput_by_round"])
                    + ")"
                    if side == "HTTP"
                    else ""
                )
                + (f"; rounds {rounds}" if side != "one thread" else "")
            )
        cores_used = ", ".join(
            f"{kind} {value:.2f}" for kind, value in result["http"]["cores"].items()
        )
        leaf = result["http"]["ops"].get("leaf", {})
        lines += [
            f"{name:<11} {result['leaves']} leaves, {result['dossiers']} dossiers, "
            f"{result['granted_leaves']} leaves granted; built in {result['build_seconds']:g} s; "
            f"{result['readers']} logins at once took {result['login_seconds']:g} s",
            f"{name:<11} cores used during the HTTP rounds: {cores_used}; in-process: "
            f"{result['in_process']['cores'].get('process', 0):.2f}",
            f"{name:<11} aim: leaf view p95 < {AIM_P95_MS:g} ms ({leaf.get('p95_ms', '-')} ms) "
            f"and zero errors ({result['http']['errors']}): {verdict(result['aim_met'])}",
        ]
        for example in result["http"]["error_examples"] + result["in_process"]["error_examples"]:
            lines.append(f"{name:<11} error: {example}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS, help=f"seed texts (default {SEEDS})")
    parser.add_argument(
        "--seconds", type=float, default=60.0, help="counted HTTP load per backend (60)"
    )
    parser.add_argument(
        "--warmup", type=float, default=3.0, help="uncounted start of each HTTP round (3)"
    )
    parser.add_argument(
        "--baseline-seconds", type=float, default=15.0, help="in-process mix per backend (15)"
    )
    parser.add_argument(
        "--serial-seconds", type=float, default=5.0, help="in-process mix in one thread (5)"
    )
    parser.add_argument(
        "--rounds", type=int, default=3, help="interleaved HTTP / in-process rounds (3)"
    )
    parser.add_argument("--readers", type=int, default=50, help="concurrent readers (50)")
    parser.add_argument("--leaves", type=int, default=3000, help="least leaves (3000)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (1)")
    parser.add_argument(
        "--threads", type=int, default=40, help="route threads per worker (40, anyio's default)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="a smoke run: 600 leaves, 2 rounds of 3 s, short baselines",
    )
    add_options(parser)
    args = parser.parse_args(argv)
    if args.quick:
        args.seconds, args.warmup, args.leaves, args.rounds = 6.0, 1.0, 600, 2
        args.baseline_seconds, args.serial_seconds = 2.0, 1.0
    if min(args.seconds, args.warmup, args.baseline_seconds, args.serial_seconds) <= 0:
        parser.error("times must be positive")
    if min(args.readers, args.workers, args.threads, args.rounds) < 1:
        parser.error("--readers, --workers, --threads and --rounds must be positive")

    import uvicorn

    report: dict[str, Any] = {
        "readers": args.readers,
        "seconds": args.seconds,
        "warmup": args.warmup,
        "baseline_seconds": args.baseline_seconds,
        "serial_seconds": args.serial_seconds,
        "rounds": args.rounds,
        "mix": dict(MIX),
        "workers": args.workers,
        "threads": args.threads,
        "uvicorn": uvicorn.__version__,
        "durability": Settings().durability,
        "cpus": os.cpu_count(),
        "load_average": {"start": round(os.getloadavg()[0], 2)},
        "backends": {},
    }
    with tempfile.TemporaryDirectory(prefix="looseleaf-bench-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        wanted: list[tuple[str, str]] = []
        if args.backend in {"both", "sqlite"}:
            wanted.append(("sqlite", stack.enter_context(fresh_sqlite(workdir, "serve"))))
        if args.backend in {"both", "postgresql"}:
            problem = postgres_problem(args.postgres)
            if problem is not None:
                reason = f"cannot use {describe(args.postgres)}: {problem}"
                progress(f"postgresql: skipped ({reason})")
                report["backends"]["postgresql"] = {"skipped": reason}
            else:
                wanted.append(("postgresql", stack.enter_context(fresh_schema(args.postgres))))
        for backend in build_all(wanted, workdir, args):
            report["backends"][backend.name] = measure(backend, workdir, args)
    report["load_average"]["end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
