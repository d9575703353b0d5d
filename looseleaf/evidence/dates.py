"""Dates as the seeds write them, with their precision.

Absolute: "14 March 1911", "14th March, 1911", "on the 14th of March 1911",
"March 14, 1911", "December i, 1934" (OCR), "August 1936", "June, 1937",
"1933", "1936-38", "1919/20", "From 1932 to 1937", "during 1937 and 1938",
"February/March 1906", "from April to May 1908", "between March 1903 and
May 1909", "from May 3 to May 24, 1911", "October 11-12", "the autumn
of 1907", "Late in 1912".

Relative, counted from the dates before them: "the following day", "the
next morning", "Yesterday", "tomorrow", "four days later", "two weeks
later", "twenty-five hours later", "Two months later", "the following
year", "over the next three years", "On the 17th", "on 9 June" (the year of
the date before), "those bitter years" (the last span named).

A date is kept as the first and last day it can mean, so "June 1937" and
"11 June 1937" can be compared without pretending the first is a day. A
bare year in brackets after a title ("Harbours (1988)") is a citation: it is
found, marked as such, and never counted from.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from looseleaf.evidence.numbers import NUMBER, number

#: Month names in English whatever the server's locale.
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS = {
    name.lower(): number for number, full in enumerate(MONTH_NAMES, 1) for name in (full, full[:3])
}
MONTHS["sept"] = 9
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_PARTS = {"beginning": (1, 10), "start": (1, 10), "middle": (11, 20), "end": (21, 31)}


def _month(name: str) -> str:
    return rf"(?P<{name}>{_MONTH_NAMES})\.?"


def _day(name: str, ocr: bool = False) -> str:
    digits = r"[0-3]?\d" + (r"|[il]" if ocr else "")
    return rf"(?P<{name}>{digits})(?:st|nd|rd|th)?(?![\d:])"


def _year(name: str) -> str:
    return rf"(?P<{name}>1[5-9]\d\d|20[0-4]\d)(?![\d'’s]|\.\d)"


_PART = r"(?:(?:the\s+)?(?P<{0}>beginning|start|middle|end)\s+of\s+)?"
_MOD = (
    r"(?:(?P<mod>early|late|mid|about|around|circa|c\.|ca\.|approximately|roughly)"
    r"(?:[- ]|(?<=\.))\s*(?:in\s+)?(?:the\s+)?)?"
)
#: Months as registries number them: "3.IV.1938", "12.III.37", "03.04.1938".
_ROMAN_MONTHS = {
    roman: number
    for number, roman in enumerate(
        ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"), 1
    )
}
_NUMERAL_MONTH = r"(?P<m1>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I|0?[1-9]|1[0-2])"
_SHORT_YEAR = r"(?P<y>1[5-9]\d\d|20[0-4]\d|\d\d)(?![\d'’s]|\.\d)"
_UNIT = r"(?P<unit>hours?|days?|weeks?|months?|years?)"
_AMOUNT = rf"(?P<amount>{NUMBER}|several|a\s+few|a|an)"

#: (kind, pattern), tried at every position; the longest reading wins, then the first.
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in [
        # day ranges and lists
        (
            "dayspan",
            rf"\b(?:from\s+)?{_month('m1')}\s+{_day('d1')}\s*(?:-|–|to|and)\s*"
            rf"(?:{_month('m2')}\s+)?{_day('d2')}(?:,?\s+inclusive)?(?:,?\s+{_year('y')})?",
        ),
        (
            "dayspan",
            rf"\b(?:from\s+)?(?:the\s+)?{_day('d1')}\s*(?:-|–|to|and)\s*(?:the\s+)?{_day('d2')}"
            rf"(?:\s+of)?\s+{_month('m1')}(?:,?\s+{_year('y')})?",
        ),
        (
            "dayspan",
            rf"\b(?:(?:from|between)\s+)?(?:the\s+)?{_day('d1')}\s+(?:of\s+)?{_month('m1')}"
            rf"(?:,?\s+{_year('y1')})?\s*(?:-|–|to|and|until|till)\s*(?:the\s+)?{_day('d2')}"
            rf"\s+(?:of\s+)?{_month('m2')},?\s+{_year('y')}",
        ),
        (
            "dayspan",
            rf"\b{_month('m1')}\s+{_day('d1')}(?:\s*,\s*[0-3]?\d)+\s*,?\s+and\s+{_day('d2')}"
            rf"(?:,?\s+{_year('y')})?",
        ),
        # a day
        (
            "day",
            rf"\b(?:the\s+)?{_day('d1')}\s+(?:of\s+)?{_month('m1')},?\s+(?:of\s+)?{_year('y')}",
        ),
        ("day", rf"\b{_month('m1')}\s+{_day('d1', ocr=True)},?\s+{_year('y')}"),
        ("iso", r"\b(?P<y>1[5-9]\d\d|20[0-4]\d)-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)\b"),
        (
            "numeric",
            rf"(?<![\w.,/])(?P<d1>[0-3]?\d)\s?(?P<sep>[./])\s?{_NUMERAL_MONTH}\s?(?P=sep)\s?"
            rf"{_SHORT_YEAR}",
        ),
        (
            # as OCR reads figures: "1O.4.1968", "l2.9.1968" (O for 0, l for 1), a full year
            "ocrnumeric",
            r"(?<![\w.,/])(?P<d1>[0-3Ol]?[\dOl])(?<![Ol][Ol])\.(?P<m1>[01O]?[\dOl])\.(?P<y>1[5-9]\d\d|20[0-4]\d)"
            r"(?![\d])",
        ),
        (
            "numericspan",
            rf"(?<![\w.,/])(?P<d1>[0-3]?\d)\.?\s*[-–]\s*(?P<d2>[0-3]?\d)\s?(?P<sep>[./])\s?"
            rf"{_NUMERAL_MONTH}\s?(?P=sep)\s?{_SHORT_YEAR}",
        ),
        (
            "numericmonths",
            rf"(?<![\w.,/])(?P<d1>[0-3]?\d)\.\s?(?P<m1>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.?\s*"
            rf"[-–]\s*(?P<d2>[0-3]?\d)\.\s?(?P<m2>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?{_year('y')}",
        ),
        (
            "numericmonth",
            rf"(?<![\w.,/])(?P<m1>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?{_year('y')}",
        ),
        # month ranges
        (
            "monthspan",
            rf"\b(?:(?:from|between)\s+)?{_PART.format('p1')}{_month('m1')}(?:,?\s+{_year('y1')})?"
            rf"\s*(?:/|-|–|to|and|until|or)\s*{_PART.format('p2')}{_month('m2')},?\s+{_year('y')}",
        ),
        # seasons, months, years
        (
            "season",
            rf"\b{_MOD}(?:(?:in|during)\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)"
            rf"(?:\s+of)?,?\s+{_year('y')}",
        ),
        ("month", rf"\b{_MOD}{_PART.format('p1')}{_month('m1')},?\s+(?:of\s+)?{_year('y')}"),
        (
            "yearspan",
            rf"\b(?:(?:from|between)\s+)?{_year('y1')}\s*(?:-|–|—|/|to|and|until)\s*"
            r"(?P<y2>1[5-9]\d\d|20[0-4]\d|\d\d)(?![\d'’s])",
        ),
        ("year", rf"\b(?:(?:at\s+)?the\s+(?:end|beginning|start)\s+of\s+|{_MOD}){_year('y')}"),
        # days and months without a year: the year of the date before
        ("dayonly", rf"\b(?:the\s+)?{_day('d1')}\s+(?:of\s+)?{_month('m1')}(?![\w-])"),
        ("dayonly", rf"\b{_month('m1')}\s+{_day('d1')}(?![\w-]|,\s*\d)"),
        (
            "ordinal",
            r"\b(?:on|by|of|until)\s+the\s+(?:(?:morning|evening|night|afternoon)\s+of\s+the\s+)?"
            r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:century|of\b|anniversary))",
        ),
        # relative days and spans
        (
            "shift",
            r"\b(?:the|on\s+the)\s+(?P<rel>next|following|previous|preceding|same)\s+"
            r"(?:day|morning|evening|night|afternoon)\b",
        ),
        ("shift", r"\b(?P<rel>next|following)\s+(?:day|morning)\b"),
        ("shift", r"\bthe\s+day\s+(?P<rel>after|before)\b(?!\s+(?:the|his|her|their|a)\b)"),
        ("shift", r"\b(?P<rel>that)\s+(?:same\s+)?(?:day|night|evening)\b"),
        ("shift", r"\b(?P<rel>yesterday|tomorrow)\b"),
        (
            "later",
            rf"\b{_AMOUNT}\s+{_UNIT}\s+(?P<dir>later|earlier|afterwards|"
            r"(?:after|before)(?=\s*[,.;:)]|\s+(?:I|we|he|she|they|this|that)\b))",
        ),
        ("week", r"\bthe\s+week\s+(?P<dir>before|after)\b"),
        ("nextyear", r"\b(?:the|in\s+the)\s+(?P<rel>following|next|same|previous)\s+year\b"),
        (
            "dayofyear",
            rf"\b(?:the\s+)?{_day('d1')}\s+(?:of\s+)?{_month('m1')},?\s+(?:of\s+)?"
            r"(?P<rel>last|this|that|the\s+previous|the\s+same|the\s+following|next)\s+year\b",
        ),
        (
            "samemonth",
            r"\b(?:later\s+|earlier\s+)?(?:in\s+|during\s+)?(?:the\s+same|that)\s+month\b",
        ),
        (
            "overnext",
            rf"\bover\s+the\s+(?:next|following)\s+(?:(?P<amount>{NUMBER})\s+)?years?\b",
        ),
        ("these", r"\b(?:these|those)\s+(?:[a-z]+\s+)?years\b"),
    ]
]
_SHIFT = {
    "next": 1,
    "following": 1,
    "after": 1,
    "previous": -1,
    "preceding": -1,
    "before": -1,
    "same": 0,
    "that": 0,
    "yesterday": -1,
    "tomorrow": 1,
}


@dataclass(frozen=True)
class When:
    """A date found in text: the days it can mean, how precisely, where, and
    (for a relative date) which earlier date it was counted from."""

    first: str
    last: str
    precision: str  # day, month, year, range
    text: str
    start: int
    end: int
    relative_to: str | None = None
    approximate: bool = False
    #: A bare year in brackets after a title: when a book came out, not an event.
    citation: bool = False

    @classmethod
    def between(cls, first: date, last: date, text: str, approximate: bool = False) -> When:
        """A period known by its days (a claim's stored dates, a receipt's day)."""
        if first == last:
            precision = "day"
        elif (first.day, first.month) == (1, 1) and (last.day, last.month) == (31, 12):
            precision = "year" if first.year == last.year else "range"
        elif first.day == 1 and (first.year, first.month) == (last.year, last.month):
            precision = (
                "month" if last.day == calendar.monthrange(last.year, last.month)[1] else "range"
            )
        else:
            precision = "range"
        return cls(
            first.isoformat(), last.isoformat(), precision, text, 0, len(text), None, approximate
        )

    @property
    def first_day(self) -> date:
        return date.fromisoformat(self.first)

    @property
    def last_day(self) -> date:
        return date.fromisoformat(self.last)

    @property
    def precise(self) -> bool:
        """One day, said as such."""
        return self.first == self.last and not self.approximate

    def overlaps(self, other: When) -> bool:
        return self.first <= other.last and other.first <= self.last

    @property
    def days(self) -> int:
        return (date.fromisoformat(self.last) - date.fromisoformat(self.first)).days + 1

    @property
    def label(self) -> str:
        """The ISO form with its precision: 1940-08-20, 1937-06, 1933, 1937/1938."""
        if self.precision == "day":
            return self.first
        if self.precision == "month":
            return self.first[:7]
        if self.precision == "year":
            return self.first[:4]
        if self.first[4:] == "-01-01" and self.last[4:] == "-12-31":
            return f"{self.first[:4]}/{self.last[:4]}"
        return f"{self.first}/{self.last}"


@dataclass
class Context:
    """What relative dates are counted from: the latest date of each precision."""

    day: When | None = None
    month: When | None = None
    year: When | None = None
    span: When | None = None
    #: The last date written on a line of its own (a diary's entry, a heading).
    dateline: When | None = None
    history: list[When] = field(default_factory=list)

    @classmethod
    def of(cls, when: When | None) -> Context:
        found = cls()
        if when is not None:
            found.note(when)
        return found

    def note(self, when: When) -> None:
        """A date was read: later relative dates count from it."""
        if when.citation:
            return
        self.history.append(when)
        if when.precision == "day" or (when.first == when.last):
            self.day = self.month = self.year = when
            return
        self.day = None
        if when.precision == "month" or when.days <= 31:
            self.month = self.year = when
            return
        self.month = None
        self.year = when
        if when.precision == "range" or when.days > 366:
            self.span = when

    @property
    def written(self) -> When | None:
        """When the report itself was written, as far as its dates say: the last
        date on a line of its own (a diary's entry), else its first date (a
        letter's, a newspaper's, a protocol's heading). "Yesterday" and "last
        year" count from it, not from the last date the text spoke of."""
        if self.dateline is not None:
            return self.dateline
        return self.history[0] if self.history else None

    @property
    def latest(self) -> When | None:
        return self.history[-1] if self.history else None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_span(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1).isoformat(), date(year, month, last).isoformat()


def _day_number(text: str) -> int:
    return 1 if text.lower() in {"i", "l"} else int(text)


def _nearest_year(context: Context, month: int, day: int) -> int | None:
    """The year of a day written without one: the year of the date before, or
    (counting from a day or a month) the year that puts it nearest ("January 8"
    written on 30 December is the next January)."""
    base = context.year
    if base is None:
        return None
    year = int(base.first[:4])
    if base.precision not in {"day", "month"}:
        return year
    at = date.fromisoformat(base.first)
    options = [y for y in (year - 1, year, year + 1) if _iso(y, month, day)]
    return min(options, key=lambda y: abs((date(y, month, day) - at).days), default=year)


def _in_month(year: int, month: int, part: str | None, last: bool) -> str:
    first, end = _month_span(year, month)
    if part is None:
        return end if last else first
    low, high = _PARTS[part.lower()]
    day = min(high if last else low, int(end[8:]))
    return date(year, month, day).isoformat()


def _shift_months(base: date, months: int) -> tuple[int, int]:
    index = base.year * 12 + base.month - 1 + months
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class _Reading:
    first: str
    last: str
    precision: str
    approximate: bool = False


class _Groups:
    """A match's named groups, typed: `integer`, `month`, `text`, `has`."""

    def __init__(self, found: dict[str, str | None]) -> None:
        self.found = found

    def text(self, key: str) -> str:
        return self.found.get(key) or ""

    def has(self, key: str) -> bool:
        return bool(self.found.get(key))

    def integer(self, key: str, default: int = 0) -> int:
        value = self.found.get(key)
        return int(value) if value else default

    def month(self, key: str) -> int:
        return MONTHS[self.text(key).lower()]


def _read_day(g: _Groups, context: Context) -> _Reading | None:
    iso = _iso(g.integer("y"), g.month("m1"), _day_number(g.text("d1") or "0"))
    return None if iso is None else _Reading(iso, iso, "day")


def _read_iso_day(g: _Groups, context: Context) -> _Reading | None:
    iso = _iso(g.integer("y"), g.integer("m1"), g.integer("d1"))
    return None if iso is None else _Reading(iso, iso, "day")


def _numeral_month(text: str) -> int:
    return _ROMAN_MONTHS.get(text.upper()) or int(text)


def _read_numeric(g: _Groups, context: Context) -> _Reading | None:
    """A day written in figures, day first as European registries write it; a
    two-figure year is of the twentieth century."""
    year = g.integer("y")
    year = year + 1900 if year < 100 else year
    iso = _iso(year, _numeral_month(g.text("m1")), g.integer("d1"))
    return None if iso is None else _Reading(iso, iso, "day")


def _read_ocr_numeric(g: _Groups, context: Context) -> _Reading | None:
    figures = str.maketrans("Ol", "01")
    day, month = g.text("d1").translate(figures), g.text("m1").translate(figures)
    if not (day.isdigit() and month.isdigit()):
        return None
    iso = _iso(g.integer("y"), int(month), int(day))
    return None if iso is None else _Reading(iso, iso, "day")


def _read_numeric_span(g: _Groups, context: Context) -> _Reading | None:
    day = _read_numeric(g, context)
    if day is None:
        return None
    last = _iso(int(day.first[:4]), int(day.first[5:7]), g.integer("d2"))
    return None if last is None or last <= day.first else _Reading(day.first, last, "range")


def _read_numeric_months(g: _Groups, context: Context) -> _Reading | None:
    """ "28.III.–5.IV.1968": from a day of one month to a day of the next."""
    year, m1, m2 = g.integer("y"), _numeral_month(g.text("m1")), _numeral_month(g.text("m2"))
    first = _iso(year if m1 <= m2 else year - 1, m1, g.integer("d1"))
    last = _iso(year, m2, g.integer("d2"))
    return (
        None if first is None or last is None or last <= first else _Reading(first, last, "range")
    )


def _read_numeric_month(g: _Groups, context: Context) -> _Reading | None:
    year, month = g.integer("y"), _numeral_month(g.text("m1"))
    first, last = _month_span(year, month)
    return _Reading(first, last, "month")


def _read_dayspan(g: _Groups, context: Context) -> _Reading | None:
    m1 = g.month("m1")
    m2 = g.month("m2") if g.has("m2") else m1
    year = g.integer("y") if g.has("y") else _nearest_year(context, m1, g.integer("d1", 1))
    if year is None:
        return None
    y1 = g.integer("y1") if g.has("y1") else (year if m1 <= m2 else year - 1)
    first, last = _iso(y1, m1, g.integer("d1")), _iso(year, m2, g.integer("d2"))
    if first is None or last is None or last <= first:
        return None
    return _Reading(first, last, "range")


def _read_monthspan(g: _Groups, context: Context) -> _Reading | None:
    year, m1, m2 = g.integer("y"), g.month("m1"), g.month("m2")
    y1 = g.integer("y1") if g.has("y1") else (year if m1 <= m2 else year - 1)
    first = _in_month(y1, m1, g.found.get("p1"), last=False)
    last = _in_month(year, m2, g.found.get("p2"), last=True)
    if last <= first:
        return None
    return _Reading(first, last, "range", approximate=g.has("p1") or g.has("p2"))


def _read_season(g: _Groups, context: Context) -> _Reading | None:
    year = g.integer("y")
    low, high = _SEASONS[g.text("season").lower()]
    first = date(year, low, 1).isoformat()
    last = _month_span(year + 1 if high < low else year, high)[1]
    return _Reading(first, last, "range", approximate=g.has("mod"))


def _read_month(g: _Groups, context: Context) -> _Reading | None:
    year, month = g.integer("y"), g.month("m1")
    first, last = _month_span(year, month)
    part = g.found.get("p1")
    if part:
        first = _in_month(year, month, part, last=False)
        last = _in_month(year, month, part, last=True)
    return _Reading(first, last, "month", approximate=g.has("mod") or g.has("p1"))


def _read_yearspan(g: _Groups, context: Context) -> _Reading | None:
    year, tail = g.integer("y1"), g.text("y2")
    other = int(str(year)[: 4 - len(tail)] + tail)
    if not year < other <= year + 30:
        return None
    return _Reading(f"{year}-01-01", f"{other}-12-31", "range")


def _read_year(g: _Groups, context: Context) -> _Reading | None:
    year = g.integer("y")
    return _Reading(f"{year}-01-01", f"{year}-12-31", "year", approximate=g.has("mod"))


_ABSOLUTE: dict[str, Callable[[_Groups, Context], _Reading | None]] = {
    "day": _read_day,
    "iso": _read_iso_day,
    "numeric": _read_numeric,
    "numericmonth": _read_numeric_month,
    "numericspan": _read_numeric_span,
    "ocrnumeric": _read_ocr_numeric,
    "numericmonths": _read_numeric_months,
    "dayspan": _read_dayspan,
    "monthspan": _read_monthspan,
    "season": _read_season,
    "month": _read_month,
    "yearspan": _read_yearspan,
    "year": _read_year,
}

_Relative = tuple[_Reading, When] | None


def _read_dayonly(g: _Groups, context: Context) -> _Relative:
    month, day = g.month("m1"), g.integer("d1")
    same = [
        d
        for d in context.history
        if d.precision == "day" and int(d.first[5:7]) == month and int(d.first[8:]) == day
    ]
    base = same[-1] if same else context.year
    if base is None:
        return None
    year = int(base.first[:4]) if same else (_nearest_year(context, month, day) or 0)
    recent = _just_before_writing(context, month, day)
    if not same and recent is not None:  # "The session opened on 20 June", said on the 23rd
        base, year = recent
    iso = _iso(year, month, day)
    return None if iso is None else (_Reading(iso, iso, "day"), base)


def _read_dayofyear(g: _Groups, context: Context) -> _Relative:
    """ "17 November of last year": "last", "this" and "next" year count from
    when the report was written; "the previous year", "that year" from the
    date before."""
    deictic = g.text("rel").lower() in {"last", "this", "next"}
    base = (context.written if deictic else None) or context.year or context.dateline
    if base is None:
        return None
    shift = {"last": -1, "previous": -1, "following": 1, "next": 1}.get(
        g.text("rel").split()[-1], 0
    )
    iso = _iso(int(base.first[:4]) + shift, g.month("m1"), g.integer("d1"))
    return None if iso is None else (_Reading(iso, iso, "day"), base)


def _read_samemonth(g: _Groups, context: Context) -> _Relative:
    base = context.day or context.month
    if base is None:
        return None
    first, last = _month_span(int(base.first[:4]), int(base.first[5:7]))
    return _Reading(first, last, "month"), base


def _just_before_writing(context: Context, month: int, day: int) -> tuple[When, int] | None:
    """A day without a year that fell in the few weeks before the report was
    written (a newspaper's "on 20 June", dated 23 June): that year."""
    written = context.written
    if written is None or written.precision != "day":
        return None
    at = date.fromisoformat(written.first)
    for year in (at.year, at.year - 1):
        iso = _iso(year, month, day)
        if iso is not None and 0 <= (at - date.fromisoformat(iso)).days <= 45:
            return written, year
    return None


def _read_week(g: _Groups, context: Context) -> _Relative:
    base = context.day
    if base is None:
        return None
    at = date.fromisoformat(base.first)
    if g.text("dir").lower() == "before":
        first, last = at - timedelta(days=7), at - timedelta(days=1)
    else:
        first, last = at + timedelta(days=1), at + timedelta(days=7)
    return _Reading(first.isoformat(), last.isoformat(), "range", approximate=True), base


def _read_ordinal(g: _Groups, context: Context) -> _Relative:
    base = context.day or context.month or context.dateline
    if base is None:
        return None
    iso = _iso(int(base.first[:4]), int(base.first[5:7]), g.integer("d1"))
    return None if iso is None else (_Reading(iso, iso, "day"), base)


def _read_shift(g: _Groups, context: Context) -> _Relative:
    base = context.day
    written = context.written
    if (
        g.text("rel").lower() in {"yesterday", "tomorrow"}
        and written
        and written.precision == "day"
    ):
        base = written  # said on the day of writing
    if base is None:
        return None
    shifted = date.fromisoformat(base.first) + timedelta(days=_SHIFT[g.text("rel").lower()])
    return _Reading(shifted.isoformat(), shifted.isoformat(), "day"), base


def _read_nextyear(g: _Groups, context: Context) -> _Relative:
    base = context.year
    if base is None:
        return None
    year = int(base.first[:4]) + _SHIFT[g.text("rel").lower()]
    return _Reading(f"{year}-01-01", f"{year}-12-31", "year"), base


def _read_overnext(g: _Groups, context: Context) -> _Relative:
    base = context.year
    amount = number(g.text("amount")) if g.has("amount") else 1
    if base is None or amount is None or not 1 <= amount <= 30:
        return None
    year = int(base.first[:4])
    return _Reading(f"{year}-01-01", f"{year + int(amount)}-12-31", "range"), base


def _read_these(g: _Groups, context: Context) -> _Relative:
    base = context.span
    return None if base is None else (_Reading(base.first, base.last, "range"), base)


def _read_later(g: _Groups, context: Context) -> _Relative:
    unit = g.text("unit").lower().rstrip("s")
    amount_text = g.text("amount").lower()
    vague = amount_text in {"several", "a few"}
    amount = 0.0 if vague else number(amount_text)
    if amount is None:
        return None
    sign = -1 if g.text("dir").lower() in {"earlier", "before"} else 1
    if unit in {"hour", "day", "week"}:
        base = context.day
        if base is None or (vague and unit != "hour"):
            return None
        days = {"hour": amount / 24, "day": amount, "week": amount * 7}[unit]
        iso = (date.fromisoformat(base.first) + timedelta(days=sign * int(days))).isoformat()
        return _Reading(iso, iso, "day", approximate=unit == "week"), base
    if unit == "month":
        base = context.day or context.month
        if base is None or vague:
            return None
        year, month = _shift_months(date.fromisoformat(base.first), sign * int(amount))
        first, last = _month_span(year, month)
        return _Reading(first, last, "month", approximate=amount != int(amount)), base
    base = context.year
    if base is None or vague:
        return None
    year = int(base.first[:4]) + sign * int(amount)
    return _Reading(f"{year}-01-01", f"{year}-12-31", "year", approximate=True), base


_RELATIVE: dict[str, Callable[[_Groups, Context], _Relative]] = {
    "dayonly": _read_dayonly,
    "week": _read_week,
    "dayofyear": _read_dayofyear,
    "samemonth": _read_samemonth,
    "ordinal": _read_ordinal,
    "shift": _read_shift,
    "later": _read_later,
    "nextyear": _read_nextyear,
    "overnext": _read_overnext,
    "these": _read_these,
}


_CITATION = re.compile(r"\(\s*(?:1[5-9]\d\d|20[0-4]\d)\s*\)")


Candidate = tuple[int, int, int, str, re.Match[str]]


def _candidates(text: str, start: int = 0, end: int | None = None) -> Iterator[Candidate]:
    for order, (kind, pattern) in enumerate(_FORMS):
        for match in pattern.finditer(text, start, len(text) if end is None else end):
            if match.end() > match.start():
                yield match.start(), -(match.end() - match.start()), order, kind, match


def _month_written(match: re.Match[str]) -> bool:
    """Months are capitalised in the seeds; "may" and "march" are verbs."""
    groups = match.groupdict()
    for key in ("m1", "m2"):
        name = groups.get(key)
        if name and name[:1].isalpha() and not name[:1].isupper():
            return False
    return True


#: Something in the text that may be a date: a digit, a month, a word of time.
_ANY = re.compile(
    rf"\d|\b(?:{_MONTH_NAMES})\b|\b(?:days?|weeks?|months?|years?|hours?|yesterday|tomorrow|"
    r"morning|evening|night|afternoon|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
_ISSUE = re.compile(r"\b(?:issues?\s+of|published\s+(?:in|on)|dated|edition\s+of)\s*$", re.I)
_APPOSITION = re.compile(r"^\s*[-–—,]\s*$")


class DateReader:
    """Reads the dates of consecutive texts (a report's leaves), carrying the
    context from one to the next."""

    def __init__(self, context: When | Context | None = None) -> None:
        self.context = context if isinstance(context, Context) else Context.of(context)

    def read(
        self,
        text: str,
        offset: int = 0,
        start: int = 0,
        end: int | None = None,
        candidates: Sequence[Candidate] | None = None,
    ) -> list[When]:
        """The dates of `text` (of text[start:end], read in the context of what
        was read before), at their offsets in `text` plus `offset`. Who reads a
        long text piece by piece may pass `candidates(text)`, found once."""
        found: list[When] = []
        position = 0
        if candidates is None:
            if not _ANY.search(text, start, len(text) if end is None else end):
                return found
            candidates = sorted(_candidates(text, start, end), key=lambda c: c[:3])
        for at, _, _, kind, match in candidates:
            if at < position or not _month_written(match):
                continue
            previous = found[-1] if found else None
            between = text[previous.end - offset : at] if previous else ""
            if kind == "later" and previous is not None and _APPOSITION.match(between):
                continue  # "on the 19th - six days later": the same day, said again
            when = self._when(kind, match, text, offset)
            if when is None:
                continue
            if not when.citation and (
                _ISSUE.search(text[max(0, at - 30) : at])
                or (
                    previous is not None
                    and previous.citation
                    and re.fullmatch(r",?\s*(?:and|or)\s+", between)
                )
            ):
                when = replace(when, citation=True)  # when a paper came out, not an event
            found.append(when)
            position = match.end()
            self.context.note(when)
            if _own_line(text, match.start(), match.end()) and when.precision == "day":
                self.context.dateline = when
        return found

    def _when(self, kind: str, match: re.Match[str], text: str, offset: int) -> When | None:
        groups = match.groupdict()
        words = match.group(0)
        start, end = match.start() + offset, match.end() + offset
        if kind == "dayonly" and _own_line(text, match.start(), match.end()):
            dated = self._dateline(groups)
            if dated is not None:
                return replace(dated, text=words, start=start, end=end)
        if kind in _RELATIVE:
            read = _RELATIVE[kind](_Groups(groups), self.context)
            if read is None:
                return None
            counted, base = read
            return When(
                counted.first,
                counted.last,
                counted.precision,
                words,
                start,
                end,
                relative_to=base.label,
                approximate=counted.approximate or base.approximate,
            )
        reading = _ABSOLUTE[kind](_Groups(groups), self.context)
        if reading is None:
            return None
        citation = kind == "year" and bool(
            _CITATION.fullmatch(text, max(0, match.start() - 1), min(len(text), match.end() + 1))
        )
        year = self.context.year
        relative_to = year.label if kind == "dayspan" and not groups.get("y") and year else None
        return When(
            reading.first,
            reading.last,
            reading.precision,
            words,
            start,
            end,
            relative_to=relative_to,
            approximate=reading.approximate,
            citation=citation,
        )

    def _dateline(self, groups: dict[str, str | None]) -> When | None:
        """A diary's entry "January 9" after "December 30": the year of the entry
        before, and the next one when the months wrap round."""
        base = self.context.dateline
        if base is None:
            return None
        month, day = MONTHS[(groups["m1"] or "").lower()], int(groups["d1"] or 0)
        year = int(base.first[:4]) + (1 if month < int(base.first[5:7]) else 0)
        iso = _iso(year, month, day)
        if iso is None:
            return None
        return When(iso, iso, "day", "", 0, 0, relative_to=base.label)


def _own_line(text: str, start: int, end: int) -> bool:
    """Whether a date stands on a line of its own: a diary entry's heading."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start:start].strip() and not text[end:line_end].strip(" .")


def dates_in(text: str, context: When | Context | None = None) -> list[When]:
    """Every date in `text`, left to right; a relative date or a day without a
    year is counted from the nearest date before it (at first, `context`:
    say, the date of the report or of the leaf before)."""
    return DateReader(context).read(text)


_TYPED = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)(?:[T ]\S*)?)?)?")
_TYPED_SPAN = re.compile(r"(?P<a>\d{4})\s*(?:-|–|—|/|to)\s*(?P<b>\d{4})")
_TYPED_DECADE = re.compile(r"(?P<y>\d{3})0['’]?s")
_TYPED_MONTH = re.compile(r"(?P<name>[A-Za-z]+)\.?,?\s+(?P<y>\d{4})")
_TYPED_APPROXIMATE = re.compile(
    r"^(?:c\.|ca\.|circa|about|around|approx\.?|approximately)\s*", re.IGNORECASE
)


def parse(text: str | None) -> When | None:
    """One date as a person types it or a source's date field holds it
    ("1940-08-20", "1937-06", "1937/1938", "c. 1937", "1930s", "20 August
    1940", "3.IV.1938", "spring 1951", a timestamp), or None where it says
    nothing that can be placed. The one reading of a typed date: the CLI's
    `--date`, a source's date on the timeline, a record's dates of life."""
    if not text:
        return None
    given = " ".join(text.split()).strip().rstrip(".")
    rest = _TYPED_APPROXIMATE.sub("", given)
    approximate = rest != given
    try:
        found = _typed(rest)
    except ValueError:  # a 13th month, a 31st of April, a year 0
        return None
    if found is None:
        read = [w for w in DateReader().read(rest) if w.relative_to is None]
        if len(read) != 1 or (read[0].start, read[0].end) != (0, len(rest)):
            return None
        found = read[0]
    return replace(
        found, text=given, start=0, end=len(given), approximate=found.approximate or approximate
    )


def _typed(text: str) -> When | None:
    """The ISO shapes, for any year of the calendar (the reader of running
    text knows only the years archives speak of)."""
    if m := _TYPED.fullmatch(text):
        year = int(m["y"])
        if m["d"]:
            day = date(year, int(m["m"]), int(m["d"]))
            return When.between(day, day, text)
        if m["m"]:
            month = int(m["m"])
            last = calendar.monthrange(year, month)[1]
            return When.between(date(year, month, 1), date(year, month, last), text)
        return When.between(date(year, 1, 1), date(year, 12, 31), text)
    if m := _TYPED_SPAN.fullmatch(text):
        first, last = int(m["a"]), int(m["b"])
        if last <= first:
            return None
        return When.between(date(first, 1, 1), date(last, 12, 31), text)
    if (m := _TYPED_MONTH.fullmatch(text)) and m["name"].lower() in MONTHS:
        year, month = int(m["y"]), MONTHS[m["name"].lower()]
        last = calendar.monthrange(year, month)[1]
        return When.between(date(year, month, 1), date(year, month, last), text)
    if m := _TYPED_DECADE.fullmatch(text):
        start = int(m["y"]) * 10
        return When.between(date(start, 1, 1), date(start + 9, 12, 31), text)
    return None
