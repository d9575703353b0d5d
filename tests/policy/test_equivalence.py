"""For random registries: check(read) ⇔ the leaf is in the reader's SQL-filtered
list ⇔ the rule evaluated in plain Python on the generated description.

The generated description is the ground truth: it never passes through the
store, so a fault in loading facts, in the SQL filter or in the rule shows.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from looseleaf.clock import stamp
from looseleaf.model import DEFAULT_LEVELS, Levels
from looseleaf.policy import Action, sql
from looseleaf.policy.rule import GrantFacts, LeafFacts, ReaderFacts, may_read
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.store import leaves
from tests.conftest import OPERATOR, FakeClock, fresh_registry_url
from tests.policy.world import GrantSpec, LeafSpec, ReaderSpec, build

LEVELS = Levels()
COMPARTMENTS = st.frozensets(st.sampled_from(["A", "B", "C"]), max_size=3)


@st.composite
def worlds(draw: st.DrawFn) -> tuple[list[LeafSpec], list[ReaderSpec], list[GrantSpec]]:
    leaf_specs = [
        LeafSpec(
            name=f"l{i}",
            level=draw(st.sampled_from(DEFAULT_LEVELS)),
            compartments=tuple(sorted(draw(COMPARTMENTS))),
            withdrawn=draw(st.booleans()),
            dossier=f"D{draw(st.integers(0, 2))}",
        )
        for i in range(draw(st.integers(1, 10)))
    ]
    reader_specs = [
        ReaderSpec(
            name=f"r{i}",
            level=draw(st.sampled_from(DEFAULT_LEVELS)),
            compartments=tuple(sorted(draw(COMPARTMENTS))),
            disabled=draw(st.booleans()) if i else False,
        )
        for i in range(draw(st.integers(1, 4)))
    ]
    grant_specs = draw(
        st.lists(
            st.builds(
                GrantSpec,
                reader=st.sampled_from([r.name for r in reader_specs]),
                leaf=st.sampled_from([leaf.name for leaf in leaf_specs]),
                expires_in_days=st.sampled_from([-3.0, -0.5, 0.5, 3.0]),
                ended=st.booleans(),
            ),
            max_size=12,
        )
    )
    return leaf_specs, reader_specs, grant_specs


def _expected(
    reader: ReaderSpec, leaf: LeafSpec, grants: list[GrantSpec], clock: FakeClock, when: str
) -> bool:
    """The rule, on the generated description alone."""
    return may_read(
        ReaderFacts(
            0,
            reader.name,
            LEVELS.rank(reader.level),
            frozenset(reader.compartments),
            frozenset(),
            reader.disabled,
        ),
        LeafFacts(0, LEVELS.rank(leaf.level), frozenset(leaf.compartments), leaf.withdrawn),
        [
            GrantFacts(
                i, stamp(clock.now + timedelta(days=g.expires_in_days)), when if g.ended else None
            )
            for i, g in enumerate(grants)
            if g.reader == reader.name and g.leaf == leaf.name
        ],
        when,
        LEVELS,
    ).allowed


def _run(
    backend: str,
    directory: Path,
    world_spec: tuple[list[LeafSpec], list[ReaderSpec], list[GrantSpec]],
) -> None:
    leaf_specs, reader_specs, grant_specs = world_spec
    with fresh_registry_url(backend, directory) as url:
        clock = FakeClock()
        with Registry.init(Settings(registry=url), OPERATOR, clock=clock) as registry:
            world = build(registry, clock, directory, leaf_specs, reader_specs, grant_specs)
            now = registry.now()
            for reader in reader_specs:
                actor = world.actor(reader.name)
                with registry.store.read() as tx:
                    listed = set(
                        leaves.readable_ids(tx, sql.readable_leaves(actor.reader_id or 0, now))
                    )
                for leaf in leaf_specs:
                    leaf_id = world.leaf_ids[leaf.name]
                    checked = registry.check(actor, Action.LEAF_READ, leaf_id).allowed
                    expected = _expected(reader, leaf, grant_specs, clock, now)
                    assert checked == (leaf_id in listed), (reader, leaf)
                    assert checked == expected, (reader, leaf, grant_specs)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world_spec=worlds())
def test_check_list_and_rule_agree(
    backend: str,
    tmp_path: Path,
    world_spec: tuple[list[LeafSpec], list[ReaderSpec], list[GrantSpec]],
) -> None:
    _run(backend, tmp_path, world_spec)
