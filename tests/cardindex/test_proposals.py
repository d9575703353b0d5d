"""Records proposed from the holdings: names no record holds, grouped into
the persons they most likely are, shown to a registrar only from leaves the
registrar may read, and made into records (linked on every leaf) on accept."""

from __future__ import annotations

from pathlib import Path

import pytest

from looseleaf.cardindex.proposal import Alias, Group, cleaned, group
from looseleaf.errors import BadInput, NotFound
from looseleaf.model import Actor, FormType
from looseleaf.registry import MarkingRequest, Registry
from tests.conftest import OPERATOR, write

# Written for these tests: invented people, two brothers among them.
OPEN_PAGE = (
    "Report of the harbour watch. Boris Wierzbicki met the courier at the pier.\n"
    "Later Wierzbicki went to the customs house with Pavel Kostrov and Ilya Kostrov,\n"
    "the two brothers from Kherson. Kostrov paid for the room.\n"
)
SECOND_PAGE = "Boris Wierzbicki's letter arrived on Tuesday; Pavel Kostrov signed for it.\n"
SECRET_PAGE = "The informer Colonel Jan Grzymala reported on the brothers.\n"


def forms_of(groups: list[Group]) -> list[set[str]]:
    return [{form for form, _ in g.forms} for g in groups]


def test_brothers_stay_apart_and_a_bare_surname_joins_neither() -> None:
    found = forms_of(group([("Pavel Kostrov", 1), ("Ilya Kostrov", 1), ("Kostrov", 2)]))
    assert {"Pavel Kostrov"} in found
    assert {"Ilya Kostrov"} in found
    assert all("Kostrov" not in forms for forms in found)


def test_spellings_of_one_man_meet_under_his_fullest_name() -> None:
    [one] = group([("Anton Wierzbicki", 1), ("Wierzbicki", 1), ("Antoni Wierzbicki's", 2)])
    assert {form for form, _ in one.forms} == {
        "Anton Wierzbicki",
        "Wierzbicki",
        "Antoni Wierzbicki",
    }
    assert len(one.preferred.split()) == 2
    assert dict(one.forms)["Wierzbicki"] == (1,)


def test_an_alias_sentence_joins_two_names_whatever_their_given_names() -> None:
    mentions = [("Jan Sokol", 1), ("Piotr Wrona", 1)]
    assert len(group(mentions)) == 2
    [joined] = group(mentions, [Alias("Jan Sokol", "Piotr Wrona", 1, FormType.COVER_NAME)])
    assert {form for form, _ in joined.forms} == {"Jan Sokol", "Piotr Wrona"}
    assert joined.types == (("Piotr Wrona", FormType.COVER_NAME),)
    assert joined.preferred == "Jan Sokol"  # the name, not the alias


def test_a_code_name_in_capitals_joins_the_name_it_was_given_to() -> None:
    [one] = group(
        [("Jan Sokol", 1), ("Sokol", 2)], [Alias("Jan Sokol", "KESTREL", 2, FormType.CODE_NAME)]
    )
    assert dict(one.forms) == {"Jan Sokol": (1,), "Sokol": (2,), "KESTREL": (2,)}
    assert any("code name" in reason for reason in one.reasons)


def test_a_surname_never_given_with_a_given_name_is_still_proposed() -> None:
    groups = group([("Kowalczuk", 1), ("Kowalczuk", 2), ("Marta Lis", 1)])
    alone = next(g for g in groups if g.preferred == "Kowalczuk")
    assert alone.forms == (("Kowalczuk", (1, 2)),)
    assert alone.score <= 0.7  # less sure than a full name


def test_a_surname_of_two_namesakes_and_their_titles_keep_them_apart() -> None:
    groups = group([("Dr. Halloran", 1), ("Inspector Halloran", 2), ("Halloran", 3)])
    held = [{form for form, _ in g.forms} for g in groups]
    assert {"Dr. Halloran"} in held
    assert {"Inspector Halloran"} in held
    assert not any("Halloran" in forms and len(forms) > 1 for forms in held)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lev Trotski's", "Lev Trotski"),
        ("Anton  Wierzbicki", "Anton Wierzbicki"),
        ("Lev Sedov Trotsky", None),  # a caption run into the text
        ("Yezhov Yezhov", None),
        ("Ivan Petrovich Kostrov", "Ivan Petrovich Kostrov"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("A. B. Kostrov", "A. B. Kostrov"),
        ("Kasimir Ludwigovich", None),  # a given name and patronymic: whose?
        ("1937", None),
    ],
)
def test_what_a_mention_proposes_as_a_form(text: str, expected: str | None) -> None:
    assert cleaned(text) == expected


@pytest.fixture
def holdings(registry: Registry, tmp_path: Path) -> Actor:
    """Two open pages and a SECRET one; a CONFIDENTIAL registrar."""
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "watch.txt", OPEN_PAGE + "\f" + SECOND_PAGE)],
        dossier="Harbour watch",
        leaf_marking=MarkingRequest("RESTRICTED"),
    )
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "informer.txt", SECRET_PAGE)],
        dossier="Informer file",
        leaf_marking=MarkingRequest("SECRET"),
    )
    clerk = registry.add_reader(
        OPERATOR, "clerk", MarkingRequest("CONFIDENTIAL"), roles=("registrar",)
    )
    return Actor.reader(clerk.id, clerk.name)


def test_a_registrar_is_proposed_only_names_from_leaves_they_may_read(
    registry: Registry, holdings: Actor
) -> None:
    proposed = registry.propose_records(holdings)
    preferred = {p.form for p in proposed}
    assert "Boris Wierzbicki" in preferred
    assert not any("Grzymala" in form for p in proposed for form in p.forms)
    assert {p.id for p in proposed} <= {s.id for s in registry.suggestions(holdings)}
    # The operator proposes the rest; the clerk is still not shown it.
    more = registry.propose_records(OPERATOR)
    secret = [p for p in more if any("Grzymala" in f for f in p.forms)]
    assert secret
    assert secret[0].id not in {s.id for s in registry.suggestions(holdings)}
    with pytest.raises(NotFound):
        registry.decide_suggestion(holdings, secret[0].id, accept=True)


def test_accepting_makes_a_record_linked_on_every_leaf_and_rejecting_is_remembered(
    registry: Registry, holdings: Actor
) -> None:
    proposed = registry.propose_records(holdings)
    anton = next(p for p in proposed if "Wierzbicki" in p.form)
    kept = registry.decide_suggestion(holdings, anton.id, accept=True)
    assert kept.status == "accepted"
    assert kept.person_id is not None
    record = registry.person(holdings, kept.person_id)
    assert str(record.marking) == "RESTRICTED"  # the join of its leaves' markings
    assert {leaf for form in record.forms for leaf in form.leaves} == set(anton.leaves)
    assert len(anton.leaves) == 2
    [hit, *_] = registry.person_search(holdings, "Wierzbicki")
    assert hit.person_id == kept.person_id

    pavel = next(p for p in proposed if p.form == "Pavel Kostrov")
    registry.decide_suggestion(holdings, pavel.id, accept=False)
    again = registry.propose_records(holdings)
    assert all(p.form != "Pavel Kostrov" for p in again)
    assert all(p.form != anton.form for p in again)


def test_accept_all_takes_every_visible_proposal_at_or_above_the_score(
    registry: Registry, holdings: Actor
) -> None:
    proposed = registry.propose_records(holdings)
    with pytest.raises(BadInput, match="min-score"):
        registry.accept_all(holdings, min_score=1.5)
    sure = registry.accept_all(holdings, min_score=0.99)
    assert {a.id for a in sure} == {p.id for p in proposed if p.score >= 0.99}
    accepted = sure + registry.accept_all(holdings)
    assert {a.id for a in accepted} == {p.id for p in proposed}
    assert registry.suggestions(holdings) == []
    assert all(a.person_id is not None for a in accepted)
