"""A record's part in the files and its dates, each with its source: what the
redaction of readers' copies will read (issue 15, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from looseleaf.errors import BadInput
from looseleaf.registry import MarkingRequest, Registry
from tests.conftest import OPERATOR, write

# Invented for this test.
BIRTH = "Anna Zielke was born on 3 April 1901 in Lodz. She worked at the mill.\n"


def test_a_category_is_entered_and_changed_as_a_recorded_decision(registry: Registry) -> None:
    made = registry.person_add(OPERATOR, "Jerzy Malek", category="informer")
    assert made.category == "informer"
    changed = registry.person_set(OPERATOR, made.id, category="Staff", died="1977")
    assert (changed.category, changed.died) == ("staff", "1977")
    assert changed.died_source == f"entered by {OPERATOR}"
    [event] = [e for e in registry.event_log(OPERATOR) if e.action == "person.update"]
    assert event.detail["category"] == ["informer", "staff"]
    with pytest.raises(BadInput, match="unknown category"):
        registry.person_set(OPERATOR, made.id, category="villain")
    with pytest.raises(BadInput, match="is no date"):
        registry.person_set(OPERATOR, made.id, born="soon")
    with pytest.raises(BadInput, match="give --category"):
        registry.person_set(OPERATOR, made.id)


def test_an_accepted_claim_dates_the_record_and_is_named_as_the_source(
    registry: Registry, tmp_path: Path
) -> None:
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "birth.txt", BIRTH)],
        dossier="Mill",
        leaf_marking=MarkingRequest("RESTRICTED"),
    )
    [record] = registry.accept_all(OPERATOR)  # the proposal "Anna Zielke" becomes a record
    assert record.person_id is not None
    born = [c for c in registry.claims(OPERATOR) if c.property == "born"]
    assert born
    assert born[0].subject_id == record.person_id  # the claim meets its record
    registry.claim_decide(OPERATOR, [born[0].id], accept=True)
    dated = registry.person(OPERATOR, record.person_id)
    assert dated.born == born[0].date
    assert dated.born_source == f"claim {born[0].id}"
    # An entered date is the registrar's, and no claim overwrites it.
    registry.person_set(OPERATOR, record.person_id, born="1902")
    assert registry.person(OPERATOR, record.person_id).born == "1902"
