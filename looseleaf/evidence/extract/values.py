"""Numbers: counts of victims with their period, death sentences of a case, lists of persons
each with a date, bodies taken into others."""

from __future__ import annotations

import re
from dataclasses import replace

from looseleaf.evidence.dates import When
from looseleaf.evidence.extract.cues import (
    _ABSORBED,
    _ANAPHORIC_OPENER,
    _DEATH_SENTENCES,
    _JUDGMENT_HEAD,
    _JUDGMENT_ITEM,
    _LIST_HEAD,
    _ORDER_COUNT,
    _RESPECTIVELY,
    _THESE,
    _TOTALLING,
    _VERDICT_GIVEN,
    _VICTIM_COUNT,
)
from looseleaf.evidence.extract.events import _Events
from looseleaf.evidence.extract.names import _ACRONYM, _ORG_WORDS, _Mention
from looseleaf.evidence.extract.sentences import _Sentence
from looseleaf.evidence.lexicon import EVENTS, MASS_EVENTS
from looseleaf.evidence.numbers import number


class _Values(_Events):
    """Numbers: counts of victims with their period, death sentences of a case, lists of persons
    each with a date, bodies taken into others."""

    def _counts(self, index: int, sentence: _Sentence) -> None:
        respectively = _RESPECTIVELY.search(sentence.text)
        dates = self.dates_in(sentence.start, sentence.end)
        for pattern, planned in ((_VICTIM_COUNT, False), (_TOTALLING, False), (_ORDER_COUNT, True)):
            for match in pattern.finditer(self.text, sentence.start, sentence.end):
                written = match.group("n")
                amount = number(written)
                at = match.start("n")
                if amount is None or amount < 10 or any(d.start <= at < d.end for d in self.dates):
                    continue
                if re.fullmatch(r"1[5-9]\d\d|20[0-4]\d", written):
                    continue
                if (
                    respectively
                    and respectively.start() <= at - sentence.start < respectively.end()
                ):
                    continue
                if re.match(
                    r"\s+(?:\w+\s+){0,2}(?:were|was)\s+arrested",
                    self.text[match.end("n") : match.end()],
                ):
                    continue
                self._count(
                    index,
                    sentence,
                    (at, match.end()),
                    written=written,
                    planned=planned,
                    dates=dates,
                )
        if respectively:
            self._respectively(index, sentence, respectively)

    def _count(
        self,
        index: int,
        sentence: _Sentence,
        span: tuple[int, int],
        *,
        written: str,
        planned: bool,
        dates: list[When],
    ) -> None:
        start, end = span
        when: When | None = None
        dated: tuple[int, int] | None = None
        if dates:
            when = min(dates, key=lambda d: abs(d.start - start))
            dated = (when.start, when.end)
        elif _THESE.search(sentence.text) and index > 0:
            previous = self.sentences[index - 1]
            before = self.dates_in(previous.start, previous.end)
            when = replace(before[-1], relative_to=before[-1].label) if before else None
        elif any(p.search(sentence.text) for _, p in MASS_EVENTS):
            before_date = self.date_before(sentence.start)
            if before_date is not None:
                year = before_date.first[:4]
                when = When(
                    f"{year}-01-01",
                    f"{year}-12-31",
                    "year",
                    before_date.text,
                    before_date.start,
                    before_date.end,
                    relative_to=before_date.label,
                )
        if when is None:
            return
        event = self._mass_event(index, sentence, start, when)
        if event is None:
            return
        self._hit(
            index,
            sentence,
            event,
            prop="number-of-victims",
            when=when,
            span=(start, end),
            value=written,
            planned=planned,
            dated=dated,
        )

    def _death_sentences(self, index: int, sentence: _Sentence) -> None:
        """How many death sentences one case gave, as a fact of the case: of its
        lead defendant (the person last tried or sentenced), on that day."""
        for match in _DEATH_SENTENCES.finditer(self.text, sentence.start, sentence.end):
            amount = number(match.group("n"))
            if amount is None:
                continue
            trial = next(
                (
                    h
                    for h in reversed(self.hits)
                    if h.property in {"tried", "sentenced"} and h.sentence >= index - 6
                ),
                None,
            )
            if trial is None:
                continue
            self._hit(
                index,
                sentence,
                trial.subject,
                prop="death-sentences",
                when=replace(trial.when, relative_to=trial.when.label),
                span=match.span(),
                value=match.group("n"),
            )

    def _verdicts(self, index: int, sentence: _Sentence) -> None:
        """ "On 12 October 1951 the court delivered its verdict": the day the
        defendants of the trial last spoken of were sentenced."""
        verdict = _VERDICT_GIVEN.search(self.text, sentence.start, sentence.end)
        dates = self.dates_in(sentence.start, sentence.end)
        if verdict is None or not dates:
            return
        if any(h.property == "sentenced" and h.sentence == index for h in self.hits):
            return
        tried = [
            h.subject
            for h in self.hits
            if h.property == "tried" and h.sentence >= index - 8 and h.subject.person
        ]
        tried += [
            t.eponym
            for t in self.trials
            if t.eponym is not None and t.eponym.person and t.sentence >= index - 8
        ]
        if not tried:
            return
        when = min(dates, key=lambda d: abs(d.start - verdict.start()))
        self._hit(index, sentence, tried[-1], prop="sentenced", when=when, span=verdict.span())

    def _judgments(self, index: int, sentence: _Sentence) -> None:
        """ "10.IX.1968 - Judgment: Kästner 4 years, Brandt 2 years": each name
        with its term, on the day the entry or the sentence gives."""
        head = _JUDGMENT_HEAD.search(self.text, sentence.start, sentence.end)
        dates = self.dates_in(sentence.start, sentence.end)
        if head is None or not dates:
            return
        for item in _JUDGMENT_ITEM.finditer(self.text, head.end(), sentence.end):
            people = [
                m
                for m in self.people_in(item.start("n"), sentence.end)
                if m.start == item.start("n")
            ]
            if people and not any(
                h.subject.start == people[0].start and h.property == "sentenced" for h in self.hits
            ):
                self._hit(
                    index,
                    sentence,
                    people[0],
                    prop="sentenced",
                    when=dates[0],
                    span=(people[0].start, item.end()),
                    value=item.group("term"),
                )

    def _listed(self, index: int, sentence: _Sentence) -> None:
        """An event word before a colon and a list, each item a person and a date:
        "the following have been arrested: the engineer G. I. Kharlamov, on 14
        November 1937; the foreman M. I. Savchuk, on 22 November 1937"."""
        head = _LIST_HEAD.search(sentence.text)
        if head is None:
            return
        event = next((e for e in EVENTS if e.pattern.fullmatch(head.group("verb"))), None)
        if event is None:
            return
        at = sentence.start + head.end()
        for item in re.finditer(r"[^;]+", self.text[at : sentence.end]):
            start, end = at + item.start(), at + item.end()
            people = self.people_in(start, end)
            dates = self.dates_in(start, end)
            if len(people) == 1 and len(dates) == 1:
                self._hit(
                    index,
                    sentence,
                    people[0],
                    prop=event.property,
                    when=dates[0],
                    span=(people[0].start, dates[0].end),
                )

    def _respectively(self, index: int, sentence: _Sentence, match: re.Match[str]) -> None:
        """ "during 1911 and 1912, 41,000 strikers (20,115 and 20,885,
        respectively)": each part with its year."""
        dates = self.dates_in(sentence.start, sentence.end)
        if not dates or dates[0].precision != "range":
            return
        span = dates[0]
        first_year, last_year = int(span.first[:4]), int(span.last[:4])
        if last_year - first_year != 1:
            return
        for key, year in (("a", first_year), ("b", last_year)):
            start = sentence.start + match.start(key)
            end = sentence.start + match.end(key)
            when = When(
                f"{year}-01-01",
                f"{year}-12-31",
                "year",
                span.text,
                span.start,
                span.end,
                relative_to=span.label,
            )
            event = self._mass_event(index, sentence, start, when)
            if event is not None:
                self._hit(
                    index,
                    sentence,
                    event,
                    prop="number-of-victims",
                    when=when,
                    span=(start, end),
                    value=match.group(key),
                )

    def _mass_event(
        self, index: int, sentence: _Sentence, position: int, when: When
    ) -> _Mention | None:
        """What a count of victims belongs to: the mass event named nearest before it
        (in this sentence or the text before), or the one its period was named by
        ("the long lockouts of 1910-12" ... "in those bitter years")."""
        windows = [(0, sentence.end)]
        if when.relative_to is not None:
            for base in self.dates:
                if base.label == when.relative_to and base.end <= position:
                    windows.insert(0, (max(0, base.start - 80), base.end))
                    break
        for low, high in windows:
            best: tuple[int, str] | None = None
            for canonical, pattern in MASS_EVENTS:
                for match in pattern.finditer(self.text, low, high):
                    if match.start() > position + 200 and high == sentence.end:
                        continue
                    name = canonical
                    if match.groupdict().get("name"):
                        name = f"the {match.group('name')} Massacre"
                    if best is None or match.start() > best[0]:
                        best = (match.start(), name)
            if best is not None:
                return _Mention(best[0], best[0] + 1, best[1], None, "event")
        return None

    def _absorbed(self, index: int, sentence: _Sentence) -> None:
        """ "the Guild was merged into the Union", "the Bureau came to be called the
        Office", "the Bureau and the Guild were dissolved and their duties handed to the
        Ministry of Trade": the second took in the first."""
        text = sentence.text
        for match in _ABSORBED.finditer(text):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            clause = sentence.clauses[self._clause_of(sentence, start)]
            low = sentence.start if "transferred" in match.group() else clause.start
            before = [m for m in self.mentions_in(low, start) if m.kind == "org"]
            after_text = self.text[end : min(sentence.end, end + 120)]
            target = re.match(
                r"\s+(?:the\s+)?(?:newly\s+created\s+|new\s+)?(?P<n>(?:People[’']s\s+)?[A-Z][\w’'-]+"
                r"(?:\s+(?:for|of|the)?\s*[A-Z][\w’'-]+)*)(?:\s+\((?P<a>[A-Z]{2,6})\))?",
                after_text,
            )
            if not before or not target:
                continue
            name = target.group("a") or target.group("n")
            if not (_ACRONYM.fullmatch(name) or _ORG_WORDS.search(name)):
                continue
            at = end + target.start("a" if target.group("a") else "n")
            subject = _Mention(at, at + len(name), name, None, "org")
            dates = self.dates_in(clause.start, clause.end) or self.dates_in(
                sentence.start, sentence.end
            )
            when: When | None = dates[0] if dates else None
            span = (when.start, when.end) if when else None
            if when is None and _ANAPHORIC_OPENER.search(text):
                previous = self.date_before(sentence.start)
                when = replace(previous, relative_to=previous.label) if previous else None
            if when is None:
                continue
            absorbed = before[-1]
            self._hit(
                index,
                sentence,
                subject,
                prop="absorbed",
                when=when,
                span=(absorbed.start, subject.end),
                value=absorbed.text,
                dated=span,
            )
