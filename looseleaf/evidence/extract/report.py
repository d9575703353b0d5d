"""The pass over a report, sentence by sentence, and the entry points: `suggest` for one text,
`suggest_report` for a report's leaves read as one text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from looseleaf.evidence.dates import Context, When
from looseleaf.evidence.extract.cues import _DATED_EVENTS
from looseleaf.evidence.extract.names import Name
from looseleaf.evidence.extract.reading import _Hit, _surname
from looseleaf.evidence.extract.roles import _Roles


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    quote: str
    subject: str
    subject_id: int | None
    property: str
    when: When
    place: str | None
    planned: bool
    value: str | None = None


def _join(pieces: Sequence[str]) -> tuple[str, list[int]]:
    """The leaves as one text: a leaf that ends mid-sentence runs on into the next."""
    parts: list[str] = []
    offsets: list[int] = []
    position = 0
    for number_, piece in enumerate(pieces):
        if number_:
            previous = parts[-1].rstrip()
            # a leaf that breaks off mid-sentence ("... from May 3 to May 24, 1911,")
            # runs on into a next leaf that starts in lower case; else a new block
            runs_on = re.search(r"[a-z,;-]$", previous) and re.match(r"\s*[a-z]", piece)
            separator = " " if runs_on else "\n\n"
            parts.append(separator)
            position += len(separator)
        offsets.append(position)
        parts.append(piece)
        position += len(piece)
    return "".join(parts), offsets


def suggest_report(
    pieces: Sequence[tuple[str, Sequence[Name]]], context: When | Context | None = None
) -> list[list[Found]]:
    """Dated statements about named subjects in a report's leaves, leaf by leaf
    (offsets are the leaf's own; each claim is cited to the leaf its span ends
    on, cut to that leaf)."""
    text, offsets = _join([piece for piece, _ in pieces])
    names = [
        Name(offset + n.start, offset + n.end, n.text, n.person_id)
        for (_, leaf_names), offset in zip(pieces, offsets, strict=True)
        for n in leaf_names
    ]
    report = _Report(text, names, context)
    found: list[list[Found]] = [[] for _ in pieces]
    seen: set[tuple[int, int, str, str, str, str, str | None]] = set()
    for hit in report.read():
        leaf = max(i for i, offset in enumerate(offsets) if offset <= max(hit.start, hit.end - 1))
        low = offsets[leaf]
        high = low + len(pieces[leaf][0])
        start, end = max(hit.start, low), min(hit.end, high)
        if end <= start:
            continue
        key = (
            leaf,
            hit.sentence,
            hit.subject.text,
            hit.property,
            hit.when.first,
            hit.when.last,
            hit.value,
        )
        if key in seen:
            continue
        seen.add(key)
        found[leaf].append(
            Found(
                start=start - low,
                end=end - low,
                quote=text[start:end],
                subject=hit.subject.text,
                subject_id=hit.subject.person_id,
                property=hit.property,
                when=hit.when,
                place=hit.place,
                planned=hit.planned,
                value=hit.value,
            )
        )
    return found


def suggest(text: str, names: Sequence[Name], context: When | None = None) -> list[Found]:
    """Dated statements about the named subjects in one text."""
    return suggest_report([(text, names)], context)[0]


class _Report(_Roles):
    """The pass over a report, sentence by sentence, and the entry points: `suggest` for one
    text, `suggest_report` for a report's leaves read as one text."""

    def read(self) -> list[_Hit]:
        for index, sentence in enumerate(self.sentences):
            self._recall(sentence)
            self.dates += self.reader.read(self.text, 0, sentence.start, sentence.end)
            self._date_starts = [d.start for d in self.dates]
            self._speaker(sentence)
            self.topics.append(None)
            self._remember_trials(index, sentence)
            self._events(index, sentence)
            self._counts(index, sentence)
            self._death_sentences(index, sentence)
            self._verdicts(index, sentence)
            self._judgments(index, sentence)
            self._listed(index, sentence)
            self._roles(index, sentence)
            self._fields(index, sentence)
            self._absorbed(index, sentence)
            if self.topics[index] is None:
                self.topics[index] = self._topic(index, sentence)
            for hit in self.hits:
                if (
                    hit.sentence == index
                    and hit.property in _DATED_EVENTS
                    and hit.subject.person
                    and hit.when.precision == "day"
                    and not hit.planned
                ):
                    self.events.setdefault(_surname(hit.subject), hit.when)
        return self.hits
