"""The labelled sets in tests/data stay true to the seeds they were built from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO

pytestmark = pytest.mark.seeds


def _persons() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(
        (REPO / "tests" / "data" / "persons.yaml").read_text(encoding="utf-8")
    )
    return data


def test_persons_set_is_large_enough_and_well_formed() -> None:
    data = _persons()
    people = [p for p in data["persons"] if p["kind"] == "person"]
    assert len(people) >= 100
    assert len(data["pairs"]) >= 60
    assert {p["merge"] for p in data["pairs"]} == {True, False}
    ids = [p["id"] for p in data["persons"]]
    assert len(ids) == len(set(ids))


def test_every_form_said_to_be_in_a_seed_is_there(seeds: Path) -> None:
    texts = {path.name[:3]: path.read_text(encoding="utf-8") for path in seeds.glob("*.txt")}
    wrong = [
        (entry["id"], form["form"], seed)
        for entry in _persons()["persons"]
        for form in entry["forms"]
        for seed in form.get("seeds", [])
        if form["form"] not in texts[seed]
    ]
    assert wrong == []


def test_pairs_name_known_forms_and_agree_with_the_records() -> None:
    data = _persons()
    owner = {form["form"]: entry["id"] for entry in data["persons"] for form in entry["forms"]}
    for pair in data["pairs"]:
        if pair["a"] in owner and pair["b"] in owner:
            assert (owner[pair["a"]] == owner[pair["b"]]) is pair["merge"], pair
