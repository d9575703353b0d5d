"""Dates as people type them: a claim's `--date`, the dates read out of a
leaf's text, a source's free-text date, and the search's `from:` and `to:`.
Any text is a date that reads back, or a one-line refusal, never a crash;
and what is kept can always be read as a calendar date again."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from looseleaf.errors import BadInput
from looseleaf.evidence.dates import When, dates_in, parse
from looseleaf.registry import Registry
from looseleaf.registry.evidence import PROPERTIES, _date, _property
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, fresh_registry_url
from tests.properties.typed import REGISTRY_SETTINGS, anything, attempt, one_line, refused

DATE_SYNTAX = (
    "1940", "0000", "9999", "1937", "-", "/", "08", "00", "13", "31", "29", "02",
    " ", "c.", "circa ", "about ", "spring ", "winter ", "August ", "Sept. ", "20th ",
    "1930s", "to", "–", "T", "²", "١٩٤٠", "yesterday", "next year", "three weeks later",
    "on the 3rd", ", ", ".", "\n",
)  # fmt: skip
dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


def _readable(when: When) -> None:
    """What the store keeps of a date, and conflicts and timelines read back."""
    first, last = date.fromisoformat(when.first), date.fromisoformat(when.last)
    assert first <= last
    assert when.days >= 1
    assert when.label


@settings(max_examples=300, deadline=None)
@given(text=anything(*DATE_SYNTAX))
def test_a_claim_date_is_a_calendar_span_or_one_line_saying_why_not(text: str) -> None:
    found = attempt(_date, text)
    if isinstance(found, BadInput):
        assert one_line(found).startswith("--date ")
        refused(found, text)
        return
    _readable(found)


@given(day=dates)
def test_an_iso_day_month_and_year_read_back_as_themselves(day: date) -> None:
    iso = day.isoformat()
    assert (_date(iso).first, _date(iso).last, _date(iso).precision) == (iso, iso, "day")
    month = _date(iso[:7])
    assert (month.first[:7], month.last[:7], month.precision) == (iso[:7], iso[:7], "month")
    _readable(month)
    year = _date(iso[:4])
    assert (year.first, year.last) == (f"{iso[:4]}-01-01", f"{iso[:4]}-12-31")


@given(first=st.integers(1, 9999), last=st.integers(1, 9999))
def test_a_range_of_years_runs_forward_or_is_refused(first: int, last: int) -> None:
    text = f"{first:04d}/{last:04d}"
    found = attempt(_date, text)
    if first >= last:
        assert isinstance(found, BadInput)
        refused(found, text)
    else:
        assert isinstance(found, When)
        assert (found.first[:4], found.last[:4]) == (f"{first:04d}", f"{last:04d}")


@settings(max_examples=300, deadline=None)
@given(text=anything(*DATE_SYNTAX), context=st.one_of(st.none(), dates))
def test_dates_read_out_of_any_text_are_calendar_spans(text: str, context: date | None) -> None:
    base = None
    if context is not None:
        iso = context.isoformat()
        base = When(iso, iso, "day", iso, 0, len(iso))
    found = dates_in(text, base)
    for when in found:
        _readable(when)
        assert 0 <= when.start <= when.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.none(), anything(*DATE_SYNTAX)))
def test_a_source_s_free_text_date_is_a_period_or_nothing(text: str | None) -> None:
    found = parse(text)
    if found is not None:
        _readable(found)
        assert found.first_day <= found.last_day


@given(text=anything(*PROPERTIES, " ", "_", "-", "Born", "DIED"))
def test_a_claim_property_is_one_of_the_known_or_refused_with_the_list(text: str) -> None:
    found = attempt(_property, text)
    if isinstance(found, BadInput):
        assert "known: " in refused(found, text)
        return
    assert found in PROPERTIES


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def empty(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Registry]:
    directory = tmp_path_factory.mktemp(f"dates-{request.param}")
    with (
        fresh_registry_url(str(request.param), Path(directory)) as url,
        Registry.init(Settings(registry=url), OPERATOR) as registry,
    ):
        yield registry


@REGISTRY_SETTINGS
@given(field=st.sampled_from(["from", "to"]), value=anything(*DATE_SYNTAX))
def test_a_search_from_or_to_is_a_date_or_one_line_saying_why_not(
    empty: Registry, field: str, value: str
) -> None:
    text = f'letter {field}:"{value}"' if '"' not in value else f"letter {field}:{value}"
    try:
        empty.search(OPERATOR, text)
    except BadInput as error:
        one_line(error)


@REGISTRY_SETTINGS
@given(day=dates, field=st.sampled_from(["from", "to"]), cut=st.sampled_from([4, 7, 10]))
def test_a_search_takes_a_day_a_month_or_a_year(
    empty: Registry, day: date, field: str, cut: int
) -> None:
    assert empty.search(OPERATOR, f"letter {field}:{day.isoformat()[:cut]}").total == 0
