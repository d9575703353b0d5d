"""A real registry with a real history: ingests, accounts, slips, grants,
reads, denials, re-markings, a withdrawal, a copy and notes."""

from __future__ import annotations

import contextlib
import random
from pathlib import Path

from looseleaf.errors import LooseleafError
from looseleaf.registry import MarkingRequest, Registry
from tests.conftest import OPERATOR, write


def make_history(registry: Registry, directory: Path, *, seed: int = 7, rounds: int = 3) -> None:
    rng = random.Random(seed)
    for n in range(rounds):
        pages = "\f".join(
            f"Round {n}, page {p}: Lupu and Orlov-Brandt, {rng.random()}." for p in range(4)
        )
        registry.ingest(
            OPERATOR,
            [write(directory / f"r{n}.txt", pages)],
            dossier=f"D{n % 2}",
            leaf_marking=MarkingRequest("SECRET", ("KI",)),
            dossier_marking=MarkingRequest("CONFIDENTIAL"),
        )
    registry.add_reader(OPERATOR, "petrov", MarkingRequest("TOP SECRET"), password="petrov-pass")
    registry.add_reader(
        OPERATOR, "keeper", MarkingRequest("TOP SECRET", ("KI",)), roles=["custodian"]
    )
    petrov = registry.as_reader("petrov", via=OPERATOR)
    keeper = registry.as_reader("keeper", via=OPERATOR)
    ids = [
        leaf.id for d in ("D0", "D1") for r in registry.dossier(OPERATOR, d)[1] for leaf in r.leaves
    ]
    for _ in range(rounds):
        wanted = rng.sample(ids, 3)
        slip = registry.request_slip(petrov, "research", leaf_ids=wanted)
        proposed = registry.slip(keeper, slip.id).proposed or ()
        registry.decide_slip(keeper, slip.id, approve=list(proposed[:2]))
        for leaf_id in rng.sample(ids, 5):
            with contextlib.suppress(LooseleafError):  # some are denied: that is history too
                registry.read(petrov, leaf_id)
    registry.login("petrov", "petrov-pass")
    registry.mark(
        OPERATOR,
        MarkingRequest("SECRET", clear_compartments=True),
        "declassified",
        leaf_ids=ids[:2],
    )
    registry.withdraw_leaf(OPERATOR, ids[-1], "duplicate page")
    registry.add_note(petrov, "note", [ids[0]])
    registry.issue_copy(keeper, "petrov", [ids[0]], "study")
