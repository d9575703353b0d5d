"""The ways a text writes a name the card index holds: what a registrar
entered is one or two forms, a file writes a person a dozen ways (the
surname alone, in its Slavic cases, with initials before or after, a
diminutive, the Latin of a Cyrillic form, an umlaut spelled out, a
compound surname in part, a letter misread by OCR).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from looseleaf.cardindex.names import Kind, fold, given_forms, is_given, is_patronymic, parse
from looseleaf.cardindex.translit import is_cyrillic, romanisations

#: Endings a surname or given name takes in Slavic cases (folded), after its stem.
_ENDINGS = (
    "a", "u", "e", "y", "i", "om", "ym", "im", "oj", "oy", "ovi", "owi", "ego", "emu", "ej",
    "ich", "ikh", "ykh", "ow", "s", "es", "ie", "iej", "iego", "iemu", "em", "ou", "ova",
    "ovou", "eho", "owa", "owna", "ownej", "owej", "ovej", "ovu",
)  # fmt: skip
#: Adjectival surname endings (Polish -ski, Russian -sky), replaced whole.
_SKI = ("ski", "sky", "skiy", "skii", "skij", "skaya", "skaja", "ska", "skoj", "skoy")
_SKI_ENDINGS = ("i", "y", "iy", "ij", "aya", "oj", "ogo", "omu", "im", "iego", "iemu", "iej",
                "a", "ej", "ego", "emu", "ich")  # fmt: skip
#: Shortest folded variant matched alone (a surname or given name).
SHORTEST = 3
_UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}


@dataclass(frozen=True)
class Known:
    """A card-index record as the suggester needs it: its forms."""

    person_id: int
    forms: tuple[str, ...]


def owners_of(known: Sequence[Known]) -> dict[str, int | None]:
    """Folded variant -> the one record that has it (None where several do)."""
    owners: dict[str, int | None] = {}
    for record in known:
        for variant in {v for form in record.forms for v in forms_of(form)}:
            if len(variant) < SHORTEST:
                continue
            if variant in owners and owners[variant] != record.person_id:
                owners[variant] = None
            else:
                owners[variant] = record.person_id
    return owners


def forms_of(form: str) -> set[str]:
    """The folded ways a text may write `form`."""
    written = {form, "".join(_UMLAUTS.get(c, c) for c in form)}
    if is_cyrillic(form):
        written |= set(romanisations(form).values())
    found: set[str] = set()
    for each in written:
        found.add(fold(each))
        name = parse(each)
        if name.kind is not Kind.PERSON or not name.surname:
            continue
        given = [w for w in name.words if is_given(w)][:1] or list(name.given[:1])
        for surname in _surnames(name.words, name.surname):
            for stem_form in declined(surname):
                found.add(stem_form)
                found.update(_with_given(given, name.words, stem_form))
        for word in given:
            if len(word) >= 4:
                found.update(declined(word))
            found.update(short for short in given_forms(word) if len(short) >= 4)
    return found


def _surnames(words: Sequence[str], surname: str) -> list[str]:
    """The surname, and for a compound one (Ferreira Pintos, García Lorca)
    each part and the whole: a file may write either."""
    parts = [
        w
        for w in words
        if len(w) >= 4 and not is_given(w) and not is_patronymic(w) and w != surname
    ]
    found = [surname, *parts]
    if parts:
        found.append(" ".join([*parts, surname]))
    return found


def _with_given(given: Sequence[str], words: Sequence[str], surname: str) -> set[str]:
    found: set[str] = set()
    for first in given[:1]:
        found |= {f"{first} {surname}", f"{first[0]}. {surname}", f"{surname} {first[0]}.",
                  f"{surname} {first}"}  # fmt: skip
        for short in given_forms(first):
            if len(short) >= 4:
                found.add(f"{short} {surname}")
        if len(words) == 3 and is_patronymic(words[1]):
            a, b = first[0], words[1][0]
            found |= {f"{a}. {b}. {surname}", f"{a}.{b}. {surname}", f"{surname} {a}. {b}.",
                      f"{surname} {a}.{b}."}  # fmt: skip
    return found


def declined(surname: str) -> set[str]:
    """A folded name and the forms its case endings give it (Sokolov,
    Sokolova, Sokolovym; Kaczmarek, Kaczmarka; Šimek, Šimkovi)."""
    base = fold(surname)
    stems = {base}
    for ending in _SKI:
        if base.endswith(ending):
            stems.add(base[: -len(ending)] + "sk")
    if base.endswith("a") and len(base) > 4:
        stems.add(base[:-1])
    if len(base) > 4 and base[-2] == "e" and base[-1] in "kcl":  # a fleeting e
        stems.add(base[:-2] + base[-1])
    found = {base}
    for stem in stems:
        found.update(stem + ending for ending in _ENDINGS)
        if stem.endswith("sk"):
            found.update(stem + ending for ending in _SKI_ENDINGS)
    return found


def owner(written: str, owners: dict[str, int | None]) -> int | None:
    """The record a name found by pattern is a form of: the whole name, or
    else its last word, as a variant (or one letter off one, for OCR)."""
    if is_cyrillic(written):
        for latin in romanisations(written).values():
            found = owner(latin, owners)
            if found is not None:
                return found
        return None
    key = fold(written)
    if key in owners:
        return owners[key]
    words = key.split()
    named = {owners[w] for w in words if owners.get(w) is not None}
    if len(named) == 1:  # one record's given name beside a surname two share
        return named.pop()
    for word in (words[-1:] + words[:1]) if words else []:
        if word in owners:
            return owners[word]
    last = words[-1] if words else key
    if len(last) >= 5:
        near = {owners[v] for v in owners if " " not in v and one_apart(last, v)}
        if len(near) == 1:
            return near.pop()
    return None


def one_apart(a: str, b: str) -> bool:
    """Two folded words one misread letter apart (OCR's "rn" for "m" counted as one)."""
    a, b = a.replace("rn", "m"), b.replace("rn", "m")
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
