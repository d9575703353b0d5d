"""Access-check latency on large generated registries, against PyCasbin in the same run.

What is measured, on SQLite and PostgreSQL, on registries of 10,000, 100,000
and 1,000,000 leaves (each size capped by `--max-leaves`):

- a single decision, `Registry.check(reader, Action.LEAF_READ, leaf_id)`, timed
  with `perf_counter_ns` around each call: p50, p99 and p99.9 in µs over
  `--checks` (reader, leaf) pairs per registry. The call is the whole public
  path: it opens a read transaction, takes the clock, reads the account and its
  compartments, the leaf and its marking's compartments and, only when the
  compartments fall short, the reader's grants on that leaf, and returns the
  decision with its reason;
- the list, `leaves.readable_ids(tx, sql.readable_leaves(reader, now),
  dossier_id=...)` inside `registry.store.read()`: the leaves of one dossier (100
  leaves) that a reader may read, timed with its transaction and clock read,
  p50 and p99 in ms over `--lists` (reader, dossier) pairs per registry.

The registries are generated with a fixed seed and loaded with bulk inserts
into the real schema (not through ingest, which would take hours): 20
compartments; 300 interned markings (the five bare levels, then random levels
with 1-3 compartments); 10,000 readers at every size (random level, 0-10
compartments, 1% disabled); dossiers of 100 leaves, one report each, a leaf
marked with a bare level one time in five and otherwise with a random
compartmented marking, 1% withdrawn; and as many grants as leaves, 100 per
dossier, each on a random leaf of its dossier for a random reader cleared to
the leaf's level: 60% unexpired, 25% expired, 15% ended early. A smaller
registry is exactly the first dossiers of a larger one. ANALYZE runs after
loading. Half of the checked pairs are the (reader, leaf) of a random grant,
half a random reader and a random leaf, so every branch of the rule is hit
(cleared, granted, refused for level, compartments, lapsed grant, withdrawal
or a disabled account); the table gives the mix.

PyCasbin gets the same rule as an ABAC model (see CASBIN_MODEL): each grant is
a policy line `p, r<reader>, l<leaf>, read, <expires_at>, <ended_at>`, and the
request carries the reader's level, compartments and disabled flag and the
leaf's level, compartments and withdrawn flag as objects, built beforehand
from the generated data and handed over for free (looseleaf reads all of
these from the database at every check). Casbin is measured with 1,000,
10,000 and 100,000 grants: the grants on the first 10, 100 and 1,000
dossiers, which are all the grants those leaves have, so its decisions must
equal looseleaf's on pairs from those leaves; every timed Casbin decision is
compared with looseleaf's and the agreement is printed. Two enforcers load
that one model and policy: `FastEnforcer` keyed on (sub, obj), which looks a
request's grant lines up in a dict, is the most favourable to Casbin and is
the one the aim is judged against; the plain `Enforcer`, Casbin's default,
evaluates the matcher against policy lines in order until one allows, so its
time grows with the policy, and it gets fewer samples (`--linear-lines`
policy-line evaluations' worth per size, at least 30).

Why the comparison is fair: both sides decide the same (reader, leaf) pairs
with the same rule on the same data in the same process, timed the same way,
one call at a time, in interleaved blocks. Casbin holds everything in memory
and gets the attributes for free; looseleaf reads fresh facts from the
database on every call, from the largest registry built (1,000,000 leaves and
grants at full size, against Casbin's 1,000 to 100,000 grants), which can only
favour Casbin. The ratio is Casbin's time over looseleaf's, at p50 and at p99;
the plain Enforcer's few samples are set against looseleaf's figures over all
of that size's pairs (its samples are the first of the same shuffled pairs).

The machine is noisy, so each measurement is split into `--rounds` blocks and
the blocks are interleaved (every registry size, and looseleaf and the Casbin
enforcers, take turns), after an untimed warm-up; before each block the
garbage collector runs and what the harness holds is frozen out of its way
(`gc.freeze`), the same for every side; figures are percentiles over all
blocks, and the 1-minute load average at start and end is printed beside them.

The aims (from the project issue): p99 check under 250 µs on SQLite at every
size, flat as the registry grows (here: p99 at the largest size within 1.5x
of p99 at the smallest), and Casbin at least 20x slower at p50 and at p99 at
every Casbin size.

    python benchmarks/access.py [--max-leaves 1000000] [--checks 20000] [--json]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import math
import os
import random
import secrets
import sys
import tempfile
import time
from array import array
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import casbin
from casbin import persist
from casbin.model import FastModel, Model
from databases import add_options, fresh_schema, fresh_sqlite, postgres_problem
from reporting import heading, verdict

from looseleaf.clock import stamp
from looseleaf.model import Actor, Levels
from looseleaf.policy import Action, Decision, sql
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.store import describe, leaves

SIZES = (10_000, 100_000, 1_000_000)
CASBIN_SIZES = (1_000, 10_000, 100_000)
READERS = 10_000
COMPARTMENTS = 20
MARKINGS = 300
PER_DOSSIER = 100
BATCH_LEAVES = 50_000
SEED = 20_240_611
WARMUP = 500
AIM_P99_US = 250.0
AIM_FLAT = 1.5
AIM_RATIO = 20.0
MIN_LINEAR = 30
DENIED = "denied"

CASBIN_MODEL = """
[request_definition]
r = sub, obj, act, reader, leaf, now

[policy_definition]
p = sub, obj, act, expires, ended

[policy_effect]
e = some(where (p.eft == allow))

[matchers]
m = r.act == "read" && !r.reader.disabled && !r.leaf.withdrawn \
&& r.reader.level >= r.leaf.level \
&& (r.leaf.compartments <= r.reader.compartments \
|| r.sub == p.sub && r.obj == p.obj && p.act == r.act && p.ended == "" && p.expires > r.now)
"""

Pair = tuple[int, int]


# -- the generated registry ----------------------------------------------------------


@dataclass(frozen=True)
class MarkingSpec:
    id: int
    level: int
    compartments: frozenset[int]


@dataclass(frozen=True)
class ReaderSpec:
    id: int
    level: int
    compartments: frozenset[int]
    disabled: bool

    @property
    def name(self) -> str:
        return f"reader-{self.id:05d}"


@dataclass
class Rows:
    """Rows for the tables a batch of dossiers fills, in insert order."""

    dossiers: list[tuple[Any, ...]] = field(default_factory=list)
    reports: list[tuple[Any, ...]] = field(default_factory=list)
    leaves: list[tuple[Any, ...]] = field(default_factory=list)
    grants: list[tuple[Any, ...]] = field(default_factory=list)


_INSERTS = {
    "dossiers": "INSERT INTO dossiers (id, title, marking_id, created_at) VALUES (?, ?, ?, ?)",
    "reports": (
        "INSERT INTO reports (id, dossier_id, seq, filename, media_type, sha256, size, "
        "source_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "leaves": (
        "INSERT INTO leaves (id, report_id, dossier_id, position, label, original, normalised, "
        "sha256, chars, marking_id, withdrawn_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    ),
    "grants": (
        "INSERT INTO grants (id, reader_id, leaf_id, slip_id, purpose, granted_by, granted_at, "
        "expires_at, ended_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)"
    ),
}


class World:
    """Everything generated, from the seed alone: dossier `i` is the same at every size."""

    def __init__(self, seed: int, levels: Levels, base: datetime) -> None:
        self.seed = seed
        self.levels = levels
        rng = random.Random(f"{seed}/world")
        top = len(levels.names)
        self.compartments = {n: f"C{n:02d}" for n in range(1, COMPARTMENTS + 1)}
        seen: dict[tuple[int, frozenset[int]], int] = {}
        for level in range(top):
            seen[level, frozenset()] = len(seen) + 1
        while len(seen) < MARKINGS:
            chosen = frozenset(rng.sample(range(1, COMPARTMENTS + 1), rng.randint(1, 3)))
            seen.setdefault((rng.randrange(top), chosen), len(seen) + 1)
        self.markings = [MarkingSpec(i, lv, cs) for (lv, cs), i in seen.items()]
        self.bare = self.markings[:top]
        self.compartmented = self.markings[top:]
        self.readers = [
            ReaderSpec(
                id=i,
                level=rng.randrange(top),
                compartments=frozenset(rng.sample(range(1, COMPARTMENTS + 1), rng.randint(0, 10))),
                disabled=rng.random() < 0.01,
            )
            for i in range(1, READERS + 1)
        ]
        self.cleared_to = [[r.id for r in self.readers if r.level >= level] for level in range(top)]
        self.created = stamp(base - timedelta(days=365))
        self.future = [
            stamp(base + timedelta(days=d, seconds=s)) for d in (1, 7, 30, 90) for s in (0, 3600)
        ]
        self.past = [
            stamp(base - timedelta(days=d, seconds=s)) for d in (1, 7, 30, 90) for s in (0, 3600)
        ]

    def key(self, marking: MarkingSpec) -> str:
        names = sorted(self.compartments[c] for c in marking.compartments)
        return "/".join([self.levels.name(marking.level), *names])

    def marking_rows(self) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        markings = [(m.id, m.level, self.key(m)) for m in self.markings]
        members = [(m.id, c) for m in self.markings for c in sorted(m.compartments)]
        return markings, members

    def dossier(self, index: int, into: Rows) -> None:
        """Append dossier `index` (1-based): its report, 100 leaves and 100 grants."""
        rng = random.Random(f"{self.seed}/dossier/{index}")
        first = (index - 1) * PER_DOSSIER
        digest = hashlib.sha256(f"report {index}".encode()).hexdigest()
        into.dossiers.append(
            (index, f"Dossier {index:05d}", rng.choice(self.markings).id, self.created)
        )
        into.reports.append(
            (index, index, 1, f"d{index}.txt", "text/plain", digest, 4096, 1, self.created)
        )
        levels: list[int] = []
        for position in range(1, PER_DOSSIER + 1):
            bare = rng.random() < 0.2
            marking = rng.choice(self.bare if bare else self.compartmented)
            withdrawn = self.past[0] if rng.random() < 0.01 else None
            text = f"Dossier {index}, leaf {position}."
            into.leaves.append((
                first + position, index, index, position, f"p. {position}", text, text.lower(),
                hashlib.sha256(text.encode()).hexdigest(), len(text), marking.id, withdrawn,
            ))  # fmt: skip
            levels.append(self._level(marking.id))
        for n in range(1, PER_DOSSIER + 1):
            position = rng.randrange(PER_DOSSIER)
            reader = rng.choice(self.cleared_to[levels[position]])
            roll = rng.random()
            expires = rng.choice(self.past if 0.6 <= roll < 0.85 else self.future)
            ended = rng.choice(self.past) if roll >= 0.85 else None
            into.grants.append((
                first + n, reader, first + position + 1, "bench", "custodian:bench",
                self.created, expires, ended,
            ))  # fmt: skip

    def _level(self, marking_id: int) -> int:
        return self.markings[marking_id - 1].level


@dataclass
class Catalogue:
    """What the sampler and Casbin need to know of the generated leaves and grants."""

    leaf_marking: array[int] = field(default_factory=lambda: array("i"))
    leaf_withdrawn: bytearray = field(default_factory=bytearray)
    grant_reader: array[int] = field(default_factory=lambda: array("i"))
    grant_leaf: array[int] = field(default_factory=lambda: array("i"))
    #: (reader, leaf, expires_at, ended_at or "") of the first grants, for Casbin.
    grant_lines: list[tuple[int, int, str, str]] = field(default_factory=list)


def catalogue(world: World, total: int, lines: int) -> Catalogue:
    found = Catalogue()
    for index in range(1, total // PER_DOSSIER + 1):
        rows = Rows()
        world.dossier(index, rows)
        for leaf in rows.leaves:
            found.leaf_marking.append(leaf[9])
            found.leaf_withdrawn.append(leaf[10] is not None)
        for grant in rows.grants:
            found.grant_reader.append(grant[1])
            found.grant_leaf.append(grant[2])
            if grant[0] <= lines:
                found.grant_lines.append((grant[1], grant[2], grant[6], grant[7] or ""))
    return found


def populate(registry: Registry, world: World, total: int, label: str) -> float:
    """Bulk-load `total` leaves (and as many grants) into a fresh registry; seconds taken."""
    start = time.perf_counter()
    markings, members = world.marking_rows()
    with registry.store.write() as tx:
        tx.executemany(
            "INSERT INTO compartments (id, name) VALUES (?, ?)", list(world.compartments.items())
        )
        tx.executemany("INSERT INTO markings (id, level, key) VALUES (?, ?, ?)", markings)
        tx.executemany(
            "INSERT INTO marking_compartments (marking_id, compartment_id) VALUES (?, ?)", members
        )
        tx.execute("INSERT INTO sources (id, title) VALUES (1, 'Generated for the benchmark')")
        tx.executemany(
            "INSERT INTO readers (id, name, level, created_at, disabled_at) VALUES (?, ?, ?, ?, ?)",
            [
                (r.id, r.name, r.level, world.created, world.past[0] if r.disabled else None)
                for r in world.readers
            ],
        )
        tx.executemany(
            "INSERT INTO reader_compartments (reader_id, compartment_id) VALUES (?, ?)",
            [(r.id, c) for r in world.readers for c in sorted(r.compartments)],
        )
    dossiers = total // PER_DOSSIER
    step = max(1, BATCH_LEAVES // PER_DOSSIER)
    for first in range(1, dossiers + 1, step):
        rows = Rows()
        for index in range(first, min(first + step, dossiers + 1)):
            world.dossier(index, rows)
        with registry.store.write() as tx:
            for table, insert in _INSERTS.items():
                tx.executemany(insert, getattr(rows, table))
        done = min(first + step - 1, dossiers) * PER_DOSSIER
        if done % 200_000 == 0 or done == total:
            progress(f"{label}: loaded {done:,} leaves and grants")
    with registry.store.write() as tx:
        tx.execute("ANALYZE")
    return time.perf_counter() - start


# -- sampling and timing ---------------------------------------------------------------


def check_pairs(rng: random.Random, found: Catalogue, total: int, count: int) -> list[Pair]:
    """Half a random grant's (reader, leaf), half a random reader and leaf; shuffled."""
    pairs: list[Pair] = []
    for n in range(count):
        if n % 2:
            pairs.append((rng.randint(1, READERS), rng.randint(1, total)))
        else:
            grant = rng.randrange(total)
            pairs.append((found.grant_reader[grant], found.grant_leaf[grant]))
    rng.shuffle(pairs)
    return pairs


def list_pairs(rng: random.Random, total: int, count: int) -> list[Pair]:
    return [(rng.randint(1, READERS), rng.randint(1, total // PER_DOSSIER)) for _ in range(count)]


def block(items: Sequence[Any], rounds: int, round_: int) -> Sequence[Any]:
    """The `round_`-th of `rounds` near-equal consecutive slices of `items` (maybe empty)."""
    return items[round_ * len(items) // rounds : (round_ + 1) * len(items) // rounds]


def time_checks(
    registry: Registry, actors: dict[int, Actor], pairs: Sequence[Pair]
) -> tuple[list[int], list[str]]:
    check = registry.check
    read = Action.LEAF_READ
    clock = time.perf_counter_ns
    times: list[int] = []
    outcomes: list[str] = []
    for reader_id, leaf_id in pairs:
        actor = actors[reader_id]
        start = clock()
        decision = check(actor, read, leaf_id)
        times.append(clock() - start)
        outcomes.append(outcome(decision))
    return times, outcomes


def time_lists(registry: Registry, pairs: Sequence[Pair]) -> tuple[list[int], list[list[int]]]:
    clock = time.perf_counter_ns
    times: list[int] = []
    found: list[list[int]] = []
    for reader_id, dossier_id in pairs:
        start = clock()
        with registry.store.read() as tx:
            ids = leaves.readable_ids(
                tx, sql.readable_leaves(reader_id, registry.now()), dossier_id=dossier_id
            )
        times.append(clock() - start)
        found.append(ids)
    return times, found


def percentile(ordered: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of sorted values (with fewer than 100 values, p99 is the max)."""
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def latency(nanoseconds: Sequence[int], unit: float) -> dict[str, float]:
    ordered = sorted(n / unit for n in nanoseconds)
    return {
        "samples": len(ordered),
        "p50": round(percentile(ordered, 0.50), 2),
        "p99": round(percentile(ordered, 0.99), 2),
        "p999": round(percentile(ordered, 0.999), 2),
        "max": round(ordered[-1], 2),
    }


def outcome(decision: Decision) -> str:
    if not decision.allowed:
        return DENIED
    return "cleared" if decision.grant_id is None else "granted"


def collect() -> None:
    """Start every timed block with no garbage from the last one, and with what the
    harness holds moved out of the collector's way (the same for every side)."""
    gc.collect()
    gc.freeze()


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- looseleaf on one backend ------------------------------------------------------------


@dataclass
class Target:
    """One registry of one size, and what is measured on it."""

    total: int
    registry: Registry
    build_seconds: float
    checks: list[Pair]
    lists: list[Pair]
    check_ns: list[int] = field(default_factory=list)
    list_ns: list[int] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)
    listed: list[int] = field(default_factory=list)


def measure_backend(
    name: str, targets: list[Target], actors: dict[int, Actor], rounds: int
) -> dict[str, Any]:
    progress(f"{name}: warming up")
    for target in targets:
        time_checks(target.registry, actors, target.checks[:WARMUP])
        time_lists(target.registry, target.lists[: max(1, WARMUP // 20)])
    for round_ in range(rounds):
        for target in targets:
            collect()
            times, outcomes = time_checks(
                target.registry, actors, block(target.checks, rounds, round_)
            )
            target.check_ns += times
            target.outcomes += outcomes
            collect()
            times, found = time_lists(target.registry, block(target.lists, rounds, round_))
            target.list_ns += times
            target.listed += [len(ids) for ids in found]
        progress(f"{name}: round {round_ + 1}/{rounds} done")
    rows = []
    for target in targets:
        mix = dict.fromkeys(("cleared", "granted", "denied"), 0)
        for kind in target.outcomes:
            mix[kind] += 1
        agree, tried = list_agrees_with_check(target, actors)
        rows.append({
            "leaves": target.total,
            "grants": target.total,
            "readers": READERS,
            "dossiers": target.total // PER_DOSSIER,
            "build_seconds": round(target.build_seconds, 1),
            "check_us": latency(target.check_ns, 1e3),
            "mix": mix,
            "list_ms": latency(target.list_ns, 1e6),
            "list_mean_ids": round(sum(target.listed) / max(1, len(target.listed)), 1),
            "list_equals_checks": f"{agree}/{tried}",
        })  # fmt: skip
    first, last = rows[0]["check_us"], rows[-1]["check_us"]
    return {
        "backend": name,
        "sizes": rows,
        "flat_p99": round(last["p99"] / first["p99"], 2),
        "flat_p50": round(last["p50"] / first["p50"], 2),
    }


def list_agrees_with_check(target: Target, actors: dict[int, Actor], pairs: int = 5) -> Pair:
    """Untimed sanity check: a dossier's list is exactly the leaves `check` allows."""
    agree = 0
    for reader_id, dossier_id in target.lists[:pairs]:
        _, [ids] = time_lists(target.registry, [(reader_id, dossier_id)])
        first = (dossier_id - 1) * PER_DOSSIER
        everything = [(reader_id, first + p) for p in range(1, PER_DOSSIER + 1)]
        _, outcomes = time_checks(target.registry, actors, everything)
        allowed = [leaf for (_, leaf), o in zip(everything, outcomes, strict=True) if o != DENIED]
        agree += allowed == ids
    return agree, min(pairs, len(target.lists))


# -- PyCasbin ---------------------------------------------------------------------------------


class Subject(NamedTuple):
    level: int
    compartments: frozenset[str]
    disabled: bool


class Resource(NamedTuple):
    level: int
    compartments: frozenset[str]
    withdrawn: bool


class Lines(persist.Adapter):
    """Policy lines from memory, loaded the way Casbin's own file adapter loads them."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def load_policy(self, model: Model) -> None:
        for line in self.lines:
            persist.load_policy_line(line, model)


def enforcers(found: Catalogue, grants: int) -> tuple[Any, Any, float, float]:
    """(FastEnforcer, Enforcer) over the first `grants` grants, and their build seconds."""
    lines = [
        f"p, r{reader}, l{leaf}, read, {expires}, {ended}"
        for reader, leaf, expires, ended in found.grant_lines[:grants]
    ]
    start = time.perf_counter()
    model = FastModel([0, 1])
    model.load_model_from_text(CASBIN_MODEL)
    fast = casbin.FastEnforcer(model, Lines(lines), cache_key_order=[0, 1])
    fast_seconds = time.perf_counter() - start
    start = time.perf_counter()
    model = Model()
    model.load_model_from_text(CASBIN_MODEL)
    linear = casbin.Enforcer(model, Lines(lines))
    return fast, linear, fast_seconds, time.perf_counter() - start


@dataclass(frozen=True)
class Attributes:
    """The request attributes handed to Casbin, built once from the generated data."""

    subjects: dict[int, Subject]
    resources: dict[int, tuple[int, frozenset[str]]]

    @classmethod
    def of(cls, world: World) -> Attributes:
        names = world.compartments
        return cls(
            subjects={
                r.id: Subject(r.level, frozenset(names[c] for c in r.compartments), r.disabled)
                for r in world.readers
            },
            resources={
                m.id: (m.level, frozenset(names[c] for c in m.compartments)) for m in world.markings
            },
        )

    def requests(self, found: Catalogue, pairs: Sequence[Pair], now: str) -> list[tuple[Any, ...]]:
        made = []
        for reader_id, leaf_id in pairs:
            level, compartments = self.resources[found.leaf_marking[leaf_id - 1]]
            leaf = Resource(level, compartments, bool(found.leaf_withdrawn[leaf_id - 1]))
            made.append(
                (f"r{reader_id}", f"l{leaf_id}", "read", self.subjects[reader_id], leaf, now)
            )
        return made


def time_enforce(enforcer: Any, batch: Sequence[tuple[Any, ...]]) -> tuple[list[int], list[bool]]:
    enforce = enforcer.enforce
    clock = time.perf_counter_ns
    times: list[int] = []
    results: list[bool] = []
    for request in batch:
        start = clock()
        allowed = enforce(*request)
        times.append(clock() - start)
        results.append(bool(allowed))
    return times, results


def measure_casbin(
    registry: Registry,
    actors: dict[int, Actor],
    world: World,
    found: Catalogue,
    grants: int,
    args: argparse.Namespace,
    rng: random.Random,
) -> dict[str, Any]:
    fast, linear, fast_build, linear_build = enforcers(found, grants)
    pairs = check_pairs(rng, found, grants, args.checks)
    linear_count = min(len(pairs), max(MIN_LINEAR, args.linear_lines // grants))
    linear_pairs = pairs[:linear_count]
    time_checks(registry, actors, pairs[:WARMUP])
    attributes = Attributes.of(world)
    time_enforce(fast, attributes.requests(found, pairs[:WARMUP], registry.now()))
    time_enforce(linear, attributes.requests(found, pairs[:1], registry.now()))
    sides: dict[str, tuple[list[int], list[bool]]] = {k: ([], []) for k in ("ll", "fast", "lin")}
    for round_ in range(args.rounds):
        mine = block(pairs, args.rounds, round_)
        theirs = block(linear_pairs, args.rounds, round_)
        collect()
        times, outcomes = time_checks(registry, actors, mine)
        sides["ll"][0].extend(times)
        sides["ll"][1].extend(o != DENIED for o in outcomes)
        for key, enforcer, batch in (("fast", fast, mine), ("lin", linear, theirs)):
            made = attributes.requests(found, batch, registry.now())
            collect()
            times, results = time_enforce(enforcer, made)
            sides[key][0].extend(times)
            sides[key][1].extend(results)
        progress(f"casbin {grants:,} grants: round {round_ + 1}/{args.rounds} done")
    expected = sides["ll"][1]
    mine_us = latency(sides["ll"][0], 1e3)
    result: dict[str, Any] = {"grants": grants, "looseleaf_sqlite_us": mine_us, "enforcers": {}}
    for key, name, build in (
        ("fast", "FastEnforcer", fast_build),
        ("lin", "Enforcer", linear_build),
    ):
        times, results = sides[key]
        theirs_us = latency(times, 1e3)
        wrong = [
            {"reader": pair[0], "leaf": pair[1], "looseleaf": want, "casbin": got}
            for pair, want, got in zip(pairs, expected, results, strict=False)
            if want != got
        ]
        result["enforcers"][name] = {
            "build_seconds": round(build, 2),
            "us": theirs_us,
            "ratio_p50": round(theirs_us["p50"] / mine_us["p50"], 1),
            "ratio_p99": round(theirs_us["p99"] / mine_us["p99"], 1),
            "agree": f"{len(results) - len(wrong)}/{len(results)}",
            "disagreements": wrong[:10],
            "disagreement_count": len(wrong),
        }
    return result


# -- fresh databases ------------------------------------------------------------------------


def settings(url: str, workdir: Path, label: str) -> Settings:
    """Defaults plus the registry URL: no environment, no ./looseleaf.toml, and the
    signing key (where this looseleaf signs its log) kept in the work directory."""
    config = workdir / "empty.toml"
    config.touch()
    key = workdir / f"{label}-{secrets.token_hex(4)}.key"
    return Settings.load(flags={"registry": url, "signing_key": str(key)}, env={}, config=config)


@contextmanager
def registries(
    name: str,
    fresh: Callable[[str], Any],
    sizes: Sequence[int],
    args: argparse.Namespace,
    base: datetime,
) -> Iterator[tuple[World, list[tuple[int, Registry, float]]]]:
    """Fresh registries of every size on one backend, loaded, open, then removed."""
    with ExitStack() as stack:
        built: list[tuple[int, Registry, float]] = []
        world: World | None = None
        for total in sizes:
            url = stack.enter_context(fresh(f"{name}-{total}"))
            registry = Registry.init(
                settings(url, args.workdir, f"{name}-{total}"), Actor.operator("bench")
            )
            stack.callback(registry.close)
            world = world or World(args.seed, registry.levels, base)
            seconds = populate(registry, world, total, f"{name} {total:,}")
            built.append((total, registry, seconds))
        assert world is not None
        yield world, built


# -- running and reporting ------------------------------------------------------------------


def sizes_for(max_leaves: int) -> list[int]:
    top = max_leaves // PER_DOSSIER * PER_DOSSIER
    chosen = [s for s in SIZES if s < top]
    return [*chosen, top]


def run_backend(
    name: str,
    fresh: Callable[[str], Any],
    args: argparse.Namespace,
    base: datetime,
    report: dict[str, Any],
) -> None:
    sizes = sizes_for(args.max_leaves)
    with registries(name, fresh, sizes, args, base) as (world, built):
        if "catalogue" not in report:
            start = time.perf_counter()
            top = max(CASBIN_SIZES)
            report["catalogue"] = catalogue(world, sizes[-1], top)
            progress(f"catalogue of generated grants: {time.perf_counter() - start:.1f} s")
        found: Catalogue = report["catalogue"]
        actors = {r.id: Actor.reader(r.id, r.name) for r in world.readers}
        rng = random.Random(f"{args.seed}/pairs")
        targets = [
            Target(
                total,
                registry,
                seconds,
                check_pairs(rng, found, total, args.checks),
                list_pairs(rng, total, args.lists),
            )
            for total, registry, seconds in built
        ]
        report["backends"][name] = measure_backend(name, targets, actors, args.rounds)
        if name != "sqlite":
            return
        largest = built[-1][1]
        rng = random.Random(f"{args.seed}/casbin")
        report["casbin"] = [
            measure_casbin(largest, actors, world, found, grants, args, rng)
            for grants in CASBIN_SIZES
            if grants <= sizes[-1]
        ]
        report["casbin_against"] = sizes[-1]


def verdicts(report: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    lite = report["backends"].get("sqlite")
    if lite and "sizes" in lite:
        found["p99_under_250us_sqlite"] = all(
            row["check_us"]["p99"] < AIM_P99_US for row in lite["sizes"]
        )
        found["flat_sqlite"] = lite["flat_p99"] <= AIM_FLAT
    for name in ("FastEnforcer", "Enforcer"):
        rows = [c["enforcers"][name] for c in report.get("casbin", [])]
        if rows:
            found[f"20x_vs_{name}"] = all(
                r["ratio_p50"] >= AIM_RATIO and r["ratio_p99"] >= AIM_RATIO for r in rows
            )
    found["casbin_agrees"] = all(
        e["disagreement_count"] == 0
        for c in report.get("casbin", [])
        for e in c["enforcers"].values()
    )
    return found


def table(report: dict[str, Any]) -> str:
    lines = [
        f"looseleaf access benchmark (seed {report['seed']}; {READERS:,} readers at every size; "
        f"grants = leaves; dossiers of {PER_DOSSIER} leaves; {report['rounds']} interleaved "
        "rounds)",
        f"check: {report['checks']:,} (reader, leaf) pairs per registry, half from grants; "
        f"list: {report['lists']:,} (reader, dossier) pairs; wall time {report['seconds']:.0f} s; "
        f"1-min load average {report['load_average_start']:g} at start, "
        f"{report['load_average_end']:g} at end ({report['cpus']} CPUs)",
        "",
    ]
    header = (
        f"{'backend':<10} {'leaves':>9} {'build s':>8} {'cleared':>7} {'granted':>7} "
        f"{'denied':>7} {'p50 µs':>8} {'p99 µs':>8} {'p99.9 µs':>9} "
        f"{'list p50 ms':>11} {'list p99 ms':>11} {'ids':>5} {'list=check':>10}"
    )
    lines += heading(header)
    for name, result in report["backends"].items():
        if "skipped" in result:
            lines.append(f"{name}: skipped ({result['skipped']})")
            continue
        for row in result["sizes"]:
            c, mix, li = row["check_us"], row["mix"], row["list_ms"]
            lines.append(
                f"{name:<10} {row['leaves']:>9,} {row['build_seconds']:>8.1f} "
                f"{mix['cleared']:>7} {mix['granted']:>7} {mix['denied']:>7} "
                f"{c['p50']:>8.1f} {c['p99']:>8.1f} {c['p999']:>9.1f} "
                f"{li['p50']:>11.3f} {li['p99']:>11.3f} {row['list_mean_ids']:>5.1f} "
                f"{row['list_equals_checks']:>10}"
            )
        lines.append(
            f"{name:<10} growth {result['sizes'][0]['leaves']:,} -> "
            f"{result['sizes'][-1]['leaves']:,} leaves: p50 x{result['flat_p50']:.2f}, "
            f"p99 x{result['flat_p99']:.2f}"
        )
    if report.get("casbin"):
        lines += [
            "",
            f"PyCasbin {report['casbin_version']} vs looseleaf check on SQLite "
            f"({report['casbin_against']:,} leaves and grants), same pairs, interleaved; "
            "ratio = Casbin time / looseleaf time",
        ]
        header = (
            f"{'grants':>8} {'enforcer':<13} {'samples':>7} {'build s':>8} {'p50 µs':>10} "
            f"{'p99 µs':>10} {'looseleaf p50/p99 µs':>21} {'x p50':>8} {'x p99':>8} "
            f"{'agree':>12}"
        )
        lines += heading(header)
        for size in report["casbin"]:
            mine = size["looseleaf_sqlite_us"]
            for name, row in size["enforcers"].items():
                us = row["us"]
                lines.append(
                    f"{size['grants']:>8,} {name:<13} {us['samples']:>7} "
                    f"{row['build_seconds']:>8.2f} {us['p50']:>10.1f} {us['p99']:>10.1f} "
                    f"{mine['p50']:>10.1f}/{mine['p99']:<10.1f} {row['ratio_p50']:>8.1f} "
                    f"{row['ratio_p99']:>8.1f} {row['agree']:>12}"
                )
                for wrong in row["disagreements"]:
                    lines.append(f"    DISAGREE {wrong}")
    aims = report["aims"]
    lines += ["", "aims:"]
    labels = {
        "p99_under_250us_sqlite": f"p99 check < {AIM_P99_US:g} µs on SQLite at every size",
        "flat_sqlite": f"flat on SQLite: p99 at the largest size <= {AIM_FLAT:g}x the smallest",
        "20x_vs_FastEnforcer": f">= {AIM_RATIO:g}x faster than Casbin FastEnforcer (p50 and p99)",
        "20x_vs_Enforcer": f">= {AIM_RATIO:g}x faster than Casbin Enforcer (p50 and p99)",
        "casbin_agrees": "Casbin's decisions equal looseleaf's on every timed pair",
    }
    for key, label in labels.items():
        if key in aims:
            lines.append(f"  {label}: {verdict(aims[key])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument(
        "--max-leaves",
        type=int,
        default=max(SIZES),
        help="largest registry, in leaves (default %(default)s)",
    )
    parser.add_argument(
        "--checks", type=int, default=20_000, help="timed checks per registry (default 20000)"
    )
    parser.add_argument(
        "--lists", type=int, default=500, help="timed dossier lists per registry (default 500)"
    )
    parser.add_argument("--rounds", type=int, default=10, help="interleaved blocks (default 10)")
    parser.add_argument(
        "--linear-lines",
        type=int,
        default=3_000_000,
        help="Casbin Enforcer samples per size = this / grants, at least 30 (default 3000000)",
    )
    parser.add_argument("--seed", type=int, default=SEED, help="data seed (default %(default)s)")
    add_options(parser, "; Casbin runs with sqlite")
    args = parser.parse_args(argv)
    if args.max_leaves < 10 * PER_DOSSIER or min(args.checks, args.lists, args.rounds) < 1:
        parser.error(f"--max-leaves must be at least {10 * PER_DOSSIER}; counts positive")
    if args.checks < WARMUP:
        parser.error(f"--checks must be at least {WARMUP}")

    started = time.perf_counter()
    base = datetime.now(UTC).replace(microsecond=0)
    report: dict[str, Any] = {
        "seed": args.seed,
        "checks": args.checks,
        "lists": args.lists,
        "rounds": args.rounds,
        "casbin_version": metadata.version("pycasbin"),
        "cpus": os.cpu_count(),
        "load_average_start": round(os.getloadavg()[0], 2),
        "backends": {},
    }
    with tempfile.TemporaryDirectory(prefix="looseleaf-access-") as tmp:
        args.workdir = Path(tmp)
        if args.backend in {"both", "sqlite"}:
            run_backend(
                "sqlite", lambda label: fresh_sqlite(args.workdir, label), args, base, report
            )
        if args.backend in {"both", "postgresql"}:
            problem = postgres_problem(args.postgres)
            if problem is not None:
                reason = f"cannot use {describe(args.postgres)}: {problem}"
                progress(f"postgresql: skipped ({reason})")
                report["backends"]["postgresql"] = {"skipped": reason}
            else:
                run_backend(
                    "postgresql", lambda _label: fresh_schema(args.postgres), args, base, report
                )
    report.pop("catalogue", None)
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["load_average_end"] = round(os.getloadavg()[0], 2)
    report["aims"] = verdicts(report)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0 if report["aims"]["casbin_agrees"] else 1


if __name__ == "__main__":
    sys.exit(main())
