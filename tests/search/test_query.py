"""The query syntax: what parses to what, and one-line errors for the rest."""

from __future__ import annotations

import pytest

from looseleaf.errors import BadInput
from looseleaf.search.fts import to_fts5, to_tsquery
from looseleaf.search.query import And, Not, Or, Phrase, Term, parse


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("Dzerzhinsky", Term("dzerzhinsky")),
        ('"iron felix"', Phrase(("iron", "felix"))),
        ("trots*", Term("trots", prefix=True)),
        ("a OR b c", Or((Term("a"), And((Term("b"), Term("c")))))),
        ("(a OR b) c", And((Or((Term("a"), Term("b"))), Term("c")))),
        ("yezhov -kirov", And((Term("yezhov"), Not(Term("kirov"))))),
        ("yezhov NOT kirov", And((Term("yezhov"), Not(Term("kirov"))))),
        ("Orlov-Brandt", Phrase(("orlov", "brandt"))),
        ("a AND b", And((Term("a"), Term("b")))),
    ],
)
def test_parses(text: str, expr: object) -> None:
    assert parse(text).expr == expr


def test_filters_are_collected_apart_from_the_words() -> None:
    query = parse('vienna dossier:12 dossier:"LUPU, Grigore" level:SECRET from:1951-03')
    assert query.expr == Term("vienna")
    assert query.filters == {
        "dossier": ("12", "LUPU, Grigore"),
        "level": ("SECRET",),
        "from": ("1951-03",),
    }


def test_an_unknown_field_is_just_a_word() -> None:
    assert parse("http:example").expr == Phrase(("http", "example"))


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('"open', "quotation mark is not closed"),
        ("(a", "parenthesis is not closed"),
        ("a)", "closing parenthesis has no opening one"),
        ("NOT a", "NOT needs something to leave out from"),
        ("-a -b", "NOT needs something to leave out from"),
        ("a OR", "OR needs something on both sides"),
        ("a OR b dossier:1", "top-level OR"),
        ("(dossier:1 a)", "cannot be inside"),
        ("", "nothing to search for"),
        ("   ", "nothing to search for"),
        ("x" * 1001, "longer than 1000"),
    ],
)
def test_bad_queries_get_one_line_saying_why(text: str, reason: str) -> None:
    with pytest.raises(BadInput) as error:
        parse(text)
    message = str(error.value)
    assert reason in message
    assert "\n" not in message


def test_translations_quote_every_word() -> None:
    expr = parse('(yezhov OR "iron felix") trots* -kirov').expr
    assert expr is not None
    assert to_fts5(expr) == '((("yezhov" OR "iron felix") AND "trots"*) NOT "kirov")'
    assert to_tsquery(expr) == "(('yezhov' | ('iron' <-> 'felix')) & 'trots':* & !'kirov')"


def test_operators_typed_inside_words_cannot_change_the_query() -> None:
    expr = parse("NEAR(a b) col:x ^start").expr
    assert expr is not None
    fts = to_fts5(expr)
    assert "NEAR(" not in fts
    assert "^" not in fts
