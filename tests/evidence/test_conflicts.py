"""Conflicts, pure: which claims cannot all be true, and which only look so.

Claims are built by hand here (as the facade would hand them over after the
access filter), plus a few read from text by the extractor, so that the kinds
of conflict the seeds hold are pinned down without the seeds: a one-time event
on two dates, counts and roles with different values, an alibi; and what is
not a conflict: an attack and a death, a plan and what happened, a total and
its parts, a stay dated only by its year.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import count

import pytest

from looseleaf.evidence.conflicts import conflicts, number_of
from looseleaf.evidence.dates import dates_in
from looseleaf.evidence.extract import Name, suggest
from looseleaf.model import Claim, Conflict

_ids = count(1)


def claim(
    subject: str,
    prop: str,
    when: str | None,
    *,
    value: str | None = None,
    place: str | None = None,
    planned: bool = False,
    leaf: int = 1,
    status: str = "asserted",
    subject_id: int | None = None,
) -> Claim:
    """A claim as the store returns it; `when` is as written ("20 August 1940")."""
    first = last = label = None
    if when is not None:
        [found] = dates_in(when)
        first, last, label = found.first, found.last, found.label
    return Claim(
        id=next(_ids),
        subject_id=subject_id,
        subject=subject,
        property=prop,
        value=value,
        value_id=None,
        date=label,
        date_first=first,
        date_last=last,
        date_text=when,
        relative_to=None,
        place=place,
        planned=planned,
        status=status,
        credibility=None,
        leaf_id=leaf,
        dossier_id=1,
        start=0,
        end=1,
        quote="...",
        made_by="test",
        made_at="2026-01-01T00:00:00Z",
        source="a source",
        grade=None,
    )


def sides_of(found: Conflict) -> list[set[str | None]]:
    return [{c.value or c.place or c.date for c in side} for side in found.sides]


def test_a_death_on_two_days_is_a_conflict_with_each_side_cited() -> None:
    a = claim("Leon Trotsky", "died", "20 August 1940", leaf=3)
    b = claim("Trotsky", "died", "21 August 1940", leaf=4)
    c = claim("Trotsky", "died", "August 1940", leaf=5)
    [found] = conflicts([a, b, c])
    assert (found.property, found.kind) == ("died", "date")
    assert [{x.leaf_id for x in side} for side in found.sides] == [{3, 5}, {4, 5}]
    assert found.subject == "Leon Trotsky"


def test_an_attack_and_the_death_next_day_are_two_events() -> None:
    attack = claim("Trotsky", "attacked", "20 August 1940")
    death = claim("Trotsky", "died", "21 August 1940")
    earlier = claim("Trotsky", "attacked", "24 May 1940")
    assert conflicts([attack, death, earlier]) == []


def test_planned_and_withdrawn_claims_stand_for_nothing() -> None:
    plan = claim("Trotsky", "located-at", "8 January 1937", place="Vera Cruz", planned=True)
    arrived = claim("Trotsky", "located-at", "9 January 1937", place="Tampico")
    assert conflicts([plan, arrived]) == []
    wrong = claim("Trotsky", "died", "20 August 1940", status="retracted")
    rejected = claim("Trotsky", "died", "22 August 1940", status="rejected")
    assert conflicts([wrong, rejected, claim("Trotsky", "died", "21 August 1940")]) == []


def test_names_the_matcher_joins_are_one_subject_and_others_are_not() -> None:
    shot = [
        claim("Tukhachevsky", "executed", "11 June 1937"),
        claim("Mikhail Tukhachevsky", "executed", "12 June 1937"),
    ]
    assert len(conflicts(shot)) == 1
    assert conflicts([claim("Yagoda", "executed", "15 March 1938"),
                      claim("Yezhov", "executed", "4 February 1940")]) == []  # fmt: skip
    # a card-index record joins what spelling cannot
    assert len(conflicts([claim("Jacson", "died", "1978", subject_id=7),
                          claim("Mercader", "died", "1979", subject_id=7)])) == 1  # fmt: skip


def test_counts_of_one_period_conflict_but_not_the_parts_of_a_total() -> None:
    total = claim("the Great Purge", "number-of-victims", "1937-38", value="681,692", leaf=9)
    part_1937 = claim("the Great Purge", "number-of-victims", "1937", value="353,074", leaf=9)
    part_1938 = claim("the Great Purge", "number-of-victims", "1938", value="328,618", leaf=9)
    rounded = claim("the Great Purge", "number-of-victims", "1938", value="680,000", leaf=2)
    words = claim("the Great Purge", "number-of-victims", "1936-38", value="two million", leaf=1)
    wider = claim(
        "the Great Purge",
        "number-of-victims",
        "between January 1935 and May 1941",
        value="seven million",
        leaf=8,
    )
    [found] = conflicts([total, part_1937, part_1938, rounded, words, wider])
    assert (found.property, found.kind) == ("number-of-victims", "value")
    values = [{c.value for c in side} for side in found.sides]
    assert sorted(values, key=str) == sorted(
        [{"681,692"}, {"680,000"}, {"two million"}, {"seven million"}], key=str
    )
    # the same count written twice is one side, not two
    again = claim("the Great Purge", "number-of-victims", "1937-38", value="681 692", leaf=4)
    [found] = conflicts([total, again, rounded])
    assert [len(side) for side in found.sides] == [1, 2]


def test_counts_of_different_periods_are_not_rivals() -> None:
    by_mid_december = claim("reprisals", "number-of-victims", "December 1934", value="104")
    in_1937 = claim("reprisals", "number-of-victims", "1937", value="117")
    assert conflicts([by_mid_december, in_1937]) == []


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("681,692", 681_692),
        ("680 000", 680_000),
        ("two million", 2_000_000),
        ("seven million", 7_000_000),
        ("1.3 million", 1_300_000),
        ("19.8 million", 19_800_000),
        ("eight", 8),
        ("twenty-five", 25),
        ("25,700", 25_700),
        ("a hundred", 100),
    ],
)
def test_numbers_as_the_seeds_write_them(written: str, amount: float) -> None:
    assert number_of(written) == amount


def test_number_words_that_say_no_number() -> None:
    assert number_of("several") is None
    assert number_of("the sixteen") == 16
    assert number_of("") is None


def test_a_role_at_one_trial_cannot_be_both_judge_and_prosecutor() -> None:
    judge = claim("Vyshinsky", "other", "August 1936", value="judge", leaf=1)
    prosecutor = claim("Andrei Vyshinsky", "other", "19 August 1936", value="prosecutor", leaf=2)
    ulrikh = claim("Vasily Ulrikh", "other", "19 August 1936", value="judge", leaf=2)
    [found] = conflicts([judge, prosecutor, ulrikh])
    assert (found.property, found.kind) == ("role", "value")
    assert sides_of(found) == [{"judge"}, {"prosecutor"}]
    # other "other" claims are not roles and never conflict by value
    assert conflicts([claim("Reiss", "other", "July 1937", value="letter to Stalin"),
                      claim("Reiss", "other", "July 1937", value="defected")]) == []  # fmt: skip


def test_how_many_were_tried_together() -> None:
    eight = claim("Tukhachevsky", "tried", "June 1937", value="eight", leaf=1)
    seven = claim("Mikhail Tukhachevsky", "tried", "June, 1937", value="seven", leaf=2)
    [found] = conflicts([eight, seven])
    assert (found.property, found.kind) == ("tried", "value")
    # two trials of one man on different dates are two trials
    assert conflicts([claim("Zinoviev", "tried", "January 1935"),
                      claim("Zinoviev", "tried", "August 1936")]) == []  # fmt: skip


def test_an_absorption_dated_twice_and_successor_names() -> None:
    a = claim("NKVD", "absorbed", "1933", value="GPU", leaf=1)
    b = claim("NKVD", "absorbed", "10 July 1934", value="OGPU", leaf=2)
    [found] = conflicts([a, b])
    assert (found.property, found.kind) == ("absorbed", "date")
    other_body = claim("NKVD", "absorbed", "1946", value="Border Guard")
    assert len(conflicts([a, b, other_body])) == 1


def test_an_alibi_is_a_presence_conflict() -> None:
    norway = claim(
        "Halvorsen",
        "located-at",
        "between the middle of May and the middle of June, 1911",
        place="Norway",
        leaf=44,
    )
    malmo = claim(
        "Halvorsen", "located-at", "from May 3 to May 24, 1911", place="Malmo, Sweden", leaf=45
    )
    antwerp = claim("Halvorsen", "located-at", "June 1-12, 1911", place="Antwerp", leaf=45)
    [found] = conflicts([norway, malmo, antwerp])
    assert (found.property, found.kind) == ("located-at", "presence")
    assert sides_of(found) == [{"Antwerp"}, {"Malmo, Sweden"}, {"Norway"}]
    assert {c.leaf_id for c in found.sides[2]} == {44}


def test_travel_in_a_day_a_city_in_its_country_and_a_year_are_no_alibi() -> None:
    lecheria = claim("Trotsky", "located-at", "11 January 1937", place="Lecheria")
    coyoacan = claim("Trotsky", "located-at", "11 January 1937", place="Coyoacan")
    mexico = claim("Trotsky", "located-at", "1937", place="Mexico")
    city = claim("Reiss", "located-at", "1932-37", place="Paris")
    country = claim("Reiss", "located-at", "May 1935", place="Paris, France")
    assert conflicts([lecheria, coyoacan, mexico, city, country]) == []


def test_notes_are_shown_only_beside_all_the_claims_they_are_about() -> None:
    a = claim("Tukhachevsky", "executed", "11 June 1937")
    b = claim("Tukhachevsky", "executed", "12 June 1937")
    c = claim("Tukhachevsky", "executed", "June 1937")
    note = (frozenset({a.id, c.id}), "the sentence, not the shooting")
    [found] = conflicts([a, b, c], [note])
    assert found.notes == ("the sentence, not the shooting",)
    [hidden] = conflicts([a, b], [note])  # c is not among what the asker may see
    assert hidden.notes == ()


TEXT = (
    "December 30\n\n"
    "The mate surmises we will be in Lisbon on January 8. "
    "Brandt was arrested on 10th April, 1913.\n\n"
    "January 9\n\n"
    "In the cold grey morning our steamer entered the harbour of Oporto."
)


def test_from_text_a_plan_is_marked_planned_and_is_not_a_conflict() -> None:
    text = "Anna Velling\n\n" + TEXT.replace("December 30", "December 30, 1910", 1)
    names = [Name(0, 12, "Anna Velling", None)]
    found = {(f.property, f.place, f.planned, f.when.label) for f in suggest(text, names)}
    assert ("located-at", "Lisbon", True, "1911-01-08") in found
    assert ("located-at", "Oporto", False, "1911-01-09") in found
    assert ("arrested", None, False, "1913-04-10") in found


def kinds(found: list[Conflict]) -> set[tuple[str, str, str]]:
    return {(c.subject, c.property, c.kind) for c in found}


def test_one_arrest_dated_twice_is_a_conflict_a_second_arrest_is_not() -> None:
    first = claim("Ivan Sorokin", "arrested", "14 November 1937", leaf=1)
    other = claim("Ivan Sorokin", "arrested", "17 November 1937", leaf=2)
    assert kinds(conflicts([first, other])) == {("Ivan Sorokin", "arrested", "date")}
    later = claim("Ivan Sorokin", "arrested", "3 March 1949", leaf=3)
    assert conflicts([first, later]) == []
    again = replace(
        claim("Ivan Sorokin", "arrested", "20 November 1937", leaf=3), quote="arrested again"
    )
    assert conflicts([first, again]) == []


def test_namesakes_with_different_initials_are_two_persons() -> None:
    one = claim("A. S. Rudenko", "sentenced", "22 June 1938", value="10 years", leaf=1)
    two = claim("A. P. Rudenko", "sentenced", "3 August 1938", value="5 years", leaf=2)
    assert conflicts([one, two]) == []
    same = claim("Anatoly Semenovich Rudenko", "sentenced", "22 June 1938", value="8 years", leaf=3)
    [found] = conflicts([one, two, same])
    assert (found.kind, sorted(c.value or "" for s in found.sides for c in s)) == (
        "value",
        ["10 years", "8 years"],
    )


def test_a_day_inside_another_stay_is_an_alibi_its_first_day_is_not() -> None:
    moscow = claim("Kharlamov", "located-at", "from 24 September to 2 October 1937", place="Moscow")
    works = claim("Kharlamov", "located-at", "27 September 1937", place="Poltava", leaf=2)
    assert kinds(conflicts([moscow, works])) == {("Kharlamov", "located-at", "presence")}
    arriving = claim("Kharlamov", "located-at", "24 September 1937", place="Poltava", leaf=2)
    assert conflicts([moscow, arriving]) == []


def test_sentences_compare_by_what_was_given() -> None:
    death = claim("Gromov", "sentenced", "22 June 1938", value="the supreme measure of punishment")
    shot = claim("Gromov", "sentenced", "22 June 1938", value="be shot", leaf=2)
    years = claim("Gromov", "sentenced", "22 June 1938", value="ten years in a labour camp", leaf=3)
    assert conflicts([death, shot]) == []
    assert kinds(conflicts([death, years])) == {("Gromov", "sentenced", "value")}
    executed = claim("Gromov", "executed", "23 June 1938", leaf=4)
    assert conflicts([death, executed]) == []


def test_born_in_two_places_unless_one_holds_the_other() -> None:
    one = claim("Kharlamov", "born", "1896", place="Kremenchuk")
    two = claim("Kharlamov", "born", "1896", place="Kharkiv", leaf=2)
    assert kinds(conflicts([one, two])) == {("Kharlamov", "born", "value")}
    district = claim("Kharlamov", "born", "1896", place="Kremenchuk district", leaf=3)
    assert conflicts([one, district]) == []


def test_one_meeting_told_by_each_party_on_two_days() -> None:
    told = claim("Grigore Lupu", "met", "12 March 1951", value="Kasimir Orlov-Brandt")
    other = claim("Kasimir Orlov-Brandt", "met", "15 March 1951", value="Grigori Lupu", leaf=2)
    [found] = conflicts([told, other])
    assert (found.property, found.kind) == ("met", "date")
    assert found.subject == "Grigore Lupu and Kasimir Orlov-Brandt"
    elsewhere = claim("Kasimir Orlov-Brandt", "met", "15 March 1951", value="Nikita Sarkisov")
    assert conflicts([told, elsewhere]) == []


def test_a_conflict_of_suggestions_is_marked_so() -> None:
    one = claim("Ivan Sorokin", "died", "3 May 1938", status="suggested")
    two = claim("Ivan Sorokin", "died", "9 May 1938", leaf=2)
    [found] = conflicts([one, two])
    assert found.suggested is True
    assert conflicts([replace(one, status="asserted"), two])[0].suggested is False


def test_terms_in_years_and_months_compare_as_one_measure() -> None:
    four = claim("Kästner", "sentenced", "10 September 1968", value="four years")
    half = claim(
        "Kästner", "sentenced", "10 September 1968", value="three and a half years", leaf=2
    )
    same = claim("Kästner", "sentenced", "10 September 1968", value="4 years", leaf=3)
    assert conflicts([four, same]) == []
    assert kinds(conflicts([four, half])) == {("Kästner", "sentenced", "value")}
