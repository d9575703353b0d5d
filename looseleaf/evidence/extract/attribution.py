"""Who speaks: the author on a byline or under a letter, the person a protocol questions ("the
accused", "I" in an answer), the person quoted."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from looseleaf.evidence.dates import Context, When
from looseleaf.evidence.extract.cues import (
    _ANSWER,
    _RESPONDENT_CUE,
    _SIGNED,
    _SPEECH,
    _THE_RESPONDENT,
)
from looseleaf.evidence.extract.names import Name, _Mention
from looseleaf.evidence.extract.reading import _Reading
from looseleaf.evidence.extract.sentences import _Sentence


class _Attribution(_Reading):
    """Who speaks: the author on a byline or under a letter, the person a protocol questions
    ("the accused", "I" in an answer), the person quoted."""

    def __init__(self, text: str, names: Sequence[Name], context: When | Context | None) -> None:
        super().__init__(text, names, context)
        self.narrator = self._narrator()
        self.speaker: _Mention | None = None
        #: Who answers in a protocol of interrogation: "the accused", and "I" on an answer's line.
        self.respondent = self._respondent()
        if self.respondent is not None:
            self._refer(_THE_RESPONDENT, self.respondent)

    def _narrator(self) -> _Mention | None:
        """The author named on the report's first line (a byline), or at a
        letter's foot: the name signed on a short line of the last few."""
        head = self.text[:200].split("\n", 1)[0]
        found = self.people_in(0, len(head))
        if found and len(head.split()) <= 4:
            return found[0]
        foot = max(0, len(self.text) - 300)
        for line in reversed(list(re.finditer(r"[^\n]+", self.text[foot:]))):
            words = line.group().split()
            people = self.people_in(foot + line.start(), foot + line.end())
            if people and (len(words) <= 5 or _SIGNED.match(line.group())):
                return people[-1]
        return None

    def _respondent(self) -> _Mention | None:
        """The person a protocol questions, named near its head after "the
        accused", "the witness", "interrogation of"."""
        for match in _RESPONDENT_CUE.finditer(self.text, 0, min(len(self.text), 1500)):
            people = self.people_in(match.end(), min(len(self.text), match.end() + 60))
            if people and not self.text[match.end() : people[0].start].strip(" ,:\n"):
                return people[0]
            if people and re.fullmatch(
                r"[\s,:]*(?:citizen|[Cc]itizen)?\s*", self.text[match.end() : people[0].start]
            ):
                return people[0]
        return None

    def _refer(self, pattern: re.Pattern[str], person: _Mention) -> None:
        """Let every bare "the accused" stand for the person it means."""
        taken = [(m.start, m.end) for m in self.mentions]
        added = [
            replace(person, start=m.start(), end=m.end())
            for m in pattern.finditer(self.text)
            if not any(s < m.end() and m.start() < e for s, e in taken)
        ]
        if added:
            self.mentions = sorted([*self.mentions, *added], key=lambda m: m.start)
            self._starts = [m.start for m in self.mentions]

    def _answering(self, position: int) -> bool:
        """Whether a position lies in an answer of a question-and-answer protocol."""
        line_start = self.text.rfind("\n", 0, position) + 1
        return bool(_ANSWER.match(self.text, line_start))

    def _speaker(self, sentence: _Sentence) -> None:
        """Who "I" is inside quotation marks: the person said to speak."""
        for match in _SPEECH.finditer(sentence.text):
            at = sentence.start + match.start()
            near = self.people_in(max(sentence.start, at - 40), min(sentence.end, at + 40))
            if near:
                self.speaker = min(near, key=lambda m: abs(m.start - at))

    def _narrated(self, position: int) -> list[_Mention]:
        if self._quoted(position) and self.speaker is not None:
            return [self.speaker]
        if self.respondent is not None and self._answering(position):
            return [self.respondent]
        return [self.narrator] if self.narrator is not None else []

    def _quoted(self, position: int) -> bool:
        line_start = self.text.rfind("\n", 0, position) + 1
        line = self.text[line_start:position]
        return line.count("“") > line.count("”") or line.lstrip().startswith(("“", '"'))
