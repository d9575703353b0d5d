"""The roles stage: parts in a proceeding and a form's fields."""

from __future__ import annotations

from tests.evidence.stages.conftest import hits


def test_presiding_prosecuting_and_testifying() -> None:
    found = hits(
        "On 8 October 1951 the trial of Alois Kubicek opened. The senate was presided over by "
        "JUDr. Vladimir Pospisil; the prosecution was represented by JUDr. Karel Novak. "
        "The witness Anna Kravets testified."
    )
    assert {(s, v) for s, p, _, v in found if p == "role"} == {
        ("Vladimir Pospisil", "judge"),
        ("Karel Novak", "prosecutor"),
        ("Anna Kravets", "witness"),
    }


def test_the_accused_is_a_defendant_only_where_a_court_sits() -> None:
    assert not [
        h for h in hits("On 9 May 1938 the accused Ivan Sorokin was questioned.") if h[1] == "role"
    ]
    found = hits("On 21 June 1938 the court heard the accused Ivan Sorokin.")
    assert ("Ivan Sorokin", "role", "1938-06-21", "defendant") in found


def test_a_forms_field_dates_the_person_it_is_about() -> None:
    text = (
        "Protocol of interrogation of the accused SOROKIN Ivan Petrovich, 5.V.1938\n\n"
        "Date of arrest: 2.V.1938.\n"
    )
    assert ("Ivan Petrovich Sorokin", "arrested", "1938-05-02", None) in hits(text)
