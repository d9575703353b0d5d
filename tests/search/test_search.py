"""Search through the facade, on both backends: what it finds, and each way
a search could leak what the reader may not read (named in the issue after
Aleph, Datashare, Uwazi, AtoM and Alfresco)."""

from __future__ import annotations

from pathlib import Path

import pytest

from looseleaf.errors import BadInput
from looseleaf.model import Actor, SearchResult
from looseleaf.registry import MarkingRequest, Registry
from tests.conftest import OPERATOR, write

OPEN_PAGES = [
    "The seaman Grigore Lupu reached Vienna in March aboard the Ceahlau.",
    "In Vienna the boatswain drank with a man called Orlov-Brandt near the canal.",
    "The cargo of grain was unloaded at Linz without incident.",
]
SECRET_PAGES = [
    "Orlov-Brandt kept a safe flat in Vienna above the tobacconist.",
    "The courier FALKE brought letters from Vienna to Budapest twice.",
    "Dzierżyński's old circle met in the Josefstadt.",
]


@pytest.fixture
def world(registry: Registry, tmp_path: Path) -> dict[str, Actor]:
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "open.txt", "\f".join(OPEN_PAGES))],
        dossier="LUPU, Grigore",
        leaf_marking=MarkingRequest("CONFIDENTIAL"),
        dossier_marking=MarkingRequest("CONFIDENTIAL"),
    )
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "secret.txt", "\f".join(SECRET_PAGES))],
        dossier="ORLOV-BRANDT, Kasimir",
        leaf_marking=MarkingRequest("TOP SECRET"),
        dossier_marking=MarkingRequest("TOP SECRET"),
    )
    registry.person_add(
        OPERATOR,
        "Kasimir Orlov-Brandt",
        forms=[("surname_only", "Orlov-Brandt"), ("cover_name", "FALKE"),
               ("transliteration", "Орлов-Брандт")],
        marking=MarkingRequest("CONFIDENTIAL"),
    )  # fmt: skip
    actors = {}
    for name, level, roles in (
        ("low", "CONFIDENTIAL", ()),
        ("high", "TOP SECRET", ()),
        ("decoder", "CONFIDENTIAL", ("decoder",)),
    ):
        added = registry.add_reader(OPERATOR, name, MarkingRequest(level), roles=roles)
        actors[name] = Actor.reader(added.id, name)
    return actors


def texts(registry: Registry, result: SearchResult) -> set[str]:
    return {registry.read(OPERATOR, hit.leaf_id).normalised.strip() for hit in result.hits}


def test_finds_words_phrases_prefixes_and_folds_diacritics(
    registry: Registry, world: dict[str, Actor]
) -> None:
    high = world["high"]
    assert texts(registry, registry.search(high, "vienna")) == {
        OPEN_PAGES[0], OPEN_PAGES[1], SECRET_PAGES[0], SECRET_PAGES[1]
    }  # fmt: skip
    assert texts(registry, registry.search(high, '"safe flat"')) == {SECRET_PAGES[0]}
    assert texts(registry, registry.search(high, "tobacco*")) == {SECRET_PAGES[0]}
    assert texts(registry, registry.search(high, "dzierzynski")) == {SECRET_PAGES[2]}
    assert texts(registry, registry.search(high, "vienna -canal -courier -flat")) == {OPEN_PAGES[0]}
    assert texts(registry, registry.search(high, "linz OR budapest")) == {
        OPEN_PAGES[2], SECRET_PAGES[1]
    }  # fmt: skip
    hit = registry.search(high, '"safe flat"').hits[0]
    assert "[safe] [flat]" in hit.snippet or "[safe flat]" in hit.snippet


def test_results_counts_facets_and_pages_cover_readable_leaves_only(
    registry: Registry, world: dict[str, Actor]
) -> None:
    low = registry.search(world["low"], "vienna", limit=1)
    assert low.total == 2
    assert [f.label for f in low.facets["dossier"]] == ["LUPU, Grigore"]
    assert sum(f.count for f in low.facets["level"]) == 2
    assert low.next_cursor == "1"
    second = registry.search(world["low"], "vienna", limit=1, cursor=low.next_cursor)
    assert second.next_cursor is None
    assert texts(registry, low) | texts(registry, second) == {OPEN_PAGES[0], OPEN_PAGES[1]}
    high = registry.search(world["high"], "vienna", limit=1)
    assert high.total == 4


def test_a_word_only_on_unreadable_leaves_looks_like_no_word_at_all(
    registry: Registry, world: dict[str, Actor]
) -> None:
    hidden = registry.search(world["low"], "tobacconist")
    missing = registry.search(world["low"], "zzyzzx")
    strip = {"query": None}
    assert {**hidden.as_json(), **strip} == {**missing.as_json(), **strip}


def test_a_filter_on_a_hidden_title_is_the_same_as_on_no_title(
    registry: Registry, world: dict[str, Actor]
) -> None:
    hidden = registry.search(world["low"], 'vienna dossier:"ORLOV-BRANDT, Kasimir"')
    missing = registry.search(world["low"], 'vienna dossier:"NOBODY, None"')
    assert hidden.total == missing.total == 0
    assert hidden.facets == missing.facets


def test_names_are_widened_but_cover_names_only_for_decoders(
    registry: Registry, world: dict[str, Actor]
) -> None:
    low, decoder = world["low"], world["decoder"]
    by_cyrillic = registry.search(low, "Орлов-Брандт")
    assert texts(registry, by_cyrillic) == {OPEN_PAGES[1]}
    assert any("a name form of Kasimir Orlov-Brandt" in w for w in by_cyrillic.hits[0].why)
    assert registry.search(low, "FALKE").total == 0
    assert registry.search(low, "FALKE").names == ()
    assert registry.search(decoder, "FALKE").total == 1  # widened to Orlov-Brandt
    assert all("FALKE" not in line for line in registry.search(low, "Orlov").names)


def test_did_you_mean_offers_only_forms_the_reader_may_see(
    registry: Registry, world: dict[str, Actor]
) -> None:
    assert registry.search(world["low"], "Orlof-Brandt").total >= 1
    hidden = registry.search(world["low"], "FALKA")
    assert hidden.total == 0
    assert "FALKE" not in hidden.did_you_mean
    assert hidden.names == ()
    assert registry.search(world["low"], "Orlov-Brandx").did_you_mean == ()  # readable hits
    assert "Lupu" not in registry.search(world["low"], "Lupo").did_you_mean  # not a record
    decoded = registry.search(world["decoder"], "FALKA")
    assert any("FALKE" in line for line in decoded.names)


def test_every_search_is_recorded_with_the_leaves_it_showed(
    registry: Registry, world: dict[str, Actor]
) -> None:
    result = registry.search(world["low"], "vienna")
    [event] = [e for e in registry.event_log(OPERATOR) if e.action == "search"]
    assert event.detail["query"] == "vienna"
    assert event.detail["leaves"] == [hit.leaf_id for hit in result.hits]
    assert event.actor == "reader:low"


def test_bad_input_names_the_query(registry: Registry, world: dict[str, Actor]) -> None:
    with pytest.raises(BadInput, match="quotation mark"):
        registry.search(world["low"], '"vienna')
    with pytest.raises(BadInput, match="level"):
        registry.search(world["low"], "vienna level:NOSUCH")
    with pytest.raises(BadInput, match="cursor"):
        registry.search(world["low"], "vienna", cursor="abc")
