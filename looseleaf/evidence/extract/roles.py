"""Parts in a proceeding (judge, prosecutor, witness, defendant, investigator, a troika's chair
or member) and a form's dated fields."""

from __future__ import annotations

import re
from dataclasses import replace

from looseleaf.evidence.dates import When
from looseleaf.evidence.extract.cues import (
    _FIELD,
    _FIELD_EVENTS,
    _ROLE_AFTER,
    _ROLE_BEFORE,
    _ROLE_CUE,
    _ROLE_NAMES,
    _ROLE_TRIAL,
    _ROLE_WITHOUT_BODY,
)
from looseleaf.evidence.extract.names import _Mention
from looseleaf.evidence.extract.sentences import _Sentence
from looseleaf.evidence.extract.values import _Values

#: Words of a court sitting: where "the accused" is a part in a proceeding.
_IN_COURT = re.compile(r"\b(?:trial|court|session|dock|hearing|tribunal|collegium|verdict)\b", re.I)


def _role_name(words: str, phrase: str) -> str:
    """One name per role: "presided" is a judge's part (a troika's chair's when
    the phrase names a troika or a commission), a procurator is a prosecutor."""
    key = re.sub(r"\s+", " ", words.lower()).strip()
    if re.match(r"(?:indictment|charge|case for the prosecution|prosecution) was", key):
        return "prosecutor"
    if re.match(r"defen[cs]e was", key):
        return "defence counsel"
    if key in {"presided", "presiding", "presided over", "chaired", "chairman", "chairwoman"} or (
        key.startswith("under the chairmanship")
    ):
        return (
            "chair"
            if re.search(r"troika|commission|committee|meeting|board", phrase, re.I)
            or (key.startswith("chair"))
            else "judge"
        )
    for name, forms in _ROLE_NAMES:
        if key in forms or any(key.startswith(f) for f in forms):
            return name
    return key


class _Roles(_Values):
    """Parts in a proceeding (judge, prosecutor, witness, defendant, investigator, a troika's
    chair or member) and a form's dated fields."""

    def _roles(self, index: int, sentence: _Sentence) -> None:
        """A person's part in a proceeding: "the prosecutor was Andrei Vyshinsky",
        "prosecutor Vyshinsky", "Ulrikh, the presiding judge,", "presided over by
        Ulrikh", "Orlova testified", "Kozyrev, who acted as secretary". Dated by the
        trial spoken of, else by the sentence's own date."""
        if not _ROLE_CUE.search(sentence.text):
            return
        found: dict[int, tuple[_Mention, str, int, int]] = {}
        for person in self.people_in(sentence.start, sentence.end):
            read = self._role_of(sentence, person)
            if read is not None and person.start not in found:
                if read[0] == "defendant" and not _IN_COURT.search(sentence.text):
                    continue  # "the accused Sorokin" in a protocol: what he is called there
                found[person.start] = (person, *read)
        for person, role, start, role_end in found.values():
            trial = _ROLE_TRIAL.match(self.text, role_end, sentence.end)
            end = role_end if trial is None else trial.end()
            if trial is not None:  # "presided as Judge over the Moscow Show Trial"
                when = self._trial_date(index, trial.group("trial"))
            else:
                when = (
                    self._trial_date(index, None)
                    or self._own_date(sentence)
                    or self._recent_date(index)
                )
            if when is None:
                continue
            self._hit(
                index, sentence, person, prop="role", when=when, span=(start, end), value=role
            )

    def _fields(self, index: int, sentence: _Sentence) -> None:
        """A form's field: "Date of arrest: 14.XI.1937", "Date of birth - 1896":
        of whom the protocol or the record is about."""
        for match in _FIELD.finditer(self.text, sentence.start, sentence.end):
            dates = [d for d in self.dates_in(match.end(), sentence.end) if d.start == match.end()]
            subject = self.respondent or self._discourse(index, None)
            if not dates or subject is None:
                continue
            prop = _FIELD_EVENTS[match.group("noun").lower()]
            self._hit(
                index,
                sentence,
                subject,
                prop=prop,
                when=dates[0],
                span=(match.start(), dates[0].end),
            )

    def _role_of(self, sentence: _Sentence, person: _Mention) -> tuple[str, int, int] | None:
        """The role the words next to a name give it, with the span of those words."""
        before = self.text[max(sentence.start, person.start - 80) : person.start]
        after = self.text[person.end : min(sentence.end, person.end + 80)]
        lead = _ROLE_BEFORE.search(before)
        if lead is not None and not _ROLE_WITHOUT_BODY.match(lead.group(0).strip(" ,;(")):
            start = person.start - len(before) + lead.start()
            words = lead.group("role") or lead.group("verb")
            return _role_name(words, lead.group(0)), start, person.end
        tail = _ROLE_AFTER.match(after)
        if tail is not None and not _ROLE_WITHOUT_BODY.fullmatch(tail.group(0).strip(" ,(-–—")):
            words = tail.group("role") or tail.group("role2") or tail.group("verb")
            return _role_name(words, tail.group(0)), person.start, person.end + tail.end()
        return None

    def _recent_date(self, index: int) -> When | None:
        """The last date of the two sentences before: the hearing a role is at."""
        start = self.sentences[max(0, index - 2)].start
        before = self.dates_in(start, self.sentences[index].start)
        return before[-1] if before else None

    def _own_date(self, sentence: _Sentence) -> When | None:
        dates = self.dates_in(sentence.start, sentence.end)
        return dates[0] if dates else None

    def _trial_date(self, index: int, name: str | None) -> When | None:
        """The date of the trial a role is at: the one named, or the last spoken of."""
        if name:
            key = re.sub(r"^the\s+", "", name.strip(), flags=re.I).lower()
            for trial in self.trials:
                if trial.when is not None and key in trial.name.lower():
                    return replace(trial.when, relative_to=trial.when.label)
            return None
        for hit in reversed(self.hits):
            if hit.property in {"tried", "sentenced"} and hit.sentence >= index - 6:
                return replace(hit.when, relative_to=hit.when.label)
        return None
