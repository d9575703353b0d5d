"""Dates as the seeds write them, with their precision.

"20 August 1940", "20th August, 1940", "on the 20th of August 1940",
"August 20, 1940", "August 1936", "1933", "1937-38", and the relative ones:
"the next day", "the following day", "the day before", "January 8" (the year
of the date before it). A date is kept as the first and last day it can
mean, so "June 1937" and "11 June 1937" can be compared without pretending
the first is a day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
_MONTH = r"(?P<{}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>1[5-9]\d\d|20[0-4]\d)"


def _pattern(template: str) -> str:
    return (
        template.replace("MONTH", _MONTH.format("month"))
        .replace("DAY", _DAY.format("day"))
        .replace("YEAR2", r"(?P<year2>\d{2,4})")
        .replace("YEAR", _YEAR.format("year"))
    )


#: Tried at each position in this order: the longest reading wins.
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(_pattern(text), re.IGNORECASE))
    for kind, text in [
        ("day", r"\b(?:the\s+)?DAY\s+(?:of\s+)?MONTH,?\s+(?:of\s+)?YEAR\b"),
        ("day", r"\bMONTH\s+DAY,?\s+YEAR\b"),
        ("day", r"\b(?P<iy>1[5-9]\d\d|20[0-4]\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
        ("month", r"\bMONTH,?\s+(?:of\s+)?YEAR\b"),
        ("range", r"\bYEAR\s*(?:-|–|—|/|to|and)\s*YEAR2\b"),
        ("year", r"\bYEAR\b"),
        ("dayonly", r"\b(?:the\s+)?DAY\s+(?:of\s+)?MONTH\b"),
        ("dayonly", r"\bMONTH\s+DAY\b"),
        (
            "relative",
            r"\b(?:the|on\s+the)\s+(?P<rel>next|following|previous|preceding|same)\s+"
            r"(?:day|morning|evening|night|afternoon)\b",
        ),
        ("relative", r"\b(?P<rel>next|following)\s+(?:day|morning)\b"),
        ("relative", r"\bthe\s+day\s+(?P<rel>after|before)\b"),
        ("relative", r"\b(?P<rel>that)\s+(?:same\s+)?(?:day|night|evening)\b"),
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

    def overlaps(self, other: When) -> bool:
        return self.first <= other.last and other.first <= self.last

    @property
    def label(self) -> str:
        """The ISO form with its precision: 1940-08-20, 1937-06, 1933, 1937/1938."""
        if self.precision == "day":
            return self.first
        if self.precision == "month":
            return self.first[:7]
        if self.precision == "year":
            return self.first[:4]
        return f"{self.first[:4]}/{self.last[:4]}"


def _month_span(year: int, month: int) -> tuple[str, str]:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1).isoformat(), date(year, month, last).isoformat()


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _read(kind: str, found: re.Match[str], context: When | None) -> When | None:
    groups = found.groupdict()
    text, start, end = found.group(0), found.start(), found.end()
    if kind == "day":
        if groups.get("iy"):
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        else:
            year, month, day = (
                int(groups["year"]),
                MONTHS[groups["month"].lower()],
                int(groups["day"]),
            )
        iso = _day(year, month, day)
        return None if iso is None else When(iso, iso, "day", text, start, end)
    if kind == "month":
        first, last = _month_span(int(groups["year"]), MONTHS[groups["month"].lower()])
        return When(first, last, "month", text, start, end)
    if kind == "range":
        year, tail = int(groups["year"]), groups["year2"]
        other = int(str(year)[: 4 - len(tail)] + tail)
        if not year < other <= year + 30:
            return None
        return When(f"{year}-01-01", f"{other}-12-31", "range", text, start, end)
    if kind == "year":
        year = int(groups["year"])
        return When(f"{year}-01-01", f"{year}-12-31", "year", text, start, end)
    if context is None or context.precision in {"year", "range"}:
        return None  # a day without a year, or a relative day, needs a dated context
    if kind == "dayonly":
        month = MONTHS[groups["month"].lower()]
        if groups["month"].lower() == "may" and not text[:1].isupper():
            return None  # "may 5" is a verb more often than a month
        iso = _day(int(context.first[:4]), month, int(groups["day"]))
        return None if iso is None else When(iso, iso, "day", text, start, end, context.label)
    if context.precision != "day":
        return None
    shifted = date.fromisoformat(context.first) + timedelta(days=_SHIFT[groups["rel"].lower()])
    iso = shifted.isoformat()
    return When(iso, iso, "day", text, start, end, context.label)


def dates_in(text: str, context: When | None = None) -> list[When]:
    """Every date in `text`, left to right; a relative date or a day without a
    year is counted from the nearest full date before it (at first, `context`:
    say, the date of the report or of the leaf before)."""
    found: list[When] = []
    position = 0
    candidates = sorted(
        (
            (match.start(), -(match.end() - match.start()), order, kind, match)
            for order, (kind, pattern) in enumerate(_FORMS)
            for match in pattern.finditer(text)
        ),
        key=lambda c: c[:3],
    )
    for start, _, _, kind, match in candidates:
        if start < position:
            continue
        when = _read(kind, match, context)
        if when is None:
            continue
        found.append(when)
        position = when.end
        if when.relative_to is None or when.precision == "day":
            context = when
    return found
