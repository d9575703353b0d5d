"""Search ranking on SQLite: the old bm25 ordering against scores from the leaf alone.

FTS5's bm25 scored a hit with whole-index statistics (how many leaves, their
mean length, how many hold each word), hidden leaves included; the store now
scores from the leaf and the query alone (looseleaf/search/rank.py): a query
of one phrase from bm25 at two weights, undone to the exact count; any other
query from the passages highlight() marks, which reads each match's text.

Both are timed here in one run, on one registry (benchmarks/search.py's
generated corpus, world and query kinds, at `--leaves`, default 5,000), for
the same queries, one right after the other in alternating order: the whole
store-level search (total, facets, the first page of 20 with snippets) for the
narrow reader, the broad reader and untrimmed. `old` is the store's search as
it was (bm25, ties by id), kept here as it was. The table gives the median of
each, the median of the per-query ratios new/old, and how many queries found
different totals (the new search reads the words in the leaf's text only;
the old one also matched a marking token such as "m12").

    python benchmarks/search_rank.py [--leaves 5000] [--queries 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from access import PER_DOSSIER, SEED, progress
from reporting import heading
from search import (
    BANDS,
    KINDS,
    LIMIT,
    Corpus,
    Prepared,
    Reader,
    TextWorld,
    pick_readers,
    prepare,
    queries,
    sqlite_registry,
)

from looseleaf.model import Levels
from looseleaf.policy.sql import Filter, cleared_markings, granted_leaves, readable_leaves
from looseleaf.registry import Registry
from looseleaf.store import Tx
from looseleaf.store import search as store

WAYS = ("narrow", "broad", "untrimmed")


def old_search(
    tx: Tx,
    match: str,
    *,
    readable: Filter | None,
    filters: Sequence[Filter],
    limit: int,
    offset: int,
    reader: tuple[int, str] | None = None,
) -> int:
    """The store's search before scores came from the leaf alone: bm25 over
    the whole index, equal scores by id. Returns the total."""
    parts: list[tuple[str, list[Filter]]] = []
    cleared: list[int] = []
    if reader is not None:
        markings = cleared_markings(reader[0])
        cleared = [int(r[0]) for r in tx.all(markings.sql, markings.params)]
    if reader is not None and 0 < len(cleared) <= store.TOKEN_MARKINGS:
        tokens = " OR ".join(f'"m{marking_id}"' for marking_id in cleared)
        granted = granted_leaves(*reader, leaf_id="leaf_search.rowid")
        parts.append((f"({match}) AND access : ({tokens})", []))
        parts.append((match, [granted]))
    else:
        parts.append((match, [readable] if readable is not None else []))
    seen: dict[int, tuple[int, int, int, float]] = {}
    for text, access in parts:
        clause = " AND ".join(
            f"({p})" for p in ["leaf_search MATCH ?", *(f.sql for f in access),
                               *(f.sql for f in filters)]
        )  # fmt: skip
        params: list[Any] = [text]
        for extra in [*access, *filters]:
            params.extend(extra.params)
        for r in tx.all(
            "SELECT l.id, l.dossier_id, m.level, -bm25(leaf_search, 1.0, 0.0) FROM leaf_search "
            "JOIN leaves l INDEXED BY leaves_access ON l.id = leaf_search.rowid"
            f"{store._JOINS} WHERE {clause}",
            params,
        ):
            seen.setdefault(int(r[0]), (int(r[0]), int(r[1]), int(r[2]), float(r[3])))
    matched = list(seen.values())
    _ = Counter(dossier for _, dossier, _, _ in matched), Counter(level for *_, level, _ in matched)
    page = sorted(matched, key=lambda r: (-r[3], r[0]))[offset : offset + limit]
    store._page(tx, match, [leaf_id for leaf_id, *_ in page])
    return len(matched)


def once(registry: Registry, item: Prepared, reader: Reader | None, old: bool) -> tuple[int, int]:
    """(nanoseconds, total) of one store-level search."""
    start = time.perf_counter_ns()
    with registry.store.read() as tx:
        readable = access = None
        if reader is not None:
            assert reader.actor.reader_id is not None
            readable = readable_leaves(reader.actor.reader_id, registry.now())
            access = (reader.actor.reader_id, registry.now())
        if old:
            total = old_search(tx, item.match, readable=readable, filters=item.filters,
                               limit=LIMIT, offset=0, reader=access)  # fmt: skip
        else:
            _, total, _ = store.search(tx, item.match, readable=readable, filters=item.filters,
                                       limit=LIMIT, offset=0, reader=access)  # fmt: skip
    return time.perf_counter_ns() - start, total


def measure(
    registry: Registry, items: list[Prepared], readers: dict[str, Reader], repeat: int
) -> dict[tuple[int, str], dict[str, list[int]]]:
    """Samples by (query, way) and 'old'/'new', the two in alternating order."""
    samples: dict[tuple[int, str], dict[str, list[int]]] = {}
    totals: dict[tuple[int, str], dict[str, int]] = {}
    for n, item in enumerate(items):
        for way in WAYS:
            reader = None if way == "untrimmed" else readers[way]
            got = samples.setdefault((n, way), {"old": [], "new": []})
            for r in range(repeat + 1):  # the first of each is a warm-up
                for old in (r % 2 == 0, r % 2 == 1):
                    ns, total = once(registry, item, reader, old)
                    if r:
                        got["old" if old else "new"].append(ns)
                    totals.setdefault((n, way), {})["old" if old else "new"] = total
        if (n + 1) % 20 == 0:
            progress(f"{n + 1}/{len(items)} queries")
    for key, pair in totals.items():
        samples[key]["differs"] = [int(pair["old"] != pair["new"])]
    return samples


def table(
    items: list[Prepared], samples: dict[tuple[int, str], dict[str, list[int]]], args: Any
) -> list[str]:
    def row(label: str, keys: list[tuple[int, str]]) -> str:
        old = [statistics.median(samples[k]["old"]) / 1e6 for k in keys]
        new = [statistics.median(samples[k]["new"]) / 1e6 for k in keys]
        ratios = [b / a for a, b in zip(old, new, strict=True)]
        differs = sum(samples[k]["differs"][0] for k in keys)
        return (
            f"{label:<26} {len(keys):>7} {statistics.median(old):>9.2f} "
            f"{statistics.median(new):>9.2f} {statistics.median(ratios):>8.2f} "
            f"{max(ratios):>8.2f} {differs:>8}"
        )

    lines = [
        f"search ranking, SQLite, {args.leaves:,} leaves of ~300 words (seed {args.seed}); "
        f"{len(items)} queries x {len(WAYS)} readers, median of {args.repeat} runs each, "
        "old and new alternating",
        f"1-min load average {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)",
        "",
        *heading(
            f"{'way / kind':<26} {'queries':>7} {'old ms':>9} {'new ms':>9} {'x median':>8} "
            f"{'x max':>8} {'totals!=':>8}"
        ),
    ]
    for way in WAYS:
        for kind in KINDS:
            keys = [(n, way) for n, item in enumerate(items) if item.spec.kind == kind]
            lines.append(row(f"{way} {kind}", keys))
        for band in BANDS:
            keys = [
                (n, way)
                for n, item in enumerate(items)
                if item.spec.kind == "term" and item.spec.band == band
            ]
            lines.append(row(f"{way} term, {band}", keys))
        lines.append(row(f"{way} all", [(n, way) for n in range(len(items))]))
    lines.append(row("everything", list(samples)))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--leaves", type=int, default=5_000, help="default %(default)s")
    parser.add_argument("--queries", type=int, default=20, help="of each kind (%(default)s)")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (%(default)s)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--cache-dir", type=Path, default=Path("/tmp/looseleaf-bench-rank"))
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    if args.leaves < 10 * PER_DOSSIER or args.leaves % PER_DOSSIER:
        parser.error(f"--leaves must be a multiple of {PER_DOSSIER}, at least {10 * PER_DOSSIER}")
    args.cache_dir.mkdir(parents=True, exist_ok=True)
    corpus = Corpus.of(args.seed)
    base = datetime.now(UTC).replace(microsecond=0)
    registry, _, _ = sqlite_registry(args, lambda: TextWorld(args.seed, Levels(), base, corpus))
    try:
        readers = pick_readers(registry, args.leaves)
        items = prepare(registry, queries(corpus, args), readers["narrow"].actor)
        samples = measure(registry, items, readers, args.repeat)
        print("\n".join(table(items, samples, args)))
    finally:
        registry.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
