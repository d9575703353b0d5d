"""Search scores, on both backends: from the leaf and the query alone.

The score of a hit is 0.1 * passages / ln(1 + words) (looseleaf/search/rank.py).
These tests check it against a count made here, word by word, for every kind
of query; that SQLite's quick way (bm25 at two weights, undone) is the one
taken where it applies and gives what highlight() would; that the order of
hits is by score and then by arrival; and that the backends agree where
their formulas do.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from looseleaf.model import Actor, SearchResult
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.search import rank
from looseleaf.search.query import And, Node, Not, Or, Phrase, Term, parse
from looseleaf.settings import Settings
from looseleaf.store import search as store_search
from tests.conftest import OPERATOR, FakeClock, write

VOCABULARY = ("harbour", "grain", "letter", "master", "the", "a", "vienna", "harbours")
_WORDS = re.compile(r"[a-z0-9]+")


def passages(text: str, query: str) -> tuple[int, int]:
    """(places the query matches, words) in `text`, counted here: every
    instance of a word or phrase the query does not leave out, instances
    that share a word counted once (as highlight() marks them)."""
    words = _WORDS.findall(text.lower())
    spans: list[tuple[int, int]] = []
    expr = parse(query).expr
    assert expr is not None
    for node in _positive(expr):
        if isinstance(node, Term):
            spans += [
                (i, i)
                for i, word in enumerate(words)
                if word == node.word or (node.prefix and word.startswith(node.word))
            ]
        elif isinstance(node, Phrase):
            size = len(node.words)
            spans += [
                (i, i + size - 1)
                for i in range(len(words) - size + 1)
                if tuple(words[i : i + size]) == node.words
            ]
    count, end = 0, -1
    for start, stop in sorted(spans):
        if start > end:
            count += 1
        end = max(end, stop)
    return count, len(words)


def _positive(node: Node) -> Iterator[Node]:
    if isinstance(node, Not):
        return
    if isinstance(node, And | Or):
        for item in node.items:
            yield from _positive(item)
    else:
        yield node


def expected(result: SearchResult, texts: dict[int, str]) -> list[tuple[int, float]]:
    return [
        (hit.leaf_id, round(rank.score(*passages(texts[hit.leaf_id], result.query)), 6))
        for hit in result.hits
    ]


def ingest(registry: Registry, directory: Path, name: str, pages: list[str]) -> dict[int, str]:
    """Leaf id -> text of the pages of a new report, in order."""
    [result] = registry.ingest(
        OPERATOR,
        [write(directory / f"{name}.txt", "\f".join(pages))],
        dossier="HARBOUR REPORTS",
        leaf_marking=MarkingRequest("UNCLASSIFIED"),
    )
    assert result.status == "ingested", result
    assert result.dossier_id is not None
    _, reports = registry.dossier(OPERATOR, str(result.dossier_id))
    [report] = [r for r in reports if r.id == result.report_id]
    return {leaf.id: page for leaf, page in zip(report.leaves, pages, strict=True)}


def reader(registry: Registry) -> Actor:
    added = registry.add_reader(OPERATOR, "reader", MarkingRequest("UNCLASSIFIED"))
    return Actor.reader(added.id, added.name)


# -- the score, against a count made here ------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Registry, dict[int, str]]]:
    """A SQLite registry of 80 pages of 1 to 60 words of a small vocabulary."""
    directory = tmp_path_factory.mktemp("rank")
    rng = random.Random(13)
    pages = [
        " ".join(rng.choices(VOCABULARY, weights=(6, 3, 2, 2, 5, 4, 1, 1), k=rng.randint(1, 60)))
        + f" page{n}"
        for n in range(80)
    ]
    settings_ = Settings(registry=str(directory / "rank.db"), durability="crash")
    with Registry.init(settings_, OPERATOR, clock=FakeClock()) as registry:
        texts = ingest(registry, directory, "pages", pages)
        yield registry, texts


terms = st.sampled_from(VOCABULARY) | st.sampled_from(("harb*", "let*", "th*"))
phrases = st.lists(st.sampled_from(VOCABULARY[:6]), min_size=2, max_size=3).map(
    lambda words: '"' + " ".join(words) + '"'
)
atoms = terms | phrases
queries = st.one_of(
    atoms,
    st.tuples(atoms, atoms).map(" ".join),
    st.tuples(atoms, atoms).map(" OR ".join),
    st.tuples(atoms, atoms, atoms).map(lambda q: f"({q[0]} OR {q[1]}) {q[2]}"),
    st.tuples(atoms, atoms).map(lambda q: f"{q[0]} -{q[1]}"),
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=queries)
def test_every_score_is_the_passages_over_the_length_of_the_leaf(
    corpus: tuple[Registry, dict[int, str]], query: str
) -> None:
    registry, texts = corpus
    result = registry.search(OPERATOR, query, limit=200)
    assert [(hit.leaf_id, hit.score) for hit in result.hits] == expected(result, texts)


def test_a_narrow_reader_gets_the_same_scores_as_the_operator(
    corpus: tuple[Registry, dict[int, str]],
) -> None:
    registry, texts = corpus
    actor = reader(registry)
    for query in ("harbour", '"the harbour"', "harbour grain", "harb* OR vienna", "a -the"):
        mine = registry.search(actor, query, limit=200)
        assert [(h.leaf_id, h.score) for h in mine.hits] == expected(mine, texts)
        theirs = registry.search(OPERATOR, query, limit=200)
        assert [(h.leaf_id, h.score) for h in mine.hits] == [
            (h.leaf_id, h.score) for h in theirs.hits
        ]


def test_one_phrase_is_scored_from_bm25_without_reading_the_texts(
    corpus: tuple[Registry, dict[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick way is taken for a word, a prefix and a phrase that cannot
    overlap itself: with highlight() made unusable they still score."""
    registry, texts = corpus
    monkeypatch.setattr(store_search, "_BY_HIGHLIGHT", "no such column")
    for query in ("harbour", "harb*", '"the harbour master"', "vienna"):
        result = registry.search(OPERATOR, query, limit=200)
        assert result.hits
        assert [(h.leaf_id, h.score) for h in result.hits] == expected(result, texts)


def test_where_bm25_is_not_what_rank_undoes_the_texts_are_counted_instead(
    corpus: tuple[Registry, dict[int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, texts = corpus
    before = registry.search(OPERATOR, "harbour", limit=200)
    monkeypatch.setattr(rank, "K1", 1.3)  # as if FTS5's bm25 had other constants
    after = registry.search(OPERATOR, "harbour", limit=200)
    assert after.hits == before.hits
    assert [(h.leaf_id, h.score) for h in after.hits] == expected(after, texts)


def test_only_phrases_that_cannot_overlap_themselves_go_the_quick_way() -> None:
    assert rank.single_phrase('"harbour"')
    assert rank.single_phrase('"harb"*')
    assert rank.single_phrase('"iron felix"')
    assert not rank.single_phrase('"a b a"')  # twice in "a b a b a", highlighted once
    assert not rank.single_phrase('"Café cafe"')  # one word to FTS5
    assert not rank.single_phrase('"a_b a"')  # FTS5 reads a, b, a
    assert not rank.single_phrase('("harbour" OR "grain")')
    assert not rank.single_phrase('(("grain") NOT "zebra")')
    assert not rank.single_phrase('""')


def test_varints_read_as_sqlite_writes_them() -> None:
    assert rank.varints(b"\x86\x8d\x20\x05") == [100_000, 5]
    assert rank.varints(b"\x7f\x81\x00") == [127, 128]
    assert rank.varints(b"\xff" * 8 + b"\x01") == [(1 << 64) - 255]
    assert rank.lengths(b"\x05\x01") == (5, 6)
    assert rank.lengths(b"\x81\x00\x01") == (128, 129)
    assert rank.lengths(b"\x81\x80\x00\x01") == (16_384, 16_385)


def test_figures_that_are_not_bm25_give_no_scores() -> None:
    # Once in five words (six tokens with the marking's), at the mean length:
    # k = K1, and bm25 at weights 1 and 2 is -A/(1 + K1) and -2A/(2 + K1).
    first, second, size = -2.0 / (1 + rank.K1), -4.0 / (2 + rank.K1), b"\x05\x01"
    assert rank.by_bm25([first], [second], [size], 6.0) == [rank.score(1, 5)]
    assert rank.by_bm25([first, -0.5], [second, -0.4], [size, size], 6.0) is None  # 2 < 1
    assert rank.by_bm25([first], [second * 1.01], [size], 6.0) is None  # not a whole count
    assert rank.by_bm25([first], [second], [size], 0.0) is None


# -- order, and the two backends ------------------------------------------------------


def test_more_matches_for_the_length_come_first_then_arrival_order(
    registry: Registry, tmp_path: Path
) -> None:
    texts = ingest(
        registry,
        tmp_path,
        "order",
        [
            "harbour grain letter vienna",
            "the harbour and the harbour master",
            "a letter about grain from the harbour",  # these four score the same
            "one letter about grain from the harbour",
            "two letters about grain from the harbour",
            "the letter about grain from the harbour",
        ],
    )
    ids = list(texts)
    actor = reader(registry)
    result = registry.search(actor, "harbour", limit=200)
    assert [h.leaf_id for h in result.hits] == [ids[1], ids[0], ids[2], ids[3], ids[4], ids[5]]
    pages = [registry.search(actor, "harbour", limit=2)]
    while pages[-1].next_cursor is not None:
        pages.append(registry.search(actor, "harbour", limit=2, cursor=pages[-1].next_cursor))
    assert [h.leaf_id for p in pages for h in p.hits] == [h.leaf_id for h in result.hits]


def test_a_word_phrase_or_alternatives_score_the_same_on_both_backends(
    registry: Registry, tmp_path: Path
) -> None:
    """ts_rank_cd(vector, query, 1) is 0.1 * passages / ln(1 + length) for
    these; for an AND it favours words found close together instead."""
    texts = ingest(
        registry,
        tmp_path,
        "agree",
        [
            "harbour grain letter",
            "the harbour master wrote to the harbour office about the harbour",
            "grain and more grain then the harbour " + "quiet " * 30,
            "vienna " * 5,
        ],
    )
    for query in ("harbour", "grain OR vienna", '"harbour master"', "harbour -grain", "vien*"):
        result = registry.search(OPERATOR, query, limit=200)
        assert result.hits
        for (leaf, score), hit in zip(expected(result, texts), result.hits, strict=True):
            assert hit.leaf_id == leaf
            assert hit.score == pytest.approx(score, abs=2e-6)


def test_leaving_words_out_still_ranks_by_what_is_found(registry: Registry, tmp_path: Path) -> None:
    """ts_rank gave every hit of "grain -zebra" the same 1e-20."""
    texts = ingest(registry, tmp_path, "not", ["grain grain grain here", "grain here and there"])
    result = registry.search(OPERATOR, "grain -zebra", limit=200)
    assert [h.leaf_id for h in result.hits] == list(texts)
    assert result.hits[0].score > result.hits[1].score > 0.01


def test_a_leafs_marking_token_is_not_a_word_of_it(registry: Registry, tmp_path: Path) -> None:
    """SQLite indexes each leaf's marking as a token beside its text (m12); a
    search for that token must not find the leaf."""
    texts = ingest(registry, tmp_path, "marked", ["nothing of note here"])
    [leaf_id] = texts
    with registry.store.read() as tx:
        marking = tx.scalar("SELECT marking_id FROM leaves WHERE id = ?", (leaf_id,))
    assert registry.search(OPERATOR, "note", limit=200).total == 1
    assert registry.search(OPERATOR, f"m{marking}", limit=200).total == 0
    assert registry.search(reader(registry), f"m{marking}", limit=200).total == 0
