"""Which spans of a leaf identify a person: the suggestions a custodian
signs off or corrects.

Four sources, each for what it does well. The card index: every form of
every record, and the forms a text also writes them in (`variants`),
matched by the card index's own gazetteer (one Aho-Corasick automaton;
Presidio's deny-list recogniser, one regular expression, took 45 times as
long a page on the labelled set), and the names ingest already linked on
the leaf. The name patterns, for names no record holds yet. The way files
write names (`cues`: quotation marks, ranks, initials after a surname);
every name found, wherever else the page writes it. Presidio's pattern and
phone recognisers for what identifies a person without a name
(`recognisers`). Words broken at a line's end are joined first.

A name no record holds, or one two records share, is suggested without a
record: it then counts as private, the safe side (a miss is a leak; a
custodian can remove a span, never find one that was never shown).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from looseleaf.cardindex.extract import Gazetteer, unaided
from looseleaf.cardindex.names import Kind, is_title, parse
from looseleaf.redaction import cues
from looseleaf.redaction.recognisers import identifiers
from looseleaf.redaction.spans import Span
from looseleaf.redaction.variants import Known, owner, owners_of

__all__ = ["Known", "suggest"]

#: Words before a cover name that are not part of it.
_COVER_WORDS = frozenset({"agent", "informer", "im", "ims", "gms", "tw", "source", "resident",
                          "secret", "object", "objekt", "obiekt"})  # fmt: skip


def suggest(
    text: str,
    known: Sequence[Known],
    linked: Sequence[tuple[int, int, int | None]] = (),
    earlier: Sequence[str] = (),
) -> list[Span]:
    """Every span of `text` that identifies a person, leftmost first, none
    overlapping another: names (with the record they are a form of, where
    exactly one record has that form) and identifiers."""
    owners = owners_of(known)
    join, origin = cues.joined(text)
    found: list[Span] = []

    def name(start: int, end: int, person_id: int | None, why: str) -> None:
        start = _untitled(text, start, end)
        if sum(c.isalpha() for c in text[start:end]) >= 2:
            found.append(Span(start, end, "name", person_id, text[start:end], why))

    for start, end, person_id in linked:
        whose = person_id if person_id is not None else owner(text[start:end], owners)
        name(start, end, whose, "linked at ingest")
    for start, end in cues.spans_of(_known_names(owners, join), origin):
        name(start, end, owner(text[start:end], owners), "a form of a record")
    unread = cues.misread(join)
    if unread is not None:  # a record's form as OCR misread it
        view, back = unread
        for a, b in _known_names(owners, view):
            first, last = back[a], back[b - 1] + 1  # in the joined text
            start, end = origin[first], origin[last - 1] + 1
            name(start, end, owner(view[a:b], owners), "a form of a record, misread")
    guessed = [
        (m.start, m.end)
        for m in unaided(join, model=False, earlier=earlier)
        if parse(m.text).kind is Kind.PERSON and not m.text.isupper()
    ]
    for why, spans in (
        ("name-shaped", guessed),
        ("in quotation marks", cues.quoted(join)),
        ("after a rank", cues.ranked(join)),
        ("initials after a surname", cues.card_order(join)),
        ("Cyrillic name", cues.cyrillic(join)),
    ):
        for start, end in cues.spans_of(spans, origin):
            name(start, end, owner(text[start:end], owners), why)
    widened = []
    for span in found:
        start, end = cues.widened(text, span.start, span.end)
        widened.append(Span(start, end, "name", span.person_id, text[start:end], span.reason))
    found = widened
    again = cues.repeated(join, [s.text for s in found])
    for (start, end), (_, _, word) in zip(
        cues.spans_of([(a, b) for a, b, _ in again], origin), again, strict=True
    ):
        name(start, end, owner(word, owners), "written again")
    for start, end, kind in _with_repeats(text, identifiers(text)):
        found.append(Span(start, end, kind, None, text[start:end], kind.replace("_", " ")))
    return _resolved(found)


def _with_repeats(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's number, once found, wherever else the page writes it
    ("2178 - visits only by his mother")."""
    numbers = {text[a:b]: kind for a, b, kind in found if kind == "id_number" and b - a >= 4}
    more = [
        (m.start(), m.end(), numbers[m.group()])
        for number in numbers
        for m in re.finditer(rf"(?<![\w.,/-]){re.escape(number)}(?![\w/-]|[.,]\d)", text)
    ]
    return found + more


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


def _known_names(owners: dict[str, int | None], text: str) -> list[tuple[int, int]]:
    """Where the variants occur in `text` as capitalised whole words, folded."""
    if not owners:
        return []
    return [(m.start, m.end) for m in _gazetteer(tuple(sorted(owners.items()))).find(text)]


@lru_cache(maxsize=4)
def _gazetteer(variants: tuple[tuple[str, int | None], ...]) -> Gazetteer:
    return Gazetteer((variant, person, None) for variant, person in variants)


def _resolved(found: list[Span]) -> list[Span]:
    """Overlapping spans become one, the widest extent; a name's record is
    the one a linked or known form gives, never guessed between two."""
    ordered = sorted(found, key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in ordered:
        if kept and span.start < kept[-1].end:
            last = kept[-1]
            people = {p for p in (last.person_id, span.person_id) if p is not None}
            if "name" not in (last.kind, span.kind) or last.kind != span.kind:
                people = set()  # an identifier is nobody's in particular
            kind = last.kind if last.kind != "name" else span.kind  # an identifier's kind wins
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
