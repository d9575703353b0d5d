"""Which spans of a leaf identify a person: the suggestions a custodian
signs off or corrects.

Three sources, each for what it does well. The card index: every form of
every record, with the forms a text also writes them in (a surname alone,
its case endings, initials, the Latin of a Cyrillic form), matched through
Presidio's deny-list recogniser; the names ingest already linked on the leaf.
The name patterns, for names no record holds yet. Presidio's pattern and
phone recognisers for what identifies a person without a name: a date of
birth, an address, an identity number, a telephone number. A name no record
holds, or one two records share, is suggested without a record: it then
counts as private, the safe side (a miss is a leak; a custodian can remove a
span, never find one that was never shown).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from looseleaf.cardindex.extract import fold_with_offsets, unaided
from looseleaf.cardindex.names import Kind, fold, given_forms, is_title, parse
from looseleaf.cardindex.translit import is_cyrillic, romanisations
from looseleaf.redaction.spans import Span

#: Endings a surname takes in Slavic cases (folded), after its stem.
_ENDINGS = (
    "a",
    "u",
    "e",
    "y",
    "om",
    "ym",
    "im",
    "oj",
    "oy",
    "ovi",
    "ego",
    "emu",
    "ej",
    "ich",
    "ikh",
    "ykh",
    "ow",
    "owi",
    "s",
    "es",
    "ie",
    "iej",
    "iego",
    "iemu",
)
_SKI = ("ski", "sky", "skiy", "skii", "skij", "skaya", "skaja", "ska", "skoj", "skoy")
#: Shortest folded variant matched alone (a surname or given name).
_SHORTEST = 3


@dataclass(frozen=True)
class Known:
    """A card-index record as the suggester needs it: its forms."""

    person_id: int
    forms: tuple[str, ...]


def suggest(
    text: str,
    known: Sequence[Known],
    linked: Sequence[tuple[int, int, int | None]] = (),
    earlier: Sequence[str] = (),
) -> list[Span]:
    """Every span of `text` that identifies a person, leftmost first, none
    overlapping another: names (with the record they are a form of, where
    exactly one record has that form) and identifiers."""
    owners = _variants(known)
    found: list[Span] = []
    for first, end, person_id in linked:
        start = _untitled(text, first, end)
        found.append(Span(start, end, "name", person_id, text[start:end], "linked at ingest"))
    for hit in _deny_list(tuple(sorted(owners)), text):
        owner = owners.get(fold(text[hit[0] : hit[1]]))
        found.append(
            Span(hit[0], hit[1], "name", owner, text[hit[0] : hit[1]], "a form of a record")
        )
    for mention in unaided(text, model=False, earlier=earlier):
        if parse(mention.text).kind is not Kind.PERSON or mention.text.isupper():
            continue
        start = _untitled(text, mention.start, mention.end)
        written = text[start : mention.end]
        owner = _owner(written, owners)
        found.append(Span(start, mention.end, "name", owner, written, "name-shaped"))
    for start, end, kind in _identifiers(text):
        found.append(Span(start, end, kind, None, text[start:end], kind.replace("_", " ")))
    return _resolved(found)


#: Words before a cover name that are not part of it.
_COVER_WORDS = frozenset({"agent", "informer", "im", "ims", "gms", "source", "resident", "secret"})


def _untitled(text: str, start: int, end: int) -> int:
    """Where a name begins once the titles and ranks before it are left out
    ("Captain Orlov", "Agent Lerche": the rank tells nobody who it was)."""
    written = text[start:end]
    while " " in written.strip():
        head, rest = written.split(" ", 1)
        if not (is_title(head) or head.lower().strip(".\"'“”") in _COVER_WORDS):
            break
        written = rest.lstrip()
    return end - len(written)


def _variants(known: Sequence[Known]) -> dict[str, int | None]:
    """Folded form -> the one record that has it (None where several do)."""
    owners: dict[str, int | None] = {}
    for record in known:
        for variant in {v for form in record.forms for v in _forms_of(form)}:
            if len(variant) < _SHORTEST:
                continue
            if variant in owners and owners[variant] != record.person_id:
                owners[variant] = None
            else:
                owners[variant] = record.person_id
    return owners


def _forms_of(form: str) -> set[str]:
    """The ways a text may write a form: itself, its Latin readings if it
    is Cyrillic, the surname alone and in its case endings, given name and
    surname without the patronymic, initials and surname, the given name's
    usual short forms."""
    written = {form}
    if is_cyrillic(form):
        written |= set(romanisations(form).values())
    found: set[str] = set()
    for each in written:
        name = parse(each)
        if name.kind is not Kind.PERSON:
            found.add(fold(each))
            continue
        found.add(fold(each))
        surname = name.surname
        if not surname:
            continue
        for stem_form in _declined(surname):
            found.add(stem_form)
            for given in name.given[:1]:
                found.add(f"{given} {stem_form}")
                found.add(f"{given[0]}. {stem_form}")
                for short in given_forms(given):
                    if len(short) >= 4:
                        found.add(short)
                        found.add(f"{short} {stem_form}")
            if len(name.words) == 3:  # given name, patronymic, surname
                first, middle = name.words[0][0], name.words[1][0]
                found.add(f"{first}. {middle}. {stem_form}")
                found.add(f"{first}.{middle}. {stem_form}")
                found.add(f"{stem_form} {first}. {middle}.")
                found.add(f"{stem_form} {first}.{middle}.")
        found.update(fold(g) for g in name.given[:1] if len(g) >= 4)
    return found


def _declined(surname: str) -> set[str]:
    """A folded surname and the forms its case endings give it."""
    base = fold(surname)
    stems = {base}
    for ending in _SKI:
        if base.endswith(ending):
            stems.add(base[: -len(ending)] + "sk")
    if base.endswith("a") and len(base) > 4:
        stems.add(base[:-1])
    found = {base}
    for stem in stems:
        found.update(stem + ending for ending in _ENDINGS)
        if stem.endswith("sk"):
            found.update(
                stem + ending
                for ending in (
                    "i",
                    "y",
                    "iy",
                    "ij",
                    "aya",
                    "oj",
                    "ogo",
                    "omu",
                    "im",
                    "iego",
                    "iemu",
                    "iej",
                )
            )
    return found


def _owner(written: str, owners: dict[str, int | None]) -> int | None:
    """The record a name found by pattern is a form of: the whole name, or
    else its last word, as a variant (or one letter from one, for OCR)."""
    key = fold(written)
    if key in owners:
        return owners[key]
    last = key.split()[-1] if key.split() else key
    if last in owners:
        return owners[last]
    if len(last) >= 5:
        near = {owners[v] for v in owners if " " not in v and _one_apart(last, v)}
        if len(near) == 1:
            return near.pop()
    return None


def _one_apart(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b or a[:2] != b[:2]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _resolved(found: list[Span]) -> list[Span]:
    """Overlapping spans become one, the widest extent; a name's record is
    the one a linked or known form gives, never guessed between two."""
    ordered = sorted(found, key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if kept and span.start < kept[-1].end:
            last = kept[-1]
            people = {p for p in (last.person_id, span.person_id) if p is not None}
            kind = last.kind if last.kind == "name" or span.kind != "name" else span.kind
            end = max(last.end, span.end)
            kept[-1] = Span(
                last.start,
                end,
                kind,
                people.pop() if len(people) == 1 else None,
                last.text if end == last.end else last.text[: span.start - last.start] + span.text,
                last.reason,
            )
        else:
            kept.append(span)
    return kept


def _deny_list(variants: tuple[str, ...], text: str) -> list[tuple[int, int]]:
    """Where the folded variants occur in `text` as capitalised whole words
    (Presidio's deny-list recogniser over the folded text)."""
    if not variants:
        return []
    folded, origin = fold_with_offsets(text)
    recogniser = _deny_recogniser(variants)
    found = []
    for result in recogniser.analyze(folded, entities=["PERSON"]):
        start, end = origin[result.start], origin[result.end - 1] + 1
        if text[start : start + 1].isupper():
            found.append((start, end))
    return found


@lru_cache(maxsize=4)
def _deny_recogniser(variants: tuple[str, ...]) -> Any:
    from presidio_analyzer import PatternRecognizer

    return PatternRecognizer(supported_entity="PERSON", deny_list=list(variants))


def _identifiers(text: str) -> list[tuple[int, int, str]]:
    from looseleaf.redaction.recognisers import identifiers

    return identifiers(text)
