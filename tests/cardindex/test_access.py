"""The card index through the access rule: marked records, the separate
permission to decode cover names, and cross-references that show a dossier's
existence only to those cleared for its title, never what it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.model import Actor
from looseleaf.registry import MarkingRequest, Registry
from tests.conftest import OPERATOR, write

AGENT_REPORT = (
    "Etienne reported that the son's papers were kept in the Paris office.\n"
    "\f"
    "Kasimir Orlov-Brandt was seen with Etienne in Vienna in March.\n"
)
TARGET = "Orlov-Brandt kept a room above the harbour office.\n\fNothing more on him.\n"


@pytest.fixture
def world(registry: Registry, tmp_path: Path) -> dict[str, Actor]:
    [target] = registry.ingest(
        OPERATOR,
        [write(tmp_path / "orlov.txt", TARGET)],
        dossier="ORLOV-BRANDT, Kasimir - restricted",
        leaf_marking=MarkingRequest("TOP SECRET"),
        dossier_marking=MarkingRequest("SECRET"),
    )
    registry.person_add(
        OPERATOR,
        "Mark Zborowski",
        forms=[("cover_name", "Etienne"), ("surname_only", "Zborowski")],
        marking=MarkingRequest("SECRET"),
        living=False,
    )
    registry.person_add(
        OPERATOR,
        "Kasimir Orlov-Brandt",
        forms=[("surname_only", "Orlov-Brandt")],
        marking=MarkingRequest("SECRET"),
        dossier=str(target.dossier_id),
    )
    registry.person_add(
        OPERATOR, "Hidden Person", forms=[("alias", "Shade")], marking=MarkingRequest("TOP SECRET")
    )
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "agent.txt", AGENT_REPORT)],
        dossier="AGENT REPORTS",
        leaf_marking=MarkingRequest("SECRET"),
    )
    actors = {}
    for name, level, roles in (
        ("reader", "SECRET", ()),
        ("decoder", "SECRET", ("decoder",)),
        ("low", "CONFIDENTIAL", ()),
        ("clerk", "SECRET", ("registrar",)),
    ):
        added = registry.add_reader(OPERATOR, name, MarkingRequest(level), roles=roles)
        actors[name] = Actor.reader(added.id, name)
    return actors


def leaf_ids(registry: Registry, dossier: str) -> list[int]:
    _, [report] = registry.dossier(OPERATOR, dossier)
    return [leaf.id for leaf in report.leaves]


def test_mentions_point_at_their_text(registry: Registry, world: dict[str, Actor]) -> None:
    with registry.store.read() as tx:
        rows = tx.all("SELECT leaf_id, start_offset, end_offset, text, person_id FROM mentions")
        texts = dict(tx.all("SELECT id, normalised FROM leaves"))
    assert rows, "ingest found no mentions"
    for leaf_id, start, end, text, _ in rows:
        assert texts[leaf_id][start:end] == text
    linked = {text for *_, text, person_id in rows if person_id is not None}
    assert {"Etienne", "Kasimir Orlov-Brandt", "Orlov-Brandt"} <= linked


def test_a_cover_name_is_decoded_only_with_the_permission(
    registry: Registry, world: dict[str, Actor]
) -> None:
    assert registry.person_search(world["reader"], "Etienne") == []
    [hit] = registry.person_search(world["decoder"], "Etienne")
    assert hit.preferred == "Mark Zborowski"
    assert hit.reasons == ("the same form",)
    plain = registry.person(world["reader"], hit.person_id)
    assert "Etienne" not in {form.form for form in plain.forms}
    decoded = registry.person(world["decoder"], hit.person_id)
    etienne = next(form for form in decoded.forms if form.form == "Etienne")
    assert etienne.type == "cover_name"
    assert etienne.leaves == tuple(leaf_ids(registry, "AGENT REPORTS"))


def test_a_record_above_the_clearance_is_not_there(
    registry: Registry, world: dict[str, Actor]
) -> None:
    [hidden] = registry.person_search(OPERATOR, "Shade")
    assert registry.person_search(world["reader"], "Shade") == []
    assert registry.person_search(world["reader"], "Hidden Person") == []
    with pytest.raises(NotFound) as above:
        registry.person(world["reader"], hidden.person_id)
    with pytest.raises(NotFound) as missing:
        registry.person(world["reader"], 999_999)
    assert str(above.value).replace(str(hidden.person_id), "N") == str(missing.value).replace(
        "999999", "N"
    )


def test_xref_shows_the_dossier_only_to_those_cleared_for_its_title(
    registry: Registry, world: dict[str, Actor]
) -> None:
    _, second = leaf_ids(registry, "AGENT REPORTS")
    [xref] = registry.xrefs(world["reader"], second)
    assert xref.dossier_title == "ORLOV-BRANDT, Kasimir - restricted"
    assert xref.text == "Kasimir Orlov-Brandt"
    assert set(xref.as_json()) == {
        "leaf_id", "start", "end", "text", "dossier_id", "dossier_title", "person_id"
    }  # fmt: skip
    # A reader who may not read the leaf gets the same answer as for no leaf.
    with pytest.raises(NotFound) as unreadable:
        registry.xrefs(world["low"], second)
    with pytest.raises(NotFound) as missing:
        registry.xrefs(world["low"], 999_999)
    assert type(unreadable.value) is type(missing.value)


def test_xref_title_above_the_clearance_is_not_shown(
    registry: Registry, world: dict[str, Actor]
) -> None:
    registry.mark_dossier(
        OPERATOR, "ORLOV-BRANDT, Kasimir - restricted", MarkingRequest("TOP SECRET"), "test"
    )
    _, second = leaf_ids(registry, "AGENT REPORTS")
    assert registry.xrefs(world["reader"], second) == []
    assert len(registry.xrefs(OPERATOR, second)) == 1


def test_curation_needs_the_registrar(registry: Registry, world: dict[str, Actor]) -> None:
    with pytest.raises(Forbidden):
        registry.person_add(world["reader"], "Somebody")
    with pytest.raises(Forbidden):
        registry.suggestions(world["decoder"])
    assert registry.person_add(world["clerk"], "Somebody").preferred == "Somebody"


def test_alias_add_finds_the_form_on_leaves_already_held(
    registry: Registry, world: dict[str, Actor]
) -> None:
    [record] = registry.person_search(OPERATOR, "Zborowski")
    first, _ = leaf_ids(registry, "AGENT REPORTS")
    updated = registry.alias_add(world["clerk"], record.person_id, "Paris office", "alias")
    [form] = [f for f in updated.forms if f.form == "Paris office"]
    shown = registry.person(world["clerk"], record.person_id)
    assert next(f for f in shown.forms if f.form == "Paris office").leaves == (first,)
    with pytest.raises(BadInput):
        registry.alias_add(world["clerk"], record.person_id, "paris office")
    assert form.type == "alias"


def test_rejected_alias_is_unlinked_and_remembered(
    registry: Registry, world: dict[str, Actor], tmp_path: Path
) -> None:
    [record] = registry.person_search(OPERATOR, "Zborowski")
    registry.alias_reject(world["clerk"], record.person_id, "Etienne", "a different Etienne")
    shown = registry.person(world["clerk"], record.person_id)
    assert "Etienne" not in {form.form for form in shown.forms}
    with registry.store.read() as tx:
        linked = tx.all("SELECT COUNT(*) FROM mentions WHERE text = 'Etienne' AND person_id = ?",
                        (record.person_id,))  # fmt: skip
    assert linked[0][0] == 0
    events = [e.action for e in registry.event_log(OPERATOR)]
    assert "person.alias.reject" in events


def test_merge_and_split_move_forms_and_are_recorded(
    registry: Registry, world: dict[str, Actor]
) -> None:
    clerk = world["clerk"]
    secret = MarkingRequest("SECRET")
    one = registry.person_add(
        clerk, "Nikolai Yezhov", forms=[("surname_only", "Yezhov")], marking=secret
    )
    two = registry.person_add(clerk, "Jeschow", forms=[("misspelling", "Tezhov")], marking=secret)
    merged = registry.merge(clerk, one.id, two.id, "German spelling of the same man")
    assert {"Yezhov", "Jeschow", "Tezhov"} <= {form.form for form in merged.forms}
    with pytest.raises(NotFound):
        registry.person(clerk, two.id)
    apart = registry.split(clerk, one.id, ["Tezhov"], "Tezhov", "a different man after all")
    assert [form.form for form in apart.forms] == ["Tezhov"]
    assert "Tezhov" not in {f.form for f in registry.person(clerk, one.id).forms}
    actions = [e.action for e in registry.event_log(OPERATOR)]
    assert actions.count("person.merge") == 1
    assert actions.count("person.split") == 1


def test_suggestions_come_from_ingest_and_a_rejection_is_remembered(
    registry: Registry, world: dict[str, Actor], tmp_path: Path
) -> None:
    clerk = world["clerk"]
    registry.person_add(
        clerk,
        "Nikolai Yezhov",
        forms=[("surname_only", "Yezhov")],
        marking=MarkingRequest("SECRET"),
    )
    text = "Commissar Nikolai Ezhov signed the order.\n"
    open_ = MarkingRequest("RESTRICTED")
    registry.ingest(
        OPERATOR, [write(tmp_path / "o.txt", text)], dossier="ORDERS", leaf_marking=open_
    )
    [suggestion] = [s for s in registry.suggestions(clerk) if s.form == "Nikolai Ezhov"]
    assert suggestion.score >= 0.85
    assert any("Yezhov" in reason for reason in suggestion.reasons)
    registry.decide_suggestion(clerk, suggestion.id, accept=False)
    registry.ingest(
        OPERATOR, [write(tmp_path / "p.txt", "Again " + text)], dossier="ORDERS", leaf_marking=open_
    )
    again = [s for s in registry.suggestions(clerk) if s.form == "Nikolai Ezhov"]
    # Not Yezhov, the registrar said: so now a person of his own, proposed.
    assert [s.kind for s in again] == ["record"]


def test_searching_is_recorded(registry: Registry, world: dict[str, Actor]) -> None:
    registry.person_search(world["reader"], "Zborowsky")
    [event] = [e for e in registry.event_log(OPERATOR) if e.action == "person.search"]
    assert event.detail["query"] == "Zborowsky"
    assert len(event.detail["records"]) == 1
