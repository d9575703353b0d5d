"""Spans of a leaf's text and the masked text they make.

A masked span becomes one fixed marker whatever its length, and masks that
only whitespace separates become one marker: "[third party]" must not tell
how long a name was, nor how many words it had.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from looseleaf.errors import BadInput
from looseleaf.model import Jsonable

#: What stands in a masked span's place, in text and in search.
MARKER = "[third party]"

#: What a span identifies a person by.
KINDS = ("name", "date_of_birth", "address", "id_number", "phone", "added")


@dataclass(frozen=True, order=True)
class Span(Jsonable):
    """A stretch of a leaf's normalised text (offsets in characters) that
    identifies a person: whose (a card-index record) where that is known,
    and why it was suggested."""

    start: int
    end: int
    kind: str
    person_id: int | None = None
    text: str = ""
    reason: str = ""

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def union(ranges: Iterable[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """The ranges merged where they overlap, touch, or only whitespace lies
    between them, in order."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and not text[merged[-1][1] : start].strip():
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def masked(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """`text` with each of the (merged) ranges replaced by the marker."""
    out: list[str] = []
    at = 0
    for start, end in union(ranges, text):
        out.append(text[at:start])
        out.append(MARKER)
        at = end
    out.append(text[at:])
    return "".join(out)


def parse_range(typed: str, length: int) -> tuple[int, int]:
    """`START:END` as typed (`--add 10:24`), within a text of `length`."""
    start_text, sep, end_text = typed.partition(":")
    if not sep or not start_text.strip().isdigit() or not end_text.strip().isdigit():
        raise BadInput(f"span {typed!r}", "give START:END as character offsets, such as 10:24")
    start, end = int(start_text), int(end_text)
    if not 0 <= start < end <= length:
        raise BadInput(f"span {typed!r}", f"use 0 <= START < END <= {length} (the leaf's length)")
    return start, end
