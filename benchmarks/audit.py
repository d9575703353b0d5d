"""What the audit log costs: audited against unaudited reads, and `audit verify`
against raw SHA-256, each pair measured in the same run.

Part 1, reads. A registry (SQLite file, or a fresh PostgreSQL schema) holds one
report of `--leaves` leaves of about 3,000 characters (one generated text file
with a form feed between pages), marked SECRET, and one reader, anna, cleared to
SECRET, acted as by the operator (`--as`). Two ways of reading a leaf are timed:

- audited: `Registry.read(anna, leaf_id)`, the service layer as the CLI and the
  HTTP API call it: a write transaction that checks the rule, records a
  `leaf.read` event with the facts decided on, fetches the text, runs the
  curiosity alarm (at its default settings) and commits before the text is
  returned. Concurrent callers share one transaction and one commit (group
  commit), and a checkpoint is signed once `checkpoint_every` (256) events have
  gathered;
- unaudited: the same check and fetch with no record, done the way the service
  would: `Policy.check` and `leaves.by_id` plus `leaves.text` in one read
  transaction (`registry.store.read()`).

Each side reads leaves round-robin for `--seconds` with 1 thread and with 8
threads (`--threads`); the threads share the one Registry object (per-thread
read connections, one writer) and are kept for the registry's life, so each
keeps its connection; a short untimed warm-up opens them. Reads per second is
all reads over the time from the common start until the last thread's last
read returns. A fresh registry is built for each `durability`: "full" (every
commit is on disk before it returns: survives power loss) and "crash" (survives
the process being killed, not power loss). The mean number of reads sharing a
commit is counted by wrapping the group commit's batch function in place (the
requests are counted as it draws them, lazily; no package code is changed).

Why the comparison is fair: both sides read the same leaves of the same
registry through the same store, connections, threads and settings, in the same
process, and do the same policy check and text fetch; the only difference is
the record (and what keeping it entails: the write transaction, the commit, the
alarm and the checkpoints). The aim (from the project issue): audited reads at
least 50% of the unaudited rate on SQLite.

Part 2, verify. A registry with the same leaves gets `--events` `leaf.read`
events appended through the real recorder (`Registry._record`, in transactions
of 10,000), each with the detail a real read records (content hash, dossier,
basis, grant and the facts of anna's decision on that leaf, as `facts_of` in
`looseleaf/policy/rule.py` gives them), with a checkpoint signed after each
fifth of them, so several signatures are checked. Timed:

- verify: `verify(tx, public_key, witness=...)` in one read transaction, as
  `looseleaf audit verify` runs it: fetch every event row, rebuild the Merkle
  tree, compare it with every checkpoint and the witness, check every signature,
  check every leaf's text against its ingest record;
- the baseline, raw SHA-256 over the same bytes: the canonical entries
  (`log.entry(row)` for every row, fetched beforehand, untimed), each hashed
  with `hashlib.sha256(entry).digest()`: one call per entry, the granularity of
  the tree's leaf hashes.

To show where verify's time goes, three more figures are taken in the same
run: fetching the rows alone (`log.rows` in a read transaction), encoding
them (`log.entry` over the fetched rows), and the Merkle tree alone over the
encoded entries (leaf hash and frontier append, no database). The aim (from the
project issue): verify within 3x of the raw SHA-256 time.

The machine is noisy, so the sides are interleaved (unaudited, audited,
unaudited, ...; verify, rows, encode, tree, SHA-256, verify, ...), `--repeat`
times, and the report gives medians, the ratio of medians and the ratio of each
pair; the 1-minute load average at start and end is printed beside them. MB
means 2**20 bytes.

    python benchmarks/audit.py [--seconds 3] [--repeat 3] [--events 200000] [--json]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import queue
import random
import secrets
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from databases import add_options, fresh_schema, fresh_sqlite, postgres_problem
from reporting import heading, ratio_line, verdict

from looseleaf.audit import log, merkle
from looseleaf.audit.batch import Request
from looseleaf.audit.verify import verify
from looseleaf.model import Actor, LeafText
from looseleaf.policy import Action
from looseleaf.policy import facts as load_facts
from looseleaf.policy.rule import facts_of
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.store import describe, leaves

MB = 2**20
READ_AIM = 0.5
VERIFY_AIM = 3.0
DOSSIER = "D"
LEVEL = "SECRET"
READER = "anna"
DURABILITIES = ("full", "crash")
PAGE_CHARS = 3000
#: Events per transaction while loading the log for part 2.
LOAD_BATCH = 10_000
#: Checkpoints signed while loading (one after each equal part of the events).
LOAD_CHECKPOINTS = 5

#: (database URL) -> a context that makes the database fresh and removes it after.
Fresh = Callable[[str], AbstractContextManager[str]]

#: Words for the generated pages, space-separated.
_VOCABULARY = (
    "the registry file report agent source station cable officer meeting contact "
    "department minister embassy courier letter copy archive dossier page leaf "
    "secret operation border city river night morning winter summer account "
    "payment address telephone signal question answer subject service record "
    "evidence witness travel passport visa train station hotel room street "
    "was were had been would could should said noted reported received sent "
    "of to in on at by for with from under over after before between against"
)


# -- the text ------------------------------------------------------------------


def corpus(path: Path, pages: int, seed: int = 1) -> Path:
    """One text file of `pages` pages of about PAGE_CHARS characters, split by form feeds."""
    rng = random.Random(seed)
    words = _VOCABULARY.split()
    out: list[str] = []
    for page in range(1, pages + 1):
        lines = [f"Page {page}", ""]
        size = 0
        line: list[str] = []
        while size < PAGE_CHARS - 80:
            word = rng.choice(words)
            line.append(word)
            if sum(len(w) + 1 for w in line) > 70:
                text = " ".join(line).capitalize() + "."
                lines.append(text)
                size += len(text) + 1
                line = []
                if rng.random() < 0.15:
                    lines.append("")
        out.append("\n".join(lines) + "\n")
    path.write_text("\f".join(out), encoding="utf-8")
    return path


# -- fresh databases (as in benchmarks/ingest.py) ----------------------------------


# -- the registry -------------------------------------------------------------------


@dataclass
class Bench:
    """A registry with one report of leaves and one reader, ready to read."""

    registry: Registry
    reader: Actor
    leaf_ids: list[int]


def build(url: str, key: Path, text: Path, durability: str, **settings: Any) -> Bench:
    operator = Actor.operator("bench")
    registry = Registry.init(
        Settings(registry=url, signing_key=str(key), durability=durability, **settings), operator
    )
    try:
        [result] = registry.ingest(
            operator, [text], dossier=DOSSIER, leaf_marking=MarkingRequest(LEVEL)
        )
        if result.status != "ingested" or result.report_id is None:
            raise SystemExit(f"ingest did not take {text}: {result}")
        registry.add_reader(operator, READER, MarkingRequest(LEVEL))
        reader = registry.as_reader(READER, via=operator)
        with registry.store.read() as tx:
            leaf_ids = leaves.ids_of_report(tx, result.report_id)
    except BaseException:
        registry.close()
        raise
    return Bench(registry, reader, leaf_ids)


def audited(bench: Bench) -> Callable[[int], LeafText]:
    registry, reader = bench.registry, bench.reader
    return lambda leaf_id: registry.read(reader, leaf_id)


def unaudited(bench: Bench) -> Callable[[int], LeafText | None]:
    registry, reader = bench.registry, bench.reader

    def read(leaf_id: int) -> LeafText | None:
        with registry.store.read() as tx:
            decision = registry.policy(tx).check(reader, Action.LEAF_READ, leaf_id)
            found = leaves.by_id(tx, leaf_id) if decision.allowed else None
            return leaves.text(tx, found) if found is not None else None

    return read


class BatchSizes:
    """Counts the reads each group commit draws, by wrapping its batch function.

    The wrapper hands the batch function a generator over the same lazy
    iterator, so requests are still drawn one at a time while the transaction
    is open, exactly as before."""

    def __init__(self, registry: Registry) -> None:
        self.sizes: list[int] = []
        reads = registry._reads
        self._run = reads._run
        reads._run = self._counted

    def _counted(self, batch: Iterator[Request[tuple[Actor, int], LeafText]]) -> None:
        drawn = 0

        def counting() -> Iterator[Request[tuple[Actor, int], LeafText]]:
            nonlocal drawn
            for request in batch:
                drawn += 1
                yield request

        try:
            self._run(counting())
        finally:
            self.sizes.append(drawn)

    def take(self) -> list[int]:
        sizes, self.sizes = self.sizes, []
        return sizes


class Crew:
    """Worker threads kept for a registry's life, so each keeps its connection."""

    def __init__(self, size: int) -> None:
        self._inboxes: list[queue.Queue[Any]] = [queue.Queue() for _ in range(size)]
        self._threads = [
            threading.Thread(target=self._work, args=(inbox,), daemon=True)
            for inbox in self._inboxes
        ]
        for thread in self._threads:
            thread.start()

    @staticmethod
    def _work(inbox: queue.Queue[Any]) -> None:
        while (job := inbox.get()) is not None:
            task, index, outbox = job
            try:
                outbox.put((True, task(index)))
            except BaseException as exc:
                outbox.put((False, exc))

    def run(self, count: int, task: Callable[[int], Any]) -> list[Any]:
        """`task(i)` on workers 0..count-1 at once; their results in order."""
        outboxes: list[queue.Queue[Any]] = []
        for index in range(count):
            outbox: queue.Queue[Any] = queue.Queue()
            self._inboxes[index].put((task, index, outbox))
            outboxes.append(outbox)
        results = []
        failure: BaseException | None = None
        for outbox in outboxes:
            ok, value = outbox.get()
            if ok:
                results.append(value)
            elif failure is None:
                failure = value
        if failure is not None:
            raise failure
        return results

    def close(self) -> None:
        for inbox in self._inboxes:
            inbox.put(None)
        for thread in self._threads:
            thread.join()


def reads_per_second(
    crew: Crew, threads: int, seconds: float, read: Callable[[int], Any], leaf_ids: list[int]
) -> float:
    """Every thread reads leaves round-robin (each from its own start) until the time is up."""
    start = [0.0]
    barrier = threading.Barrier(threads, action=lambda: start.__setitem__(0, time.perf_counter()))

    def work(index: int) -> tuple[int, float]:
        offset = index * len(leaf_ids) // threads
        ids = leaf_ids[offset:] + leaf_ids[:offset]
        count = len(ids)
        done = 0
        barrier.wait()
        deadline = start[0] + seconds
        now = start[0]
        while now < deadline:
            read(ids[done % count])
            done += 1
            now = time.perf_counter()
        return done, now

    results = crew.run(threads, work)
    elapsed = max(end for _, end in results) - start[0]
    return sum(done for done, _ in results) / elapsed


# -- part 1: reads ------------------------------------------------------------------------


@dataclass
class ReadCase:
    """One (durability, threads) on one backend: both sides' runs."""

    durability: str
    threads: int
    unaudited: list[float] = field(default_factory=list)
    audited: list[float] = field(default_factory=list)
    batches: list[int] = field(default_factory=list)

    def figures(self, backend: str) -> dict[str, Any]:
        base = statistics.median(self.unaudited)
        real = statistics.median(self.audited)
        ratio = real / base
        return {
            "durability": self.durability,
            "threads": self.threads,
            "unaudited_reads_per_second": [round(r, 1) for r in self.unaudited],
            "audited_reads_per_second": [round(r, 1) for r in self.audited],
            "median_unaudited": round(base, 1),
            "median_audited": round(real, 1),
            "ratio": round(ratio, 3),
            "pair_ratios": [
                round(a / u, 3) for u, a in zip(self.unaudited, self.audited, strict=True)
            ],
            "commits": len(self.batches),
            "mean_batch": round(statistics.fmean(self.batches), 2) if self.batches else None,
            "max_batch": max(self.batches, default=None),
            "aim": READ_AIM if backend == "sqlite" else None,
            "aim_met": ratio >= READ_AIM if backend == "sqlite" else None,
        }


def measure_reads(
    name: str, fresh: Fresh, workdir: Path, text: Path, args: argparse.Namespace
) -> dict[str, Any]:
    cases: list[ReadCase] = []
    events = {}
    for durability in DURABILITIES:
        with fresh(f"reads-{durability}") as url:
            key = workdir / f"reads-{durability}-{secrets.token_hex(4)}.key"
            bench = build(url, key, text, durability)
            crew = Crew(max(args.threads))
            try:
                sides = {"unaudited": unaudited(bench), "audited": audited(bench)}
                first = bench.leaf_ids[0]
                plain, logged = sides["unaudited"](first), sides["audited"](first)
                if plain is None or plain.original != logged.original:
                    raise SystemExit(f"{name}: the two sides read different text for leaf {first}")
                counter = BatchSizes(bench.registry)
                for read in sides.values():  # untimed: opens every thread's connection
                    reads_per_second(crew, max(args.threads), args.warmup, read, bench.leaf_ids)
                counter.take()
                mine = [ReadCase(durability, threads) for threads in args.threads]
                for run in range(1, args.repeat + 1):
                    for case in mine:
                        gc.collect()
                        case.unaudited.append(
                            reads_per_second(
                                crew,
                                case.threads,
                                args.seconds,
                                sides["unaudited"],
                                bench.leaf_ids,
                            )
                        )
                        gc.collect()
                        counter.take()
                        case.audited.append(
                            reads_per_second(
                                crew, case.threads, args.seconds, sides["audited"], bench.leaf_ids
                            )
                        )
                        case.batches += counter.take()
                        print(
                            f"{name} {durability} {case.threads} thread(s) run {run}/{args.repeat}:"
                            f" unaudited {case.unaudited[-1]:.0f}/s,"
                            f" audited {case.audited[-1]:.0f}/s",
                            file=sys.stderr,
                            flush=True,
                        )
                cases += mine
                with bench.registry.store.read() as tx:
                    events[durability] = log.event_count(tx)
            finally:
                crew.close()
                bench.registry.close()
    return {
        "backend": name,
        "leaves": len(bench.leaf_ids),
        "events_logged": events,
        "cases": [case.figures(name) for case in cases],
    }


# -- part 2: verify -------------------------------------------------------------------------


def load_log(bench: Bench, count: int) -> None:
    """Append `count` leaf.read events, shaped as real reads record them, signing
    a checkpoint after each of LOAD_CHECKPOINTS equal parts."""
    registry, reader = bench.registry, bench.reader
    details: list[dict[str, Any]] = []
    with registry.store.read() as tx:
        policy = registry.policy(tx)
        who = policy.reader(reader)
        assert who is not None
        for leaf_id in bench.leaf_ids:
            decision = policy.check(reader, Action.LEAF_READ, leaf_id)
            found = leaves.by_id(tx, leaf_id)
            what = load_facts.leaf(tx, leaf_id)
            if not decision.allowed or found is None or what is None:
                raise SystemExit(f"{READER} may not read leaf {leaf_id}: {decision.reason}")
            short = not what.withdrawn and not what.compartments <= who.compartments
            grants = load_facts.grants(tx, who.id, leaf_id) if short else []
            details.append(
                {
                    "sha256": found.sha256,
                    "dossier": found.dossier_id,
                    "basis": decision.reason,
                    "grant": decision.grant_id,
                    "facts": facts_of(who, what, grants),
                }
            )
    written = 0
    for part in range(1, LOAD_CHECKPOINTS + 1):
        goal = count * part // LOAD_CHECKPOINTS
        while written < goal:
            upto = min(goal, written + LOAD_BATCH)
            with registry.store.write() as tx:
                for i in range(written, upto):
                    index = i % len(bench.leaf_ids)
                    registry._record(
                        tx,
                        reader,
                        "leaf.read",
                        target=f"leaf:{bench.leaf_ids[index]}",
                        detail=details[index],
                    )
            written = upto
        registry.checkpoint()


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def measure_verify(
    name: str, fresh: Fresh, workdir: Path, text: Path, args: argparse.Namespace
) -> dict[str, Any]:
    with fresh("verify") as url:
        key = workdir / f"verify-{secrets.token_hex(4)}.key"
        bench = build(url, key, text, "full", checkpoint_every=10**9)
        registry = bench.registry
        try:
            start = time.perf_counter()
            load_log(bench, args.events)
            loading = time.perf_counter() - start
            print(f"{name}: log loaded in {loading:.1f} s", file=sys.stderr, flush=True)
            signing = registry.signing_key()
            public, witness = signing.public, signing.read_witness()
            with registry.store.read() as tx:
                rows = list(log.rows(tx))
            entries = [log.entry(row) for row in rows]
            size = sum(len(entry) for entry in entries)

            def run_verify() -> Any:
                with registry.store.read() as tx:
                    return verify(tx, public, witness=witness)

            def fetch() -> int:
                with registry.store.read() as tx:
                    return sum(1 for _ in log.rows(tx))

            def encode() -> int:
                return len([log.entry(row) for row in rows])

            def tree() -> str:
                frontier = merkle.Frontier()
                for entry in entries:
                    frontier.append(merkle.leaf_hash(entry))
                return frontier.root().hex()

            def sha256() -> int:
                sha = hashlib.sha256
                for entry in entries:
                    sha(entry).digest()
                return len(entries)

            steps: dict[str, Callable[[], Any]] = {
                "verify": run_verify,
                "fetch_rows": fetch,
                "encode_entries": encode,
                "merkle_tree": tree,
                "sha256": sha256,
            }
            seconds: dict[str, list[float]] = {step: [] for step in steps}
            verdict = None
            for run in range(1, args.repeat + 1):
                for step, work in steps.items():
                    elapsed, result = timed(work)
                    seconds[step].append(elapsed)
                    if step == "verify":
                        verdict = result
                        if not verdict.ok:
                            raise SystemExit(f"{name}: verify failed: {verdict.problems[:3]}")
                print(
                    f"{name} verify run {run}/{args.repeat}: verify {seconds['verify'][-1]:.2f} s, "
                    f"sha256 {seconds['sha256'][-1]:.3f} s",
                    file=sys.stderr,
                    flush=True,
                )
        finally:
            registry.close()
    assert verdict is not None
    medians = {step: statistics.median(times) for step, times in seconds.items()}
    ratio = medians["verify"] / medians["sha256"]
    return {
        "backend": name,
        "events": verdict.events,
        "bytes": size,
        "megabytes": round(size / MB, 2),
        "checkpoints": verdict.checkpoints,
        "leaves_checked": verdict.leaves,
        "unsigned_events": verdict.unsigned,
        "load_seconds": round(loading, 2),
        "steps": {
            step: {
                "seconds": [round(s, 4) for s in seconds[step]],
                "median_seconds": round(medians[step], 4),
                "events_per_second": round(len(entries) / medians[step], 1),
                "megabytes_per_second": round(size / MB / medians[step], 2),
            }
            for step in steps
        },
        "ratio": round(ratio, 3),
        "pair_ratios": [
            round(v / s, 3) for v, s in zip(seconds["verify"], seconds["sha256"], strict=True)
        ],
        "aim": VERIFY_AIM,
        "aim_met": ratio <= VERIFY_AIM,
    }


# -- reporting ----------------------------------------------------------------------------------

_STEP_LABELS = {
    "verify": "audit verify (all of it)",
    "fetch_rows": "  fetch rows only",
    "encode_entries": "  encode entries only",
    "merkle_tree": "  Merkle tree only",
    "sha256": "raw SHA-256 per entry",
}


def reads_table(part: dict[str, Any]) -> list[str]:
    header = (
        f"{'backend':<11} {'durability':<10} {'threads':>7} {'unaudited/s':>11} "
        f"{'audited/s':>9} {'ratio':>6}  {'per run':<16} {'mean batch':>10}  aim >= {READ_AIM:g}"
    )
    lines = [
        f"Part 1: leaf reads per second, audited (Registry.read) against unaudited (the same "
        f"check and fetch, no record); {part['seconds']:g} s per run, {part['repeat']} "
        f"interleaved run(s) per side, medians",
        "",
        *heading(header),
    ]
    for name, result in part["backends"].items():
        if "skipped" in result:
            lines.append(f"{name}: skipped ({result['skipped']})")
            continue
        for case in result["cases"]:
            runs = " ".join(f"{p:.2f}" for p in case["pair_ratios"])
            batch = "-" if case["mean_batch"] is None else f"{case['mean_batch']:.1f}"
            aim = verdict(case["aim_met"])
            lines.append(
                f"{name:<11} {case['durability']:<10} {case['threads']:>7} "
                f"{case['median_unaudited']:>11.0f} {case['median_audited']:>9.0f} "
                f"{case['ratio']:>6.2f}  {runs:<16} {batch:>10}  {aim}"
            )
        logged = ", ".join(f"{d} {n}" for d, n in result["events_logged"].items())
        lines.append(
            f"{name:<11} {result['leaves']} leaves; events in the log at the end: {logged}"
        )
    lines.append(
        "mean batch: reads sharing one commit in the audited runs; ratio: audited/unaudited "
        "reads/s (the aim applies to SQLite)"
    )
    return lines


def verify_table(part: dict[str, Any]) -> list[str]:
    header = (
        f"{'backend':<11} {'what':<26} {'median s':>9} {'events/s':>10} {'MB/s':>8} {'x sha256':>8}"
    )
    lines = [
        f"Part 2: audit verify against raw SHA-256 over the same canonical entries; "
        f"{part['repeat']} interleaved run(s), medians",
        "",
        *heading(header),
    ]
    for name, result in part["backends"].items():
        if "skipped" in result:
            lines.append(f"{name}: skipped ({result['skipped']})")
            continue
        base = result["steps"]["sha256"]["median_seconds"]
        for step, label in _STEP_LABELS.items():
            row = result["steps"][step]
            lines.append(
                f"{name:<11} {label:<26} {row['median_seconds']:>9.3f} "
                f"{row['events_per_second']:>10.0f} {row['megabytes_per_second']:>8.1f} "
                f"{row['median_seconds'] / base:>7.1f}x"
            )
        lines.append(
            ratio_line(
                name,
                "verify/SHA-256 time",
                result["ratio"],
                result["pair_ratios"],
                f"<= {VERIFY_AIM:g}x",
                result["aim_met"],
            )
        )
        lines.append(
            f"{name:<11} {result['events']} events, {result['megabytes']:.1f} MB of entries, "
            f"{result['checkpoints']} checkpoints, {result['leaves_checked']} leaves checked, "
            f"{result['unsigned_events']} unsigned; log loaded in {result['load_seconds']:.1f} s"
        )
    return lines


def table(report: dict[str, Any]) -> str:
    lines = [
        f"looseleaf audit benchmark; {report['leaves']} leaves of about {PAGE_CHARS} characters; "
        f"work dir {report['workdir']}",
        f"{report['cpus']} CPUs; 1-minute load average {report['load_average']['start']:.2f} "
        f"at start, {report['load_average']['end']:.2f} at end",
    ]
    if "reads" in report:
        lines += ["", *reads_table(report["reads"])]
    if "verify" in report:
        lines += ["", *verify_table(report["verify"])]
    return "\n".join(lines)


def _thread_counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of thread counts: {text!r}") from None
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("thread counts must be positive")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument(
        "--part", choices=("both", "reads", "verify"), default="both", help="default both"
    )
    parser.add_argument("--leaves", type=int, default=300, help="leaves (default 300)")
    parser.add_argument(
        "--seconds", type=float, default=3.0, help="length of each read run (default 3)"
    )
    parser.add_argument(
        "--warmup", type=float, default=0.5, help="untimed reads per side first (default 0.5 s)"
    )
    parser.add_argument(
        "--threads",
        type=_thread_counts,
        default=[1, 8],
        help="reading threads, comma-separated (default 1,8)",
    )
    parser.add_argument(
        "--events", type=int, default=200_000, help="events in the verified log (default 200000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="interleaved runs per side (default 3)"
    )
    add_options(parser)
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.leaves < 1 or args.events < LOAD_CHECKPOINTS:
        parser.error("--repeat and --leaves must be positive, --events at least 5")
    if args.seconds <= 0 or args.warmup <= 0:
        parser.error("--seconds and --warmup must be positive")

    with tempfile.TemporaryDirectory(prefix="looseleaf-bench-") as tmp:
        workdir = Path(tmp)
        text = corpus(workdir / "pages.txt", args.leaves)
        backends: list[tuple[str, Fresh]] = []
        skipped: dict[str, str] = {}
        if args.backend in {"both", "sqlite"}:
            backends.append(("sqlite", lambda label: fresh_sqlite(workdir, label)))
        if args.backend in {"both", "postgresql"}:
            problem = postgres_problem(args.postgres)
            if problem is None:
                backends.append(("postgresql", lambda _label: fresh_schema(args.postgres)))
            else:
                skipped["postgresql"] = f"cannot use {describe(args.postgres)}: {problem}"
                print(f"postgresql: skipped ({skipped['postgresql']})", file=sys.stderr)
        report: dict[str, Any] = {
            "workdir": str(workdir),
            "leaves": args.leaves,
            "cpus": os.cpu_count(),
            "load_average": {"start": round(os.getloadavg()[0], 2)},
        }
        parts = {
            "reads": (measure_reads, {"seconds": args.seconds, "threads": args.threads}),
            "verify": (measure_verify, {"events": args.events}),
        }
        for part, (measure, extra) in parts.items():
            if args.part not in {"both", part}:
                continue
            results: dict[str, Any] = {
                name: measure(name, fresh, workdir, text, args) for name, fresh in backends
            }
            results.update({name: {"skipped": why} for name, why in skipped.items()})
            report[part] = {"repeat": args.repeat, **extra, "backends": results}
        report["load_average"]["end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(report, indent=2) if args.json else table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
