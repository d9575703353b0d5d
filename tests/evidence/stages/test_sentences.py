"""The sentences stage: where a report divides."""

from __future__ import annotations

from looseleaf.evidence.extract.sentences import _sentences


def texts(text: str) -> list[str]:
    return [s.text for s in _sentences(text)]


def test_a_footnote_mark_ends_a_sentence_and_initials_do_not() -> None:
    assert texts("He was shot soon after.[7] G. I. Kharlamov was not.³ Then came Mar. 1938.") == [
        "He was shot soon after.[7]",
        "G. I. Kharlamov was not.³",
        "Then came Mar. 1938.",
    ]


def test_a_day_and_its_roman_month_stay_together() -> None:
    assert texts("The accused RUDENKO A. S., arrested 2. XII.1937, admitted it.") == [
        "The accused RUDENKO A. S., arrested 2. XII.1937, admitted it."
    ]


def test_titles_do_not_end_a_sentence() -> None:
    assert texts("The senate was presided over by JUDr. Vladimír Pospíšil. It sat.") == [
        "The senate was presided over by JUDr. Vladimír Pospíšil.",
        "It sat.",
    ]


def test_a_dash_splits_a_chronology_entry_into_its_date_and_its_event() -> None:
    [entry] = _sentences("14.XI.1937 - arrest of I. P. Sorokin.")
    first = entry.clauses[0]
    assert entry.text[first.start - entry.start : first.end - entry.start] == "14.XI.1937"
