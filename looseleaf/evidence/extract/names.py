"""The names a report holds: the card index's, their surnames again, names written surname
first, acronyms of bodies, and capitalised subjects of event verbs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from looseleaf.cardindex.names import (
    INITIAL,
    LOWER,
    UPPER,
    Kind,
    fold,
    initials_of,
    is_given,
    parse,
)


@dataclass(frozen=True)
class Name:
    """A name the card index found on the leaf (its record, if it has one)."""

    start: int
    end: int
    text: str
    person_id: int | None


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
        for m in _NAMED_BODY.finditer(text)
        if m.group("acronym") not in _NOT_ACRONYMS
        and not is_given(fold(m.group("name").split()[0]))  # "LUPU Grigore": a person
    ]
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
    r"ична|ович|евич|овна|евна))\b|"
    rf"(?P<initials>{INITIAL}\s?{INITIAL[:-2]}\.?)(?![\w.]*\s*[A-Z][a-z]))"
)


#: How a Russian patronymic ends: Ivanovich, Semenovich, Pavlovna, Il'ichna.
_PATRONYMIC_ENDINGS = "ovich|evich|yich|ovna|evna|ichna"
_CAPITALS_COMMA_GIVEN = re.compile(
    rf"(?<![\w’'-])(?P<sur>[{UPPER}]{{3,}}(?:-[{UPPER}]{{2,}})?),\s+(?P<given>[{UPPER}][{LOWER}]+)"
    rf"(?![\w’'-]|\s+[A-Z][a-z]+(?:{_PATRONYMIC_ENDINGS}))"
)
_PATRONYMIC = re.compile(rf"(?:{_PATRONYMIC_ENDINGS})$")


#: A body known by its acronym and a name or a place: "JZD Přílepy", "OO StB Holešov",
#: "UNKVD Poltava" (one body, not the acronym alone).
_NAMED_BODY = re.compile(
    rf"(?<![\w.])(?:(?:[{UPPER}]{{2,6}}|[{UPPER}][a-z]?[{UPPER}]{{1,4}})\s+)?(?P<acronym>[{UPPER}]{{2,6}}"
    rf"|[{UPPER}][a-z]?[{UPPER}]{{1,4}})\s+(?P<name>[{UPPER}][{LOWER}]+(?:\s+[{UPPER}][{LOWER}]+)?)"
    r"(?![\w’'-])"
)


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
    for match in _CAPITALS_COMMA_GIVEN.finditer(text):  # "KÄSTNER, Joachim", "BRANDT, Ursula"
        surname, given = match.group("sur"), match.group("given")
        if surname in _NOT_ACRONYMS or _ORG_WORDS.search(surname) or not is_given(fold(given)):
            continue
        usual = f"{given} {surname.title()}"
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
