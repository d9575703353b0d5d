"""Suggested claims: dated statements about named subjects, found in leaf text
for a registrar to accept or reject.

A report is read as one text (a sentence may run from one leaf onto the
next), sentence by sentence and clause by clause:

- names: those the card index found, their surnames wherever else they
  stand in the report, acronyms of organisations (OGPU, G.P.U.), and a
  capitalised word as the subject of a passive verb ("Reilly was tried");
  words written as places ("in Leningrad") are not taken for persons;
- dates: as dates.py reads them, each counted from the dates before it;
  a date belongs to the event word nearest it in its clause, and a date
  that only bounds an event ("after the Revolution of 1917", "since 1907")
  dates none;
- events: the words of lexicon.py, each with the frame that says where its
  subject stands (before a passive verb, after an active one, after "the
  death of" ...), several subjects where they are coordinated ("Zinoviev
  and Kamenev were shot"), a pronoun resolved to the person the text is
  about (by gender and by how often and how lately each person was named),
  "I" or "we" to the person quoted or to the report's author;
- a clause without a date of its own takes the date that opens its sentence
  ("On 3 March 1911, Halvorsen came in ... and hit him"), or what the
  sentence points back to ("Upon his appointment", "At this trial", "of
  these prisoners", a diary's entry date for the diarist's own doings);
- values where they matter for conflicts: a count of victims with its
  period ("41,000 shot", "(20,115 and 20,885, respectively)"), a role at
  a trial ("The judge was Tomas Brenner", dated by the trial it speaks
  of), how many were tried together ("Marrow and six other Colonels
  tried"), what an organisation absorbed ("the Guild was merged into the
  Union", "the Bureau came to be called the Office");
- a plan, an order or an estimate is marked planned ("we shall reach
  Lisbon on March 4"), never passed off as what happened.

Nothing here is tuned to particular sentences: every rule is a word list or
a shape of English, and the development set (tests/data/claims.yaml)
measures how far they reach (benchmarks/claims.py).
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from looseleaf.cardindex.names import LOWER, UPPER, Kind, initials_of, parse
from looseleaf.evidence.dates import Context, DateReader, When
from looseleaf.evidence.lexicon import (
    EVENTS,
    KILLED,
    MASS_EVENTS,
    PASSIVE,
    PLANNED,
    Event,
)
from looseleaf.evidence.numbers import NUMBER, number


@dataclass(frozen=True)
class Name:
    """A name the card index found on the leaf (its record, if it has one)."""

    start: int
    end: int
    text: str
    person_id: int | None


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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- names -------------------------------------------------------------------------------

_ORG_WORDS = re.compile(
    r"\b(?:Group|Party|Army|Navy|Committee|International|Office|Theatre|Institute|Union|"
    r"Commissariat|Directorate|Administration|Department|Trust|Operation|Registry|Cheka|"
    r"Bureau|Court|Tribunal|Politburo|Government|Embassy|Ministry|Congress|Section|League|"
    r"Police|Guard|Service|Prison|Square|Street|Revolution|War|Republic|Province|Affairs|"
    r"Plan|Canal|Opposition|Centre|Center|Bloc|Press|Messenger|Pact|Movement|Council|"
    r"Soviet|Kremlin|Commission|Agency|Company|Church|Academy|University|School|Works|Plant|"
    r"Factory|Mill|Combine|Shipyard|Trust|Collegium|Troika|Procuracy|Newspaper)\b"
)
_NOT_ACRONYMS = _words(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI A "
    "THE AND OF US USA UK USSR U.S. U.S.A. U.S.S.R. NOTE OK TV AM PM A.M. P.M. MR DR"
)
_ACRONYM = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.){2,5}(?![A-Za-z])|[A-Z]{2,6}(?![\w’']))")
_STOP = _words(
    "the a an he she it they we i you this that these those there then when where "
    "what which who his her their its our my after before during since in on at of "
    "and but for with from by to as if though although while whilst upon under over "
    "between among soviet russian german french british american polish english "
    "jewish ukrainian georgian mexican norwegian italian spanish japanese chinese red "
    "white black old new january february march april may june july august september "
    "october november december monday tuesday wednesday thursday friday saturday "
    "sunday yesterday today tomorrow both all many some most several one two three "
    "four five six seven eight nine ten general colonel marshal admiral captain "
    "commissar president professor major minister mr mrs dr madame comrade chief head "
    "deputy officer agent secretary leader director according however meanwhile "
    "nevertheless moreover thus hence also only even later trial case purge terror "
    "party state central great first second third last other god communist bolshevik "
    "menshevik trotskyist stalinist nkvd ogpu like amongst among nothing everything "
    "nobody everybody each every another such no not yet so"
)
_CAPITAL_WORD = rf"[{UPPER}][{LOWER}’'-]*[{LOWER}]"
_PASSIVE_SUBJECT = re.compile(
    rf"(?<![\w’'])(?:[Tt]he\s+)?(?P<name>{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD}){{0,2}})"
    r"(?=,?\s+(?:[a-z]+ly\s+)?(?:was|were|had been|has been|died|fled|defected|struck|killed|"
    r"shot|murdered|attacked|stabbed|entered|poisoned|kidnapped|arrested|executed|assassinated|"
    r"appointed|replaced|established|founded|joined)\b)"
)
#: "the Danubian farmers' leader Ilse Korvath": a name after the word for a role.
_ROLE_NAME = re.compile(
    r"\b(?:leader|chief|deputy|secretary|commissar|minister|agent|officer|director|writer|poet|"
    r"historian|journalist|general|admiral|marshal|colonel|captain|president|ambassador|"
    rf"professor|executioner|assassin|defector)\s+(?P<name>{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD}){{0,2}})"
    r"(?![’'\w])"
)
#: "Anna Velling, a Dutch Socialist who left the movement": a full name
#: described by an apposition that a "who" clause continues.
_APPOSED_NAME = re.compile(
    rf"(?<![\w’'])(?P<name>{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD}){{1,2}}),\s+(?:an?|the)\s+"
    r"[^,;:.()]{2,50}?\s+who\b"
)
#: "the treasurer of the Northern Federation of Miners, Edgar Holm.": a
#: full name after the role it holds.
_ROLE_OF_NAME = re.compile(
    r"\b(?:leader|chief|deputy|secretary|commissar|minister|director|president|ambassador|"
    r"head|chairman)\s+of\s+(?:the\s+)?[A-Z][\w\s’'-]{0,60}?,\s+"
    rf"(?P<name>{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD}){{1,2}})(?=[.,;])"
)
_HYPHEN_AFTER = re.compile(rf"-[{UPPER}][{LOWER}]+\b(?!-)")
_HYPHEN_BEFORE = re.compile(rf"(?<![\w-])[{UPPER}][{LOWER}]+-$")
_ADVERB = re.compile(r"(?:al|ate|ent|ant|ous|ive|ful|ed|ar|nt|ual|ic|ish|ere|ng)ly$")
_PLACE_WORD = re.compile(
    rf"\b(?:in|at|near)\s+(?P<place>{_CAPITAL_WORD}(?:\s+{_CAPITAL_WORD})?)(?![’'\w])"
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    person_id: int | None
    kind: str  # person | org | event
    gender: str | None = None

    @property
    def person(self) -> bool:
        return self.kind == "person"


def _clean(text: str) -> str:
    text = re.split(r"\n|[’']s\s", text)[0]
    text = re.sub(r"[’']s?$", "", text)
    return text.rstrip(" ,.;:’'\"”")


def _kind(text: str) -> str:
    if _ACRONYM.fullmatch(text) or _ORG_WORDS.search(text):
        return "org"
    if parse(text).kind is not Kind.PERSON:
        return "org"  # Trotskyists, Zinovievites: followers, not a person
    return "person"


def _gender(text: str) -> str | None:
    return parse(text).gender if text else None


def _names(text: str, given: Sequence[Name]) -> list[_Mention]:
    """The card index's names, their surnames found again, acronyms, and
    capitalised subjects of passive verbs, without overlaps (longest wins)."""
    places = {m.group("place") for m in _PLACE_WORD.finditer(text)}
    found = _known(text, given, places)
    # a person named in full once is named by the surname elsewhere in the report
    surnames: dict[str, _Mention] = {}
    for mention in found:
        last = mention.text.split()[-1]
        if mention.person and len(last) >= 3 and last[0].isupper() and last.lower() not in _STOP:
            if last not in places:
                surnames.setdefault(last, mention)
            surnames.setdefault(mention.text, mention)
    found += _guessed(text, places, surnames)
    for mention in _registered(text):
        found.append(mention)
        surnames.setdefault(mention.text.split()[-1], mention)
    found += _again(text, surnames)
    found += [
        _Mention(m.start(), m.end(), m.group(), None, "org")
        for m in _ACRONYM.finditer(text)
        if m.group() not in _NOT_ACRONYMS and m.group().upper() == m.group()
    ]
    kept: list[_Mention] = []
    for mention in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return _named_in_full(kept)


def _named_in_full(mentions: list[_Mention]) -> list[_Mention]:
    """A surname alone stands for the one person of that surname the report
    names in full ("Rudenko" is "Anatoly Semenovich Rudenko"); where it names
    two (A. S. and A. P. Rudenko) the surname stays as written."""
    full: dict[str, list[str]] = {}
    for mention in mentions:
        words = mention.text.split()
        if mention.person and len(words) > 1:
            full.setdefault(words[-1], []).append(mention.text)
    chosen = {}
    for surname, names in full.items():
        given = [initials_of(name) for name in names]
        if all(a.startswith(b) or b.startswith(a) for a in given for b in given):
            chosen[surname] = max(names, key=lambda n: (names.count(n), -len(n)))
    # "Grigory Ivanovich", as a letter calls him: the one full name it begins
    by_start: dict[str, set[str]] = {}
    for names in full.values():
        for name in names:
            words = name.split()
            for cut in range(2, len(words)):
                if _PATRONYMIC.search(words[cut - 1]):
                    by_start.setdefault(" ".join(words[:cut]), set()).add(name)
    for start, owners in by_start.items():
        if len(owners) == 1 and start not in chosen:
            chosen[start] = next(iter(owners))
    return [
        replace(m, text=chosen[m.text]) if m.person and m.text in chosen else m for m in mentions
    ]


def _mention(start: int, text: str, kind: str, person_id: int | None = None) -> _Mention:
    return _Mention(start, start + len(text), text, person_id, kind, _gender(text))


def _known(text: str, given: Sequence[Name], places: set[str]) -> list[_Mention]:
    """The names the card index found, cut at a line's end or a possessive."""
    found = []
    alone = _standalone(text, given)
    for name in given:
        start = name.start
        written = _clean(text[name.start : name.end])
        joined = _HYPHEN_AFTER.match(text, start + len(written))
        if joined and written.split()[-1] in alone and joined.group()[1:] in alone:
            # "Zinoviev-Kamenev": two people, each named alone elsewhere
            found.append(_mention(joined.start() + 1, joined.group()[1:], "person"))
        elif joined:
            written += joined.group()  # "Orlov-Brandt": the whole double name
        joined = _HYPHEN_BEFORE.search(text, max(0, start - 30), start)
        if joined and not (written.split()[0] in alone and joined.group()[:-1] in alone):
            start, written = joined.start(), joined.group() + written  # "Sultan-Galiev"
        words = written.split()
        if not words or words[0].lower() in _STOP or (len(words) == 1 and written in places):
            continue
        found.append(_mention(start, written, _kind(written), name.person_id))
    return found


def _standalone(text: str, given: Sequence[Name]) -> set[str]:
    """Surnames the card index found standing alone (no hyphen on either
    side): "Zinoviev-Kamenev" is two people when "Zinoviev" and "Kamenev"
    are each named alone elsewhere; "Sultan-Galiev" stays one."""
    alone = set()
    for name in given:
        written = _clean(text[name.start : name.end])
        before = text[name.start - 1 : name.start]
        after = text[name.start + len(written) : name.start + len(written) + 1]
        if written and before != "-" and after != "-":
            alone.add(written.split()[-1])
            alone.add(written.split()[0])
    return alone


def _guessed(text: str, places: set[str], surnames: dict[str, _Mention]) -> list[_Mention]:
    """Names the card index did not find: after a word for a role ("the leader
    Nestor Lakoba"), or as the subject of an event verb ("Reilly was tried")."""
    found = []
    for match in _ROLE_NAME.finditer(text):
        written = match.group("name")
        if written in places or any(w.lower() in _STOP for w in written.split()):
            continue
        if _kind(written) == "person":
            found.append(_mention(match.start("name"), written, "person"))
    for match in (*_APPOSED_NAME.finditer(text), *_ROLE_OF_NAME.finditer(text)):
        written = match.group("name")
        if written in places or any(w.lower() in _STOP for w in written.split()):
            continue
        if _kind(written) == "person":
            found.append(_mention(match.start("name"), written, "person"))
    for match in _PASSIVE_SUBJECT.finditer(text):
        written = match.group("name")
        words = written.split()
        if len(written) < 3 or any(w.lower() in _STOP or _ADVERB.search(w) for w in words):
            continue
        if written in places or words[-1] in places:
            continue
        the = match.group(0).lower().startswith("the ")
        kind = "org" if the or _kind(written) == "org" else "person"
        if kind == "person" and words[-1] in surnames:
            continue
        guess = _mention(match.start("name"), written, kind)
        found.append(guess)
        if kind == "person" and len(words) == 1:
            surnames.setdefault(written, guess)
    return found


#: A name as registers and protocols write it, surname first: "KHARLAMOV
#: Grigory Ivanovich", "Savchuk, Mykola Ivanovich", "Surzhenko D. A.".
_SURNAME_FIRST = re.compile(
    rf"(?<![\w’'-])(?P<sur>[{UPPER}][{LOWER}’'-]+[{LOWER}]|[{UPPER}]{{3,}}(?:-[{UPPER}]{{2,}})?)(?:,\s+|\s+)"
    rf"(?:(?P<given>[{UPPER}][{LOWER}]+)\s+(?P<pat>[{UPPER}][{LOWER}]+(?:ovich|evich|yich|ich|ovna|evna|ichna|"
    r"ична|ович|евич|овна|евна))\b|(?P<initials>[A-Z]\.\s?[A-Z]\.?)(?![\w.]*\s*[A-Z][a-z]))"
)


_PATRONYMIC = re.compile(r"(?:ovich|evich|yich|ovna|evna|ichna)$")


def _registered(text: str) -> list[_Mention]:
    """Names written surname first, as one person named in the usual order."""
    found = []
    for match in _SURNAME_FIRST.finditer(text):
        surname = match.group("sur")
        if surname.lower() in _STOP or surname in _NOT_ACRONYMS or _ORG_WORDS.search(surname):
            continue
        if surname.isupper():
            surname = surname.title()
        if match.group("initials"):
            if match.group(0).count(",") or not surname[1:].islower():
                continue
            usual = f"{match.group('initials').rstrip('.')}. {surname}".replace(".. ", ". ")
        else:
            usual = f"{match.group('given')} {match.group('pat')} {surname}"
        found.append(_Mention(match.start(), match.end(), usual, None, "person", _gender(usual)))
    return found


def _again(text: str, surnames: dict[str, _Mention]) -> list[_Mention]:
    """Every other place a known name or surname stands in the report."""
    if not surnames:
        return []
    pattern = re.compile(
        r"(?<![\w’'-])(?:"
        + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True))
        + r")(?![\w-])"
    )
    found = []
    for match in pattern.finditer(text):
        source = surnames[match.group()]
        found.append(
            _Mention(
                match.start(), match.end(), match.group(), source.person_id, "person", source.gender
            )
        )
    return found


# -- sentences and clauses -------------------------------------------------------------------

_ABBREVIATIONS = _words(
    "mr mrs dr st gen col capt lt no nos vol pp p a.m p.m i.e e.g jr sr prof rev "
    "messrs u.s u.s.s.r mt ft fig cf vs jan feb mar apr jun jul aug sep sept oct nov dec"
)
_ROMAN_DATE_AHEAD = re.compile(r"\s+(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?\d")
_LAST_WORD = re.compile(r"([\w.]+)[.!?](?:[\"”’)\]]|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*$")
#: A sentence ends at a stop, after any closing quote, bracket or footnote
#: mark ("afterwards.[7] Rudenko", "1944.³ The").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?:[\"”’)\]]|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n+"
)
_HEADING_WORDS = 14


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    opener: str  # the word that joined it to the clause before ("", and, who, when ...)


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    clauses: list[_Clause] = field(default_factory=list)
    line: bool = False  # a line of its own: a heading or a dateline


def _sentences(text: str) -> list[_Sentence]:
    found: list[_Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        newline = match.group().startswith("\n")
        end = match.start() if newline else match.end()
        if not newline:
            if _ROMAN_DATE_AHEAD.match(text, end):
                continue  # "arrested 2. XII.1937": a day and its month, not a full stop
            word = _LAST_WORD.search(text, start, end)
            if word and (
                word.group(1).lower() in _ABBREVIATIONS
                or (len(word.group(1)) == 1 and word.group(1).isalpha())
            ):
                continue
        _add_sentence(found, text, start, end)
        start = match.end()
    _add_sentence(found, text, start, len(text))
    return found


def _add_sentence(found: list[_Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    body = text[start:end]
    after = text[end : end + 1]
    ends_line = after in {"", "\n"}
    line = ends_line and len(body.split()) <= _HEADING_WORDS and not re.search(r"[.!?]\W*$", body)
    sentence = _Sentence(start, end, body, line=line)
    sentence.clauses = _clauses(text, start, end)
    found.append(sentence)


# Where a sentence splits into clauses; " and " only before a word that starts
# a new clause (a verb, an adverb, a preposition, a date), never between names.
_CLAUSE = re.compile(
    r";\s*|:\s+|\s+[-–—]\s+|,?\s+(?P<word>and|but|whilst|while|when|where|who|whom|which|"
    r"after which|although|though|whereupon)\s+(?=(?P<next>[\w“\"‘'(]+))"
)
_OTHERS = re.compile(
    rf"(?:(?:{NUMBER})|a number of|several|many|some|all|most)\s+(?:\w+\s+){{0,2}}other", re.I
)


def _clauses(text: str, start: int, end: int) -> list[_Clause]:
    found: list[_Clause] = []
    position, opener = start, ""
    for match in _CLAUSE.finditer(text, start, end):
        word = (match.group("word") or match.group().strip() or ";").lower()
        following = match.group("next") or ""
        if word == "and":
            if following[:1].isupper() and following not in {"In", "On", "At", "By", "I"}:
                continue
            if len(text[position : match.start()].split()) == 1:
                continue  # "he and his wife": one subject
            ahead = re.match(
                r"(?:then\s+)?(?:the|a|an|his|her|their)\s+((?:(?!\b(?:where|who|which|when)\b)[^,.;:])*)",
                text[match.end() : end],
            )
            if ahead and not re.search(
                r"\b(?:was|were|had|has|is|are|did|\w+ed)\b", " ".join(ahead.group(1).split()[:10])
            ):
                continue  # "sailed to Bergen and then the Faroes": one clause
            if _OTHERS.match(text, match.end()) or following.lower() in {"others", "other"}:
                continue
        found.append(_Clause(position, match.start(), opener))
        position, opener = match.end(), word
    found.append(_Clause(position, end, opener))
    return [clause for clause in found if clause.end > clause.start]


# -- patterns of the reading -------------------------------------------------------------------

_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")
_POSSESSIVE = re.compile(r"\b(?:his|her|His|Her)\b")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We)\b")
#: Where one was born: "born 12.III.1899 in Poltava", "born in the village of Lutsk".
_BORN_IN = re.compile(
    r"(?:\s+(?:on\s+)?[^,;\n]{0,25}?)?\s+in\s+(?:the\s+(?:village|town|city|district)\s+of\s+)?"
    r"(?P<place>[A-Z][\w’'-]+(?:[\s-][A-Z][\w’'-]+)?)"
)
#: A post right after "appointed": "appointed chief engineer of the Works".
_BARE_POST = re.compile(
    r"\s+(?P<post>(?!(?:in|on|at|by|from|for|to|as|after|before|when|and|but|the|a|an|his|her)\b)"
    r"[a-z][\w-]*(?:\s+(?!(?:in|on|at|by|from|for|to|of|after|before|when|and|but)\b)[a-z][\w-]*){0,2}"
    r"(?:\s+of\s+(?:the\s+)?[A-Za-z][\w’'-]*"
    r"(?:\s+(?!(?:in|on|at|by|from|for|to|and|but|after|before|when)\b)[A-Za-z][\w’'-]*){0,3})?)"
)
#: A form's field naming an event, its date after it.
_FIELD_EVENTS = {
    "arrest": "arrested",
    "birth": "born",
    "death": "died",
    "execution": "executed",
    "sentence": "sentenced",
    "sentencing": "sentenced",
    "trial": "tried",
    "release": "released",
    "recruitment": "recruited",
    "interrogation": "interrogated",
}
_FIELD = re.compile(
    rf"\b(?:[Dd]ate|DATE|[Dd]ay)\s+(?:of|OF)\s+(?P<noun>(?i:{'|'.join(_FIELD_EVENTS)}))\s*[:\-–—]\s*"
)
#: What follows the date that opens an entry of a chronology.
_ENTRY = re.compile(r"\s*[-–—:]\s")
#: Events whose phrase holds a value beside the subject.
_VALUED = frozenset({"appointed", "sentenced", "renamed", "recruited"})
#: What a court gave: "to death", "to ten years in a labour camp", "to 8 years".
_TERM = re.compile(
    rf"(?:\s+(?:by|in|on)\s+[^,;.]{{0,60}}?)?\s+(?:to\s+)?(?P<term>death|be\s+shot|(?:the\s+)?"
    r"(?:supreme|highest)\s+measure(?:\s+of\s+punishment)?|(?:a\s+term\s+of\s+)?"
    rf"{NUMBER}\s+years?(?:\s+(?:in|of)\s+(?:a\s+)?(?:labou?r|corrective|prison|camps?|exile)"
    r"[\w\s-]{0,30}?(?=[,;.]|\s+(?:on|in|by|for|and)\b|$))?)",
    re.I,
)
#: The name an organisation was given: "renamed the Kharkov Machine Works".
_NEW_NAME = re.compile(
    r"\s+(?:as\s+|to\s+|into\s+)?(?:the\s+)?[\"“‘']?(?P<n>[A-Z][\w’'.-]*(?:\s+(?:of\s+|for\s+|the\s+)*"
    r"[A-Z0-9][\w’'.-]*)*)(?<!\.)"
)
#: What someone was recruited as or into: "as an informer", "into the NKVD".
_RECRUITED_AS = re.compile(
    r"(?:\s+by\s+[^,;.]{0,40}?)?\s+(?:as|into|to)\s+(?P<as>(?:an?\s+|the\s+)?[\w-]+(?:\s+[A-Z][\w-]+)*)"
)
#: Words before the name of whom a protocol questions.
_RESPONDENT_CUE = re.compile(
    r"\b(?:accused|defendant|suspect|prisoner|detainee|witness|"
    r"(?:interrogation|questioning|examination|interview)\s+of(?:\s+the\s+(?:accused|witness))?)\b",
    re.I,
)
#: "the accused" standing alone (not "the accused Sorokin"), meaning the respondent.
_THE_RESPONDENT = re.compile(
    r"\b[Tt]he\s+(?:accused|defendant|prisoner|suspect|detainee|arrested\s+(?:man|woman))\b"
    r"(?![’']s|\s+[A-Z])"
)
#: The start of an answer's line: "Answer:", "A.", "Reply -".
_ANSWER = re.compile(r"\s*(?:A|ANS|Ans|Answer|ANSWER|Reply|REPLY|R)\s*[:.\-–—]")
_SIGNED = re.compile(r"\s*(?:signed|signature|yours|sincerely|respectfully|with respect)\b", re.I)
_THIS_PERSON = re.compile(r"\b(?:[Tt]his|[Tt]hat) (?:gentleman|man|woman)\b")
_SPEECH = re.compile(
    r"\b(?:relates|writes|wrote|says|said|recalls|recalled|explains|continued|goes on to say|"
    r"told|tells|declared|asked|replied|added|estimates)\b"
)
_ANAPHORIC_OPENER = re.compile(
    r"^\W*(?:Upon|On|After|Following|Soon after|Shortly after)\s+(?:his|her|their|this|that)\s+"
    r"(?:appointment|arrival|return|death|arrest|release|removal|election|incident)\b"
    r"|^\W*(?:Thereupon|At the same time|After this|Immediately afterwards)\b"
)
_AT_THIS_TRIAL = re.compile(r"\b(?:[Aa]t|[Dd]uring)\s+(?:this|that|the)\s+trial\b")
_THESE = re.compile(
    r"\b(?:of\s+)?(?:these|those)\s+(?:prisoners|people|persons|victims|arrested|men)\b"
)
_RESPECTIVELY = re.compile(rf"\((?P<a>{NUMBER})\s+and\s+(?P<b>{NUMBER}),?\s+respectively\)", re.I)
_VICTIM_COUNT = re.compile(
    rf"(?<![\w,.])(?P<n>{NUMBER})(?![\w,.]*\d)(?:\s+(?!(?:were|was|had|have)\b)[\w-]+){{0,3}}?\s*"
    rf"(?:\([^)]*\)\s*)?(?P<verb>{KILLED.pattern})",
    re.I,
)
_TOTALLING = re.compile(rf"\bexecutions?,?\s+total(?:l)?ing\s+(?P<n>{NUMBER})", re.I)
_ORDER_COUNT = re.compile(rf"\border\s+to\s+(?:execute|shoot|kill)\s+(?P<n>{NUMBER})", re.I)
_CO_ACCUSED = re.compile(
    rf"\band\s+(?:his\s+)?(?P<n>{NUMBER})\s+(?:other(?:s|\s+[\w-]+)|co-defendants|co-accused|"
    r"accomp[l1]ices|fellow[- ]defendants)",
    re.I,
)
_VERDICT = re.compile(r"\b(?:verdict|judgement|judgment|sentence)\b", re.I)
_IT = re.compile(r"\b(?:[Ii]t|[Tt]his|[Tt]hat)\s+(?:\w+\s+){0,2}$")
#: "founded in 1929 on the site of the old shops as the Metallist Works".
_FOUNDED_AS = re.compile(
    r"[^.;]{0,80}?\bas\s+(?:the\s+)?(?P<n>[A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'-]*)*)"
)
#: "the following have been arrested:": an event word, then a list.
_LIST_HEAD = re.compile(
    r"\b(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?P<verb>[a-z]+(?:ed|en|wn|ght))\s*:\s*"
)
#: How many were sentenced to death in one case: "four death sentences in all",
#: "four of the seven defendants received the death sentence".
_DEATH_SENTENCES = re.compile(
    rf"\b(?P<n>{NUMBER})\s+(?:death\s+sentences|sentences\s+of\s+death|"
    rf"of\s+the\s+(?:{NUMBER}\s+)?(?:defendants|accused)\s+(?:received|were\s+given|were\s+sentenced\s+to)"
    r"\s+(?:the\s+|a\s+)?death)",
    re.I,
)
_GROUP = re.compile(
    rf"\b(?:all\s+)?(?:the\s+)?(?P<n>{NUMBER})\s+(?:former\s+)?(?:defendants|accused)\b", re.I
)
_TRIAL_OF_N = re.compile(r"\b[Tt]rial of the (?P<n>[a-z]+(?:-[a-z]+)?)\b")
_HYPHENATED = re.compile(r"(?P<names>(?:[A-Z][\w’']+-)+[A-Z][\w’']+)")
_ROLE_WORD = (
    r"(?i:presiding\s+judge|judge|(?:public\s+|state\s+|military\s+)?prosecutor|procurator|"
    r"defen[cs]e\s+(?:counsel|lawyer|attorney)|counsel\s+for\s+the\s+defen[cs]e|defender|"
    r"(?:chief\s+)?witness(?:\s+for\s+the\s+(?:prosecution|defen[cs]e))?|co-defendant|"
    r"defendant|accused|chairman|chairwoman|chair|member|secretary|investigator|interrogator)"
)
_ROLE_OF_BODY = (
    r"(?:\s+(?:of|at|in|on)\s+(?:the\s+)?(?:troika|court|tribunal|commission|collegium|bench|"
    r"trial|case|hearing|session|(?:[A-Z][\w-]*\s+)*(?:Troika|Court|Tribunal|Commission|"
    r"Collegium|Committee|Board)))?"
)
#: Role words standing right before a name: "the prosecutor was", "prosecutor", "witness".
_ROLE_BEFORE = re.compile(
    rf"(?:\b[Tt]he\s+|\b[Aa]s\s+|^|[,;(]\s*)(?P<role>{_ROLE_WORD}){_ROLE_OF_BODY}"
    r"(?:\s+(?:was|were|being)|,)?\s+(?:(?:[Cc]omrade|[Cc]itizen|[A-Z][a-z]+\.?)\s+){0,3}$"
    r"|\b(?P<verb>presided\s+over|chaired|under\s+the\s+chairmanship\s+of)\s+(?:by\s+)?"
    r"(?:(?:[Cc]omrade|[Cc]itizen|[A-Z][a-z]+\.?)\s+){0,3}$"
)
#: Role words right after a name: ", the presiding judge", "(prosecutor)",
#: "acted as secretary", "testified", "presided".
_ROLE_AFTER = re.compile(
    rf"(?:,\s+|\s+\(|\s+[-–—]\s+)(?:(?:the|a|an)\s+)?(?P<role>{_ROLE_WORD}){_ROLE_OF_BODY}"
    r"(?=[\s,;.)]|$)"
    rf"|,?\s+(?:who\s+)?(?:had\s+)?(?:has\s+been\s+|had\s+been\s+|was\s+)?(?:acted|served|appeared|sat|presided|"
    r"called|heard|questioned|interrogated|summoned|cited)"
    r"(?:\s+(?:at|in|before)\s+[^,;.]{0,40}?)?(?:\s+only)?\s+as\s+"
    rf"(?:(?:the|a|an)\s+)?(?P<role2>{_ROLE_WORD})"
    r"|\s+(?P<verb>presided|chaired|testified|gave\s+evidence)\b"
)
#: "member", "secretary", "chair" alone: of a party, a club, a committee, not
#: a part in a proceeding (which names its troika, court or commission).
_ROLE_WITHOUT_BODY = re.compile(
    r"(?i:(?:the|a|an|as)\s+)?(?i:member|secretary|chairman|chairwoman|chair)(?:\s+(?:was|were|being))?"
    r"(?:\s+(?:of\s+(?:the\s+)?)?(?!troika|court|tribunal|commission|collegium|session|bench)\w[^,;]*)?",
)
#: The trial a role was at, named after it.
_ROLE_TRIAL = re.compile(r"\s+(?:over|at|in)\s+(?P<trial>(?:the\s+)?[A-Z][\w\s-]*?[Tt]rial)\b")
_ROLE_CUE = re.compile(
    r"judge|prosecut|procurator|defen[cs]|witness|presid|chair|member|secretary|investigat|"
    r"interrogator|testif|evidence",
    re.I,
)
_ROLE_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("judge", ("judge", "presiding judge")),
    (
        "prosecutor",
        (
            "prosecutor",
            "public prosecutor",
            "state prosecutor",
            "military prosecutor",
            "procurator",
        ),
    ),
    ("defence counsel", ("defence", "defense", "counsel for the", "defender")),
    ("witness", ("witness", "chief witness", "testified", "gave evidence")),
    ("defendant", ("defendant", "co-defendant", "accused")),
    ("chair", ("chair",)),
)
_ROLE_SENTENCE = re.compile(
    r"\b[Tt]he\s+(?:presiding\s+)?(?P<role>judge|prosecutor)\s+(?:at\s+the\s+trial\s+)?was\s+"
    r"(?P<rest>.+)$"
    r"|(?P<rest2>.+?),?\s+who\s+(?:had\s+)?(?:presided|served|acted)\s+as\s+(?P<role2>[Jj]udge|"
    r"[Pp]rosecutor)\b(?:\s+(?:over|at|in)\s+(?P<trial>(?:the\s+)?[A-Z][\w\s-]*?[Tt]rial))?"
)
_PLACE = re.compile(
    r"(?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|de|del|la|of))*"
    r"(?:,\s+[A-Z][a-z]+(?=[,.;]|\s+on\b|\s+in\b))?)"
)
_BOUND = re.compile(
    r"(?:\bsince\s*|\b(?:after|before|following)\s+(?:the|his|her|their)\s+[^,.;]*?)$", re.I
)
PASSIVE_ANYWHERE = re.compile(r"\b(?:was|were|been)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ght)\b")
_DATED_EVENTS = frozenset({"died", "executed", "arrested", "attacked"})
_EVENT_NOUNS = r"(?:assassination|murder|death|arrest|execution|killing|kidnapping)"
_EVENT_NOUN = re.compile(rf"\b{_EVENT_NOUNS}\b")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?:\w+\s+){0,3}?")
_UPON = re.compile(r"\bupon\s+(?:the|his|her|their)\s+$")
_AND_VERB = re.compile(r"\s+and\s+")
_NOUN_AND_NOUN = re.compile(rf"\s+and\s+(?i:{_EVENT_NOUNS}|trial)\b")
_AND_NOUN = re.compile(r"(?:\s+of\s+[^,;.]{0,30})?\s+and\s+(?:their\s+|his\s+|her\s+)?")
_TRANSFERRED = re.compile(r"\btransferred\s+to\b")
_TO = re.compile(r"\bto\s+$")
_WOULD = re.compile(r"\bwould\b")
_ANNOUNCED = re.compile(r"\b(?:tomorrow|announce|plan)", re.I)
_WITH_BY = re.compile(r"[^.;]*?\b(?:with|by)\s+")
_BY = re.compile(r"\s+(?:[\w’']+\s+){0,6}?by\s+")
_CLAUSE_PRONOUN = re.compile(r"(?:^|,\s+)(he|she)\b")
_WRITTEN = re.compile(r"written\s+aboard")
_OUR = re.compile(r"\W*(?:[A-Z]?[a-z]+\s+){0,5}?(?:[Oo]ur|[Mm]y)\s+\w+\s+$")
_BY_BEFORE = re.compile(r"\bby\s+(?:\w+\s+){0,2}$")
_NOT_SUBJECT_AFTER = re.compile(
    r"\s*[’']s\b|\s+(?:[A-Z][a-z]+\s+)*(?:Regiment|Group|Theatre|Institute)"
)
_ELLIPTICAL = re.compile(r"[A-Z][a-z]+ed\b")
_CONTINUING = frozenset({"and", "but", ";", "whilst", "while", "-", "–", "—"})
_FINITE = re.compile(r"\b(?:was|were|had|has|have|is|are|became|would|will|could|\w+ed)\b")
_COORDINATED = re.compile(r"\s*(?:,|,?\s+and|\s+as well as)\s+")
_NARRATED = re.compile(r"\b(?:[Oo]ur|[Mm]y)\b|\bwritten\s+aboard")
_HEADING_NAME = re.compile(r"(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b")
_ABSORBED = re.compile(
    r"\b(?:re-?incorporated|incorporated|absorbed|merged|folded)\s+into\b"
    r"|\bbecame known as\b|\btransferred\s+to\b"
)
#: Words after which a name is an object, not a subject.
_LINKS = _words("of the a an to with for from by in on at into against about and or than as")
#: A clause with a subject of its own that is no name ("his supporters were").
_OWN_SUBJECT = re.compile(r"\b(?:they|it|the|his|her|their|its|an?|some|many|all)\b", re.I)
_TITLES = r"(?:General|Marshal|Admiral|Colonel|Captain|Commissar|President|Professor|Comrade)"
# What may stand between a subject and its passive verb: auxiliaries, adverbs,
# "and seven other commanders", "who", "both".
_BETWEEN = re.compile(
    r"(?:,|\s)*(?:(?:who|which|and|both|also|had|has|have|been|was|were|be|is|are|would|"
    r"will|could|did|then|later|finally|eventually|subsequently|not|reportedly|officially|"
    r"himself|herself|posthumously|immediately|soon|once|again|still|never|allegedly|"
    r"secretly|publicly|quickly|summarily|duly|formally|first|thereupon|personally|"
    r"suddenly|steadily|found\s+guilty\s+and|[a-z]+ly)(?:,|\s)+)*",
)
_OTHERS_BETWEEN = re.compile(
    rf"\s*,?\s+and\s+(?:(?:(?:{NUMBER})|a number of|several|many|some)\s+(?:[a-z]+\s+)?)?others?"
    r"(?:\s+(?!(?:were|was|had|have|are|is)\b)[A-Za-z-]+)*\s*",
    re.I,
)


#: ", senior Guild Delegate with the coastal militias in Norway,": an
#: apposition between a name and its verb (no verb of its own).
_APPOSITION = re.compile(
    r"^\s*,\s+(?![^,]*\b(?:was|were|had|has|is|are|did|who|which)\b)[^,;:()]{2,90},[\s”\"’]*"
)


def _subject_close(text: str) -> bool:
    """Only auxiliaries, adverbs or "and seven other commanders" between a
    subject and its verb: the name is the verb's subject."""
    rest = _OTHERS_BETWEEN.sub(" ", text, count=1)
    rest = _APPOSITION.sub(" ", rest)
    return bool(_BETWEEN.fullmatch(rest))


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


class _Report:
    def __init__(self, text: str, names: Sequence[Name], context: When | Context | None) -> None:
        self.text = text
        self.mentions = _names(text, names)
        self._starts = [m.start for m in self.mentions]
        self.reader = DateReader(context)
        self._events_found = sorted(
            (
                (m.start(), -(m.end() - m.start()), n, m.end())
                for n, event in enumerate(EVENTS)
                for m in event.pattern.finditer(text)
            ),
        )
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
        self.narrator = self._narrator()
        self.speaker: _Mention | None = None
        #: Who answers in a protocol of interrogation: "the accused", and "I" on an answer's line.
        self.respondent = self._respondent()
        if self.respondent is not None:
            self._refer(_THE_RESPONDENT, self.respondent)

    # -- what is where

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

    # -- the pass over the report

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

    def _speaker(self, sentence: _Sentence) -> None:
        """Who "I" is inside quotation marks: the person said to speak."""
        for match in _SPEECH.finditer(sentence.text):
            at = sentence.start + match.start()
            near = self.people_in(max(sentence.start, at - 40), min(sentence.end, at + 40))
            if near:
                self.speaker = min(near, key=lambda m: abs(m.start - at))

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
            people = self.people_in(first, end + after.end())
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

    # -- events

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

    def _own_dates(self, sentence: _Sentence, triggers: list[_Trigger]) -> None:
        """Each date belongs to the event word nearest it in its clause; a date that
        only bounds ("after the Revolution of 1917") belongs to a word inside the
        bound, and a noun named as a point of reference takes no date before it."""
        for which, clause in enumerate(sentence.clauses):
            here = [t for t in triggers if t.clause == which]
            for when in self.dates_in(clause.start, clause.end) if here else ():
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

    def _clause_of(self, sentence: _Sentence, position: int) -> int:
        for number_, clause in enumerate(sentence.clauses):
            if clause.start <= position < clause.end:
                return number_
        return len(sentence.clauses) - 1

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
        for subject in subjects:
            self._hit(
                index,
                sentence,
                subject,
                prop=event.property,
                when=when,
                span=(min(start, first), end),
                value=value,
                place=place,
                planned=planned,
                dated=dated,
            )
        if event.property == "dismissed" and self.text.startswith("replaced as", start):
            self._successor(index, sentence, trigger, when, planned=planned, dated=dated)

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
        if prop == "met":
            other = self._object(index, sentence, end, clause.end)
            if other is None or other.text == subjects[0].text:
                return None
            return other.text, None
        if prop in _VALUED:
            value = self._value(prop, end, clause.end, sentence.end) or value
            return None if value is None and prop == "renamed" else (value, None)
        return value, None

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

    # -- who

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
        found = self._nearest(index, sentence, clause, start, candidates)
        if found is not None:
            return found
        group = _GROUP.search(self.text, clause.start, start)
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
        people = self.people_in(clause.start, start)
        agent = people[-1] if people else None
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

    # -- when

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
        Kharlamov to ...": the day of the verdict the sentence before gives, in
        the same paragraph."""
        if index == 0:
            return None
        before = self.sentences[index - 1]
        if "\n\n" in self.text[before.end : self.sentences[index].start]:
            return None
        if not _VERDICT.search(before.text):
            return None
        days = [d for d in self.dates_in(before.start, before.end) if d.precision == "day"]
        return replace(days[-1], relative_to=days[-1].label) if days else None

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

    # -- where, which post

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
        return found.group("place") if found else None

    def _value(self, prop: str, end: int, clause_end: int, sentence_end: int) -> str | None:
        """What an event word's phrase says beside its subject: the post taken,
        the term given, the new name, what one was recruited as."""
        if prop == "appointed":
            return self._post(end, clause_end)
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

    # -- counts of victims

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

    # -- roles at a trial

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

    # -- one organisation taken into another

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


def _role_name(words: str, phrase: str) -> str:
    """One name per role: "presided" is a judge's part (a troika's chair's when
    the phrase names a troika or a commission), a procurator is a prosecutor."""
    key = re.sub(r"\s+", " ", words.lower()).strip()
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


def _distance(trigger: _Trigger, when: When) -> int:
    end = max(trigger.end, trigger.reach)
    if when.start >= end:
        return when.start - end
    if when.start >= trigger.end:
        return 0
    return trigger.start - when.end + 5


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


# -- the entry points -----------------------------------------------------------------------


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
