"""What a report's reading holds as it goes (names, dates, sentences, the claims found so far)
and the look-ups every stage uses."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from looseleaf.evidence.dates import Context, DateReader, When
from looseleaf.evidence.extract.cues import _BOUND
from looseleaf.evidence.extract.names import Name, _Mention, _names
from looseleaf.evidence.extract.sentences import _Sentence, _sentences
from looseleaf.evidence.lexicon import EVENT_STARTS, EVENTS, Event


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    subject: _Mention
    property: str
    when: When
    value: str | None
    place: str | None
    planned: bool
    sentence: int


@dataclass
class _Trial:
    eponym: _Mention | None
    name: str
    when: When | None
    sentence: int


@dataclass
class _Trigger:
    start: int
    end: int
    event: Event
    clause: int
    dates: list[When] = field(default_factory=list)
    #: Where the event's words end: for "the death of Pyotr Wrangel", after the name.
    reach: int = 0


def _last(matches: Iterable[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for match in matches:
        last = match
    return last


def _pronoun_gender(word: str) -> str | None:
    return "f" if word.lower() in {"she", "her"} else "m"


def _fits(mention: _Mention, gender: str | None) -> bool:
    return gender is None or mention.gender is None or mention.gender == gender


def _surname(mention: _Mention) -> str:
    return mention.text.split()[-1]


def _event_words(text: str) -> list[tuple[int, int, int, int]]:
    """Every match of every event word, as each pattern's own scan would find
    it (start, minus its length, which pattern, end), in one pass: the places
    where some event word begins are found at once, and each pattern is tried
    only there."""
    found = []
    last_end = [0] * len(EVENTS)
    for start in (m.start() for m in EVENT_STARTS.finditer(text)):
        for n, event in enumerate(EVENTS):
            if start < last_end[n]:
                continue
            match = event.pattern.match(text, start)
            if match is not None and match.end() > start:
                found.append((start, start - match.end(), n, match.end()))
                last_end[n] = match.end()
    return sorted(found)


class _Reading:
    """What a report's reading holds as it goes (names, dates, sentences, the claims found so
    far) and the look-ups every stage uses."""

    def __init__(self, text: str, names: Sequence[Name], context: When | Context | None) -> None:
        self.text = text
        self.mentions = _names(text, names)
        self._starts = [m.start for m in self.mentions]
        self.reader = DateReader(context)
        self._events_found = _event_words(text)
        self._event_starts = [e[0] for e in self._events_found]
        self.dates: list[When] = []
        self._date_starts: list[int] = []
        #: Dated events by the surname of whom they befell: "the Kirov assassination"
        #: later takes the reader back to that day.
        self.events: dict[str, When] = {}
        self.sentences = _sentences(text)
        self.hits: list[_Hit] = []
        self.topics: list[_Mention | None] = []  # whom each sentence was about
        self.trials: list[_Trial] = []
        self.triggers: dict[int, list[_Trigger]] = {}

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[low:high] if m.end <= end]

    def people_in(self, start: int, end: int) -> list[_Mention]:
        return [m for m in self.mentions_in(start, end) if m.person]

    def dates_in(self, start: int, end: int) -> list[When]:
        low = bisect.bisect_left(self._date_starts, start)
        high = bisect.bisect_left(self._date_starts, end)
        return [d for d in self.dates[low:high] if d.end <= end and not d.citation]

    def _reference(self, trigger: _Trigger) -> bool:
        """ "after the hanging of the nine": an event named as a point of reference."""
        before = self.text[max(0, trigger.start - 30) : trigger.start]
        return bool(
            re.search(
                r"\b(?:after|before|since|following|upon)\s+(?:the|his|her|their)\s+$", before, re.I
            )
        )

    def _bound(self, when: When, clause_start: int) -> int | None:
        """Where the phrase starts that makes a date a bound, not the date of an
        event: "after the Great Strike of 1902", "since 1899"."""
        found = _BOUND.search(self.text[max(clause_start, when.start - 60) : when.start])
        return None if found is None else max(clause_start, when.start - 60) + found.start()

    def date_before(self, position: int) -> When | None:
        before = [d for d in self.dates if d.end <= position and not d.citation]
        return before[-1] if before else None

    def _clause_of(self, sentence: _Sentence, position: int) -> int:
        for number_, clause in enumerate(sentence.clauses):
            if clause.start <= position < clause.end:
                return number_
        return len(sentence.clauses) - 1

    def _hit(
        self,
        index: int,
        sentence: _Sentence,
        subject: _Mention,
        *,
        prop: str,
        when: When,
        span: tuple[int, int],
        value: str | None = None,
        place: str | None = None,
        planned: bool = False,
        dated: tuple[int, int] | None = None,
    ) -> None:
        """A claim found: its span runs over the event's words, the subject when it
        is in the sentence, and the date when `dated` says where it stands."""
        first, last = span
        if sentence.start <= subject.start and subject.end <= sentence.end:
            first, last = min(first, subject.start), max(last, subject.end)
        if dated is not None:
            first, last = min(first, dated[0]), max(last, dated[1])
        self.hits.append(_Hit(first, last, subject, prop, when, value, place, planned, index))
