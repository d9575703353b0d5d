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
        ("On 17 August 1918, Uritsky", "17 August 1918", "1918-08-17", "day"),
        ("murder in 20th August, 1940", "20th August, 1940", "1940-08-20", "day"),
        ("there on the 20th of August 1940 ...", "the 20th of August 1940", "1940-08-20", "day"),
        ("On December 1, 1934, in Leningrad", "December 1, 1934", "1934-12-01", "day"),
        ("On December i, 1934, in Leningrad", "December i, 1934", "1934-12-01", "day"),  # OCR
        ("On 1st December, 1934, Nikolayev", "1st December, 1934", "1934-12-01", "day"),
        ("In August 1936 Orlov", "August 1936", "1936-08", "month"),
        ("In June, 1937, Mikhail", "June, 1937", "1937-06", "month"),
        ("He joined the OGPU in 1933", "1933", "1933", "year"),
        ("Late in 1936, Heydrich", "Late in 1936", "1936", "year"),
        ("at the end of 1932, when", "at the end of 1932", "1932", "year"),
        ("the great purges of 1936-38.", "1936-38", "1936/1938", "range"),
        ("International in 1919/20.", "1919/20", "1919/1920", "range"),
        ("From 1932 to 1937 he", "From 1932 to 1937", "1932/1937", "range"),
        ("during 1937 and 1938, 681,692", "1937 and 1938", "1937/1938", "range"),
        (
            "in February/March 1921, Ramishvili",
            "February/March 1921",
            "1921-02-01/1921-03-31",
            "range",
        ),
        ("from April to May 1940.", "from April to May 1940", "1940-04-01/1940-05-31", "range"),
        (
            "between January 1935 and June 1941, 19.8 million",
            "between January 1935 and June 1941",
            "1935-01-01/1941-06-30",
            "range",
        ),
        (
            "from July 9 to July 30, 1928, he",
            "from July 9 to July 30, 1928",
            "1928-07-09/1928-07-30",
            "range",
        ),
        ("in the spring of 1935.", "in the spring of 1935", "1935-03-01/1935-05-31", "range"),
        (
            "early in the summer of 1933, when",
            "early in the summer of 1933",
            "1933-06-01/1933-08-31",
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
    [middle] = dates_in("between the middle of July and the middle of August, 1928")
    assert (middle.first, middle.last, middle.approximate) == ("1928-07-11", "1928-08-20", True)


@pytest.mark.parametrize(
    "text",
    [
        "the 1920's to early 1930's",  # decades are no years
        "in the 20th century",
        "At 5:30 p.m. the guards",
        "pp.150-154, Vol.18 No.3",
        "we may 5 times",  # "may" is a verb
        "they march 10 miles",
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    assert dates_in(text) == []


def test_relative_days_are_counted_from_the_day_before() -> None:
    text = (
        "On 20 August 1940, Mercader entered the study. Trotsky eventually died the following "
        "day. The next morning the police came; the day before, all was calm."
    )
    assert read(text) == [
        ("20 August 1940", "1940-08-20", None),
        ("the following day", "1940-08-21", "1940-08-20"),
        ("The next morning", "1940-08-22", "1940-08-21"),
        ("the day before", "1940-08-21", "1940-08-22"),
    ]


def test_spans_of_time_later() -> None:
    text = (
        "At 5:30 p.m. on 20th August 1940 he struck. Trotsky died twenty-five hours later. "
        "Beria ordered his arrest on 06 April 1939 and four days later Yezhov was taken. "
        "Two months later Slutsky was stripped of it. On 17 August 1918 Uritsky was killed and "
        "just two weeks later, Kaplan shot."
    )
    assert read(text) == [
        ("20th August 1940", "1940-08-20", None),
        ("twenty-five hours later", "1940-08-21", "1940-08-20"),
        ("06 April 1939", "1939-04-06", None),
        ("four days later", "1939-04-10", "1939-04-06"),
        ("Two months later", "1939-06", "1939-04-10"),
        ("17 August 1918", "1918-08-17", None),
        ("two weeks later", "1918-08-31", "1918-08-17"),
    ]
    [weeks] = dates_in("On 17 August 1918 he died; two weeks later, Kaplan shot.")[1:]
    assert weeks.approximate


def test_a_day_without_a_year_takes_the_year_around_it() -> None:
    # the year of the date before, or the same day named before ("20th August" after
    # "the 20th of August 1940", with August 1939 in between)
    text = (
        "He was assassinated on the 20th of August 1940. In August 1939, Mornard followed "
        "Sylvia. At 5:30 p.m. on 20th August, Mornard walked past the guards."
    )
    assert read(text)[-1] == ("20th August", "1940-08-20", "1940-08-20")
    # the nearest such day: "January 8" written on 30 December is next January
    assert read("On December 30, 1936 we heard we will be in Vera Cruz on January 8.")[-1] == (
        "January 8",
        "1937-01-08",
        "1936-12-30",
    )


def test_a_diary_runs_on_from_entry_to_entry() -> None:
    text = (
        "December 28, 1936.\n\nYesterday we passed the Azores.\n\nDecember 30\n\n"
        "The trial of 1932 was a lie.\n\nJanuary 9\n\nOn the morning of the 11th, we alighted. "
        "On the 19th came the news; on the 21st I answered."
    )
    assert read(text) == [
        ("December 28, 1936", "1936-12-28", None),
        ("Yesterday", "1936-12-27", "1936-12-28"),
        ("December 30", "1936-12-30", "1936-12-28"),
        ("1932", "1932", None),
        ("January 9", "1937-01-09", "1936-12-30"),  # a new year, not 1932
        ("On the morning of the 11th", "1937-01-11", "1937-01-09"),
        ("On the 19th", "1937-01-19", "1937-01-11"),
        ("on the 21st", "1937-01-21", "1937-01-19"),
    ]


def test_spans_named_by_the_text_before() -> None:
    text = (
        "He worked there during the great purges of 1936-38. Stalin (1996) has it that two "
        "million were wiped out in these nightmare years. In 1937 Yezhov arranged it; over "
        "the next year 681,692 were shot, and the following year came the end."
    )
    assert read(text) == [
        ("1936-38", "1936/1938", None),
        ("1996", "1996", None),
        ("these nightmare years", "1936/1938", "1936/1938"),
        ("1937", "1937", None),
        ("over the next year", "1937/1938", "1937"),
        ("the following year", "1938", "1937/1938"),
    ]


def test_day_ranges_and_lists_without_a_year() -> None:
    text = (
        "On December 1, 1934, Kirov was shot. During this period (on December 6, 12 and 18) "
        "there were executions. The trial took place on December 28-29. From August 1 to 12, "
        "inclusive, he was away; the week before he was arrested."
    )
    assert read(text) == [
        ("December 1, 1934", "1934-12-01", None),
        ("December 6, 12 and 18", "1934-12-06/1934-12-18", "1934-12-01"),
        ("December 28-29", "1934-12-28/1934-12-29", "1934-12-06/1934-12-18"),
        ("From August 1 to 12, inclusive", "1934-08-01/1934-08-12", "1934-12-28/1934-12-29"),
    ]
    # "the week before" counts back from a day, not from a span of days
    assert read("On 23 December 1934 it was announced they had been arrested the week before.")[
        -1
    ] == ("the week before", "1934-12-16/1934-12-22", "1934-12-23")


def test_citations_and_issues_are_no_events_and_are_not_counted_from() -> None:
    text = (
        "On December 1, 1934, Kirov was shot. The Messenger printed it in its issues of "
        "December 22, 1936, and January 17, 1937. Edvard Radzinsky, the author of Stalin "
        "(1996), says so. Not until December 17 did the press speak."
    )
    found = dates_in(text)
    assert [(d.label, d.citation) for d in found] == [
        ("1934-12-01", False),
        ("1936-12-22", True),
        ("1937-01-17", True),
        ("1996", True),
        ("1934-12-17", False),
    ]


def test_an_apposition_restates_the_day() -> None:
    text = "And on 14 August 1936 came the news, concluded on the 25th - eleven days later - by"
    assert read(text) == [
        ("14 August 1936", "1936-08-14", None),
        ("on the 25th", "1936-08-25", "1936-08-14"),
    ]


def test_context_carries_from_one_leaf_to_the_next() -> None:
    reader = DateReader(Context())
    assert [d.label for d in reader.read("On 10 May 1934, the head of the OGPU died.")] == [
        "1934-05-10"
    ]
    assert [(d.label, d.relative_to) for d in reader.read("He died the next day.")] == [
        ("1934-05-11", "1934-05-10")
    ]
    # a relative date with nothing to count from is no date
    assert dates_in("He died the next day.") == []
    assert dates_in("On the 23rd, the trial began") == []
