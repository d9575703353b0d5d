"""A cover name is never decoded for someone who may not decode it (issue 13,
observation 6): not by a claim's subject, not by a conflict that groups the
cover name with the real name, not by a timeline or a subject filter, not by
the leaf page's name links, a search or a person search.

The world (invented, not from the seeds): the card index knows Anton
Ravelsky, with the cover name "Lucien". One leaf of the committee's minutes
speaks of Lucien only, another of Ravelsky by name. A decoder and the
extractor have linked the Lucien claims to Ravelsky's record. Decoders (the
decoder and the registrar, who holds the decoding power too) who may know
the record see that link; everyone else sees Lucien as the leaf writes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from looseleaf.errors import BadInput, NotFound
from looseleaf.model import Actor, Claim
from looseleaf.policy import Action
from looseleaf.registry import ClaimInput, MarkingRequest, Registry
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR, write
from tests.web.conftest import BASE_URL, As

REAL = "Anton Ravelsky"
COVER = "Lucien"
TARGET_TITLE = "RAVELSKY, Anton"
COVER_LEAF = (
    "Lucien reported to the committee in Lyon on 3 May 1936. He asked for money for the "
    "printing press. According to the minutes, Lucien died in Paris in 1960.\n"
)
PLAIN_LEAF = (
    "Anton Ravelsky was seen in Geneva on 3 May 1936. The consulate recorded that "
    "Ravelsky died in 1962.\n"
)
TARGET_LEAF = "The engineer's papers from Odessa, with a list of his visitors in 1931.\n"

#: Everyone who may not decode the cover name: plain readers and staff without
#: the decoding power, and a decoder not cleared for the record.
BLIND = ("reader", "keeper", "auditor", "admin", "outsider")
#: Who may: the decoder and the registrar (PERSON_DECODE is theirs), cleared for the record.
SIGHTED = ("decoder", "clerk")


@dataclass(frozen=True)
class World:
    registry: Registry
    person_id: int
    target_dossier: int
    cover_leaf: int
    plain_leaf: int

    def actor(self, name: str) -> Actor:
        return self.registry.as_reader(name, via=OPERATOR)


def build(registry: Registry, directory: Path) -> World:
    """The registry above. The record and the target dossier's title are
    CONFIDENTIAL, the minutes RESTRICTED, the target dossier's leaves SECRET."""
    [target] = registry.ingest(
        OPERATOR,
        [write(directory / "target.txt", TARGET_LEAF)],
        dossier=TARGET_TITLE,
        leaf_marking=MarkingRequest("SECRET"),
        dossier_marking=MarkingRequest("CONFIDENTIAL"),
    )
    assert target.dossier_id is not None
    person = registry.person_add(
        OPERATOR,
        REAL,
        forms=[("cover_name", COVER)],
        marking=MarkingRequest("CONFIDENTIAL"),
        dossier=TARGET_TITLE,
    )
    leaf_ids = []
    for name, text in (("cover.txt", COVER_LEAF), ("plain.txt", PLAIN_LEAF)):
        [report] = registry.ingest(
            OPERATOR,
            [write(directory / name, text)],
            dossier="COMMITTEE MINUTES",
            leaf_marking=MarkingRequest("RESTRICTED"),
            dossier_marking=MarkingRequest("RESTRICTED"),
        )
        _, reports = registry.dossier(OPERATOR, "COMMITTEE MINUTES")
        [leaf] = next(r for r in reports if r.id == report.report_id).leaves
        leaf_ids.append(leaf.id)
    cover_leaf, plain_leaf = leaf_ids
    confidential = MarkingRequest("CONFIDENTIAL")
    for name, roles in (
        ("reader", ()),
        ("keeper", ("custodian",)),
        ("auditor", ("auditor",)),
        ("admin", ("admin",)),
        ("decoder", ("decoder",)),
        ("clerk", ("registrar",)),
    ):
        registry.add_reader(OPERATOR, name, confidential, roles=roles)
    registry.add_reader(OPERATOR, "outsider", MarkingRequest("RESTRICTED"), roles=("decoder",))
    world = World(registry, person.id, target.dossier_id, cover_leaf, plain_leaf)
    # The extractor's suggestions ("Lucien died in 1960", "Ravelsky died in
    # 1962"), accepted by the registrar as they come.
    clerk = world.actor("clerk")
    assert registry.claim_decide(clerk, None, accept=True)
    decoder = world.actor("decoder")
    for given in (
        ClaimInput(
            cover_leaf,
            COVER,
            "located-at",
            quote="Lucien reported to the committee in Lyon",
            date="May 1936",
            place="Lyon",
        ),
        # Words that call him only Lucien: a decoder's claim says "Lucien" too.
        ClaimInput(
            cover_leaf, COVER, "other", quote="He asked for money", value="money", date="1936-05"
        ),
        ClaimInput(
            plain_leaf,
            REAL,
            "located-at",
            quote="seen in Geneva",
            date="May 1936",
            place="Geneva",
        ),
        ClaimInput(plain_leaf, REAL, "died", quote="Ravelsky died in 1962", date="1962"),
    ):
        registry.claim_add(decoder, given)
    return world


@pytest.fixture
def world(registry: Registry, tmp_path: Path) -> World:
    return build(registry, tmp_path)


def _dump(value: Any) -> str:
    return json.dumps(value, default=str, sort_keys=True)


def _on(claims: list[Claim], leaf_id: int) -> list[Claim]:
    return [c for c in claims if c.leaf_id == leaf_id]


def test_the_world_is_as_described(world: World) -> None:
    every = world.registry.claims(OPERATOR)
    on_cover = _on(every, world.cover_leaf)
    assert {(c.property, c.subject_id) for c in on_cover} == {
        ("died", world.person_id),
        ("located-at", world.person_id),
        ("other", world.person_id),
    }
    assert {c.subject for c in on_cover} == {REAL}
    assert {c.made_by.split(" ")[0] for c in on_cover} == {"extractor", "reader:decoder"}
    # The registrar decodes today, and keeps that power.
    assert world.registry.check(world.actor("clerk"), Action.PERSON_DECODE).allowed
    for name in BLIND[:-1]:
        assert not world.registry.check(world.actor(name), Action.PERSON_DECODE).allowed


@pytest.mark.parametrize("name", BLIND)
def test_a_claim_about_a_cover_name_shows_the_cover_name(world: World, name: str) -> None:
    actor = world.actor(name)
    claims = world.registry.claims(actor)
    on_cover = _on(claims, world.cover_leaf)
    # A claim linked to a record the actor may not know of is not shown at all.
    assert len(on_cover) == (0 if name == "outsider" else 3)
    for claim in on_cover:
        assert claim.subject == COVER
        assert claim.subject_id is None
    assert "Ravelsky" not in _dump([c.as_json() for c in on_cover])
    assert _on(world.registry.claims(actor, leaf_id=world.cover_leaf), world.cover_leaf) == on_cover
    # Nothing the actor is shown ties a Lucien quote to the record.
    assert not [c for c in claims if c.subject_id is not None and COVER in c.quote]


@pytest.mark.parametrize("name", SIGHTED)
def test_a_decoder_sees_the_link(world: World, name: str) -> None:
    actor = world.actor(name)
    on_cover = _on(world.registry.claims(actor), world.cover_leaf)
    assert {(c.subject, c.subject_id) for c in on_cover} == {(REAL, world.person_id)}
    [died] = [g for g in world.registry.conflicts(actor) if g.property == "died"]
    assert {c.leaf_id for side in died.sides for c in side} == {
        world.cover_leaf,
        world.plain_leaf,
    }
    kinds = {g.kind for g in world.registry.conflicts(actor, subject=REAL)}
    assert kinds == {"date", "presence"}
    assert {c.leaf_id for c in world.registry.timeline(actor, subject=COVER)} == {
        world.cover_leaf,
        world.plain_leaf,
    }
    [link] = world.registry.names_on(actor, world.cover_leaf)[:1]
    assert (link.text, link.person_id, link.preferred) == (COVER, world.person_id, REAL)
    assert {x.dossier_id for x in world.registry.xrefs(actor, world.cover_leaf)} == {
        world.target_dossier
    }
    assert world.person_id in [m.person_id for m in world.registry.person_search(actor, COVER)]


@pytest.mark.parametrize("name", BLIND)
def test_conflicts_never_group_the_cover_name_with_the_real_name(world: World, name: str) -> None:
    actor = world.actor(name)
    assert world.registry.conflicts(actor) == []
    assert world.registry.conflicts(actor, subject=REAL) == []
    assert world.registry.conflicts(actor, subject=COVER) == []


@pytest.mark.parametrize("name", BLIND)
def test_timelines_and_subject_filters_keep_the_names_apart(world: World, name: str) -> None:
    actor = world.actor(name)
    registry = world.registry
    for found in (
        registry.timeline(actor, subject=REAL),
        registry.claims(actor, subject=REAL),
        registry.claims(actor, subject="Ravelsky"),
    ):
        assert found
        assert {c.leaf_id for c in found} == {world.plain_leaf}
    # The outsider may not know of the record, so its claims are not theirs to see.
    seen = set() if name == "outsider" else {COVER}
    by_cover = registry.timeline(actor, subject=COVER)
    assert {c.leaf_id for c in by_cover} == ({world.cover_leaf} if seen else set())
    assert {c.subject for c in by_cover} == seen
    assert {c.subject for c in registry.claims(actor, subject=COVER)} == seen
    dossier = registry.timeline(actor, dossier="COMMITTEE MINUTES")
    assert {c.subject for c in _on(dossier, world.cover_leaf)} == seen


@pytest.mark.parametrize("name", BLIND)
def test_the_leaf_names_search_and_the_card_index_do_not_decode(world: World, name: str) -> None:
    actor = world.actor(name)
    registry = world.registry
    assert registry.names_on(actor, world.cover_leaf) == []
    assert registry.xrefs(actor, world.cover_leaf) == []
    assert world.person_id not in [m.person_id for m in registry.person_search(actor, COVER)]
    by_real = registry.search(actor, REAL)
    assert world.cover_leaf not in [hit.leaf_id for hit in by_real.hits]
    assert COVER not in _dump(by_real.as_json())
    by_cover = registry.search(actor, COVER)
    assert [hit.leaf_id for hit in by_cover.hits] == [world.cover_leaf]
    assert "Ravelsky" not in _dump(by_cover.as_json())
    if name == "outsider":
        with pytest.raises(NotFound):
            registry.person(actor, world.person_id)
    else:
        shown = registry.person(actor, world.person_id)
        assert COVER not in _dump(shown.as_json())


def test_suggestions_are_shown_as_written_until_someone_may_decode_them(
    registry: Registry, tmp_path: Path
) -> None:
    """The extractor links "Lucien died in 1960" to the record; the suggestion
    a registrar decides shows the link, the claim a reader later sees does not."""
    registry.add_reader(OPERATOR, "clerk", MarkingRequest("CONFIDENTIAL"), roles=["registrar"])
    registry.add_reader(OPERATOR, "reader", MarkingRequest("CONFIDENTIAL"))
    person = registry.person_add(
        OPERATOR, REAL, forms=[("cover_name", COVER)], marking=MarkingRequest("CONFIDENTIAL")
    )
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "cover.txt", COVER_LEAF)],
        dossier="MINUTES",
        leaf_marking=MarkingRequest("RESTRICTED"),
    )
    clerk = registry.as_reader("clerk", via=OPERATOR)
    reader = registry.as_reader("reader", via=OPERATOR)
    [suggested] = registry.claims(clerk, status="suggested")
    assert (suggested.subject, suggested.subject_id) == (REAL, person.id)
    assert registry.claims(reader, status="suggested") == []
    registry.claim_decide(clerk, [suggested.id], accept=True)
    [shown] = registry.claims(reader)
    assert (shown.subject, shown.subject_id, shown.id) == (COVER, None, suggested.id)


def test_a_claim_made_by_a_non_decoder_is_not_linked_through_a_cover_name(
    world: World,
) -> None:
    reader = world.actor("reader")
    made = world.registry.claim_add(
        reader, ClaimInput(world.cover_leaf, COVER, "other", quote="printing press")
    )
    assert (made.subject, made.subject_id) == (COVER, None)
    decoder = world.actor("decoder")
    [again] = [c for c in world.registry.claims(decoder) if c.id == made.id]
    assert again.subject_id is None


@pytest.mark.parametrize("name", BLIND[:-1])
def test_a_non_decoders_claims_cannot_test_a_guess(world: World, name: str) -> None:
    """A reader who guesses that Lucien is Ravelsky and writes the real name on
    Lucien's words gets the answer they get on any other leaf: their claim is
    linked by their own view of the card index, which knows no cover name."""
    actor = world.actor(name)
    answers = []
    for leaf_id, quote in ((world.cover_leaf, "printing press"), (world.plain_leaf, "Geneva")):
        made = world.registry.claim_add(actor, ClaimInput(leaf_id, REAL, "other", quote=quote))
        [listed] = [c for c in world.registry.claims(actor) if c.id == made.id]
        assert listed == made
        answers.append((made.subject, made.subject_id))
    assert answers == [(REAL, world.person_id)] * 2


@pytest.mark.parametrize("name", SIGHTED)
def test_a_decoder_may_not_write_the_real_name_on_cover_name_words(world: World, name: str) -> None:
    before = len(world.registry.claims(OPERATOR))
    for quote in ("Lucien reported", "He asked for money"):
        with pytest.raises(BadInput, match="write the subject as the leaf does") as caught:
            world.registry.claim_add(
                world.actor(name), ClaimInput(world.cover_leaf, REAL, "other", quote=quote)
            )
        assert "\n" not in str(caught.value)
    assert len(world.registry.claims(OPERATOR)) == before
    # Where the leaf also names him plainly, the claim's words tell nothing new.
    made = world.registry.claim_add(
        world.actor(name), ClaimInput(world.plain_leaf, REAL, "other", quote="Ravelsky was seen")
    )
    assert made.subject_id == world.person_id


def test_the_reading_room_and_the_api_show_the_cover_name(world: World) -> None:
    registry = world.registry
    with TestClient(create_app(registry), base_url=BASE_URL) as client:
        for name in ("reader", "decoder"):
            _, token, _ = registry.create_token(OPERATOR, name, days=1, label="test")
            script = As(client, token)
            page = script.get(f"/leaves/{world.cover_leaf}")
            assert page.status_code == 200
            claims = script.get("/api/claims", params={"leaf": world.cover_leaf})
            assert claims.status_code == 200
            conflicts = script.get("/api/conflicts", params={"subject": REAL})
            timeline = script.get("/api/timeline", params={"subject": REAL})
            if name == "reader":
                assert "Ravelsky" not in page.text
                assert {c["subject"] for c in claims.json()} == {COVER}
                assert conflicts.json() == []
                assert {c["leaf_id"] for c in timeline.json()} == {world.plain_leaf}
            else:
                assert REAL in page.text
                assert {c["subject"] for c in claims.json()} == {REAL}
                assert conflicts.json()
                assert world.cover_leaf in {c["leaf_id"] for c in timeline.json()}
