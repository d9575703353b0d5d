"""Build a registry from a plain description of leaves, readers and grants,
through the registry's own API (ingest, mark, withdraw, accounts) and the
store's own grant table. Shared by the YAML policy cases and the
property tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from looseleaf.clock import stamp
from looseleaf.model import Actor
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.store import grants
from tests.conftest import OPERATOR, FakeClock


@dataclass(frozen=True)
class LeafSpec:
    name: str
    level: str
    compartments: tuple[str, ...] = ()
    withdrawn: bool = False
    dossier: str = "Dossier"


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    level: str
    compartments: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    disabled: bool = False


@dataclass(frozen=True)
class GrantSpec:
    reader: str
    leaf: str
    expires_in_days: float
    ended: bool = False


@dataclass
class World:
    registry: Registry
    clock: FakeClock
    leaf_ids: dict[str, int] = field(default_factory=dict)
    reader_ids: dict[str, int] = field(default_factory=dict)

    def actor(self, reader: str) -> Actor:
        return Actor.reader(self.reader_ids[reader], reader)


def build(
    registry: Registry,
    clock: FakeClock,
    directory: Path,
    leaves: Sequence[LeafSpec],
    readers: Sequence[ReaderSpec],
    grant_specs: Sequence[GrantSpec] = (),
) -> World:
    world = World(registry, clock)
    by_dossier: dict[str, list[LeafSpec]] = {}
    for spec in leaves:
        by_dossier.setdefault(spec.dossier, []).append(spec)
    for number, (title, specs) in enumerate(by_dossier.items()):
        path = directory / f"d{number}-{len(specs)}.txt"
        path.write_text("\f".join(f"Leaf {spec.name} of {title}." for spec in specs))
        [result] = registry.ingest(
            OPERATOR, [path], dossier=title, dossier_marking=MarkingRequest("UNCLASSIFIED")
        )
        assert result.status == "ingested", result
        _, [report] = registry.dossier(OPERATOR, str(result.dossier_id))
        for spec, leaf in zip(specs, report.leaves, strict=True):
            world.leaf_ids[spec.name] = leaf.id
            registry.mark(
                OPERATOR, MarkingRequest(spec.level, spec.compartments), "setup", leaf_ids=[leaf.id]
            )
            if spec.withdrawn:
                registry.withdraw_leaf(OPERATOR, leaf.id, "setup")
    for reader in readers:
        added = registry.add_reader(
            OPERATOR,
            reader.name,
            MarkingRequest(reader.level, reader.compartments),
            roles=reader.roles,
        )
        world.reader_ids[reader.name] = added.id
        if reader.disabled:
            registry.disable_reader(OPERATOR, reader.name)
    with registry.store.write() as tx:
        for grant in grant_specs:
            before = {row[0] for row in tx.all("SELECT id FROM grants")}
            grants.add(
                tx,
                reader_id=world.reader_ids[grant.reader],
                leaf_ids=[world.leaf_ids[grant.leaf]],
                slip_id=None,
                purpose="setup",
                granted_by="test",
                now=registry.now(),
                expires_at=stamp(clock.now + timedelta(days=grant.expires_in_days)),
            )
            if grant.ended:  # grant ids are opaque: the new one is the one not there before
                [newest] = {row[0] for row in tx.all("SELECT id FROM grants")} - before
                tx.execute("UPDATE grants SET ended_at = ? WHERE id = ?", (registry.now(), newest))
    return world
