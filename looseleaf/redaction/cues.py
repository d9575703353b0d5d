"""Names a file gives away by how it writes them, whether or not the card
index knows them: a word in quotes where files put cover names and the
names observers give ("Maler", IM "Lerche"), a rank before a surname, a
surname with initials after it ("Bąk R."), a run of Cyrillic capitals;
and, once a name is found, every other place the page writes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from looseleaf.cardindex.names import fold, is_given, is_title
from looseleaf.evidence.dates import MONTHS

_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐЎ][\wÀ-ÿĀ-žА-яёіїєґў'’-]*"
#: A quoted word or two, capitalised: "Maler", „Lerche“, «Volga».
_QUOTED = re.compile(rf"[\"“„«‚']({_WORD}(?:[ -]{_WORD})?)[\"”“»‘']")
#: Words before a quotation that make it a thing's name, not a person's.
_THINGS_BEFORE = re.compile(
    r"(?i:\b(?:operation|operativ\w*|action|aktion|case|file|plan|vorgang|op|ov|ok|sprawa|"
    r"akcja|newspaper|journal|magazine|book|film|song|poem|hotel|cafe|café|restaurant|bar|"
    r"factory|plant|works|kombinat|ship|station|camp|prison|street|titled|entitled|headed|"
    r"heading|marked|stamp|codeword|password|centre|center|centro|cárcel|prisión|penal|campo|"
    r"lager|hospital|clinic|barracks|estadio|stadium|club|party|union|group|organisation|"
    r"organization)\b[\s\w-]{0,12}|\b(?:to|into|towards?)\s*)$"
)
#: Ranks and forms of address, abbreviated as files write them.
_RANKS = (
    r"(?:Lt|Ltn|Lieut|Capt|Cpt|Maj|Col|Gen|Sgt|Cpl|Pvt|Insp|Kpt|Mjr|Płk|Por|Ppor|Chor|St\.\s?Lt|"
    r"Leutnant|Oberleutnant|Hauptmann|Oberst|Oberstleutnant|Unterleutnant|Feldwebel|Kapitän|"
    r"Kapitan|Porucznik|Kapral|Sierżant|Podpułkownik|Pułkownik|Kapitán|Poručík|Nadporučík|"
    r"Major|Mayor|Teniente|Capitán|Sargento|Coronel|Cabo|Comisario|Inspector|Sub-?comisario|"
    r"Starshina|Serzhant|Starshiy|Mladshiy|Leytenant|Kapitan|Polkovnik|Podpolkovnik|Genosse|"
    r"Genossin|Comrade|Citizen|Citizeness|Obywatel|Obywatelka|Pan|Pani|Herr|Frau|Fräulein|"
    r"Señor|Señora|Don|Doña|Dr|Prof|Ing|Mgr|Ob\.?-?Ltn|Uffz|Hptm|Oltn|Ultn|Stabsfeldwebel)"
)
_RANKED = re.compile(rf"\b{_RANKS}\.?\s+({_WORD}(?:\s+{_WORD})?)")
_INITIAL = r"[A-ZÀ-ÞĀ-ŽА-ЯЁІЇЄ]\.(?:\s?-?[A-ZÀ-ÞĀ-ŽА-ЯЁІЇЄ]\.)*"
#: A surname and the initials after it: "Bąk R.", "Shilova T.", "Kozyrev V. I.".
_CARD = re.compile(rf"\b({_WORD})\s+({_INITIAL}(?:\s?{_INITIAL})?)(?![\wÀ-ÿ])")
#: Two or three capitalised Cyrillic words: "Савчук Микола Іванович".
_CYRILLIC = re.compile(r"[А-ЯЁІЇЄҐЎ][а-яёіїєґў'’-]+(?:\s+[А-ЯЁІЇЄҐЎ][а-яёіїєґў'’-]+){1,2}")
#: Words that begin sentences or name things, never persons.
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "of",
        "and",
        "but",
        "for",
        "with",
        "from",
        "by",
        "to",
        "as",
        "it",
        "he",
        "she",
        "they",
        "we",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "there",
        "then",
        "when",
        "where",
        "what",
        "which",
        "who",
        "after",
        "before",
        "during",
        "since",
        "report",
        "object",
        "team",
        "order",
        "note",
        "signed",
        "typed",
        "copy",
        "page",
        "case",
        "file",
        "date",
        "time",
        "place",
        "address",
        "street",
        "room",
        "cell",
        "block",
        "no",
        "nr",
        "subject",
        "re",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "question",
        "answer",
        "protocol",
        "statement",
        "born",
        "col",
        "labor",
        "agent",
        "photographs",
        "decision",
        "list",
    ]
) | frozenset(MONTHS)


def joined(text: str) -> tuple[str, list[int]]:
    """`text` with words broken at a line's end joined ("Dabrow-\\nska"), and
    for each character where it came from."""
    out: list[str] = []
    origin: list[int] = []
    index = 0
    for match in re.finditer(r"(?<=[a-zà-ÿā-žа-яё])[-¬]\n[ \t]*(?=[a-zà-ÿā-žа-яё])", text):
        out.append(text[index : match.start()])
        origin.extend(range(index, match.start()))
        index = match.end()
    out.append(text[index:])
    origin.extend(range(index, len(text)))
    origin.append(len(text))
    return "".join(out), origin


#: What OCR misreads in names: "rn" for "m", a zero for an O.
_MISREAD = re.compile(r"rn|(?<![\d])0(?=[a-zA-Zà-ÿ])")


def misread(text: str) -> tuple[str, list[int]] | None:
    """`text` as it was before OCR's usual misreadings ("Tornasz" for
    "Tomasz", "0lszak" for "Olszak"), with each character's origin; None
    where there is none to undo."""
    if not _MISREAD.search(text):
        return None
    out: list[str] = []
    origin: list[int] = []
    at = 0
    for match in _MISREAD.finditer(text):
        out.append(text[at : match.start()])
        origin.extend(range(at, match.start()))
        out.append("m" if match.group() == "rn" else "O")
        origin.append(match.start())
        at = match.end()
    out.append(text[at:])
    origin.extend(range(at, len(text)))
    origin.append(len(text))
    return "".join(out), origin


def quoted(text: str) -> list[tuple[int, int]]:
    """Quoted capitalised words that are not a thing's name."""
    found = []
    for match in _QUOTED.finditer(text):
        if _THINGS_BEFORE.search(text, max(0, match.start() - 40), match.start()):
            continue
        if fold(match.group(1)) in _NOT_NAMES:
            continue
        found.append(match.span(1))
    return found


def ranked(text: str) -> list[tuple[int, int]]:
    """The surname (or given name and surname) after a rank or form of address."""
    found = []
    for match in _RANKED.finditer(text):
        words = match.group(1).split()
        while words and fold(words[-1]) in _NOT_NAMES:
            words.pop()
        if words and fold(words[0]) not in _NOT_NAMES and not is_title(words[0]):
            start = match.start(1)
            found.append((start, start + len(" ".join(words))))
    return found


def card_order(text: str) -> list[tuple[int, int]]:
    """A surname followed by initials."""
    return [
        (m.start(), m.end())
        for m in _CARD.finditer(text)
        if fold(m.group(1)) not in _NOT_NAMES and not is_title(m.group(1))
    ]


def cyrillic(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CYRILLIC.finditer(text)]


def widened(text: str, start: int, end: int) -> tuple[int, int]:
    """A name's span with the initials and given names written against it
    taken in ("H.-J. Reiter", "Jerzv Wisniewski", "Rosa Morales C.")."""
    while True:
        before = re.search(rf"(?:({_INITIAL})|({_WORD}))[ \t]+$", text[max(0, start - 40) : start])
        if before is None:
            break
        word = before.group(0).strip()
        if before.group(1) or _given_like(word):
            start -= len(before.group(0))
        else:
            break
    while True:
        after = re.match(rf"[ \t]+(?:({_INITIAL})(?![\wÀ-ÿ])|({_WORD}))", text[end : end + 40])
        if after is None:
            break
        word = after.group(0).strip()
        alone = " " not in text[start:end].strip() and _given_like(text[start:end])
        surname = alone and fold(word) not in _NOT_NAMES and not is_title(word)
        if after.group(1) or _given_like(word) or surname:  # "Casimir Orloff"
            end += len(after.group(0))
        else:
            break
    return start, end


def _given_like(word: str) -> bool:
    """A given name, or one letter off one (OCR)."""
    folded = fold(word).replace("0", "o")
    if folded in _NOT_NAMES or len(folded) < 3:
        return False
    if is_given(folded):
        return True
    if len(folded) < 5:  # a short word one letter off a name is any word
        return False
    return any(is_given(folded[:i] + c + folded[i + 1 :]) for i in range(len(folded))
               for c in "aeiouyszmnl")  # fmt: skip


def repeated(text: str, names: Iterable[str]) -> list[tuple[int, int, str]]:
    """Every other capitalised, whole-word place the page writes a name
    already found (its last word, or the whole of a one-word name)."""
    words = {
        fold(name.split()[-1]).strip(".")
        for name in names
        if name.split() and len(name.split()[-1]) >= 4
    }
    words = {w for w in words if w not in _NOT_NAMES and not w.endswith(".")}
    found = []
    for match in re.finditer(_WORD, text):
        key = fold(match.group()).rstrip("'’s")
        if key in words or fold(match.group()) in words:
            found.append((match.start(), match.end(), fold(match.group())))
    return found


def spans_of(found: Sequence[tuple[int, int]], origin: Sequence[int]) -> list[tuple[int, int]]:
    """Spans of the joined text as spans of the text it was made from."""
    return [(origin[a], origin[b - 1] + 1) for a, b in found if b > a]
