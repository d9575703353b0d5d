"""The search query language: any text parses to a query both engines can
say, or is refused in one line; plain words, phrases and prefixes parse to
what they say; a query written out from a tree means what the tree means;
and the engines find exactly the leaves the parsed query says they should."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from looseleaf.errors import BadInput
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.search.fts import to_fts5, to_tsquery
from looseleaf.search.query import (
    FIELDS,
    MAX_CHARS,
    MAX_DEPTH,
    And,
    Node,
    Not,
    Or,
    Phrase,
    Query,
    Term,
    parse,
)
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, FakeClock, fresh_registry_url
from tests.properties.typed import REGISTRY_SETTINGS, anything, attempt, one_line, refused

SYNTAX = (
    " ", " ", "  ", "(", ")", '"', "-", "*", ":", "OR", "AND", "NOT", "or", "not",
    "a", "kirov", "Ezhov", "trots", "1951", "12", "²", "_", "\x00", "\x1f", "\n",
    *(f"{name}:" for name in FIELDS), 'dossier:"', "level:SECRET", "compartment:SEAMEN",
    "grade:B2", "from:1951-03", "to:1951", "report:", "http:", "NEAR(", "^",
)  # fmt: skip

#: Plain words: letters and digits (any script), none of them an operator.
word = st.text(st.characters(categories=("L", "Nd")), min_size=1, max_size=12).filter(
    lambda w: re.fullmatch(r"\w+", w) is not None and w not in {"OR", "AND", "NOT"}
)


def quotable(word: str) -> bool:
    """A word each engine takes inside its quotes: nothing that ends them.
    (Lower-casing may add a combining mark: "İ" is "i" and a dot above.)"""
    return bool(word) and not set(word) & set("\"'\\ \x00")


def well_formed(node: Node, *, top: bool = True) -> None:
    """What the translations rely on: every AND has a word it keeps, no side
    of an OR is a NOT, no NOT is doubled, no AND holds an AND."""
    if isinstance(node, Term):
        assert quotable(node.word)
        assert node.word == node.word.lower()
    elif isinstance(node, Phrase):
        assert len(node.words) > 1
        assert all(quotable(w) for w in node.words)
    elif isinstance(node, Not):
        assert not top
        assert not isinstance(node.item, Not)
        well_formed(node.item, top=False)
    elif isinstance(node, And):
        assert len(node.items) > 1
        assert any(not isinstance(item, Not) for item in node.items)
        for item in node.items:
            assert not isinstance(item, And)
            well_formed(item, top=False)
    else:
        assert len(node.items) > 1
        for item in node.items:
            assert not isinstance(item, Not)
            well_formed(item, top=False)


@settings(max_examples=400, deadline=None)
@given(text=anything(*SYNTAX))
def test_any_text_is_a_query_or_one_line_saying_why_not(text: str) -> None:
    found = attempt(parse, text)
    if isinstance(found, BadInput):
        if len(text) > MAX_CHARS:
            assert one_line(found).startswith("query ")
            assert f"longer than {MAX_CHARS}" in found.reason
        else:
            refused(found, text)
        return
    assert isinstance(found, Query)
    assert found.expr is not None or found.filters
    assert set(found.filters) <= set(FIELDS)
    assert all(value and value == value.strip() for vs in found.filters.values() for value in vs)
    if found.expr is not None:
        well_formed(found.expr)
        to_fts5(found.expr)
        to_tsquery(found.expr)
    assert all(quotable(w) for w in found.words())


def _terms(words: list[str]) -> Node:
    terms = [Term(w.lower()) for w in words]
    return terms[0] if len(terms) == 1 else And(tuple(terms))


@given(words=st.lists(word, min_size=1, max_size=8), gaps=st.sampled_from([" ", "  ", "\t", "\n"]))
def test_plain_words_are_searched_for_all_together(words: list[str], gaps: str) -> None:
    query = parse(gaps.join(words))
    assert query.expr == _terms(words)
    assert query.words() == [w.lower() for w in words]
    assert query.filters == {}


@given(words=st.lists(st.one_of(word, st.sampled_from(["OR", "AND", "NOT", "-", "("])), max_size=8))
def test_a_quoted_phrase_is_its_words_in_order_and_operators_in_it_are_words(
    words: list[str],
) -> None:
    parts = [w.lower() for w in words if re.fullmatch(r"\w+", w)]
    text = f'"{" ".join(words)}"'
    if not parts:
        with pytest.raises(BadInput) as error:
            parse(text)
        assert "nothing to search for" in refused(error.value, text)
        return
    expected = Term(parts[0]) if len(parts) == 1 else Phrase(tuple(parts))
    assert parse(text).expr == expected
    assert parse(f"{text} {text}").expr == And((expected, expected))


@given(stem=word)
def test_a_star_makes_a_prefix(stem: str) -> None:
    assert parse(f"{stem}*").expr == Term(stem.lower(), prefix=True)


@given(
    words=st.lists(word, min_size=1, max_size=4),
    ending=st.sampled_from(["NOT", "-", "NOT NOT", "OR", "AND NOT"]),
)
def test_an_operator_with_nothing_after_it_is_refused_not_a_crash(
    words: list[str], ending: str
) -> None:
    for text in (f"{' '.join(words)} {ending}", ending, f"({' '.join(words)} {ending})"):
        found = attempt(parse, text)
        if ending == "-":  # a dash alone is no operator (nor a word): the words stand
            assert isinstance(found, BadInput) or found.expr == _terms(words)
            continue
        assert isinstance(found, BadInput), text
        refused(found, text)


@given(a=word, b=word, c=word)
def test_not_not_is_the_word_and_groups_of_and_are_flat(a: str, b: str, c: str) -> None:
    assert parse(f"{a} NOT NOT {b}").expr == parse(f"{a} {b}").expr
    assert parse(f"{a} -(-{b})").expr == parse(f"{a} {b}").expr
    assert parse(f"{a} ({b} -{c})").expr == parse(f"{a} {b} -{c}").expr
    assert parse(f"({a} {b}) {c}").expr == parse(f"{a} {b} {c}").expr


@given(a=word, b=word)
def test_a_not_alone_on_a_side_of_or_is_refused(a: str, b: str) -> None:
    # "a OR -b" would be "anything but b" to one engine and nothing to the other.
    for text in (f"{a} OR -{b}", f"{a} ({a} OR NOT {b})", f"{a} -({b} OR -{a})", f"-{a} -{b}"):
        with pytest.raises(BadInput) as error:
            parse(text)
        assert "NOT needs something to leave out from" in refused(error.value, text)


@given(depth=st.integers(0, 300), opener=st.sampled_from(["(", "NOT (", "-("]))
def test_nesting_is_bounded_and_deep_nesting_refused(depth: int, opener: str) -> None:
    text = f"z {opener * depth}a{')' * depth}"
    found = attempt(parse, text)
    levels = depth * (2 if opener != "(" else 1)
    if len(text) > MAX_CHARS:
        assert isinstance(found, BadInput)
    elif levels > MAX_DEPTH:
        assert isinstance(found, BadInput)
        assert "nested too deeply" in refused(found, text)
    else:
        assert isinstance(found, Query)


# -- written out from a tree, a query means what the tree means ---------------------

VOCABULARY = ("vienna", "courier", "harbour", "grain", "letter", "budapest", "ship")


def _matches(node: Node, document: tuple[str, ...]) -> bool:
    if isinstance(node, Term):
        if node.prefix:
            return any(w.startswith(node.word) for w in document)
        return node.word in document
    if isinstance(node, Phrase):
        n = len(node.words)
        return any(document[i : i + n] == node.words for i in range(len(document) - n + 1))
    if isinstance(node, Not):
        return not _matches(node.item, document)
    if isinstance(node, And):
        return all(_matches(item, document) for item in node.items)
    return any(_matches(item, document) for item in node.items)


atoms: st.SearchStrategy[Node] = st.one_of(
    st.sampled_from(VOCABULARY).map(Term),
    st.sampled_from(VOCABULARY).map(lambda w: Term(w[:3], prefix=True)),
    st.lists(st.sampled_from(VOCABULARY), min_size=2, max_size=3).map(lambda ws: Phrase(tuple(ws))),
)


def _positive(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    """An AND with at least one kept part, or an OR of kept parts."""
    kept_or_not = st.one_of(children, children.map(Not))
    return st.one_of(
        st.tuples(children, st.lists(kept_or_not, min_size=1, max_size=3)).map(
            lambda t: And((t[0], *t[1]))
        ),
        st.lists(children, min_size=2, max_size=3).map(lambda items: Or(tuple(items))),
    )


def _any(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    """Also what the engines cannot both say: a NOT on a side of an OR, a
    group of NOTs only. The parser must refuse those, in one line."""
    kept_or_not = st.one_of(children, children.map(Not))
    return st.one_of(
        st.lists(kept_or_not, min_size=2, max_size=3).map(lambda items: And(tuple(items))),
        st.lists(kept_or_not, min_size=2, max_size=3).map(lambda items: Or(tuple(items))),
    )


trees = st.recursive(atoms, _positive, max_leaves=8)
#: Beside a word (the top of a query must find something), any group at all.
loose_trees = st.tuples(atoms, st.recursive(atoms, _any, max_leaves=6)).map(And)


def _written(node: Node, draw: st.DrawFn) -> str:
    """The tree as a person might type it: either spelling of NOT, optional
    AND, every group in parentheses."""
    if isinstance(node, Term):
        return node.word + ("*" if node.prefix else "")
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"'
    if isinstance(node, Not):
        return draw(st.sampled_from(["-", "NOT ", "NOT NOT NOT "])) + _written(node.item, draw)
    joiner = " OR " if isinstance(node, Or) else draw(st.sampled_from([" ", " AND ", "  "]))
    return "(" + joiner.join(_written(item, draw) for item in node.items) + ")"


@st.composite
def written_trees(draw: st.DrawFn, of: st.SearchStrategy[Node] = trees) -> tuple[Node, str]:
    tree = draw(of)
    return tree, _written(tree, draw)


documents = st.lists(
    st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=6).map(tuple), min_size=1,
    max_size=10,
)  # fmt: skip


@settings(max_examples=200)
@given(written=written_trees(), sample=documents)
def test_a_query_written_out_from_a_tree_means_what_the_tree_means(
    written: tuple[Node, str], sample: list[tuple[str, ...]]
) -> None:
    tree, text = written
    found = attempt(parse, text)
    if isinstance(found, BadInput):  # only ever for nesting past the bound
        assert "nested too deeply" in refused(found, text)
        return
    assert found.expr is not None
    well_formed(found.expr)
    for document in sample:
        assert _matches(found.expr, document) == _matches(tree, document), (text, document)


# -- the engines find what the parsed query says ------------------------------------

LEVELS = ("UNCLASSIFIED", "SECRET")


class Corpus:
    """One small registry per backend, its leaves' words known, for many queries."""

    def __init__(self, registry: Registry, words: dict[int, tuple[str, ...]]) -> None:
        self.registry = registry
        self.words = words


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def corpus(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Corpus]:
    directory = tmp_path_factory.mktemp(f"corpus-{request.param}")
    chance = random.Random(14)
    with (
        fresh_registry_url(str(request.param), directory) as url,
        Registry.init(Settings(registry=url), OPERATOR, clock=FakeClock()) as registry,
    ):
        words: dict[int, tuple[str, ...]] = {}
        for number in range(16):
            chosen = tuple(chance.choices(VOCABULARY, k=chance.randint(1, 6)))
            path = Path(directory) / f"leaf-{number}.txt"
            path.write_text(" ".join(chosen) + "\n", encoding="utf-8")
            registry.ingest(
                OPERATOR,
                [path],
                dossier=chance.choice(["ALPHA", "BETA"]),
                leaf_marking=MarkingRequest(chance.choice(LEVELS)),
                dossier_marking=MarkingRequest("UNCLASSIFIED"),
            )
        for dossier in ("ALPHA", "BETA"):
            _, reports = registry.dossier(OPERATOR, dossier)
            for report in reports:
                for leaf in report.leaves:
                    words[leaf.id] = tuple(registry.read(OPERATOR, leaf.id).normalised.split())
        yield Corpus(registry, words)


@REGISTRY_SETTINGS
@given(written=st.one_of(written_trees(), written_trees(loose_trees)))
def test_the_engines_find_exactly_what_the_query_says(
    corpus: Corpus, written: tuple[Node, str]
) -> None:
    _, text = written
    found = attempt(parse, text)
    if isinstance(found, BadInput):
        refused(found, text)
        return
    assert found.expr is not None
    expected = {leaf for leaf, words in corpus.words.items() if _matches(found.expr, words)}
    result = corpus.registry.search(OPERATOR, text, limit=200)
    assert {hit.leaf_id for hit in result.hits} == expected, text
    assert result.total == len(expected)


@REGISTRY_SETTINGS
@given(text=anything(*SYNTAX, *VOCABULARY))
def test_any_text_searched_gives_hits_or_one_line_saying_why_not(corpus: Corpus, text: str) -> None:
    try:
        result = corpus.registry.search(OPERATOR, text, limit=5)
    except BadInput as error:
        one_line(error)
        return
    assert result.query == text
    assert len(result.hits) <= 5
    assert result.total >= len(result.hits)


@REGISTRY_SETTINGS
@given(cursor=anything("0", "5", "12", "²", "-1", "99999999999999999999"), limit=st.integers())
def test_a_cursor_and_a_limit_are_taken_or_refused(corpus: Corpus, cursor: str, limit: int) -> None:
    try:
        result = corpus.registry.search(OPERATOR, "vienna OR ship", limit=limit, cursor=cursor)
    except BadInput as error:
        one_line(error)
        return
    assert 1 <= limit <= 200
    assert cursor.isascii()
    assert cursor.isdigit()
    assert len(result.hits) <= limit
