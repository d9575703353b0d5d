"""The attribution stage: who "I" and "the accused" are."""

from __future__ import annotations

from tests.evidence.stages.conftest import hits, reading


def test_the_respondent_of_a_protocol_answers_and_is_the_accused() -> None:
    text = (
        "Protocol of interrogation of the accused ORLOVA Nina Petrovna, Kiev, 5.V.1938\n\n"
        "Question: When were you appointed?\n"
        "Answer: I was appointed head of the bureau in 1934.\n\n"
        "The accused was shot on 9 June 1938.\n"
    )
    report = reading(text)
    assert report.respondent is not None
    assert report.respondent.text == "Nina Petrovna Orlova"
    found = hits(text)
    assert ("Nina Petrovna Orlova", "appointed", "1934", "head of the bureau") in found
    assert ("Nina Petrovna Orlova", "executed", "1938-06-09", None) in found


def test_a_letter_is_told_by_whoever_signs_it() -> None:
    text = (
        "Dear Comrade Prosecutor,\n\n"
        "From the 20th of November 1937 I was in Kyiv at a course.\n\n"
        "With respect,\nAnna Kravets\n"
    )
    report = reading(text)
    assert report.narrator is not None
    assert report.narrator.text == "Anna Kravets"
    assert any(
        h.subject.text == "Anna Kravets" and h.property == "located-at" for h in report.read()
    )


def test_i_outside_an_answer_is_not_the_respondent() -> None:
    text = (
        "Protocol of interrogation of the accused ORLOVA Nina Petrovna, Kiev, 5.V.1938\n\n"
        "Question: I was appointed in 1930, were you?\n"
    )
    found = reading(text).read()
    assert not [h for h in found if h.property == "appointed"]
