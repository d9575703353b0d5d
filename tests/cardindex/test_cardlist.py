"""The card index A to Z (`person list`, /api/cards, the room's drawers):
only records the reader may know of, filed by surname, counted on what they
may read; and the names as users type them (a surname alone, a part of a
double surname, a case ending) find their record."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from looseleaf.errors import BadInput
from looseleaf.model import Actor
from looseleaf.registry import ClaimInput, MarkingRequest, Registry
from looseleaf.registry.cardlist import filed_as
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR, write
from tests.web.conftest import BASE_URL, As

# Invented for these tests.
OPEN_PAGE = "Halina Wróblewska-Dąb met the clerk Tomasz Ostrowiak at the ferry.\n"
SECRET_PAGE = "Halina Wróblewska-Dąb was watched again; Ostrowiak paid.\n"


@pytest.fixture
def clerk(registry: Registry, tmp_path: Path) -> Actor:
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "open.txt", OPEN_PAGE)],
        dossier="Ferry",
        leaf_marking=MarkingRequest("RESTRICTED"),
    )
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "secret.txt", SECRET_PAGE)],
        dossier="Watch",
        leaf_marking=MarkingRequest("SECRET"),
        dossier_marking=MarkingRequest("SECRET"),
    )
    registry.accept_all(OPERATOR)  # every proposal a record, marked by its leaves
    registry.person_add(OPERATOR, "Ministry of Ferries", kind="organisation")
    added = registry.add_reader(OPERATOR, "clerk", MarkingRequest("CONFIDENTIAL"))
    return Actor.reader(added.id, "clerk")


def test_cards_are_filed_by_surname_romanised_and_without_marks() -> None:
    assert filed_as("Halina Wróblewska-Dąb", "person")[0] == "W"
    assert filed_as("Żaneta Ługowska", "person")[0] == "L"
    assert filed_as("Лев Троцкий", "person")[0] == "T"
    assert filed_as("Ministry of Ferries", "organisation")[0] == "M"
    assert filed_as("1st Brigade", "organisation")[0] == "#"


def test_a_drawer_lists_what_the_reader_may_know_counted_on_what_they_may_read(
    registry: Registry, clerk: Actor
) -> None:
    every = {c.preferred: c for c in registry.person_list(OPERATOR)}
    assert {"Halina Wróblewska-Dąb", "Tomasz Ostrowiak", "Ministry of Ferries"} <= set(every)
    assert every["Halina Wróblewska-Dąb"].mentions == 2
    assert every["Halina Wróblewska-Dąb"].dossiers == 2
    seen = {c.preferred: c for c in registry.person_list(clerk)}
    # The record made from both pages is marked SECRET: the clerk cannot know of it.
    assert "Halina Wróblewska-Dąb" not in seen
    drawer = registry.person_list(OPERATOR, letter="o", kind="person")
    assert [c.preferred for c in drawer] == ["Tomasz Ostrowiak"]
    assert [c.preferred for c in registry.person_list(OPERATOR, kind="organisation")] == [
        "Ministry of Ferries"
    ]
    first, *rest = registry.person_list(OPERATOR)
    assert registry.person_list(OPERATOR, after=str(first.person_id)) == rest
    assert registry.person_list(OPERATOR, limit=1) == [first]
    with pytest.raises(BadInput, match="--letter"):
        registry.person_list(OPERATOR, letter="Or")
    with pytest.raises(BadInput, match="--after"):
        registry.person_list(OPERATOR, after="12")


def test_a_part_of_a_name_finds_the_record(registry: Registry, clerk: Actor) -> None:
    [record] = [c for c in registry.person_list(OPERATOR) if c.preferred.startswith("Halina")]
    for typed in ("Dąb", "Wroblewska", "Halina"):
        [hit, *_] = registry.person_search(OPERATOR, typed)
        assert hit.person_id == record.person_id, typed
    assert registry.person_search(clerk, "Dąb") == []  # not a record the clerk may know


def test_the_api_and_the_room_show_the_drawers(registry: Registry, clerk: Actor) -> None:
    with TestClient(create_app(registry), base_url=BASE_URL) as client:
        _, token, _ = registry.create_token(OPERATOR, "clerk", days=1, label="test")
        cards = As(client, token).get("/api/cards", params={"letter": "O"})
        assert cards.status_code == 200
        assert [c["preferred"] for c in cards.json()] == ["Tomasz Ostrowiak"]
        assert As(client, token).get("/api/cards", params={"letter": "W"}).json() == []
        refused = As(client, token).get("/api/cards", params={"letter": "?"})
        assert refused.status_code == 400
        assert "--letter" in refused.json()["error"]


def test_the_same_person_is_not_added_twice_unless_a_namesake(
    registry: Registry, clerk: Actor
) -> None:
    with pytest.raises(BadInput, match=r"already .*--namesake"):
        registry.person_add(OPERATOR, "Tomasz Ostrowiak")
    other = registry.person_add(OPERATOR, "Tomasz Ostrowiak", namesake=True)
    assert other.preferred == "Tomasz Ostrowiak"
    # A record the registrar may not know of is no reason to refuse: the
    # refusal would tell them it exists.
    added = registry.add_reader(
        OPERATOR, "junior", MarkingRequest("CONFIDENTIAL"), roles=("registrar",)
    )
    junior = Actor.reader(added.id, "junior")
    mine = registry.person_add(
        junior, "Halina Wróblewska-Dąb", marking=MarkingRequest("RESTRICTED")
    )
    assert mine.preferred == "Halina Wróblewska-Dąb"


def test_a_mention_by_a_cover_name_counts_only_for_a_decoder(
    registry: Registry, tmp_path: Path
) -> None:
    """A card counting "Kestrel" (a mention, a claim) under Tomasz Ostrowiak
    would tell a reader who may not decode cover names whom Kestrel is."""
    [report] = registry.ingest(
        OPERATOR,
        [write(tmp_path / "cover.txt", "Kestrel reported from the ferry twice.\n")],
        dossier="Ferry",
        leaf_marking=MarkingRequest("RESTRICTED"),
    )
    record = registry.person_add(
        OPERATOR,
        "Tomasz Ostrowiak",
        forms=[("cover_name", "Kestrel")],
        marking=MarkingRequest("RESTRICTED"),
    )
    _, reports = registry.dossier(OPERATOR, "Ferry")
    [leaf] = next(r for r in reports if r.id == report.report_id).leaves
    registry.claim_add(
        OPERATOR, ClaimInput(leaf.id, "Kestrel", "role", "reported", value="informer")
    )
    added = registry.add_reader(OPERATOR, "plain", MarkingRequest("CONFIDENTIAL"))
    plain = Actor.reader(added.id, "plain")
    decoder = registry.add_reader(
        OPERATOR, "decoder", MarkingRequest("CONFIDENTIAL"), roles=("decoder",)
    )
    counted = {
        who: next(
            (c.mentions, c.claims) for c in registry.person_list(actor) if c.person_id == record.id
        )
        for who, actor in (("plain", plain), ("decoder", Actor.reader(decoder.id, "decoder")))
    }
    assert counted == {"plain": (0, 0), "decoder": (1, 1)}
