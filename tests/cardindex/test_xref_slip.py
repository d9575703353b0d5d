"""A slip raised from a cross-reference finds the target and the bearing
leaves through the card index: any form of the name, in any script."""

from __future__ import annotations

from pathlib import Path

from looseleaf.model import Actor
from looseleaf.registry import MarkingRequest, Registry
from tests.conftest import OPERATOR, write

TARGET = [
    "Orlov-Brandt arrived from Budapest and took rooms in the Josefstadt.",
    "He met the sailor Лупу twice at the harbour tavern.",
    "His correspondence with a publisher is summarised elsewhere.",
]


def test_xref_slip_uses_every_form_the_card_index_knows(registry: Registry, tmp_path: Path) -> None:
    [target] = registry.ingest(
        OPERATOR,
        [write(tmp_path / "target.txt", "\f".join(TARGET))],
        dossier="ORLOV-BRANDT, Kasimir",
        leaf_marking=MarkingRequest("TOP SECRET"),
        dossier_marking=MarkingRequest("SECRET"),
    )
    [seaman] = registry.ingest(
        OPERATOR,
        [write(tmp_path / "seaman.txt", "Grigore Lupu drank with Casimir Orloff-Brandt.\n")],
        dossier="LUPU, Grigore - seaman",
        leaf_marking=MarkingRequest("SECRET"),
        dossier_marking=MarkingRequest("SECRET"),
    )
    registry.person_add(
        OPERATOR,
        "Kasimir Orlov-Brandt",
        forms=[("surname_only", "Orlov-Brandt"), ("transliteration", "Casimir Orloff-Brandt")],
        marking=MarkingRequest("SECRET"),
        dossier=str(target.dossier_id),
    )
    registry.person_add(
        OPERATOR,
        "Grigore Lupu",
        forms=[("transliteration", "Лупу"), ("surname_only", "Lupu")],
        marking=MarkingRequest("SECRET"),
        dossier=str(seaman.dossier_id),
    )
    added = registry.add_reader(OPERATOR, "petrov", MarkingRequest("SECRET"))
    petrov = Actor.reader(added.id, "petrov")
    _, [report] = registry.dossier(OPERATOR, str(seaman.dossier_id))
    leaf_id = report.leaves[0].id
    [xref] = registry.xrefs(petrov, leaf_id)
    assert xref.text == "Casimir Orloff-Brandt"
    slip = registry.request_slip(petrov, "who is he", xref_leaf=(leaf_id, "Orloff-Brandt"))
    keeper = registry.add_reader(
        OPERATOR, "keeper", MarkingRequest("TOP SECRET"), roles=("custodian",)
    )
    shown = registry.slip(Actor.reader(keeper.id, "keeper"), slip.id)
    _, [target_report] = registry.dossier(OPERATOR, str(target.dossier_id))
    # Only the leaf naming the seaman (in Cyrillic) bears on the reference.
    assert shown.proposed == (target_report.leaves[1].id,)
