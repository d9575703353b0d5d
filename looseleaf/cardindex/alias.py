"""Sentences that give a person another name: "Mornard, alias Jacson",
"Vladimir Pravdin, an NKVD assassin code-named LETCHIK", "Reiss using the
alias Eberhardt", "Nicknamed Iron Felix, Dzerzhinsky ...", "X followed her
to New York, travelling on a passport as Frank Jacson".

Each becomes a hint for the registrar (never a card-index fact by itself):
the name, the other name, and how the sentence types it (a cover name, a
code name, a nickname, an alias). Which name the other one belongs to is
read from the sentence's shape, and where the shape does not say, nothing
is hinted: an associate "known as Etienne" in a sentence about someone else
is not that someone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from looseleaf.cardindex.names import UPPER
from looseleaf.model import FormType

_NAME = rf"[{UPPER}][\w’'-]*\w(?:\s+(?:von\s+|de\s+|van\s+)?[{UPPER}][\w’'-]*\w){{0,2}}"
#: The phrases, each with the type of name it introduces.
_PHRASES: tuple[tuple[str, FormType], ...] = (
    (r"code-?named|under the code[- ]name|code[- ]name", FormType.CODE_NAME),
    (
        r"alias|a\.k\.a\.|aka|under the (?:cover |assumed |false )?name(?: of)?|"
        r"going by the name(?: of)?|using the (?:alias|name|cover name|pseudonym)|"
        r"under the (?:alias|pseudonym)|cover[- ]name|passport (?:in the name of|as)|posing as|"
        r"calling (?:himself|herself)|pseudonym|real name|true name|née",
        FormType.COVER_NAME,
    ),
    (r"nicknamed|(?:better |also |commonly )?known as", FormType.NICKNAME),
)
_PHRASE = re.compile(
    r"(?<![\w-])(?P<phrase>(?i:"
    + "|".join(f"(?:{pattern})" for pattern, _ in _PHRASES)
    + rf"))\s+(?:the\s+)?[\"“‘']?(?:the\s+)?(?P<alias>{_NAME}|[A-Z]{{3,}})"
)
_TYPES = [(re.compile(rf"^(?:{pattern})$", re.IGNORECASE), kind) for pattern, kind in _PHRASES]
#: What may stand between a name and the phrase that names it again: a comma,
#: a bracket, a short description ("an NKVD assassin").
_APPOSITION = re.compile(r"^\s*,?\s*\(?\s*(?:(?:an?|the|his|her)\s+(?:[\w-]+\s+){0,3}?)?,?\s*$")
#: A clause that tells of the sentence's subject ("..., travelling on a passport as").
_PARTICIPLE = re.compile(r",\s*[a-z]+ing\b[^,;]*$")
_PREPOSITION = re.compile(r"\b(?:with|to|by|for|from|of|on|at|against|about|into|onto)\s*$")
_TIME_OPENING = re.compile(
    r"^(?:(?:In|On|By|After|Before|During|Early|Late)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?:[A-Z][a-z]+|\d{1,4})(?:\s+\d{1,4})?|Later|Then|Soon after|Afterwards)$"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-ZА-Я])|\n\s*\n")


#: A file's or an informer's code name said to be a person: "the subject of
#: file GRANIT is Arkady Sokolov", "source KLEN is N. S. Dorofeyev", 'IM
#: "ORGEL" (Heinrich Brenneisen, born 1931', 'Emilia Sand ("Mila")'.
_HOLDER = (
    r"(?i:source|agent|informer|informant|IM|IMS|GMS|GI|resident|file|case|"
    r"operational file|cover name|code name|pseudonym)"
)
_CODE = rf"[\"“„']?(?P<code>[{UPPER}]{{3,}}(?:-[A-Z0-9]+)?)[\"”']?"
_DIRECT = (
    re.compile(rf"\b{_HOLDER}\s+{_CODE}\s+(?:is|was|=)\s+(?P<name>{_NAME})"),
    re.compile(rf"\b{_HOLDER}\s+{_CODE}\s*\(\s*(?P<name>{_NAME})\s*[,;)]"),
)
_QUOTED = re.compile(rf"(?P<name>{_NAME})\s*\(\s*[\"“„](?P<code>{_NAME})[\"”]\s*\)")


@dataclass(frozen=True)
class AliasHint:
    """A sentence that says one name is another's alias: for the registrar to confirm."""

    name: str
    alias: str
    phrase: str
    start: int
    end: int
    type: FormType = FormType.ALIAS


def hints(text: str, names: Sequence[tuple[int, int, str]]) -> list[AliasHint]:
    """The alias sentences of `text`, given the names found on it ((start,
    end, text) spans)."""
    found: list[AliasHint] = []
    # A body's initials in a description ("an NKVD assassin") are no owner.
    spans = sorted(span for span in names if not span[2].isupper())
    for match in _PHRASE.finditer(text):
        alias = trim(match.group("alias"))
        start = match.start("phrase")
        sentence = _sentence_start(text, start)
        owner = _owner(text, spans, (sentence, start, match.end()), match.group("phrase"))
        if not alias or owner is None or owner == alias or alias in owner.split():
            continue
        found.append(
            AliasHint(owner, alias, match.group("phrase"), start, match.end(), _type(match))
        )
    for pattern in _DIRECT:
        for match in pattern.finditer(text):
            name = trim(match.group("name"))
            if len(name.split()) > 1:  # a person's full name, not a word of the sentence
                found.append(
                    AliasHint(
                        name, match.group("code"), "code name", *match.span(), FormType.CODE_NAME
                    )
                )
    for match in _QUOTED.finditer(text):
        name, other = trim(match.group("name")), trim(match.group("code"))
        if len(name.split()) > 1 and other != name:
            found.append(AliasHint(name, other, "quoted", *match.span(), FormType.NICKNAME))
    return found


def _owner(
    text: str, spans: Sequence[tuple[int, int, str]], at: tuple[int, int, int], phrase: str
) -> str | None:
    """Whose other name the phrase gives; `at` is where its sentence, the
    phrase and the other name end begin and end."""
    sentence, phrase_start, alias_end = at
    before = [s for s in spans if sentence <= s[0] and s[1] <= phrase_start]
    if before:
        nearest = before[-1]
        gap = text[nearest[1] : phrase_start]
        verbal = phrase.split(maxsplit=1)[0].endswith("ing")
        objected = _PREPOSITION.search(text[sentence : nearest[0]]) is not None
        if _APPOSITION.match(gap) and not (verbal and objected):
            return nearest[2]
        first = before[0]
        leads = not text[sentence : first[0]].strip(" ,") or _opening(text[sentence : first[0]])
        if _PARTICIPLE.search(gap if first is nearest else text[first[1] : phrase_start]):
            return first[2] if leads else None
        # "Reiss had joined the service in 1921 under the alias Ludwig": the
        # subject's, where the sentence names nobody else before it.
        if phrase.lower().startswith("under") and first is nearest and leads:
            return first[2]
        return None
    if text[sentence:phrase_start].strip(" \"“‘'") == "":  # "Nicknamed X, Dzerzhinsky ..."
        after = [s for s in spans if s[0] >= alias_end]
        if after and not text[alias_end : after[0][0]].strip(" ,\"”’'"):
            return after[0][2]
    return None


def _opening(words: str) -> bool:
    """An opening phrase of time or place before the subject ("In August
    1939, ", "In June ", "Later ")."""
    if words.rstrip().endswith(",") and len(words.split()) <= 5:
        return True
    return _TIME_OPENING.match(words.strip()) is not None


def _sentence_start(text: str, position: int) -> int:
    start = 0
    for match in _SENTENCE_END.finditer(text, max(0, position - 600), position + 2):
        if match.end() > position:
            break
        start = match.end()
    return start


def _type(match: re.Match[str]) -> FormType:
    phrase = match.group("phrase")
    return next((kind for pattern, kind in _TYPES if pattern.match(phrase)), FormType.ALIAS)


def trim(name: str) -> str:
    """A name as a pattern caught it, without the punctuation around it."""
    return name.strip(" ,.;:’'\"”")
