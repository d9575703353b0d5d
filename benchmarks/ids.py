"""What opaque ids cost, beside sequential ones measured in the same run.

Opaque ids (looseleaf/store/ids.py) replace SQLite's and PostgreSQL's own
counters with a keyed permutation: one UPDATE per block of ids and a six-round
Feistel network per id. This times, on a fresh SQLite registry, a transaction
that inserts N leaf-shaped rows two ways, interleaved run by run on this noisy
machine: (baseline) the engine's own INTEGER PRIMARY KEY, (opaque) ids taken
from `ids.allocate` and inserted explicitly with their arrival number. It
reports medians, the ratio, and the cost per id, which is what ingest pays on
top of everything else it does per leaf (a few hundred microseconds; see
benchmarks/ingest.py).

    python benchmarks/ids.py [--rows 50000] [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from looseleaf.model import Actor
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.store import ids

TEXT = "x" * 400


def _registry(directory: Path, n: int) -> Registry:
    registry = Registry.init(
        Settings(registry=str(directory / f"r{n}.db"), durability="crash"), Actor.operator("bench")
    )
    with registry.store.write() as tx:
        tx.execute("CREATE TABLE plain (id INTEGER PRIMARY KEY, arrival BIGINT, body TEXT)")
    return registry


def baseline(registry: Registry, rows: int) -> float:
    start = time.perf_counter()
    with registry.store.write() as tx:
        tx.executemany("INSERT INTO plain (body) VALUES (?)", [(TEXT,)] * rows)
    return time.perf_counter() - start


def opaque(registry: Registry, rows: int) -> float:
    start = time.perf_counter()
    with registry.store.write() as tx:
        numbers = ids.allocate(tx, "leaf", rows)
        tx.executemany(
            "INSERT INTO plain (id, arrival, body) VALUES (?, ?, ?)",
            [(leaf_id, arrival, TEXT) for arrival, leaf_id in numbers],
        )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    plain: list[float] = []
    keyed: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.repeat):
            for runs, run in ((plain, baseline), (keyed, opaque)):
                with _registry(Path(tmp), len(plain) * 2 + len(keyed) + n * 7) as registry:
                    runs.append(run(registry, args.rows))
    base, mine = statistics.median(plain), statistics.median(keyed)
    figures = {
        "rows": args.rows,
        "baseline_s": round(base, 4),
        "opaque_s": round(mine, 4),
        "ratio": round(mine / base, 2),
        "extra_us_per_id": round((mine - base) / args.rows * 1e6, 2),
        "pairs": [round(k / p, 2) for p, k in zip(plain, keyed, strict=True)],
    }
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{args.rows:,} rows, median of {args.repeat} interleaved runs (SQLite)")
    print(f"  sequential ids (baseline): {base:.3f} s")
    print(f"  opaque ids:                {mine:.3f} s  ({figures['ratio']}x)")
    print(f"  extra per id:              {figures['extra_us_per_id']} us")
    print(f"  ratio of each pair:        {figures['pairs']}")


if __name__ == "__main__":
    main()
