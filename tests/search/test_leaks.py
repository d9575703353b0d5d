"""Differential leak test for search (Hypothesis, both backends): for random
registries, readers and queries, what a reader's search returns (hits, total,
facets, pages) equals what the operator's search returns on a copy of the
registry holding only the leaves that reader may read."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from looseleaf.model import Actor, SearchResult
from looseleaf.policy import Action
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.store import grants
from tests.conftest import OPERATOR, FakeClock, fresh_registry_url

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
WORDS = ("vienna", "courier", "harbour", "grain", "letter", "budapest")
DOSSIERS = ("ALPHA", "BETA", "GAMMA")

leaves = st.lists(
    st.tuples(
        st.sampled_from(DOSSIERS),
        st.sampled_from(LEVELS),
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=8,
)
titles = st.fixed_dictionaries({d: st.sampled_from(LEVELS) for d in DOSSIERS})
# After ingest: leaves re-marked or withdrawn (the index must follow), and
# leaves granted to the reader (readable above their clearance's compartments).
changes = st.lists(
    st.tuples(st.integers(0, 7), st.sampled_from([*LEVELS, "withdraw", "grant"])),
    min_size=1,
    max_size=4,
)
queries = st.one_of(
    st.sampled_from(WORDS),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(lambda t: f"{t[0]} OR {t[1]}"),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(WORDS)).map(lambda t: f"{t[0]} -{t[1]}"),
    st.tuples(st.sampled_from(WORDS), st.sampled_from(LEVELS)).map(
        lambda t: f'{t[0]} level:"{t[1]}"'
    ),
)


def _ingest(
    registry: Registry,
    directory: Path,
    specs: list[tuple[int, str, str, list[str]]],
    title_levels: dict[str, str],
) -> dict[int, int]:
    """Leaf number -> leaf id; every leaf's text carries its own number."""
    ids = {}
    for number, dossier, level, words in specs:
        path = directory / f"leaf-{number}.txt"
        path.write_text(f"leaf{number} " + " ".join(words) + "\n")
        [result] = registry.ingest(
            OPERATOR,
            [path],
            dossier=dossier,
            leaf_marking=MarkingRequest(level),
            dossier_marking=MarkingRequest(title_levels[dossier]),
        )
        _, reports = registry.dossier(OPERATOR, dossier)
        ids[number] = reports[-1].leaves[0].id
        assert result.status == "ingested"
    return ids


def _seen(registry: Registry, result: SearchResult, visible: set[str]) -> tuple[object, ...]:
    numbers = sorted(
        registry.read(OPERATOR, hit.leaf_id).normalised.split()[0] for hit in result.hits
    )
    dossiers = sorted(
        (facet.label if facet.label in visible else "(title restricted)", facet.count)
        for facet in result.facets["dossier"]
    )
    levels = sorted((facet.label, facet.count) for facet in result.facets["level"])
    return numbers, result.total, dossiers, levels


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    leaf_spec=leaves,
    title_levels=titles,
    level=st.sampled_from(LEVELS),
    query=queries,
    change_spec=changes,
)
def test_a_reader_sees_what_a_registry_of_only_their_leaves_would_show(
    backend: str,
    tmp_path: Path,
    leaf_spec: list[tuple[str, str, list[str]]],
    title_levels: dict[str, str],
    level: str,
    query: str,
    change_spec: list[tuple[int, str]],
) -> None:
    specs = [(n, d, lv, w) for n, (d, lv, w) in enumerate(leaf_spec)]
    directory = Path(tempfile.mkdtemp(dir=tmp_path))
    with (
        fresh_registry_url(backend, directory) as url,
        Registry.init(Settings(registry=url), OPERATOR, clock=FakeClock()) as full,
    ):
        ids = _ingest(full, directory, specs, title_levels)
        added = full.add_reader(OPERATOR, "r", MarkingRequest(level))
        reader = Actor.reader(added.id, "r")
        final = {n: lv for n, _, lv, _ in specs}
        for index, change in change_spec:
            number = index % len(specs)
            if change == "withdraw":
                full.withdraw_leaf(OPERATOR, ids[number], "test")
            elif change == "grant":
                _grant(full, added.id, ids[number])
            else:
                full.mark(OPERATOR, MarkingRequest(change, ("K",)), "test", leaf_ids=[ids[number]])
                final[number] = change
        readable = [
            (n, d, final[n], w)
            for n, d, _, w in specs
            if full.check(reader, Action.LEAF_READ, ids[n]).allowed
        ]
        visible = {
            title for title, _ in ((d, None) for d in DOSSIERS)
            if any(s[1] == title for s in specs)
            and full.check(reader, Action.DOSSIER_SEE, _dossier_id(full, title)).allowed
        }  # fmt: skip
        got = _seen(full, full.search(reader, query, limit=200), visible)
        copy_dir = directory / "copy"
        copy_dir.mkdir()
        with (
            fresh_registry_url(backend, copy_dir) as copy_url,
            Registry.init(Settings(registry=copy_url), OPERATOR, clock=FakeClock()) as copy,
        ):
            _ingest(copy, copy_dir, readable, title_levels)
            expected = _seen(copy, copy.search(OPERATOR, query, limit=200), visible)
    assert got == expected


def _grant(registry: Registry, reader_id: int, leaf_id: int) -> None:
    with registry.store.write() as tx:
        grants.add(
            tx,
            reader_id=reader_id,
            leaf_ids=[leaf_id],
            slip_id=None,
            purpose="test",
            granted_by="test",
            now=registry.now(),
            expires_at=registry.later(30),
        )


def _dossier_id(registry: Registry, title: str) -> int:
    dossier, _ = registry.dossier(OPERATOR, title)
    return dossier.id
