"""Differential leak test for the evidence layer: on random registries, what
a reader gets from `claims`, `conflicts` and `timeline` equals the operator's
claims cut down to the leaves that reader may read, run through the same
pure conflict finder. A claim on a leaf they may not read leaves no trace:
not a side, not a group, not a note."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from looseleaf.evidence.conflicts import conflicts
from looseleaf.model import Actor
from looseleaf.policy import Action
from looseleaf.registry import ClaimInput, MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.store import claims as stored
from tests.conftest import OPERATOR, FakeClock, fresh_registry_url

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
DAYS = ("11 June 1937", "12 June 1937", "June 1937", "1938")
PLACES = ("Moscow", "Berlin")

leaves = st.lists(
    st.tuples(
        st.sampled_from(LEVELS),
        st.sampled_from(("executed", "located-at")),
        st.sampled_from(DAYS),
        st.sampled_from(PLACES),
    ),
    min_size=1,
    max_size=5,
)


def _build(registry: Registry, directory: Path, spec: list[tuple[str, str, str, str]]) -> None:
    for number, (level, prop, day, place) in enumerate(spec):
        path = directory / f"leaf-{number}.txt"
        path.write_text(f"Item {number}: the commander, in {place} on {day}.\n")
        registry.ingest(
            OPERATOR,
            [path],
            dossier="REPORTS",
            leaf_marking=MarkingRequest(level),
            dossier_marking=MarkingRequest("UNCLASSIFIED"),
        )
        _, reports = registry.dossier(OPERATOR, "REPORTS")
        leaf_id = reports[-1].leaves[0].id
        registry.claim_add(
            OPERATOR,
            ClaimInput(
                leaf_id,
                "Tukhachevsky",
                prop,
                quote=f"in {place}",
                date=day,
                place=place if prop == "located-at" else None,
            ),
        )
    claims = registry.claims(OPERATOR, status="asserted")
    if len(claims) > 1:
        registry.conflict_note(OPERATOR, [c.id for c in claims], "a note about all of them")


def _check(registry: Registry, actor: Actor) -> None:
    every = registry.claims(OPERATOR, status="asserted")
    seen = [c for c in every if registry.check(actor, Action.LEAF_READ, c.leaf_id).allowed]
    assert registry.claims(actor) == seen
    with registry.store.read() as tx:
        notes = stored.notes(tx)
    assert registry.conflicts(actor) == conflicts(seen, notes)
    assert registry.timeline(actor, subject="Tukhachevsky") == seen
    hidden = {c.leaf_id for c in every} - {c.leaf_id for c in seen}
    shown = [c.leaf_id for g in registry.conflicts(actor) for side in g.sides for c in side]
    assert not hidden & set(shown)
    if hidden:
        assert all(g.notes == () for g in registry.conflicts(actor))


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spec=leaves, levels=st.lists(st.sampled_from(LEVELS), min_size=1, max_size=3))
def test_evidence_shows_a_reader_nothing_beyond_their_leaves(
    backend: str, tmp_path: Path, spec: list[tuple[str, str, str, str]], levels: list[str]
) -> None:
    directory = tmp_path / f"w{abs(hash((tuple(spec), tuple(levels)))) % 10**8}"
    directory.mkdir(exist_ok=True)
    with (
        fresh_registry_url(backend, directory) as url,
        Registry.init(Settings(registry=url, ner="off"), OPERATOR, clock=FakeClock()) as registry,
    ):
        _build(registry, directory, spec)
        for number, level in enumerate(levels):
            added = registry.add_reader(OPERATOR, f"r{number}", MarkingRequest(level))
            _check(registry, Actor.reader(added.id, added.name))
