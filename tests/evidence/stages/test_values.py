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
