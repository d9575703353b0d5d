"""Names as the files write them and as users type them: given names of many
languages, case endings, card order, alias sentences of every shape, lists,
bodies and followers. The sentences are invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from looseleaf.cardindex.extract import alias_hints, patterns
from looseleaf.cardindex.lexicon import is_given, nominatives
from looseleaf.cardindex.matcher import compare
from looseleaf.cardindex.names import is_patronymic, parse
from looseleaf.model import FormType
from looseleaf.registry import Registry
from tests.conftest import OPERATOR, write


def found(text: str) -> list[str]:
    return [m.text for m in patterns(text)]


@pytest.mark.parametrize("name", ["wanda", "louis", "stefan", "parmen", "toivo", "reinhard"])
def test_given_names_of_many_languages_are_known(name: str) -> None:
    assert is_given(name)


@pytest.mark.parametrize("word", ["the", "soviet", "may", "nazi", "general"])
def test_words_that_are_also_given_names_somewhere_are_not(word: str) -> None:
    assert not is_given(word)


def test_an_unknown_given_name_no_longer_hides_a_person() -> None:
    assert found("The note was passed to Wanda Lisiecka and to Louis Brandauer.") == [
        "Wanda Lisiecka",
        "Louis Brandauer",
    ]


@pytest.mark.parametrize(
    ("word", "first"),
    [("Троцкого", "Троцкий"), ("Седовой", "Седова"), ("Бухарину", "Бухарин"), ("Льва", "Лев")],
)
def test_a_russian_name_is_read_in_the_nominative(word: str, first: str) -> None:
    assert nominatives(word)[0] == first


def test_an_unclear_case_keeps_every_reading() -> None:
    assert set(nominatives("Петрова")) == {"Петров", "Петрова"}
    assert compare("Петрова", "Petrov").same  # the genitive of Petrov ...
    assert compare("Петрова", "Petrova").same  # ... or Petrova herself


def test_a_genitive_meets_the_latin_form() -> None:
    assert compare("Льва Троцкого", "Leon Trotsky").same


@pytest.mark.parametrize(
    ("form", "given", "initials", "surname"),
    [
        ("Резник М. Б.", (), ("m", "b"), "reznik"),
        ("Соколов Аркадий Павлович", ("arkadiy",), (), "sokolov"),
        ("Орлик Стефан", ("stefan",), (), "orlik"),
        ("Efimov I.", (), ("i",), "efimov"),
        ("Leon Trotsky", ("leon",), (), "trotsky"),
    ],
)
def test_card_order_puts_the_surname_last(
    form: str, given: tuple[str, ...], initials: tuple[str, ...], surname: str
) -> None:
    name = parse(form)
    assert (name.given, name.initials, name.surname) == (given, initials, surname)


def test_father_and_son_are_told_apart() -> None:
    assert compare("Jan Kowal Jr.", "Jan Kowal").never
    assert compare("Kowal the elder", "Jan Kowal Jr.").never
    assert compare("Jan Kowal Jr.", "Jan Kowal Junior").same


def test_a_patronymic_is_told_from_a_surname_of_that_shape() -> None:
    assert is_patronymic("Semyonovich")
    assert is_patronymic("Lvovna")
    assert not is_patronymic("Kaganovich")
    assert not is_patronymic("Rabinovich")


@pytest.mark.parametrize(
    ("text", "name", "alias", "kind"),
    [
        ("Then Piotr Zalewski, a courier code-named SOKOL, left.", "Piotr Zalewski", "SOKOL",
         FormType.CODE_NAME),
        ("Later Anna Brill, going by the name Nora Vey, came back.", "Anna Brill", "Nora Vey",
         FormType.COVER_NAME),
        ("In May 1951, Aron Fink took the train, travelling on a passport as Emil Rusu.",
         "Aron Fink", "Emil Rusu", FormType.COVER_NAME),
        ('Nicknamed "the Owl", Max Weigel said little.', "Max Weigel", "Owl",
         FormType.NICKNAME),
        ("Source DUB is Karol Wenta, recruited in 1950.", "Karol Wenta", "DUB",
         FormType.CODE_NAME),
        ('Informer "LIPA" (Ewa Marek, born 1930) reported.', "Ewa Marek", "LIPA",
         FormType.CODE_NAME),
        ('They spoke of Olga Rein ("Lola") at length.', "Olga Rein", "Lola", FormType.NICKNAME),
        ("Then Bruno Falk, a UB courier code-named CZAPLA, left.", "Bruno Falk", "CZAPLA",
         FormType.CODE_NAME),
        ('Falkowski had joined the UB in 1946 under the alias "Tur".', "Falkowski", "Tur",
         FormType.COVER_NAME),
    ],
)  # fmt: skip
def test_an_alias_sentence_says_whose_other_name_it_is(
    text: str, name: str, alias: str, kind: FormType
) -> None:
    [hint] = alias_hints(text)
    assert (hint.name, hint.alias, hint.type) == (name, alias, kind)


def test_an_alias_of_someone_the_sentence_does_not_name_is_no_hint() -> None:
    text = "Marek Lis was helped by an associate known as Kestrel. Then he left."
    assert alias_hints(text) == []
    objected = "He grew close to Marek Lis using the alias Jan Nowy."  # who used it? he did
    assert alias_hints(objected) == []


def test_a_surname_given_once_in_full_is_found_again_on_the_leaf() -> None:
    text = "The courier Jacques Lemarin arrived. Nobody trusted Lemarin after that."
    assert found(text) == ["Jacques Lemarin", "Lemarin"]


def test_names_listed_with_names_are_names() -> None:
    text = "Present were Anna Wolska, Kurt Brenner, Ostap Dziuba and Fedir Hlib."
    assert found(text) == ["Anna Wolska", "Kurt Brenner", "Ostap Dziuba", "Fedir Hlib"]
    assert found("In Lwow, Krakow and Lublin it rained.") == []


def test_bodies_acronyms_and_followers_are_found_but_headings_are_not() -> None:
    text = (
        "SECRET\n"
        "The Ministry of Public Security (MBP) held Witold Zaremba. The Zarembists\n"
        "met again; the Communists did not.\n"
    )
    assert found(text) == ["Ministry of Public Security", "MBP", "Witold Zaremba", "Zarembists"]
    assert parse("Zarembists").kind.value == "group"


def test_a_surname_spelled_one_letter_apart_further_on_is_the_same_name() -> None:
    text = (
        "The courier Bruno Castellano crossed at dawn. Two days later Castellaro "
        "was seen in Trieste, and Castellana, his sister, stayed behind."
    )
    # One letter inside the word is a spelling; another ending is another person.
    assert found(text) == ["Bruno Castellano", "Castellaro"]


def test_a_surname_given_in_full_on_an_earlier_page_names_him_on_this_one() -> None:
    page = "Later Wolkenstein burned the letters and left by the night train."
    assert "Wolkenstein" not in found(page)
    assert [m.text for m in patterns(page, ["Ottokar Wolkenstein"])] == ["Wolkenstein"]


def test_a_cover_name_on_a_later_page_joins_the_man_named_on_the_first(
    registry: Registry, tmp_path: Path
) -> None:
    first = "The agent Ottokar Wolkenstein arrived in Graz in May.\n"
    second = "In June Wolkenstein went on to Zagreb, travelling on a passport as 'Emil Hasler.'\n"
    registry.ingest(OPERATOR, [write(tmp_path / "two.txt", first + "\f" + second)], dossier="Graz")
    [proposed] = [s for s in registry.suggestions(OPERATOR) if "Ottokar Wolkenstein" in s.forms]
    assert set(proposed.forms) == {"Ottokar Wolkenstein", "Wolkenstein", "Emil Hasler"}
