"""When an event happened: the date nearest its word in its clause, the date an entry or a
sentence opens with, the trial or verdict it points back to."""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from looseleaf.evidence.dates import DateReader, When
from looseleaf.evidence.extract.cues import (
    _ANAPHORIC_OPENER,
    _AND_NOUN,
    _AND_VERB,
    _AT_THIS_TRIAL,
    _ELLIPTICAL,
    _ENTRY,
    _EVENT_NOUN,
    _EVENT_NOUNS,
    _FIRST_PERSON,
    _NARRATED,
    _UPON,
    _VERDICT,
    PASSIVE_ANYWHERE,
)
from looseleaf.evidence.extract.names import _Mention
from looseleaf.evidence.extract.reading import _surname, _Trial, _Trigger
from looseleaf.evidence.extract.sentences import _Sentence
from looseleaf.evidence.extract.subjects import _Subjects


def _distance(trigger: _Trigger, when: When) -> int:
    end = max(trigger.end, trigger.reach)
    if when.start >= end:
        return when.start - end
    if when.start >= trigger.end:
        return 0
    return trigger.start - when.end + 5


_AFTERWARDS = re.compile(
    r"\s*(?:(?:shortly|soon|some\s+time|not\s+long|a\s+little)\s+)?"
    r"(?:afterwards|after|later|thereafter)\b"
)


class _Dating(_Subjects):
    """When an event happened: the date nearest its word in its clause, the date an entry or a
    sentence opens with, the trial or verdict it points back to."""

    def _recall(self, sentence: _Sentence) -> None:
        """A sentence that names a dated event and no date of its own ("the unrest
        that came after the Halvorsen shooting") is read from that day on."""
        if not self.events or not _EVENT_NOUN.search(sentence.text):
            return
        for surname, when in self.events.items():
            name = re.escape(surname)
            if re.search(
                rf"\b{name}(?:[’']s)?\s+{_EVENT_NOUNS}|{_EVENT_NOUNS}\s+of\s+(?:\w+\s+){{0,3}}?{name}\b",
                sentence.text,
            ):
                if not DateReader().read(self.text, 0, sentence.start, sentence.end):
                    self.reader.context.note(replace(when, relative_to=None))
                return

    def _remember_trials(self, index: int, sentence: _Sentence) -> None:
        """Trials named in the sentence, with their lead defendant and date."""
        when = next(iter(self.dates_in(sentence.start, sentence.end)), None)
        for match in re.finditer(r"\b[Tt]rial\b|\b[Cc]ase\b", sentence.text):
            at = sentence.start + match.start()
            eponym = self._eponym(sentence, at, at + len(match.group()))
            name_start = self.text.rfind(" ", sentence.start, max(sentence.start, at - 30))
            name = self.text[max(sentence.start, name_start) : at + len(match.group())]
            if eponym is not None or re.search(r"[A-Z]\w+\s+(?:Show\s+)?Trial", name):
                self.trials.append(_Trial(eponym, name.strip(), when, index))

    def _own_dates(self, sentence: _Sentence, triggers: list[_Trigger]) -> None:
        """Each date belongs to the event word nearest it in its clause; a date that
        only bounds ("after the Revolution of 1917") belongs to a word inside the
        bound, and a noun named as a point of reference takes no date before it."""
        for which, clause in enumerate(sentence.clauses):
            here = [t for t in triggers if t.clause == which]
            # a date begun in the clause is its own, where "and" split it ("on 14 March
            # and 15 March 1951")
            starting = [
                d for d in self.dates_in(clause.start, sentence.end) if d.start < clause.end
            ]
            for when in starting if here else ():
                bound = self._bound(when, clause.start)
                # "a member of the Party since 1907": membership dates from its bound
                since = bound is not None and self.text.startswith(("since", "Since"), bound)
                owners = [
                    t
                    for t in here
                    if (
                        bound is None
                        or bound <= t.start < when.start
                        or (since and t.event.property == "member-of" and t.end <= bound)
                    )
                    and not (t.event.frame == "noun" and when.end <= t.start and self._reference(t))
                ]
                if owners:
                    min(owners, key=lambda t: _distance(t, when)).dates.append(when)

    def _share_dates(self, index: int, sentence: _Sentence, triggers: list[_Trigger]) -> None:
        """Dates one event word holds for others: "replacing the former, upon her
        retirement in 1908"; "the hearing of the nine and their hanging"; and a noun
        that is no one's ("in the Third Harbour Inquiry of March 1911") gives its
        date to the verb of its clause."""
        for trigger in triggers:
            if (
                trigger.event.frame == "noun"
                and trigger.dates
                and _UPON.search(self.text, max(0, trigger.start - 20), trigger.start)
            ):
                for other in triggers:
                    if other.clause == trigger.clause and not other.dates:
                        other.dates = [] if other.event.frame == "noun" else list(trigger.dates)
        self._share_verb_dates(triggers)
        for first, second in itertools.pairwise(triggers):
            nouns = first.event.frame == second.event.frame == "noun"
            if nouns and _AND_NOUN.fullmatch(self.text, first.end, second.start):
                if first.dates and not second.dates:
                    second.dates = list(first.dates)
                elif second.dates and not first.dates:
                    first.dates = list(second.dates)
        for trigger in triggers:
            if trigger.event.frame != "noun" or not trigger.dates:
                continue
            if not self._noun_subject(index, sentence, trigger):
                takers = [
                    t
                    for t in triggers
                    if t.clause == trigger.clause and not t.dates and t.event.frame != "noun"
                ]
                if takers:
                    takers[-1].dates, trigger.dates = trigger.dates, []

    def _share_verb_dates(self, triggers: list[_Trigger]) -> None:
        """ "were expelled from the club and detained in May 1921": two passive
        verbs joined by a bare "and" share the later one's date."""
        for first, second in itertools.pairwise(triggers):
            if (
                first.event.frame == second.event.frame == "patient"
                and second.dates
                and not first.dates
                and first.event.property != second.event.property
                and _AND_VERB.fullmatch(self.text, first.end, second.start)
            ):
                first.dates = list(second.dates)

    def _date(
        self,
        index: int,
        sentence: _Sentence,
        trigger: _Trigger,
        triggers: list[_Trigger],
        subjects: Sequence[_Mention],
    ) -> tuple[When | None, tuple[int, int] | None]:
        """The event's date, and where it is written when that should be quoted."""
        if not trigger.dates:
            entry = self._entry_date(sentence)
            if entry is not None:
                return entry, (entry.start, entry.end)
        if trigger.dates:
            best = min(trigger.dates, key=lambda d: _distance(trigger, d))
            if trigger.event.frame == "noun" and not self._adjacent(
                sentence, trigger, best, subjects
            ):
                return None, None
            return best, (best.start, best.end)
        taken = any(t.dates for t in triggers if t is not trigger and t.clause == trigger.clause)
        if taken or trigger.event.frame == "noun":
            return None, None
        clause = sentence.clauses[trigger.clause]
        if _AFTERWARDS.match(self.text, trigger.end, min(clause.end, trigger.end + 30)):
            return None, None  # "and shot shortly afterwards": not on the day named before
        found = self._borrowed(sentence, trigger, triggers)
        if found is not None:
            return found
        return self._implied(index, sentence, trigger, subjects)

    def _entry_date(self, sentence: _Sentence) -> When | None:
        """The date an entry opens with, in a chronology or a register ("22.XI.1937
        - arrest of M. I. Savchuk", "1940: Maslyuk released"): every event of
        the entry happened then."""
        dates = self.dates_in(sentence.start, sentence.end)
        if not dates or dates[0].start != sentence.start:
            return None
        if not _ENTRY.match(self.text, dates[0].end, sentence.end):
            return None
        return dates[0]

    def _borrowed(
        self, sentence: _Sentence, trigger: _Trigger, triggers: list[_Trigger]
    ) -> tuple[When, tuple[int, int] | None] | None:
        """A date of the same sentence: one that opens it and dates the clauses that
        follow (unless its own clause has an event); the passive a bare participle
        continues ("led to a quarry on 07 June 1913 and hanged"); the clause a
        "where" clause speaks of; the death whose post is "taken over"."""
        clause = sentence.clauses[trigger.clause]
        if trigger.clause == 0:
            return None
        opening = self.dates_in(sentence.start, sentence.clauses[0].end)
        if opening and not any(t.clause == 0 for t in triggers):
            lead = self.text[sentence.start : opening[0].start]
            if len(lead) < 40 and not self.mentions_in(sentence.start, opening[0].start):
                return opening[0], (opening[0].start, opening[0].end)
        previous = sentence.clauses[trigger.clause - 1]
        dates = self.dates_in(previous.start, previous.end)
        if not dates:
            return None
        last = dates[-1]
        if clause.opener == "and" and trigger.event.frame == "patient":
            bare = not self.text[clause.start : trigger.start].strip()
            passive = PASSIVE_ANYWHERE.search(self.text, previous.start, previous.end) or (
                previous.start == sentence.start and _ELLIPTICAL.match(sentence.text)
            )
            if bare and passive:
                return last, (last.start, last.end)
        if clause.opener == "where":  # "lured to an apartment on 12 July, where he was murdered"
            return last, (last.start, last.end)
        if clause.opener == "and" and trigger.event.frame == "taker":
            return replace(last, relative_to=last.label), None
        return None

    def _implied(
        self, index: int, sentence: _Sentence, trigger: _Trigger, subjects: Sequence[_Mention]
    ) -> tuple[When | None, tuple[int, int] | None]:
        """A date the sentence points to: "Upon his appointment"; "At this trial";
        a diary's entry for the diarist's own doings; a trial dated by the same
        person's execution in the next sentence."""
        prop = trigger.event.property
        if _ANAPHORIC_OPENER.search(sentence.text):
            before = self.date_before(sentence.start)
            if before is not None:
                return replace(before, relative_to=before.label), None
        if prop in {"sentenced", "tried"} and (when := self._this_trial(index, sentence)):
            return when, None
        if prop == "sentenced" and (when := self._verdict_before(index)):
            return when, None
        if prop in {"located-at", "other"} and self.narrator is not None:
            clause = sentence.clauses[trigger.clause]
            narrated = _FIRST_PERSON.search(
                self.text, clause.start, trigger.start
            ) or _NARRATED.search(self.text, clause.start, trigger.end)
            before = self.date_before(sentence.start)
            if (
                narrated
                and not self._quoted(trigger.start)
                and before
                and before.precision == "day"
            ):
                return replace(before, relative_to=before.label), self._dateline_span(before)
        if prop == "tried":
            return self._trial_from_next(index, subjects)
        return None, None

    def _verdict_before(self, index: int) -> When | None:
        """ "Two days later the court pronounced its verdict. The court sentenced
        Kharlamov to ...": the day of the verdict one of the four sentences
        before gives."""
        for back in range(index - 1, max(-1, index - 5), -1):
            before = self.sentences[back]
            if not _VERDICT.search(before.text):
                continue
            days = [d for d in self.dates_in(before.start, before.end) if d.precision == "day"]
            if days:
                return replace(days[-1], relative_to=days[-1].label)
        return None

    def _adjacent(
        self, sentence: _Sentence, trigger: _Trigger, when: When, subjects: Sequence[_Mention]
    ) -> bool:
        """A noun's date must stand by it ("the death of Lind on 14 March 1909",
        a heading's date in brackets), else the noun is only a reference point
        ("after the shooting of Voss")."""
        if sentence.line:
            return True
        if re.search(
            r"\b(?:after|before|since|following|despite|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
            self.text[max(sentence.start, trigger.start - 30) : trigger.start],
            re.I,
        ):
            far = when.start > trigger.end + 40
            if far or when.end < trigger.start:
                return False
        last = max([trigger.end] + [s.end for s in subjects if s.end <= when.start])
        if when.start >= last:
            return when.start - last <= 30
        return trigger.start - when.end <= 60

    def _this_trial(self, index: int, sentence: _Sentence) -> When | None:
        """ "At that hearing Dorn was convicted": the date of the trial just spoken of."""
        if not _AT_THIS_TRIAL.search(sentence.text):
            return None
        for hit in reversed(self.hits):
            if hit.property == "tried" and hit.sentence >= index - 4:
                return replace(hit.when, relative_to=hit.when.label)
        return None

    def _dateline_span(self, when: When) -> tuple[int, int] | None:
        line_start = self.text.rfind("\n", 0, when.start) + 1
        line_end = self.text.find("\n", when.end)
        line_end = len(self.text) if line_end < 0 else line_end
        if self.text[line_start:line_end].strip(" .") == self.text[when.start : when.end].strip(
            " ."
        ):
            return when.start, when.end
        return None

    def _trial_from_next(
        self, index: int, subjects: Sequence[_Mention]
    ) -> tuple[When | None, tuple[int, int] | None]:
        """An undated trial followed by the same person's dated execution or
        sentence: the trial was in that month (no later)."""
        if index + 1 >= len(self.sentences):
            return None, None
        following = self.sentences[index + 1]
        names = {_surname(m) for m in subjects}
        people = {_surname(m) for m in self.people_in(following.start, following.end)}
        if not names & people or not re.search(
            r"\b(?:executed|exeucted|shot|sentenced)\b", following.text
        ):
            return None, None
        dates = DateReader().read(self.text, 0, following.start, following.end)  # not read yet
        if not dates or dates[0].precision != "day":
            return None, None
        day = dates[0]
        year, month = int(day.first[:4]), int(day.first[5:7])
        last = f"{day.first[:8]}{calendar.monthrange(year, month)[1]:02d}"
        return When(
            day.first[:8] + "01", last, "month", day.text, day.start, day.end, relative_to=day.label
        ), None
