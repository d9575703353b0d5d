"""Authorization cases as data (tests/policy_cases/*.yaml), on both backends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from looseleaf.policy import Action, sql
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.store import leaves
from tests.conftest import OPERATOR, REPO, FakeClock
from tests.policy.world import GrantSpec, LeafSpec, ReaderSpec, build

CASES = sorted((REPO / "tests" / "policy_cases").glob("*.yaml"))


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_policy_cases(path: Path, registry_url: str, tmp_path: Path) -> None:
    spec = _load(path)
    clock = FakeClock()
    with Registry.init(Settings(registry=registry_url), OPERATOR, clock=clock) as registry:
        world = build(
            registry,
            clock,
            tmp_path,
            [
                LeafSpec(**{**leaf, "compartments": tuple(leaf.get("compartments", ()))})
                for leaf in spec["leaves"]
            ],
            [
                ReaderSpec(**{**r, "compartments": tuple(r.get("compartments", ()))})
                for r in spec["readers"]
            ],
            [GrantSpec(**grant) for grant in spec.get("grants", ())],
        )
        start = clock.now
        for case in spec["cases"]:
            clock.now = start
            clock.advance(days=case.get("after_days", 0))
            actor = world.actor(case["reader"])
            leaf_id = world.leaf_ids[case["leaf"]]
            decision = registry.check(actor, Action.LEAF_READ, leaf_id)
            label = f"{path.stem}: {case}"
            assert decision.allowed is case["allowed"], f"{label}: {decision.reason}"
            assert case["reason"] in decision.reason, f"{label}: {decision.reason}"
            with registry.store.read() as tx:
                listed = leaves.readable_ids(
                    tx, sql.readable_leaves(actor.reader_id or 0, registry.now())
                )
            assert (leaf_id in listed) is case["allowed"], f"{label}: list disagrees with check"
