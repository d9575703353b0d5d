"""Event words, each read into a claim with its subject, date, place and value."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from looseleaf.evidence.dates import When
from looseleaf.evidence.extract.cues import (
    _ANNOUNCED,
    _AT_PLACE,
    _BARE_POST,
    _BORN_IN,
    _CO_ACCUSED,
    _GAPPED_TERM,
    _NEW_NAME,
    _OF_NAME,
    _PLACE,
    _RECRUITED_AS,
    _RESPECTIVELY_WORD,
    _TERM,
    _TO,
    _TRANSFERRED,
    _VALUED,
    _WITH_BY,
    _WOULD,
)
from looseleaf.evidence.extract.dating import _Dating
from looseleaf.evidence.extract.names import _STOP, _Mention
from looseleaf.evidence.extract.reading import _Trigger
from looseleaf.evidence.extract.sentences import _Clause, _Sentence
from looseleaf.evidence.lexicon import EVENTS, PLANNED


class _Events(_Dating):
    """Event words, each read into a claim with its subject, date, place and value."""

    def _events(self, index: int, sentence: _Sentence) -> None:
        triggers = self._triggers(sentence)
        self.triggers[index] = triggers
        self._own_dates(sentence, triggers)
        self._share_dates(index, sentence, triggers)
        for trigger in triggers:
            self._event(index, sentence, trigger, triggers)

    def _triggers(self, sentence: _Sentence) -> list[_Trigger]:
        """The event words of a sentence, the longest where two overlap."""
        low = bisect.bisect_left(self._event_starts, sentence.start)
        high = bisect.bisect_left(self._event_starts, sentence.end)
        triggers: list[_Trigger] = []
        for start, _, which, end in self._events_found[low:high]:
            if end > sentence.end or any(start < t.end and t.start < end for t in triggers):
                continue
            event = EVENTS[which]
            trigger = _Trigger(start, end, event, self._clause_of(sentence, start), reach=end)
            of = _OF_NAME.match(self.text, end, sentence.end)
            if event.frame == "noun" and of:
                named = [m for m in self.mentions_in(end, of.end() + 40) if m.start <= of.end() + 1]
                if named:
                    trigger.reach = named[0].end
            triggers.append(trigger)
        return triggers

    def _event(
        self, index: int, sentence: _Sentence, trigger: _Trigger, triggers: list[_Trigger]
    ) -> None:
        clause = sentence.clauses[trigger.clause]
        event = trigger.event
        start, end = trigger.start, trigger.end
        if self._no_event(sentence, clause, trigger):
            return
        subjects, agent = self._subjects(index, sentence, trigger)
        if not subjects:
            return
        when, dated = self._date(index, sentence, trigger, triggers, subjects)
        if when is None:
            return
        if self.topics[index] is None and subjects[0].person and event.frame != "noun":
            self.topics[index] = subjects[0]
        details = self._details(index, sentence, trigger, subjects, when=when, agent=agent)
        if details is None:
            return
        value, place = details
        if event.property == "tried":
            subjects = subjects[:1]
        planned = bool(PLANNED.search(self.text, clause.start, start)) or bool(
            _WOULD.search(self.text, clause.start, start) and _ANNOUNCED.search(sentence.text)
        )
        first = min((m.start for m in subjects if m.start >= sentence.start), default=start)
        dates = self._respective(sentence, subjects)
        for number, subject in enumerate(subjects):
            self._hit(
                index,
                sentence,
                subject,
                prop=event.property,
                when=dates[number] if dates else when,
                span=(min(start, first), end),
                value=value,
                place=place,
                planned=planned,
                dated=dated,
            )
        if event.property == "sentenced":
            self._gapped(index, sentence, trigger, when)
        if event.property == "dismissed" and self.text.startswith("replaced as", start):
            self._successor(index, sentence, trigger, when, planned=planned, dated=dated)

    def _respective(self, sentence: _Sentence, subjects: list[_Mention]) -> list[When]:
        """ "Kubíček and Dvořák were arrested on 14 March and 15 March 1951
        respectively": one date each, in order."""
        if len(subjects) < 2 or not _RESPECTIVELY_WORD.search(sentence.text):
            return []
        dates = self.dates_in(sentence.start, sentence.end)
        if len(dates) == 1 and len(subjects) == 2 and " and " in dates[0].text:
            both = dates[0]  # "on 14 and 15 March 1951 respectively": its two days
            dates = [
                replace(both, first=day, last=day, precision="day")
                for day in (both.first, both.last)
            ]
        return dates if len(dates) == len(subjects) else []

    def _gapped(self, index: int, sentence: _Sentence, trigger: _Trigger, when: When) -> None:
        """The verb said once for several: "Hanák was sentenced to death, Kubíček to
        fourteen years and Dvořák to twenty years": each name with its term."""
        for match in _GAPPED_TERM.finditer(self.text, trigger.end, sentence.end):
            people = [
                m for m in self.people_in(match.start(), match.end()) if m.start == match.start("n")
            ]
            if people:
                self._hit(
                    index,
                    sentence,
                    people[0],
                    prop="sentenced",
                    when=when,
                    span=(people[0].start, match.end()),
                    value=match.group("term"),
                )

    def _details(
        self,
        index: int,
        sentence: _Sentence,
        trigger: _Trigger,
        subjects: list[_Mention],
        *,
        when: When,
        agent: _Mention | None,
    ) -> tuple[str | None, str | None] | None:
        """The value and the place an event's words give (None: no claim after
        all, e.g. a stay with no place, a meeting with nobody named)."""
        clause = sentence.clauses[trigger.clause]
        prop, start, end = trigger.event.property, trigger.start, trigger.end
        value = agent.text if agent is not None else None
        if prop == "tried":
            count = _CO_ACCUSED.search(self.text, clause.start, clause.end)
            if any(
                h.property == "tried" and h.sentence == index and h.when == when for h in self.hits
            ):
                return (
                    None  # one trial, named twice: "the trial of the sixteen ... the Z-K-S trial"
                )
            return (count.group("n") if count else value), None
        if prop == "located-at":
            place = self._place(start, end, clause.end)
            return None if place is None else (value, place)
        if prop == "born":
            return value, self._birthplace(end, clause.end)
        where = self._where(end, clause.end)
        if prop == "met":
            other = self._object(index, sentence, end, clause.end)
            if other is None or other.text == subjects[0].text:
                return None
            return other.text, where
        if prop in _VALUED:
            value = self._value(prop, end, clause.end, sentence.end) or (
                None if prop == "dismissed" else value
            )
            return None if value is None and prop == "renamed" else (value, where)
        return value, where

    def _where(self, end: int, clause_end: int) -> str | None:
        """Where a person's event happened, when its clause says ("arrested in
        Přílepy", "shot at Pankrác prison in Prague"): it puts them there that day."""
        found = _AT_PLACE.search(self.text, end, min(clause_end, end + 60))
        if found is None or found.group("place").split()[0].lower() in _STOP:
            return None
        return found.group("place")

    def _no_event(self, sentence: _Sentence, clause: _Clause, trigger: _Trigger) -> bool:
        """An event word that tells of no event of its own."""
        event, start = trigger.event, trigger.start
        if event.property == "dissolved" and _TRANSFERRED.search(sentence.text):
            return True  # "abolished and their powers transferred to ...": an absorption
        # "to replace", "looking to": an aim, not an event (unless a plan)
        return (
            event.frame in {"agent", "patient", "thing"}
            and bool(_TO.search(self.text, max(clause.start, start - 4), start))
            and not PLANNED.search(self.text, max(clause.start, start - 25), start)
        )

    def _successor(
        self,
        index: int,
        sentence: _Sentence,
        trigger: _Trigger,
        when: When,
        *,
        planned: bool,
        dated: tuple[int, int] | None,
    ) -> None:
        """ "Brandt was replaced as Guild head with Oskar Lind": Lind was appointed."""
        clause = sentence.clauses[trigger.clause]
        successor = _WITH_BY.match(self.text, trigger.end, clause.end)
        if successor is None:
            return
        after = self.people_in(successor.end(), min(clause.end, successor.end() + 30))
        if after:
            self._hit(
                index,
                sentence,
                after[0],
                prop="appointed",
                when=when,
                span=(trigger.start, after[0].end),
                value=self._post(trigger.start, clause.end),
                planned=planned,
                dated=dated,
            )

    def _place(self, start: int, end: int, clause_end: int) -> str | None:
        if re.search(r"there$", self.text[start:end]):
            return "there"
        if re.search(r"aboard$", self.text[start:end]):
            ship = re.match(
                r"\s+(?:the\s+)?(?P<p>(?:[\w-]+\s+){0,4}?[A-Z][\w-]+)", self.text[end:clause_end]
            )
            return ship.group("p") if ship else None
        window = self.text[end:clause_end]
        if re.search(r"visited$", self.text[start:end]):
            # "visited the Meyerhold Theatre", "visited Paris", not "visited Stalin"
            at = end + len(window) - len(window.lstrip())
            found = _PLACE.match(self.text, at, clause_end)
            if found and not any(m.end >= found.end() for m in self.people_in(at, found.end())):
                return found.group("place")
            return None
        if re.match(r"\s*(?:to|in|at|of)$", self.text[max(0, end - 4) : end]) or re.search(
            r"(?:to|in|at|of|the)$", self.text[start:end]
        ):
            found = _PLACE.match(window.lstrip())
            if found:
                return found.group("place")
        for match in re.finditer(r"\b(?:in|at|to)\s+", window):
            if match.start() > 120:
                break
            found = _PLACE.match(window, match.end())
            if found and found.group("place").split()[0].lower() not in _STOP:
                return found.group("place")
        return None

    def _birthplace(self, end: int, clause_end: int) -> str | None:
        found = _BORN_IN.match(self.text, end, clause_end)
        return (found.group("place") or found.group("bracketed")) if found else None

    def _value(self, prop: str, end: int, clause_end: int, sentence_end: int) -> str | None:
        """What an event word's phrase says beside its subject: the post taken,
        the term given, the new name, what one was recruited as."""
        if prop == "appointed":
            return self._post(end, clause_end)
        if prop == "dismissed":  # the post or body left: "expelled from the Party", "as head"
            within = re.search(r"\bfrom\s+(?P<post>(?:the\s+)?\w[\w\s’'-]*)$", self.text[:end])
            return self._post(end, clause_end) or (
                within.group("post") if within and within.start() >= end - 60 else None
            )
        found = {
            "sentenced": (_TERM, clause_end, "term"),
            "renamed": (_NEW_NAME, sentence_end, "n"),
            "recruited": (_RECRUITED_AS, clause_end, "as"),
        }.get(prop)
        if found is None:
            return None
        pattern, limit, group = found
        match = pattern.match(self.text, end, limit)
        return match.group(group) if match else None

    def _post(self, end: int, clause_end: int) -> str | None:
        window = self.text[end:clause_end]
        post = re.search(
            r"\b(?:as|to(?:\s+the\s+post\s+of)?)\s+(?P<post>(?:the\s+|an?\s+)?[\w’'-]+"
            r"(?:\s+(?!in\b|on\b|by\b|from\b)[\w’'-]+){0,6})",
            window,
        ) or _BARE_POST.match(window)
        return post.group("post") if post else None
