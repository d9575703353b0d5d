"""A name form taken apart: title, given names, initials, patronymic, surname,
and the spelling keys that let Dzerzhinsky, Dserschinski and Dzierżyński meet.

Parsing is deliberately shallow and explainable. It knows the habits of the
files we hold (Russian patronymics, "SURNAME, Given" card order, titles that
say more than the name, followers named after their leader, OCR damage at
the start of a word) and nothing else; every decision it makes can be shown
to a registrar as a reason.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from importlib import resources

from looseleaf.cardindex import lexicon, translit

#: Every capital and every small letter of the alphabets archives hold (Latin
#: with its extensions: Polish Ł and Ż, Czech Ř and Š, Latvian Ā and Ņ;
#: Greek; Cyrillic), as the inside of a regular-expression class: the
#: standard library's `re` has no `\p{Lu}`.
UPPER = re.escape("".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper()))
#: An initial as transliteration writes it: "A.", and "Ya.", "Yu.", "Zh.", "Kh." for one
#: Russian letter.
INITIAL = r"(?:Ya|Yu|Ye|Yo|Zh|Kh|Ch|Sh|Ts|[A-Z])\."
LOWER = re.escape("".join(chr(c) for c in range(0x61, 0x530) if chr(c).islower()))


class Kind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"


_GENDERED_TITLES = {
    "mrs": "f", "madame": "f", "mme": "f", "miss": "f", "ms": "f", "frau": "f", "lady": "f",
    "mr": "m", "herr": "m", "monsieur": "m", "sir": "m", "lord": "m", "king": "m", "tsar": "m",
    "czar": "m", "prince": "m", "duke": "m", "count": "m", "queen": "f", "princess": "f",
    "emperor": "m", "empress": "f", "tsarina": "f",
}  # fmt: skip
_TITLES = set(_GENDERED_TITLES) | {
    "dr", "doctor", "professor", "prof", "comrade", "colonel", "general", "major", "marshal",
    "admiral", "captain", "commissar", "president", "burgomaster", "grand", "lieutenant",
    "saint", "st", "father", "reverend", "rev", "judge", "minister", "senator", "citizen",
    "premier", "chancellor", "sergeant", "bishop", "governor", "inspector", "ambassador",
    "prosecutor",
}  # fmt: skip


def is_title(word: str) -> bool:
    """A title or rank before a name ("Captain", "Dr."), not part of it."""
    return _clean(word.lower()).rstrip(".") in _TITLES or word.lower().rstrip(".") in _TITLES


#: Titles that say nothing about which of two namesakes is meant.
_GENERIC_TITLES = {"comrade", "citizen", "mr", "mrs", "madame", "mme", "miss", "ms", "herr", "frau"}
_PARTICLES = {"von", "van", "de", "del", "della", "di", "da", "du", "le", "la", "al", "el", "der"}
_ORG_WORDS = {
    "group", "ring", "institute", "theatre", "theater", "archive", "archives", "committee",
    "commissariat", "directorate", "administration", "international", "party", "union",
    "ministry", "department", "bureau", "council", "society", "league", "army", "regiment",
    "security", "police", "office", "service", "agency", "section", "division", "academy",
    "university", "press", "publishers", "museum", "library", "cell", "network", "faction",
    "bloc", "centre", "center", "trust", "organisation", "organization", "affairs",
}  # fmt: skip
_GROUP_WORDS = {"group", "ring", "cell", "network", "faction", "bloc", "centre", "center"}
_FOLLOWER = re.compile(r"(?:ites?|ists?|isms?|ians?)$")
_PATRONYMIC_END = re.compile(r"(?:ovich|evich|ovitch|evitch|ich|ovna|evna|ichna)$")
_SUFFIXES = {"jr": "jr", "junior": "jr", "younger": "jr", "sr": "sr", "senior": "sr", "elder": "sr"}
_ROMAN = re.compile(r"^(?:i{1,3}|iv|vi{0,3}|ix|xi{0,3})$")
_FEMININE = re.compile(r"(?:ova|eva|ina|yna|aya|skaya|tskaya|ska|cka)$")
_MASCULINE = re.compile(r"(?:ov|ev|yov|in|yn|sky|ski|skiy|skii|skij|tsky|zky|vich|vitch)$")
# A word broken at a line end by OCR: "Zin.. oviev", "Zin-’ oviev".
_BROKEN = re.compile(r"(\w)[-¬.’'´`]+\s+(?=[a-z])")
_POSSESSIVE = re.compile(r"['’^]s\b")


@cache
def _given_names() -> tuple[dict[str, int], dict[int, str]]:
    groups: dict[str, int] = {}
    genders: dict[int, str] = {}
    text = resources.files("looseleaf.cardindex").joinpath("data/given_names.txt").read_text()
    for number, line in enumerate(text.splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        gender, *forms = line.split()
        genders[number] = gender
        for form in forms:
            groups.setdefault(form, number)
    return groups, genders


def given_group(word: str) -> int | None:
    """Which given name `word` is (Lev and Leon are one), if the table knows it."""
    return _given_names()[0].get(word)


def given_forms(word: str) -> frozenset[str]:
    """Every form of the given name `word` (itself alone if the table does not know it)."""
    groups = _given_names()[0]
    number = groups.get(word)
    if number is None:
        return frozenset({word})
    return frozenset(form for form, group in groups.items() if group == number)


def given_gender(word: str) -> str | None:
    groups, genders = _given_names()
    number = groups.get(word)
    if number is None:  # dictionaries disagree across languages (Valentine): no guess
        return None
    gender = genders.get(number)
    return gender if gender in ("m", "f") else None


def is_patronymic(word: str) -> bool:
    """A father's name (Semyonovich, Pavlovich, Lvovna), not a surname of that
    shape (Kaganovich, Rabinovich): its stem is a given name."""
    if translit.is_cyrillic(word):
        return lexicon.is_patronymic_word(word)
    folded = fold(word)
    end = _PATRONYMIC_END.search(folded)
    if end is None or end.start() < 2:
        return False
    stem = folded[: end.start()]
    if end.group().startswith(("ov", "ev")):  # Semyon-ovich, Pavl-ovich, Serge-evich, Lv-ovna
        stems = {stem, stem[:-1] + "e" + stem[-1], stem + "y", stem + "i", stem[:-1]}
    else:  # Ily-ich, Kuzm-ich, Fom-inichna: a name in -a; never Heinr-ich
        stems = {stem + "a", stem + "ya"}
    return any(is_given(candidate) for candidate in stems)


def is_given(word: str) -> bool:
    """Is the folded `word` a given name, in our table or any dictionary's?"""
    return given_group(word) is not None or lexicon.is_given(word)


def fold(text: str) -> str:
    """Lower case, no diacritics, ł as l: the form people type into a search box."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Name:
    form: str
    kind: Kind
    title: str | None
    gender: str | None
    given: tuple[str, ...]
    initials: tuple[str, ...]
    surname: str
    regnal: str | None
    words: tuple[str, ...]
    damaged: bool
    keys: frozenset[str]

    @property
    def bare(self) -> bool:
        """Only a surname (or one word): who it names depends on context."""
        return not self.given and not self.initials


@lru_cache(maxsize=65536)
def parse(form: str) -> Name:
    cyrillic = translit.is_cyrillic(form)
    # A Cyrillic name is read in the nominative (Троцкого is Троцкий); where
    # the case is unclear (Петрова: Petrov's, or Petrova) every reading is a
    # key and the surname says nothing of sex.
    if cyrillic:
        form_words = [lexicon.nominatives(word)[0] for word in form.split()]
        latin = translit.romanise(" ".join(form_words))
    else:
        latin = form
    text = _POSSESSIVE.sub("", _BROKEN.sub(r"\1", latin.strip()))
    damaged = bool(text) and not (text[0].isupper() or text[0].isdigit())
    if "," in text:  # card order: "Trotsky, Leon"
        before, _, after = text.partition(",")
        text = f"{after} {before}"
    raw = text.split()
    pairs = [(token, _clean(token)) for token in raw if _clean(token)]
    words = tuple(word for _, word in pairs)
    title_words: list[str] = []
    while len(pairs) > 1 and pairs[0][1] in _TITLES:
        title_words.append(pairs.pop(0)[1])
    regnal = None
    if (
        len(pairs) > 1
        and _ROMAN.match(pairs[-1][1])
        and pairs[-1][0].isupper()
        and not (len(pairs[-1][1]) == 1 and pairs[-1][0].endswith("."))  # "Efimov I.": an initial
    ):
        regnal = pairs.pop()[1]
    elif len(pairs) > 1 and pairs[-1][1] in _SUFFIXES:  # father and son: Jr., the elder
        regnal = _SUFFIXES[pairs.pop()[1]]
        if len(pairs) > 1 and pairs[-1][1] == "the":
            pairs.pop()
    pairs = _name_order(pairs)
    kind = _kind(raw, words)
    names = [word for _, word in pairs if word not in _PARTICLES] or [word for _, word in pairs]
    if kind is Kind.GROUP:
        names = [word for word in names if word not in _GROUP_WORDS] or names
    elif kind is Kind.PERSON and len(names) == 1 and _is_followers(names[0]):
        kind, names = Kind.GROUP, [_FOLLOWER.sub("", names[0])]
    given, initials = _given_and_initials(names[:-1] if kind is Kind.PERSON else [])
    surname = names[-1] if kind is Kind.PERSON and names else " ".join(names)
    written = next((token.lower() for token, word in reversed(pairs) if word == surname), surname)
    readings = _readings(form, surname) if cyrillic else ()
    return Name(
        form=form,
        kind=kind,
        title=" ".join(title_words) or None,
        gender=_gender(
            title_words, given, surname if kind is Kind.PERSON and len(readings) < 2 else ""
        ),
        given=given,
        initials=initials,
        surname=surname,
        regnal=regnal,
        words=words,
        damaged=damaged,
        keys=_keys(readings, written, surname),
    )


def _readings(form: str, surname: str) -> tuple[str, ...]:
    """The nominatives of the Cyrillic word that is the surname, wherever the
    form writes it (last, or first in card order)."""
    for word in form.split():
        readings = lexicon.nominatives(word)
        if _clean(translit.romanise(readings[0])) == surname:
            return readings
    return ()


def _name_order(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Given names first: a card or a Russian file writes the surname first
    ("Резник М. Б.", "Соколов Аркадий Павлович", "Орлик Стефан")."""
    if len(pairs) < 2 or len(pairs[0][1]) == 1:
        return pairs
    rest = [word for _, word in pairs[1:]]
    initials = all(len(word) == 1 for word in rest)
    given_after = is_given(rest[0]) and not is_given(pairs[0][1])
    if initials or (given_after and (len(rest) == 1 or _PATRONYMIC_END.search(rest[-1]))):
        return pairs[1:] + pairs[:1]
    return pairs


def _is_followers(word: str) -> bool:
    """Trotskyists, Zinovievites: the followers, not the man."""
    return len(word) > 6 and bool(_FOLLOWER.search(word))


def _kind(raw: list[str], words: tuple[str, ...]) -> Kind:
    if len(raw) == 1 and _is_acronym(raw[0]):
        return Kind.ORGANISATION
    if any(word in _GROUP_WORDS for word in words):
        return Kind.GROUP
    if len(words) > 1 and any(word in _ORG_WORDS for word in words):
        return Kind.ORGANISATION
    return Kind.PERSON


def _given_and_initials(words: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Given names and initials; patronymics (Mironovich) are dropped, since
    one file gives them and another does not."""
    given = tuple(w for w in words if len(w) > 1 and not is_patronymic(w))  # not Heinrich
    return given, tuple(w for w in words if len(w) == 1)


def _clean(token: str) -> str:
    folded = fold(token)
    return "".join(c for c in folded if c.isalnum())


def _is_acronym(token: str) -> bool:
    """NKVD, G.P.U., OGPU; but not FALKE or LETCHIK, code names written in capitals."""
    letters = [c for c in token if c.isalpha()]
    if not (2 <= len(letters) <= 5 and all(c.isupper() for c in letters)):
        return False
    vowels = sum(c in "AEIOUY" for c in letters)
    return len(letters) <= 4 or vowels <= 1


def _gender(titles: list[str], given: tuple[str, ...], surname: str) -> str | None:
    for title in titles:
        if title in _GENDERED_TITLES:
            return _GENDERED_TITLES[title]
    for word in given[:1]:
        gender = given_gender(word)
        if gender:
            return gender
    if len(surname) > 4 and _FEMININE.search(surname):
        return "f"
    if len(surname) > 3 and _MASCULINE.search(surname):
        return "m"
    return None


def _keys(readings: tuple[str, ...], written: str, surname: str) -> frozenset[str]:
    if " " in surname:
        return frozenset({" ".join(english_key(word) for word in surname.split())})
    if readings:
        spellings = [
            translit.romanise(last, system).lower()
            for last in readings
            for system in translit.System
        ]
        return frozenset(key for spelling in spellings for key in skeletons(spelling))
    return skeletons(written) | skeletons(surname)


# Each hypothesis reads a Latin spelling as one language would have written
# the Russian sounds, and rewrites it into a common alphabet: Z for Ж, S for
# Ш/Щ, C for Ч, K for Х, T for Ц.
_GERMAN = [
    ("schtsch", "S"), ("tsch", "C"), ("sch", "S"), ("ch", "K"), ("tz", "T"), ("z", "T"),
    ("s(?=[aeiouy])", "z"), ("w", "v"), ("j", "y"),
]  # fmt: skip
_FRENCH = [("tch", "C"), ("ch", "S"), ("j", "Z"), ("ou", "u")]
_POLISH = [("szcz", "S"), ("sz", "S"), ("cz", "C"), ("ch", "K"), ("rz", "Z"), ("w", "v")]
_ENGLISH = [
    ("shch", "S"), ("sch", "S"), ("tch", "C"), ("ch", "C"), ("zh", "Z"), ("kh", "K"),
    ("sh", "S"), ("ts", "T"), ("tz", "T"), ("ph", "f"), ("th", "t"), ("gh", "g"), ("ck", "k"),
    ("x", "ks"), ("w", "v"), ("q", "k"), ("oo", "u"), ("ou", "u"), ("j", "y"),
]  # fmt: skip
_VOWEL = "aeiouy"


def skeletons(word: str) -> frozenset[str]:
    """The spelling keys of one folded word, one per language that could have written it."""
    word = "".join(c for c in word if c.isalpha())
    if not word:
        return frozenset()
    spellings = {word}
    if any(mark in word for mark in _UMLAUTS):
        spellings.add("".join(_UMLAUTS.get(c, c) for c in word))
    keys = {
        _finish(_rewrite(_rewrite(_marks(spelling), rules), _ENGLISH))
        for spelling in spellings
        for rules in ([], _GERMAN, _FRENCH, _POLISH)
    }
    # The letters as written, for OCR damage that a digraph rule would hide
    # (Radck is Radek with e read as c, but ck would become k).
    keys.add(re.sub(r"(.)\1+", r"\1", fold(word)))
    return frozenset(keys)


_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue"}


def english_key(word: str) -> str:
    """The one key of a word read as English spelling: for names of things, not people."""
    return _finish(_rewrite(_marks(word), _ENGLISH))


def _marks(word: str) -> str:
    for mark, symbol in (("ż", "Z"), ("ž", "Z"), ("š", "S"), ("ŝ", "S"), ("ś", "s"), ("č", "C")):
        word = word.replace(mark, symbol)
    return fold(word)


def _rewrite(word: str, rules: list[tuple[str, str]]) -> str:
    for pattern, symbol in rules:
        word = re.sub(pattern, symbol, word)
    return word


def _finish(word: str) -> str:
    # y is a consonant at the start (Yezhov), a vowel elsewhere (Trotsky).
    word = word[:1] + word[1:].replace("y", "i")
    word = re.sub(r"(?<=[^aeiou])ie", "e", word)
    word = re.sub(r"(?<=[bdfgklmnprstvzZSCKT])h", "", word)
    return re.sub(r"(.)\1+", r"\1", word)


def initials_of(text: str) -> str:
    """The first letters of a person's given names as written ("A. S. Rudenko",
    "Anatoly Rudenko", "Rudenko A. S.": "as", "a", "as"; "" for a surname or a
    title and a surname): two names of one surname whose initials disagree
    (neither a start of the other) name two persons."""
    name = parse(text)
    if name.initials:
        return "".join(name.initials)
    words = [w for w in name.words if w not in {name.title, name.surname}]
    return "".join(word[0] for word in words)
