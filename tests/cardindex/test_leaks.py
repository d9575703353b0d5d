"""Differential leak test for the card index: on random registries, what a
reader gets from `xrefs` and `person_search` equals the operator's answer cut
down to what that reader may know (readable leaves, visible dossier titles,
visible records, no cover names without the decode permission). Nothing
else may show through: not a dossier, not a record, not a count."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from looseleaf.errors import NotFound
from looseleaf.model import Actor
from looseleaf.policy import Action
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, FakeClock, fresh_registry_url

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
PEOPLE = (
    ("Kasimir Orlov", "Orlov", "surname_only"),
    ("Anton Brecht", "Falke", "cover_name"),
    ("Ilse Weber", "Weberin", "alias"),
    ("Pavlo Koval", "Kovalenko", "spelling"),
)

people = st.lists(
    st.tuples(
        st.sampled_from(range(len(PEOPLE))),
        st.sampled_from(LEVELS),  # the record's marking
        st.one_of(st.none(), st.sampled_from(LEVELS)),  # its dossier's title marking, if any
    ),
    min_size=1,
    max_size=4,
    unique_by=lambda p: p[0],
)
leaves = st.lists(
    st.tuples(st.sampled_from(LEVELS), st.sets(st.sampled_from(range(len(PEOPLE))), max_size=3)),
    min_size=1,
    max_size=5,
)
readers = st.lists(
    st.tuples(st.sampled_from(LEVELS), st.booleans()), min_size=1, max_size=3
)  # (level, may decode)


def _build(
    registry: Registry,
    directory: Path,
    people_spec: list[tuple[int, str, str | None]],
    leaf_spec: list[tuple[str, set[int]]],
) -> list[int]:
    for number, (person, level, dossier_level) in enumerate(people_spec):
        name, other, form_type = PEOPLE[person]
        dossier = None
        if dossier_level is not None:
            path = directory / f"dossier-{number}.txt"
            path.write_text(f"The file on {name}.\n")
            [result] = registry.ingest(
                OPERATOR,
                [path],
                dossier=f"{name.split()[-1].upper()}, {name.split()[0]}",
                leaf_marking=MarkingRequest("TOP SECRET"),
                dossier_marking=MarkingRequest(dossier_level),
            )
            dossier = str(result.dossier_id)
        registry.person_add(
            OPERATOR,
            name,
            forms=[(form_type, other)],
            marking=MarkingRequest(level),
            dossier=dossier,
        )
    ids = []
    for number, (level, named) in enumerate(leaf_spec):
        path = directory / f"leaf-{number}.txt"
        words = [f"{PEOPLE[p][0]} met {PEOPLE[p][1]}." for p in sorted(named)] or ["Nobody."]
        path.write_text(" ".join(words) + "\n")
        [result] = registry.ingest(
            OPERATOR, [path], dossier="REPORTS", leaf_marking=MarkingRequest(level),
            dossier_marking=MarkingRequest("UNCLASSIFIED"),
        )  # fmt: skip
        _, reports = registry.dossier(OPERATOR, "REPORTS")
        ids.append(reports[-1].leaves[0].id)
    return ids


def _check_reader(registry: Registry, actor: Actor, leaf_ids: list[int]) -> None:
    decode = registry.check(actor, Action.PERSON_DECODE).allowed
    for leaf_id in leaf_ids:
        if not registry.check(actor, Action.LEAF_READ, leaf_id).allowed:
            with pytest.raises(NotFound):
                registry.xrefs(actor, leaf_id)
            continue
        expected = []
        for xref in registry.xrefs(OPERATOR, leaf_id):
            if not registry.check(actor, Action.DOSSIER_SEE, xref.dossier_id).allowed:
                continue
            if not decode and xref.text in {p[1] for p in PEOPLE if p[2] == "cover_name"}:
                continue
            # A name leads to a dossier only through a record the reader may
            # see: the link is what the record says.
            assert xref.person_id is not None
            if registry.check(actor, Action.PERSON_SEE, xref.person_id).allowed:
                expected.append(xref)
        assert registry.xrefs(actor, leaf_id) == expected
    for name, other, form_type in PEOPLE:
        for query in (name, other):
            full = registry.person_search(OPERATOR, query)
            hidden = form_type == "cover_name" and not decode
            expected_ids = [
                hit.person_id
                for hit in full
                if registry.check(actor, Action.PERSON_SEE, hit.person_id).allowed
                and not (hidden and query == other and hit.form == other)
            ]
            got = registry.person_search(actor, query)
            assert [hit.person_id for hit in got] == expected_ids, (query, got, full)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(people_spec=people, leaf_spec=leaves, reader_spec=readers)
def test_card_index_shows_a_reader_nothing_beyond_their_access(
    backend: str,
    tmp_path: Path,
    people_spec: list[tuple[int, str, str | None]],
    leaf_spec: list[tuple[str, set[int]]],
    reader_spec: list[tuple[str, bool]],
) -> None:
    directory = tmp_path / f"w{abs(hash((tuple(people_spec), len(leaf_spec)))) % 10**8}"
    directory.mkdir(exist_ok=True)
    with (
        fresh_registry_url(backend, directory) as url,
        Registry.init(Settings(registry=url), OPERATOR, clock=FakeClock()) as registry,
    ):
        leaf_ids = _build(registry, directory, people_spec, leaf_spec)
        for number, (level, decoder) in enumerate(reader_spec):
            added = registry.add_reader(
                OPERATOR,
                f"r{number}",
                MarkingRequest(level),
                roles=("decoder",) if decoder else (),
            )
            _check_reader(registry, Actor.reader(added.id, added.name), leaf_ids)
