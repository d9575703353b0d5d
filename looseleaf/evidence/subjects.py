"""Whether a claim's words would decode a cover name.

A claim is linked to a card-index record, and shown by that record's name to
whoever may know the link. A decoder may link "Lucien" on a leaf to the man
behind that cover name, and the claim then says "Lucien" to everyone else.
But a decoder who writes the real name as the subject of words that call him
only Lucien would tell every reader of the leaf whom the cover name hides:
the facade refuses that claim, and this module finds the cover name to
suggest instead, from the names the card index found on the leaf.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Named:
    """A name on a leaf that the card index links to a record, and whether it
    is a cover or code name of that record."""

    start: int
    end: int
    text: str
    person_id: int
    secret: bool


def cover_text(start: int, end: int, record: int, names: Sequence[Named]) -> str | None:
    """The cover (or code) name by which a leaf names `record` in the cited
    span [start, end), when it names the record there by no other name; where
    the span names the record not at all, the same question of the whole leaf
    ("He asked for money" on a leaf that calls him only Lucien). None where
    the leaf names the record plainly (or never), so that a claim naming the
    person reveals nothing the leaf does not."""
    on_leaf = [n for n in names if n.person_id == record]
    cited = [n for n in on_leaf if n.start < end and start < n.end]
    for names_there in (cited, on_leaf):
        if names_there:
            secret = [n for n in names_there if n.secret]
            return secret[0].text if len(secret) == len(names_there) else None
    return None
