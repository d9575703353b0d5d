"""Dates as the seeds write them, each with the days it can mean and its precision;
relative dates counted from the dates before them, and citations counted from
by nothing."""

from __future__ import annotations

import pytest

from looseleaf.evidence.dates import Context, DateReader, When, dates_in


def read(text: str, context: When | None = None) -> list[tuple[str, str, str | None]]:
    """(words, ISO label, what it was counted from) for every date found."""
    return [(d.text, d.label, d.relative_to) for d in dates_in(text, context)]


@pytest.mark.parametrize(
    ("text", "words", "label", "precision"),
    [
        ("On 9 March 1907, Halvorsen", "9 March 1907", "1907-03-09", "day"),
        ("strike in 14th March, 1911", "14th March, 1911", "1911-03-14", "day"),
        ("came on the 14th of March 1911 ...", "the 14th of March 1911", "1911-03-14", "day"),
        ("On October 1, 1908, in Bergen", "October 1, 1908", "1908-10-01", "day"),
        ("On October i, 1908, in Bergen", "October i, 1908", "1908-10-01", "day"),  # OCR
        ("On 1st October, 1908, Lindqvist", "1st October, 1908", "1908-10-01", "day"),
        ("In April 1905 Dorn", "April 1905", "1905-04", "month"),
        ("In July, 1909, Greta", "July, 1909", "1909-07", "month"),
        ("She joined the Guild in 1904", "1904", "1904", "year"),
        ("Late in 1912, Marrow", "Late in 1912", "1912", "year"),
        ("at the end of 1902, when", "at the end of 1902", "1902", "year"),
        ("the long lockouts of 1910-12.", "1910-12", "1910/1912", "range"),
        ("Congress in 1911/12.", "1911/12", "1911/1912", "range"),
        ("From 1901 to 1906 she", "From 1901 to 1906", "1901/1906", "range"),
        ("during 1911 and 1912, 41,000", "1911 and 1912", "1911/1912", "range"),
        (
            "in February/March 1906, Eskeland",
            "February/March 1906",
            "1906-02-01/1906-03-31",
            "range",
        ),
        ("from April to May 1908.", "from April to May 1908", "1908-04-01/1908-05-31", "range"),
        (
            "between March 1903 and May 1909, 2.4 million",
            "between March 1903 and May 1909",
            "1903-03-01/1909-05-31",
            "range",
        ),
        (
            "from May 3 to May 24, 1911, she",
            "from May 3 to May 24, 1911",
            "1911-05-03/1911-05-24",
            "range",
        ),
        ("in the spring of 1907.", "in the spring of 1907", "1907-03-01/1907-05-31", "range"),
        (
            "early in the summer of 1904, as",
            "early in the summer of 1904",
            "1904-06-01/1904-08-31",
            "range",
        ),
    ],
)
def test_absolute_dates(text: str, words: str, label: str, precision: str) -> None:
    [found] = dates_in(text)
    assert (found.text, found.label, found.precision) == (words, label, precision)
    assert found.relative_to is None


def test_a_date_is_the_days_it_can_mean() -> None:
    [june] = dates_in("In June 1937")
    [day] = dates_in("on 11 June 1937")
    [year] = dates_in("in 1938")
    assert (june.first, june.last, june.days) == ("1937-06-01", "1937-06-30", 30)
    assert june.overlaps(day)
    assert not june.overlaps(year)
    [middle] = dates_in("between the middle of May and the middle of June, 1911")
    assert (middle.first, middle.last, middle.approximate) == ("1911-05-11", "1911-06-20", True)


@pytest.mark.parametrize(
    "text",
    [
        "the 1920's to early 1930's",  # decades are no years
        "in the 20th century",
        "At 4:15 p.m. the porters",
        "pp.150-154, Vol.18 No.3",
        "we may 5 times",  # "may" is a verb
        "they march 10 miles",
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    assert dates_in(text) == []


def test_relative_days_are_counted_from_the_day_before() -> None:
    text = (
        "On 14 March 1911, Halvorsen entered the mill. Voss finally left the following "
        "day. The next morning the sheriff came; the day before, all was quiet."
    )
    assert read(text) == [
        ("14 March 1911", "1911-03-14", None),
        ("the following day", "1911-03-15", "1911-03-14"),
        ("The next morning", "1911-03-16", "1911-03-15"),
        ("the day before", "1911-03-15", "1911-03-16"),
    ]


def test_spans_of_time_later() -> None:
    text = (
        "At 4:15 p.m. on 14th March 1911 he fired. Voss fell twenty-five hours later. "
        "Lind ordered her dismissal on 06 June 1913 and four days later Brandt was removed. "
        "Two months later Dorn was stripped of it. On 9 March 1907 Eskeland was hurt and "
        "just two weeks later, Marrow fled."
    )
    assert read(text) == [
        ("14th March 1911", "1911-03-14", None),
        ("twenty-five hours later", "1911-03-15", "1911-03-14"),
        ("06 June 1913", "1913-06-06", None),
        ("four days later", "1913-06-10", "1913-06-06"),
        ("Two months later", "1913-08", "1913-06-10"),
        ("9 March 1907", "1907-03-09", None),
        ("two weeks later", "1907-03-23", "1907-03-09"),
    ]
    [weeks] = dates_in("On 9 March 1907 he left; two weeks later, Marrow fled.")[1:]
    assert weeks.approximate


def test_a_day_without_a_year_takes_the_year_around_it() -> None:
    # the year of the date before, or the same day named before ("14th March" after
    # "the 14th of March 1911", with March 1910 in between)
    text = (
        "He was shot on the 14th of March 1911. In March 1910, Halvorsen followed "
        "Greta. At 4:15 p.m. on 14th March, Halvorsen walked past the porters."
    )
    assert read(text)[-1] == ("14th March", "1911-03-14", "1911-03-14")
    # the nearest such day: "January 8" written on 30 December is next January
    assert read("On December 30, 1910 we learnt we will be in Lisbon on January 8.")[-1] == (
        "January 8",
        "1911-01-08",
        "1910-12-30",
    )


def test_a_diary_runs_on_from_entry_to_entry() -> None:
    text = (
        "December 28, 1910.\n\nYesterday we sighted the Canaries.\n\nDecember 30\n\n"
        "The strike of 1902 was a myth.\n\nJanuary 9\n\nOn the morning of the 12th, we landed. "
        "On the 19th came the letter; on the 21st I replied."
    )
    assert read(text) == [
        ("December 28, 1910", "1910-12-28", None),
        ("Yesterday", "1910-12-27", "1910-12-28"),
        ("December 30", "1910-12-30", "1910-12-28"),
        ("1902", "1902", None),
        ("January 9", "1911-01-09", "1910-12-30"),  # a new year, not 1902
        ("On the morning of the 12th", "1911-01-12", "1911-01-09"),
        ("On the 19th", "1911-01-19", "1911-01-12"),
        ("on the 21st", "1911-01-21", "1911-01-19"),
    ]


def test_spans_named_by_the_text_before() -> None:
    text = (
        "She lived there during the long lockouts of 1910-12. Harbours (1988) has it that forty "
        "thousand went hungry in those bitter years. In 1911 Lind arranged it; over "
        "the next year 41,000 were fined, and the following year came the end."
    )
    assert read(text) == [
        ("1910-12", "1910/1912", None),
        ("1988", "1988", None),
        ("those bitter years", "1910/1912", "1910/1912"),
        ("1911", "1911", None),
        ("over the next year", "1911/1912", "1911"),
        ("the following year", "1912", "1911/1912"),
    ]


def test_day_ranges_and_lists_without_a_year() -> None:
    text = (
        "On December 1, 1908, Voss was wounded. Over these weeks (on December 5, 13 and 19) "
        "there were raids. The hearing was held on December 27-29. From August 2 to 11, "
        "inclusive, she was away; the week before she was detained."
    )
    assert read(text) == [
        ("December 1, 1908", "1908-12-01", None),
        ("December 5, 13 and 19", "1908-12-05/1908-12-19", "1908-12-01"),
        ("December 27-29", "1908-12-27/1908-12-29", "1908-12-05/1908-12-19"),
        ("From August 2 to 11, inclusive", "1908-08-02/1908-08-11", "1908-12-27/1908-12-29"),
    ]
    # "the week before" counts back from a day, not from a span of days
    assert read("On 23 December 1908 it was reported they had been detained the week before.")[
        -1
    ] == ("the week before", "1908-12-16/1908-12-22", "1908-12-23")


def test_citations_and_issues_are_no_events_and_are_not_counted_from() -> None:
    text = (
        "On December 1, 1908, Voss was wounded. The Courier printed it in its issues of "
        "December 22, 1910, and January 17, 1911. Agnes Holt, the author of Harbours "
        "(1988), says so. It was December 17 before the papers spoke."
    )
    found = dates_in(text)
    assert [(d.label, d.citation) for d in found] == [
        ("1908-12-01", False),
        ("1910-12-22", True),
        ("1911-01-17", True),
        ("1988", True),
        ("1908-12-17", False),
    ]


def test_an_apposition_restates_the_day() -> None:
    text = "And on 8 June 1909 came the verdict, upheld on the 19th - eleven days later - by"
    assert read(text) == [
        ("8 June 1909", "1909-06-08", None),
        ("on the 19th", "1909-06-19", "1909-06-08"),
    ]


def test_context_carries_from_one_leaf_to_the_next() -> None:
    reader = DateReader(Context())
    assert [d.label for d in reader.read("On 10 June 1909, the head of the Guild died.")] == [
        "1909-06-10"
    ]
    assert [(d.label, d.relative_to) for d in reader.read("He died the next day.")] == [
        ("1909-06-11", "1909-06-10")
    ]
    # a relative date with nothing to count from is no date
    assert dates_in("He died the next day.") == []
    assert dates_in("On the 17th, the hearing began") == []
