"""The values stage: numbers of a case and lists of persons."""

from __future__ import annotations

from tests.evidence.stages.conftest import hits


def test_death_sentences_are_the_lead_defendants_case() -> None:
    found = hits(
        "On 22 June 1938 Pavel Gromov was sentenced to death; four death sentences in all were "
        "passed."
    )
    assert ("Pavel Gromov", "death-sentences", "1938-06-22", "four") in found


def test_a_list_after_the_event_word_dates_each_person() -> None:
    found = hits(
        "The following have been arrested: the engineer G. I. Kharlamov, on 14 November 1937; "
        "the foreman M. I. Savchuk, on 22 November 1937."
    )
    assert {("G. I. Kharlamov", "1937-11-14"), ("M. I. Savchuk", "1937-11-22")} <= {
        (s, d) for s, p, d, _ in found if p == "arrested"
    }


def test_a_verdict_delivered_dates_the_sentence_of_the_trials_defendant() -> None:
    found = hits(
        "On 8 October 1951 the trial of Alois Kubicek opened in Brno. "
        "On 12 October 1951 the court delivered its verdict."
    )
    assert ("Alois Kubicek", "tried", "1951-10-08", None) in found
    assert ("Alois Kubicek", "sentenced", "1951-10-12", None) in found


def test_a_judgment_lists_each_term() -> None:
    found = hits(
        "10.IX.1968 - Judgment: Joachim Kästner 4 years, Ursula Brandt 2 years, "
        "Klaus Reinhardt 2 years 6 months."
    )
    assert {(s, v) for s, p, _, v in found if p == "sentenced"} == {
        ("Joachim Kästner", "4 years"),
        ("Ursula Brandt", "2 years"),
        ("Klaus Reinhardt", "2 years 6 months"),
    }
