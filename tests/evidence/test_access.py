"""Claims follow the access rule of the leaves they cite: a conflict whose
sides sit on leaves of different markings is a conflict only for a reader
who may read both; to a reader who may read one, that side is an ordinary
claim with no hint that another exists."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.model import Actor
from looseleaf.registry import ClaimInput, MarkingRequest, Registry
from tests.conftest import OPERATOR, write

OPEN = "The commander was shot on 11 June 1937 after a closed trial."
SEALED = "According to the file the commander was shot on 12 June 1937, at night."
#: Stands in a parameter for the open file's leaf, whose id is opaque until ingest.
OPEN_LEAF = 0


@pytest.fixture
def sides(registry: Registry, tmp_path: Path) -> dict[str, int]:
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "open.txt", OPEN)],
        dossier="Open file",
        leaf_marking=MarkingRequest("RESTRICTED"),
    )
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "sealed.txt", SEALED)],
        dossier="Sealed file",
        leaf_marking=MarkingRequest("SECRET", ("ARCHIVE",)),
        dossier_marking=MarkingRequest("RESTRICTED"),
    )
    ids = {}
    for title in ("Open file", "Sealed file"):
        _, reports = registry.dossier(OPERATOR, title)
        ids[title] = reports[0].leaves[0].id
    for name, level, compartments in (
        ("low", "RESTRICTED", ()),
        ("high", "TOP SECRET", ("ARCHIVE",)),
    ):
        registry.add_reader(OPERATOR, name, MarkingRequest(level, compartments))
    registry.add_reader(
        OPERATOR, "clerk", MarkingRequest("TOP SECRET", ("ARCHIVE",)), roles=["registrar"]
    )
    for title, date in (("Open file", "11 June 1937"), ("Sealed file", "12 June 1937")):
        registry.claim_add(
            OPERATOR,
            ClaimInput(ids[title], "Tukhachevsky", "executed", quote="shot", date=date),
        )
    return ids


def _as(registry: Registry, name: str) -> Actor:
    return registry.as_reader(name, via=OPERATOR)


def _dump(value: object) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def test_a_reader_of_both_sides_sees_the_conflict(
    registry: Registry, sides: dict[str, int]
) -> None:
    [conflict] = registry.conflicts(_as(registry, "high"))
    assert conflict.property == "executed"
    assert [[c.date for c in side] for side in conflict.sides] == [["1937-06-11"], ["1937-06-12"]]
    assert {c.leaf_id for side in conflict.sides for c in side} == set(sides.values())


def test_a_reader_of_one_side_sees_that_side_alone(
    registry: Registry, sides: dict[str, int]
) -> None:
    low = _as(registry, "low")
    assert registry.conflicts(low) == []
    assert registry.conflicts(low, subject="Tukhachevsky") == []
    [claim] = registry.claims(low)
    assert claim.leaf_id == sides["Open file"]
    [only] = registry.timeline(low, subject="Tukhachevsky")
    assert only.date == "1937-06-11"
    # No trace of the sealed side in anything the reader is given.
    shown = _dump(
        [
            [c.as_json() for c in registry.claims(low)],
            [c.as_json() for c in registry.timeline(low, subject="Tukhachevsky")],
            [c.as_json() for c in registry.conflicts(low)],
        ]
    )
    assert "12 June" not in shown
    assert "1937-06-12" not in shown
    assert str(sides["Sealed file"]) not in {str(c.leaf_id) for c in registry.claims(low)}


def test_a_registrars_note_is_shown_only_beside_all_its_claims(
    registry: Registry, sides: dict[str, int]
) -> None:
    clerk = _as(registry, "clerk")
    ids = [c.id for c in registry.claims(OPERATOR)]
    # A registrar not read into ARCHIVE acts on no claim of the sealed file:
    # to them it is "not found", as a claim that never existed.
    registry.add_reader(OPERATOR, "outsider", MarkingRequest("TOP SECRET"), roles=["registrar"])
    sealed = next(c.id for c in registry.claims(OPERATOR) if c.leaf_id == sides["Sealed file"])
    with pytest.raises(NotFound, match=f"claim {sealed}: not found"):
        registry.conflict_note(_as(registry, "outsider"), ids, "a note")
    with pytest.raises(NotFound, match=f"claim {sealed}: not found"):
        registry.claim_status(_as(registry, "outsider"), sealed, "disputed")
    registry.conflict_note(clerk, ids, "the file gives the day of the sentence, not the shooting")
    [conflict] = registry.conflicts(_as(registry, "high"))
    assert conflict.notes == ("the file gives the day of the sentence, not the shooting",)
    assert "sentence" not in _dump([c.as_json() for c in registry.conflicts(_as(registry, "low"))])


def test_claims_on_unreadable_leaves_cannot_be_made(
    registry: Registry, sides: dict[str, int]
) -> None:
    low = _as(registry, "low")
    with pytest.raises(NotFound, match=f"leaf {sides['Sealed file']}: not found"):
        registry.claim_add(low, ClaimInput(sides["Sealed file"], "Tukhachevsky", "executed"))
    with pytest.raises(NotFound, match="leaf 999999: not found"):
        registry.claim_add(low, ClaimInput(999999, "Tukhachevsky", "executed"))
    made = registry.claim_add(
        low, ClaimInput(sides["Open file"], "Tukhachevsky", "tried", quote="closed trial")
    )
    assert made.quote == "closed trial"
    assert made.made_by == "reader:low via operator:tester"


def test_only_registrars_decide(registry: Registry, sides: dict[str, int]) -> None:
    [first] = [c.id for c in registry.claims(OPERATOR) if c.leaf_id == sides["Open file"]]
    with pytest.raises(Forbidden):
        registry.claim_decide(_as(registry, "high"), None, accept=True)
    with pytest.raises(Forbidden):
        registry.claim_status(_as(registry, "high"), first, "disputed")
    claim = registry.claim_status(_as(registry, "clerk"), first, "disputed")
    assert claim.id == first
    assert claim.status == "disputed"


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (ClaimInput(OPEN_LEAF, "X", "dyed"), "property 'dyed': unknown property"),
        (ClaimInput(OPEN_LEAF, " ", "died"), "--subject: a claim is about someone"),
        (ClaimInput(OPEN_LEAF, "X", "died", date="sometime"), "--date 'sometime': give one date"),
        (ClaimInput(OPEN_LEAF, "X", "died", date="1937-02-30"), "--date '1937-02-30': not a date"),
        (ClaimInput(OPEN_LEAF, "X", "died", quote="not on the leaf"), "--quote 'not on the leaf'"),
        (ClaimInput(OPEN_LEAF, "X", "died", credibility=7), "--credibility 7"),
    ],
)
def test_bad_claims_are_refused_with_one_line(
    registry: Registry, sides: dict[str, int], given: ClaimInput, message: str
) -> None:
    assert given.leaf_id == OPEN_LEAF
    given = replace(given, leaf_id=sides["Open file"])
    before = len(registry.claims(OPERATOR))
    with pytest.raises(BadInput, match=message) as caught:
        registry.claim_add(OPERATOR, given)
    assert "\n" not in str(caught.value)
    assert len(registry.claims(OPERATOR)) == before


def test_a_registrar_sees_a_conflict_among_suggestions_and_a_reader_once_accepted(
    registry: Registry, tmp_path: Path
) -> None:
    """Suggested claims count for whoever decides them, marked as such; a
    reader, even one cleared for both sides, sees the conflict only once its
    claims are accepted."""
    for name, text in (
        ("a.txt", "Ivan Sorokin was arrested on 14 November 1937 at his flat."),
        ("b.txt", "Ivan Sorokin was arrested on 17 November 1937, the indictment says."),
    ):
        registry.ingest(OPERATOR, [write(tmp_path / name, text)], dossier="Sorokin case")
    registry.add_reader(OPERATOR, "reader", MarkingRequest("TOP SECRET"))
    registry.add_reader(OPERATOR, "clerk", MarkingRequest("TOP SECRET"), roles=["registrar"])
    clerk, reader = _as(registry, "clerk"), _as(registry, "reader")
    [seen] = registry.conflicts(clerk)
    assert (seen.property, seen.kind, seen.suggested) == ("arrested", "date", True)
    assert [[c.date for c in side] for side in seen.sides] == [["1937-11-14"], ["1937-11-17"]]
    assert registry.conflicts(reader) == []
    registry.claim_decide(clerk, None, accept=True)
    [accepted] = registry.conflicts(reader)
    assert (accepted.property, accepted.suggested) == ("arrested", False)
    assert registry.conflicts(clerk)[0].suggested is False
