"""The same data gives the same search results on SQLite and PostgreSQL:
one syntax, two engines, no difference a reader could notice but the order
of equally good hits."""

from __future__ import annotations

from pathlib import Path

import pytest

from looseleaf.model import SearchResult
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, FakeClock, fresh_registry_url

QUERIES = [
    "trotsky",
    "Trotsky's",
    "mexico",
    '"ice axe"',
    '"leon trotsky"',
    "trots*",
    "yezhov OR ezhov",
    "yezhov -stalin",
    "(kirov OR zinoviev) leningrad",
    "dzerzhinsky",
    "1937",
    "nkvd OR ogpu",
    "Ежов",
    "poincare",
    "o'callaghan",
    "vyshinsky prosecutor",
    '"show trial"',
    "zborowski etienne",
]


def _located(
    registry: Registry, result: SearchResult, reports: dict[int, int]
) -> set[tuple[str, int, int]]:
    """Each hit as (dossier title, page, which report in ingest order): the two
    registries issue different opaque ids, so ids themselves cannot be compared."""
    located = set()
    for hit in result.hits:
        leaf = registry.leaf(OPERATOR, hit.leaf_id)
        located.add((hit.dossier_title or "", leaf.position, reports[leaf.report_id]))
    return located


@pytest.mark.postgres
@pytest.mark.seeds
def test_both_backends_find_the_same_leaves(seeds: Path, tmp_path: Path) -> None:
    from tests.conftest import postgres_base_url

    postgres_base_url()  # skip (or fail in CI) when PostgreSQL is absent
    files = sorted(seeds.glob("*.txt"))
    answers: list[dict[str, tuple[int, set[tuple[str, int, int]], object]]] = []
    for backend in ("sqlite", "postgresql"):
        with (
            fresh_registry_url(backend, tmp_path) as url,
            Registry.init(Settings(registry=url), OPERATOR, clock=FakeClock()) as registry,
        ):
            reports: dict[int, int] = {}  # report id -> its place in ingest order
            for number, path in enumerate(files):
                [result] = registry.ingest(OPERATOR, [path], dossier=f"SEED {number}")
                assert result.report_id is not None, result
                reports[result.report_id] = number
            found: dict[str, tuple[int, set[tuple[str, int, int]], object]] = {}
            for query in QUERIES:
                searched = registry.search(OPERATOR, query, limit=200)
                facets = {
                    name: sorted((f.label, f.count) for f in values)
                    for name, values in searched.facets.items()
                }
                found[query] = (searched.total, _located(registry, searched, reports), facets)
            answers.append(found)
    sqlite, postgres = answers
    assert sum(1 for query in QUERIES if sqlite[query][0]) >= len(QUERIES) - 3
    for query in QUERIES:
        assert sqlite[query] == postgres[query], query
