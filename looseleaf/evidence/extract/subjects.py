"""Whom an event befell or who did it: the frame of its word, pronouns and "the accused"
resolved, coordinated names, the body founded or renamed."""

from __future__ import annotations

import re

from looseleaf.evidence.extract.attribution import _Attribution
from looseleaf.evidence.extract.cues import (
    _BY,
    _BY_BEFORE,
    _CLAUSE_PRONOUN,
    _CONTINUING,
    _COORDINATED,
    _ELLIPTICAL,
    _FINITE,
    _FIRST_PERSON,
    _FOUNDED_AS,
    _GROUP,
    _HEADING_NAME,
    _HYPHENATED,
    _IT,
    _LINKS,
    _NOT_SUBJECT_AFTER,
    _NOUN_AND_NOUN,
    _OUR,
    _OWN_SUBJECT,
    _PRONOUN,
    _THIS_PERSON,
    _TITLES,
    _TO,
    _TRIAL_OF_N,
    _WRITTEN,
    _subject_close,
)
from looseleaf.evidence.extract.names import (
    _ACRONYM,
    _ORG_WORDS,
    _STOP,
    _gender,
    _Mention,
    _mention,
)
from looseleaf.evidence.extract.reading import _fits, _last, _pronoun_gender, _Trigger
from looseleaf.evidence.extract.sentences import _Clause, _Sentence
from looseleaf.evidence.lexicon import PASSIVE
from looseleaf.evidence.numbers import number

#: What follows a bare participle, not an active verb's object: "founded in 1929",
#: "renamed Poltava Compressor Works" (a name), "established;".
_NO_OBJECT = re.compile(
    r"\s*(?:$|[,;.:()\-–—]|\s(?:in|on|at|by|from|under|after|before|as)\b|\s+\d|\s+[A-Z])"
)


class _Subjects(_Attribution):
    """Whom an event befell or who did it: the frame of its word, pronouns and "the accused"
    resolved, coordinated names, the body founded or renamed."""

    def _topic(self, index: int, sentence: _Sentence) -> _Mention | None:
        """Whom a sentence is about: its first person named as a subject would be
        (not after a preposition or a verb), or the person its opening pronoun is."""
        pronoun = re.match(
            r"\W*(?:(?:[A-Z]\w+\s+){0,3}?(He|She|His|Her)\b|[^.;]{0,80}?,\s+(he|she)\b)",
            sentence.text,
        )
        people = self.people_in(sentence.start, sentence.end)
        if pronoun is not None:
            word = pronoun.group(1) or pronoun.group(2)
            at = sentence.start + pronoun.start(1 if pronoun.group(1) else 2)
            if not people or people[0].start > at:
                return self._discourse(index, _pronoun_gender(word))
        for mention in people:
            word = re.search(r"(\w+)\W*$", self.text[sentence.start : mention.start])
            if word is None or not word.group(1)[:1].islower() or word.group(1) in {"and", "both"}:
                return mention
        for mention in people:  # "The last of the couriers was Piet Dorn"
            word = re.search(r"(\w+)\W*$", self.text[sentence.start : mention.start])
            if word is not None and word.group(1) in {"was", "were", "is", "became"}:
                return mention
        return None

    def _eponym(self, sentence: _Sentence, start: int, end: int) -> _Mention | None:
        """Whose trial: "the Radek-Piatakov trial", "the Kamenev trial", "Trial of
        Zinoviev and Kamenev", "the Case of the Trotskyite-Zinoviev Centre"."""
        before = self.text[max(sentence.start, start - 40) : start]
        hyphen = re.search(rf"{_HYPHENATED.pattern}\s+(?:et al\.?,?\s+)?(?:“|\")?$", before)
        if hyphen:
            return self._first_name(
                start - len(before) + hyphen.start("names"), hyphen.group("names")
            )
        owner = re.search(r"(?P<who>[A-Z][\w-]+)(?:[’']s)?\s+(?:second\s+|first\s+)?$", before)
        if owner:
            at = start - len(before) + owner.start("who")
            people = [m for m in self.people_in(at, start) if m.start == at]
            if people:
                return people[0]
        after = re.match(
            r"\s+of\s+(?:the\s+)?(?P<names>[A-Z][\w’'-]+(?:\s+(?:and|&)\s+[A-Z][\w’'-]+)?)",
            self.text[end : sentence.end],
        )
        if after:
            first = end + after.start("names")
            hyphen_after = _HYPHENATED.match(self.text, first)
            if hyphen_after:
                return self._first_name(first, hyphen_after.group("names"))
            people = [m for m in self.people_in(first, sentence.end) if m.start == first]
            if people:
                return people[0]
        return None

    def _first_name(self, at: int, names: str) -> _Mention | None:
        """The first of hyphenated names that is a person's: "Totskyite-Zinoviev" gives Zinoviev."""
        if any(part.lower() in _STOP or _ORG_WORDS.search(part) for part in names.split("-")):
            return None
        position = at
        for part in names.split("-"):
            known = self.people_in(position, position + len(part) + 1)
            if known:
                return known[0]
            if (
                part.lower() not in _STOP
                and not _ORG_WORDS.search(part)
                and not part.endswith(("ite", "ist", "ists", "ites"))
            ):
                return _Mention(position, position + len(part), part, None, "person", _gender(part))
            position += len(part) + 1
        return None

    def _subjects(
        self, index: int, sentence: _Sentence, trigger: _Trigger
    ) -> tuple[list[_Mention], _Mention | None]:
        """Whom the event befell (or who did it, for an agent's event), and who
        did it to them when the text says so ("shot by Vasily Blokhin")."""
        clause = sentence.clauses[trigger.clause]
        event, start, end = trigger.event, trigger.start, trigger.end
        if event.frame == "noun":
            if _TO.search(self.text, max(clause.start, start - 4), start):
                obj = self._object(index, sentence, end, clause.end)  # "sent to arrest him"
                return ([obj] if obj else []), None
            return self._noun_subject(index, sentence, trigger), None
        if event.frame == "thing":
            return self._thing(sentence, trigger)
        if event.frame == "taker":
            return self.people_in(end, min(clause.end, end + 40))[:1], None
        if event.frame == "patient":
            return self._patient(index, sentence, trigger)
        return self._agent(index, sentence, trigger), None

    def _patient(
        self, index: int, sentence: _Sentence, trigger: _Trigger
    ) -> tuple[list[_Mention], _Mention | None]:
        """Before a passive verb ("Brandt was hanged"), after an active one
        ("shot and wounded Harald J. Voss"), before a bare participle ("... and
        executed"); the doer after "by" or before the active verb."""
        opening = sentence.clauses[trigger.clause]
        clause = sentence.clauses[self._clause_of(sentence, trigger.end - 1)]
        start, end = trigger.start, trigger.end
        agent = None
        by = _BY.match(self.text, end, clause.end)
        if by:
            after = self.people_in(by.end(), min(clause.end, by.end() + 30))
            agent = after[0] if after else None
        if self._passive(opening.start, start):
            return self._before(index, sentence, trigger.clause, start), agent
        bracket = re.search(r"\s*\(\s*$", self.text[max(0, start - 4) : start])
        if bracket:  # "G. I. Kharlamov (b. 1896, Kharkiv)": whose bracket it is
            at = start - len(bracket.group())
            named = [m for m in self.people_in(max(0, at - 60), at) if m.end == at]
            if named:
                return named, None
        own = re.search(r"\b(?:his|her)\b", self.text[start:end])
        if own:  # "found his decomposing body": the owner is whom it befell
            at = start + own.start()
            owner = self._resolve(index, sentence, at, _pronoun_gender(own.group()))
            return ([owner] if owner else []), None
        obj = self._object(index, sentence, end, clause.end)
        if obj is not None:
            doer = self._before(index, sentence, trigger.clause, start)
            return [obj], (doer[0] if doer else None)
        if not self._participle(opening.start, start):
            return [], None
        found = self._before(index, sentence, trigger.clause, start)
        if not found and start == sentence.start and index > 0:
            # "Executed May 5, 1902." in a note about the person just named
            about = self.topics[index - 1]
            found = [about] if about is not None else []
        return found, agent

    def _agent(self, index: int, sentence: _Sentence, trigger: _Trigger) -> list[_Mention]:
        """Who did it: before the verb; for ", succeeding the latter" the clause's
        subject; the narrator for "our tanker entered" and "written aboard"; and
        for a stay with no one named, whom the text is about."""
        start, end = trigger.start, trigger.end
        clause_start = sentence.clauses[trigger.clause].start
        lead = self.text[clause_start:start]
        if self.text[start:end].endswith("ing") and lead.rstrip().endswith(","):
            pronoun = _CLAUSE_PRONOUN.search(lead)
            if pronoun is None:
                return self.people_in(clause_start, start)[:1]
            gender = _pronoun_gender(pronoun.group(1))
            found = self._resolve(index, sentence, clause_start + pronoun.start(1), gender)
            return [found] if found else []
        subjects = self._before(index, sentence, trigger.clause, start)
        if subjects or trigger.event.property != "located-at":
            return subjects
        if _WRITTEN.match(self.text, start, end) or _OUR.match(lead):
            return self._narrated(start)  # "These lines are written aboard", "our tanker"
        if not self._has_subject(sentence, trigger):
            # no one named and no pronoun ("... abroad, had come to Russia"): whom the
            # text is about, or (OCR having lost the name) the person named next
            about = self._discourse(index, None)
            return [about] if about else []
        return []

    def _has_subject(self, sentence: _Sentence, trigger: _Trigger) -> bool:
        """Whether the clause names who did it: a person, a pronoun, or a noun
        phrase ("most of the intelligence officers"), unless the verb follows a
        comma that left the subject behind ("... residing abroad, had come to")."""
        before = self.text[sentence.start : trigger.start]
        if self.people_in(sentence.start, sentence.end) or re.search(
            r"\b(?:I|we|they|he|she|it|They|It|We)\b", before
        ):
            return True
        if re.search(r",\s+(?:had|has|was|were)\s+(?:\w+\s+)?$", before):
            return False
        return bool(_OWN_SUBJECT.search(before))

    def _passive(self, clause_start: int, start: int) -> bool:
        return bool(PASSIVE.search(self.text[max(clause_start, start - 60) : start]))

    def _participle(self, clause_start: int, start: int) -> bool:
        """A bare participle right after its subject or a coordinator: "Marrow
        and six other Colonels judged and sentenced", "... and hanged"."""
        before = self.text[clause_start:start]
        if re.search(r"\b(?:had|has|have|having)\s+(?:\w+ly\s+)?$", before):
            return False  # "he had poisoned ...": active, its object not a name
        if not before.strip() or (
            not _OWN_SUBJECT.search(before) and not self.mentions_in(clause_start, start)
        ):
            return True
        people = [m for m in self.mentions_in(clause_start, start) if m.kind != "org"]
        if people and _subject_close(self.text[people[-1].end : start]):
            return True
        return bool(re.search(r"(?:\band|,)\s+(?:[a-z]+ly\s+)?$", before))

    def _object(
        self, index: int, sentence: _Sentence, end: int, clause_end: int
    ) -> _Mention | None:
        """The person right after an active verb ("wounded Harald J. Voss", "hit
        him", "drugged one of the guests, the Danubian leader Ilse Korvath")."""
        limit = min(clause_end, sentence.end, end + 70)
        pronoun = re.match(r"\s+(him|her)\b", self.text[end:limit])
        if pronoun:
            return self._resolve(
                index,
                sentence,
                end + pronoun.start(1),
                _pronoun_gender(pronoun.group(1)),
                exclude_agent=True,
            )
        for person in self.people_in(end, limit):
            between = self.text[end : person.start]
            if re.search(r"[;:(]|\b(?:by|to|for|from|with|as|and|that|in|on|at)\b", between):
                return None
            if re.search(r"^\s+[a-z][\w\s-]*\bof\s+(?:the\s+)?$", between):
                return None  # "appointed chief engineer of the Kharkov works": a post, not whom
            return person
        return None

    def _before(self, index: int, sentence: _Sentence, which: int, start: int) -> list[_Mention]:
        """The subject of the clause: the name(s) before the event word, a pronoun,
        or the subject of the clause this one continues."""
        clause = sentence.clauses[which]
        candidates = [
            m
            for m in self.mentions_in(clause.start, start)
            if m.kind != "org"
            and not _BY_BEFORE.search(self.text, max(0, m.start - 20), m.start)
            and not _NOT_SUBJECT_AFTER.match(self.text, m.end, m.end + 30)
            and not self._in_brackets(m)
            and not self._appositive(m, clause.start)
        ]
        group = _GROUP.search(self.text, clause.start, start)
        if group and candidates and group.start() > candidates[-1].end and number(group.group("n")):
            candidates = []  # "Ulrikh announced that all sixteen defendants were sentenced"
        found = self._nearest(index, sentence, clause, start, candidates)
        if found is not None:
            return found
        if group and number(group.group("n")):  # "all sixteen defendants"
            word = group.group("n").lower()
            return [_Mention(group.start("n"), group.end("n"), f"the {word}", None, "event")]
        if clause.opener in {"who", "whom"}:
            return self._who(sentence, clause)
        if which == 0 and index > 0 and _ELLIPTICAL.match(sentence.text):
            # "Expelled from the Party in 1927 and banished": a note on the person just named
            about = self.topics[index - 1]
            return [about] if about is not None else []
        if clause.opener in _CONTINUING and which > 0:
            zone = _FINITE.split(self.text[clause.start : start], maxsplit=1)[0]
            if not candidates and not _OWN_SUBJECT.search(zone):
                return self._clause_subjects(index, sentence, which - 1)
        return []

    def _nearest(
        self,
        index: int,
        sentence: _Sentence,
        clause: _Clause,
        start: int,
        candidates: list[_Mention],
    ) -> list[_Mention] | None:
        """The subject nearest before the event word: a pronoun ("he", "I", "this
        gentleman") or the name(s) closing in on the verb; None when neither."""
        pronoun = _last(_PRONOUN.finditer(self.text, clause.start, start))
        first = _last(_FIRST_PERSON.finditer(self.text, clause.start, start))
        this = _last(_THIS_PERSON.finditer(self.text, clause.start, start))
        ends = [(m.end(), kind) for m, kind in ((pronoun, "he"), (first, "i"), (this, "this")) if m]
        ends += [(c.end, "name") for c in candidates[-1:]]
        if not ends:
            return None
        kind = max(ends)[1]
        if kind == "he" and pronoun is not None:
            gender = _pronoun_gender(pronoun.group())
            found = self._resolve(index, sentence, pronoun.start(), gender)
            return [found] if found else []
        if kind == "i" and first is not None:
            return self._narrated(first.start())
        if kind == "this":
            about = self._discourse(index, None)
            return [about] if about else []
        last = candidates[-1]
        if not _subject_close(self.text[last.end : start]) and not self._clause_subject(
            clause, last
        ):
            return None
        group = [last]
        for other in reversed(candidates[:-1]):
            if not _COORDINATED.fullmatch(self.text, other.end, group[0].start):
                break
            group.insert(0, other)
        return group

    def _clause_subject(self, clause: _Clause, mention: _Mention) -> bool:
        """The first name of a clause, with only an opening phrase before it (not
        after a preposition, an article or a verb: "commander of the Kornilov ...")."""
        lead = self.text[clause.start : mention.start]
        if self.people_in(clause.start, mention.start) or re.search(
            r"\b(?:was|were|had|has|is|are)\b", lead
        ):
            return False
        if not lead.strip() or lead.rstrip().endswith(","):
            return True
        if re.search(r"\b(?:became|saw|\w+ed)\b", lead):
            return False
        word = re.search(r"(\w+)\W*$", lead)
        return word is not None and word.group(1).lower() not in _LINKS

    def _clause_subjects(self, index: int, sentence: _Sentence, which: int) -> list[_Mention]:
        """Who a clause was about, for the clause that continues it ("... and executed")."""
        clause = sentence.clauses[which]
        for trigger in self.triggers.get(index, []):
            if trigger.clause != which or trigger.event.frame not in {"agent", "patient"}:
                continue
            if (
                trigger.event.frame == "agent"
                or self._passive(clause.start, trigger.start)
                or self._participle(clause.start, trigger.start)
            ):
                subjects = self._before(index, sentence, which, trigger.start)
                if subjects:
                    return subjects
        pronoun = _PRONOUN.search(self.text, clause.start, clause.end)
        people = [
            m
            for m in self.people_in(clause.start, clause.end)
            if not self._appositive(m, clause.start)
        ]
        if pronoun and (not people or pronoun.start() < people[0].start):
            found = self._resolve(
                index, sentence, pronoun.start(), _pronoun_gender(pronoun.group())
            )
            return [found] if found else []
        if people and self._clause_subject(clause, people[0]):
            return people[:1]
        if clause.opener in {"who", "whom"}:
            return self._who(sentence, clause)
        if which > 0 and clause.opener in {"and", "but", ";"}:
            return self._clause_subjects(index, sentence, which - 1)
        return []

    def _who(self, sentence: _Sentence, clause: _Clause) -> list[_Mention]:
        """Whom a "who" clause is about: the person named last before it, unless
        that one only stands in the apposition of another ("Mara Oste, a
        close friend of Lind who had turned Syndicalist")."""
        people = self.people_in(sentence.start, clause.start)
        if len(people) >= 2 and re.fullmatch(
            r",\s+(?:an?|the)\s+[a-z][\w\s-]*\bof\s+(?:the\s+)?",
            self.text[people[-2].end : people[-1].start],
        ):
            return people[-2:-1]
        return people[-1:]

    def _in_brackets(self, mention: _Mention) -> bool:
        before = self.text[max(0, mention.start - 60) : mention.start]
        return before.rfind("(") > before.rfind(")")

    def _appositive(self, mention: _Mention, clause_start: int) -> bool:
        """ ", an associate of Leon Trotski," names someone beside the subject."""
        before = self.text[max(clause_start, mention.start - 50) : mention.start]
        after = self.text[mention.end : mention.end + 2]
        return bool(
            re.search(r",\s+(?:an?|the)\s+[a-z][\w\s-]*\bof\s+$", before)
        ) and after.startswith(",")

    def _resolve(
        self,
        index: int,
        sentence: _Sentence,
        position: int,
        gender: str | None,
        *,
        exclude_agent: bool = False,
    ) -> _Mention | None:
        """Who "he" or "him" at `position` is: a person the sentence names before it
        (for "him", not the one doing it), else whom the text has been about."""
        people = [
            m
            for m in self.people_in(sentence.start, position)
            if _fits(m, gender) and not self._appositive(m, sentence.start)
        ]
        if exclude_agent and people:
            agent = people[-1].text
            others = [m for m in people if m.text != agent]
            return others[-1] if others else self._discourse(index, gender, avoid=agent)
        if people:
            return people[0]
        return self._discourse(index, gender)

    def _discourse(
        self, index: int, gender: str | None, avoid: str | None = None
    ) -> _Mention | None:
        """Whom the last few sentences were about, gender permitting; failing
        that (OCR may have lost a name), the person named next."""
        for back in range(index - 1, max(-1, index - 4), -1):
            topic = self.topics[back] if back < len(self.topics) else None
            if topic is not None and _fits(topic, gender) and topic.text != avoid:
                return topic
        if index > 0:
            people = [
                m
                for m in self.people_in(
                    self.sentences[max(0, index - 3)].start, self.sentences[index].start
                )
                if _fits(m, gender) and m.text != avoid
            ]
            if people:
                return people[-1]
        for ahead in self.sentences[index + 1 : index + 4]:
            people = [m for m in self.people_in(ahead.start, ahead.end) if _fits(m, gender)]
            if people:
                return people[0]
        return None

    def _joined(self, people: list[_Mention]) -> list[_Mention]:
        """The first person and those joined to them by a hyphen or "and"
        ("the denial of Zinoviev-Kamenev")."""
        joined = people[:1]
        for other in people[1:]:
            if not re.fullmatch(r"-|\s+and\s+", self.text[joined[-1].end : other.start]):
                break
            joined.append(other)
        return joined

    def _noun_subject(self, index: int, sentence: _Sentence, trigger: _Trigger) -> list[_Mention]:
        clause = sentence.clauses[trigger.clause]
        start, end = trigger.start, trigger.end
        if trigger.event.property == "tried":
            eponym = self._eponym(sentence, start, end)
            if eponym is not None:
                return [eponym]
            his = re.search(r"\b(?:his|her|His|Her)\s+$", self.text[max(0, start - 5) : start])
            if his:  # "Harald Voss, statement at his hearing (4th May, 1912)"
                gender = _pronoun_gender(his.group().strip())
                found = self._resolve(index, sentence, start - 4, gender)
                return [found] if found else []
            return self._trial_subject(index, sentence, start, end)
        if trigger.event.property == "appointed":
            # "the naming of a new Guild Vice Chairman, the zealous Oskar Lind"
            of = re.match(
                r"\s+of\s+(?:an?|the)\s+[^.;:()]{0,60}?,\s+(?:the\s+)?(?:[a-z]+\s+)*",
                self.text[end : clause.end],
            )
            if of:
                named = [m for m in self.people_in(end, clause.end) if m.start == end + of.end()]
                return named[:1]
        # "The Capture and Hanging of Piet Dorn": the first noun shares the second's "of"
        shared = _NOUN_AND_NOUN.match(self.text, end, clause.end)
        if shared:
            end = shared.end()
        after = re.match(
            rf"\s+of\s+(?:the\s+)?(?:(?:{_TITLES}|former|Party|leader|Leningrad|Old|"
            r"[a-z]+)\s+){0,4}",
            self.text[end : clause.end],
        )
        if after:
            people = self.people_in(end, clause.end)
            if people and people[0].start <= end + after.end() + 1:
                return self._joined(people)
            heading = _HEADING_NAME.match(self.text, end + after.end(), clause.end)
            if heading and sentence.line and not _ORG_WORDS.search(heading.group("n")):
                return [_mention(heading.start("n"), heading.group("n"), "person")]
            return []
        before = self.text[max(clause.start, start - 30) : start]
        owner = re.search(r"(?P<who>[\w’'-]+)[’']s\s+(?:[a-z-]+\s+)?$", before)
        if owner:
            at = start - len(before) + owner.start("who")
            people = [m for m in self.people_in(at - 30, start) if m.end >= at]
            return people[-1:]
        their = re.search(r"\b(?:their|Their)\s+$", before)
        if their:  # "the hearing of the nine and their hanging"
            groups = [
                h.subject for h in self.hits if h.sentence == index and h.subject.kind == "event"
            ]
            return groups[-1:]
        his = re.search(r"\b(?:his|her|His|Her)\s+(?:[a-z-]+\s+)?$", before)
        if his:
            at = start - len(before) + his.start()
            found = self._resolve(index, sentence, at, _pronoun_gender(his.group()))
            return [found] if found else []
        return []

    def _trial_subject(
        self, index: int, sentence: _Sentence, start: int, end: int
    ) -> list[_Mention]:
        """Whose trial, when not named at the word: "the trial of the sixteen", or the
        trial just spoken of ("The trial opened", "This trial took place")."""
        sixteen = _TRIAL_OF_N.search(
            self.text, max(sentence.start, start - 2), min(sentence.end, end + 25)
        )
        if sixteen and number(sixteen.group("n")):
            at = sixteen.start("n")
            return [_Mention(at, sixteen.end("n"), f"the {sixteen.group('n')}", None, "event")]
        before = self.text[max(sentence.start, start - 40) : start]
        if re.search(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,3}$", before):
            for trial in reversed(self.trials):
                if trial.sentence >= index - 3 and trial.eponym is not None:
                    return [trial.eponym]
            case = re.search(r"\b(?:[Cc]ase|[Tt]rial) of (?:the )?", sentence.text)
            if case:
                at = sentence.start + case.end()
                names = _HYPHENATED.match(self.text, at)
                if names:
                    found = self._first_name(at, names.group("names"))
                    return [found] if found else []
        return []

    def _thing(
        self, sentence: _Sentence, trigger: _Trigger
    ) -> tuple[list[_Mention], _Mention | None]:
        """The organisation founded or ended: after an active verb, before a passive
        one, or named as what "came to be known as"."""
        clause = sentence.clauses[trigger.clause]
        start, end = trigger.start, trigger.end
        if re.search(r"\b(?:newly|the|a|an)\s+$", self.text[max(clause.start, start - 7) : start]):
            return [], None  # "the newly created Commissariat": an adjective
        if self._passive(clause.start, start):
            before = [m for m in self.mentions_in(clause.start, start) if m.kind == "org"]
            if not before:
                before = self._definite_org(clause.start, start)
            if not before and _IT.search(self.text, clause.start, start):
                before = self._it(sentence, trigger)
            agent = None
            by = re.match(r"\s+by\s+", self.text[end : end + 6])
            if by:
                after = self.mentions_in(end, end + 40)
                agent = after[0] if after else None
            return before[-1:], agent
        bare = [m for m in self.mentions_in(clause.start, start) if m.kind == "org"]
        if (
            bare
            and not self.text[bare[-1].end : start].strip(" ,")
            and _NO_OBJECT.match(self.text, end, clause.end)
        ):
            # "1929 - Metallist Works founded", "JZD Přílepy renamed JZD Rudá zář"
            return bare[-1:], None
        people = self.people_in(clause.start, start)
        agent = people[-1] if people else None
        if trigger.event.property == "renamed":
            # "the works renamed Poltava Compressor Works": the body as last named, else
            # known by its new name (the value, which conflicts compare renamings by)
            before = self._definite_org(clause.start, start) or self._it(sentence, trigger)
            if before:
                return before[-1:], None
        named = re.search(
            r"\b(?:named|called|known as)\s+(?:the\s+)?[\"“]?(?P<n>[A-Z][\w’'-]+(?:\s+(?:of\s+)?"
            r"[A-Z][\w’'-]+)*)",
            self.text[end : sentence.end],
        )
        if named and end + named.start() - end < 120:
            at = end + named.start("n")
            text = named.group("n")
            return [_Mention(at, at + len(text), text, None, "org")], agent
        direct = re.match(
            r"\s+(?:the\s+)?(?P<n>(?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]+)", self.text[end : clause.end]
        )
        if (direct and _ORG_WORDS.search(direct.group("n"))) or (
            direct and _ACRONYM.fullmatch(direct.group("n"))
        ):
            at = end + direct.start("n")
            text = direct.group("n")
            return [_Mention(at, at + len(text), text, None, "org")], agent
        return [], None

    def _it(self, sentence: _Sentence, trigger: _Trigger) -> list[_Mention]:
        """What "it" founded or renamed is: the body named as what it was founded
        as ("It was founded in 1929 ... as the Metallist Works"), else the last
        body named in the sentence or the one before."""
        prop = trigger.event.property
        named = _FOUNDED_AS.match(self.text, trigger.end, sentence.end)
        if named is not None and prop == "founded" and _ORG_WORDS.search(named.group("n")):
            at = named.start("n")
            return [_Mention(at, named.end("n"), named.group("n"), None, "org")]
        index = self.sentences.index(sentence)
        low = self.sentences[max(0, index - 1)].start
        orgs = [m for m in self.mentions_in(low, trigger.start) if m.kind == "org"]
        orgs += [
            h.subject for h in self.hits if h.subject.kind == "org" and h.sentence >= index - 1
        ]
        return sorted(orgs, key=lambda m: m.start)[-1:]

    def _definite_org(self, clause_start: int, start: int) -> list[_Mention]:
        """ "the theatre was closed": the organisation last named with that word."""
        found = re.search(
            r"\b[Tt]he\s+(?P<head>[a-z]+)\s+(?:was|were|had been)\b", self.text[clause_start:start]
        )
        if not found:
            return []
        head = found.group("head").capitalize()
        for mention in reversed(self.mentions_in(max(0, clause_start - 2000), clause_start)):
            if mention.kind == "org" and mention.text.endswith(head):
                at = clause_start + found.start("head")
                return [_Mention(at, at + len(head), mention.text, mention.person_id, "org")]
        pattern = re.compile(rf"\b(?:[A-Z][\w-]+\s+)+{head}\b")
        earlier = list(pattern.finditer(self.text, max(0, clause_start - 2000), clause_start))
        if earlier:
            at = clause_start + found.start("head")
            return [_Mention(at, at + len(head), earlier[-1].group(), None, "org")]
        return []
