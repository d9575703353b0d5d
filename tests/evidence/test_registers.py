"""The extractor on the registers archives hold, beyond the narrative prose of
the seeds: chronology entries, protocols of interrogation, registers that
write the surname first, form fields, roles in a proceeding, sentences,
renamings and meetings. Each text here is our own, one shape of English
each; the benchmark (benchmarks/conflicts.py) measures how far the rules
reach on whole documents."""

from __future__ import annotations

import pytest

from looseleaf.cardindex.extract import unaided
from looseleaf.evidence.dates import dates_in, parse
from looseleaf.evidence.extract import Found, Name, suggest
from looseleaf.ingest.normalise import normalise


def found(text: str) -> list[Found]:
    """The suggestions for a text as ingest makes them: normalised, with the
    names the card index's patterns find."""
    text = normalise(text)
    names = [Name(m.start, m.end, text[m.start : m.end], None) for m in unaided(text, model=False)]
    return suggest(text, names)


def rows(text: str) -> set[tuple[str, str, str, str | None]]:
    return {(f.subject, f.property, f.when.label, f.value) for f in found(text)}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("3.IV.1938", "1938-04-03"),
        ("12.III.37", "1937-03-12"),
        ("03.04.1938", "1938-04-03"),
        ("3/IV/38", "1938-04-03"),
        ("XII.1937", "1937-12"),
        ("1-19.IX.1937", "1937-09-01/1937-09-19"),
        ("1938-04-03", "1938-04-03"),
        ("from 28 January to 10 February 1934", "1934-01-28/1934-02-10"),
        ("between 30 December 1937 and 4 January 1938", "1937-12-30/1938-01-04"),
        ("Sept. 24 - Oct. 2, 1937", "1937-09-24/1937-10-02"),
        ("Oct. 1937 - Nov. 1938", "1937-10-01/1938-11-30"),
    ],
)
def test_dates_as_registries_write_them(text: str, label: str) -> None:
    [when] = dates_in(text)
    assert when.label == label


def test_an_approximate_year_and_years_counted_from_the_report() -> None:
    [about] = dates_in("about 1935")
    assert (about.label, about.approximate) == ("1935", True)
    dated, last = dates_in("Poltava, 23 June 1938. He was arrested on 17 November of last year.")
    assert (dated.label, last.label, last.relative_to) == ("1938-06-23", "1937-11-17", "1938-06-23")
    _, month = dates_in("Kharlamov was arrested on 14 November 1937. Rudenko later the same month.")
    assert month.label == "1937-11"


@pytest.mark.parametrize(
    ("typed", "label", "approximate"),
    [
        ("1940-08-20", "1940-08-20", False),
        ("c. 1937", "1937", True),
        ("3.IV.1938", "1938-04-03", False),
        ("1930s", "1930/1939", False),
        ("December 9999", "9999-12", False),
        ("1951-03-29T10:00:00Z", "1951-03-29", False),
    ],
)
def test_one_reading_of_a_typed_date(typed: str, label: str, approximate: bool) -> None:
    when = parse(typed)
    assert when is not None
    assert (when.label, when.approximate, when.relative_to) == (label, approximate, None)


@pytest.mark.parametrize("typed", ["", "n.d.", "1940-13-01", "31 April 1940", "the next day"])
def test_what_is_no_typed_date(typed: str) -> None:
    assert parse(typed) is None


def test_a_chronology_dates_every_entry_by_its_opening_date() -> None:
    text = (
        "CHRONOLOGY\n\n"
        "14.XI.1937 - arrest of I. P. Sorokin.\n"
        "the following day - Sorokin interrogated.\n"
        "Mar. 1938 - death of V. K. Lenski in the camp hospital.\n"
    )
    assert {
        ("I. P. Sorokin", "arrested", "1937-11-14", None),
        ("I. P. Sorokin", "interrogated", "1937-11-15", None),
        ("V. K. Lenski", "died", "1938-03", None),
    } <= rows(text)


def test_a_protocols_answers_speak_for_the_accused() -> None:
    text = (
        "Protocol of interrogation of the accused ORLOVA Nina Petrovna, Kiev, 5.V.1938\n\n"
        "Date of arrest: 2.V.1938.\n"
        "Question: When did you join the bureau?\n"
        "Answer: I was appointed head of the design bureau in 1934.\n"
        "Question: Who recruited you?\n"
        "Answer: I was drawn into the group in 1936 by my superior.\n"
    )
    got = rows(text)
    assert ("Nina Petrovna Orlova", "arrested", "1938-05-02", None) in got
    assert ("Nina Petrovna Orlova", "appointed", "1934", "head of the design bureau") in got
    assert any(r[:3] == ("Nina Petrovna Orlova", "recruited", "1936") for r in got)


def test_roles_in_a_proceeding() -> None:
    text = (
        "On 20 June 1938 the court heard the case of Pavel Gromov. The court was presided "
        "over by Divisional Military Jurist A. N. Belov; the prosecutor was Ilya Sukhov. "
        "The witness Anna Kravets testified against him."
    )
    roles = {(f.subject, f.value) for f in found(text) if f.property == "role"}
    assert roles == {
        ("A. N. Belov", "judge"),
        ("Ilya Sukhov", "prosecutor"),
        ("Anna Kravets", "witness"),
    }


def test_membership_of_a_party_is_no_role_in_a_proceeding() -> None:
    text = "In 1929 Pavel Gromov, a member of the district committee, moved to Kiev."
    assert not [f for f in found(text) if f.property == "role"]


def test_what_a_sentence_gave_and_a_new_name() -> None:
    text = (
        "On 22 June 1938 Pavel Gromov was sentenced to ten years in a labour camp. "
        "On the same day the court sentenced Ilya Sukhov to the supreme measure of punishment. "
        "In 1936 the Gromov Works was renamed the Kiev Compressor Works."
    )
    got = rows(text)
    assert ("Pavel Gromov", "sentenced", "1938-06-22", "ten years in a labour camp") in got
    assert any(r[:3] == ("Ilya Sukhov", "sentenced", "1938-06-22") for r in got)
    assert ("Gromov Works", "renamed", "1936", "Kiev Compressor Works") in got


def test_a_surname_alone_is_the_one_person_of_that_name() -> None:
    """ "Sorokin" is Ivan Petrovich Sorokin; where two Lenskis are named, the
    surname alone is left as written."""
    text = (
        "SOROKIN Ivan Petrovich, born 1899 in Poltava, was arrested in 1937. "
        "Sorokin was shot on 3 May 1938. V. K. Lenski and A. P. Lenski were tried in 1939. "
        "Lenski died in 1940."
    )
    got = rows(text)
    assert ("Ivan Petrovich Sorokin", "executed", "1938-05-03", None) in got
    assert ("Lenski", "died", "1940", None) in got
    [born] = [f for f in found(text) if f.property == "born"]
    assert born.place == "Poltava"


def test_a_footnote_mark_ends_a_sentence() -> None:
    text = (
        "Gromov was shot shortly afterwards.[7] Sukhov received eight years and died in a "
        "camp in 1944.[8]"
    )
    died = [f for f in found(text) if f.property == "died"]
    assert [(f.subject, f.when.label) for f in died] == [("Sukhov", "1944")]


def test_a_meeting_names_the_other_party_and_a_meeting_place_is_a_stay() -> None:
    text = "On 12 March 1951 Grigore Lupu met Kasimir Orlov-Brandt at last."
    got = {(f.subject, f.property, f.value, f.place) for f in found(text)}
    assert got == {("Grigore Lupu", "met", "Kasimir Orlov-Brandt", None)}
    text = "On 12 March 1951 Grigore Lupu met Kasimir Orlov-Brandt in a tavern in Vienna."
    got = {(f.subject, f.property, f.value, f.place) for f in found(text)}
    assert ("Grigore Lupu", "located-at", None, "Vienna") in got
