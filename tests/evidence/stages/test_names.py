"""The names stage: who a report names, under which form."""

from __future__ import annotations

from looseleaf.evidence.extract.names import _names, _registered
from tests.evidence.stages.conftest import reading


def test_a_name_written_surname_first_is_read_in_the_usual_order() -> None:
    text = "KHARLAMOV Grigory Ivanovich; Savchuk, Mykola Ivanovich; Rudenko A. S.; GRINBERGA O. Ya."
    assert [m.text for m in _registered(text)] == [
        "Grigory Ivanovich Kharlamov",
        "Mykola Ivanovich Savchuk",
        "A. S. Rudenko",
        "O. Ya. Grinberga",
    ]


def test_a_surname_alone_is_the_one_person_of_that_surname() -> None:
    report = reading("Ivan Petrovich Sorokin was arrested. Sorokin denied it. Ivan Petrovich wept.")
    assert {m.text for m in report.mentions if m.person} == {"Ivan Petrovich Sorokin"}


def test_two_persons_of_one_surname_leave_the_surname_as_written() -> None:
    report = reading("A. S. Rudenko and A. P. Rudenko were both arrested. Rudenko was shot.")
    assert [m.text for m in report.mentions if m.person] == [
        "A. S. Rudenko",
        "A. P. Rudenko",
        "Rudenko",
    ]


def test_a_body_known_by_its_acronym_and_its_name_is_one_body() -> None:
    found = _names("In 1949 JZD Přílepy was founded; OO StB Holešov watched it.", [])
    assert [(m.text, m.kind) for m in found] == [("JZD Přílepy", "org"), ("OO StB Holešov", "org")]


def test_a_person_in_capitals_before_a_given_name_is_no_body() -> None:
    assert "LUPU Grigore" not in {m.text for m in _names("LUPU Grigore sailed.", [])}


def test_a_surname_in_capitals_before_a_comma_and_a_given_name() -> None:
    assert [m.text for m in _registered("The accused: KÄSTNER, Joachim, born 14.2.1931.")] == [
        "Joachim Kästner"
    ]
