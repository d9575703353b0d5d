"""The whole card index in memory, built once per change, and each asker's
view of it.

Building the matcher's index costs tens of milliseconds for a few thousand
forms; a search or a name lookup must not pay that every time. The card is
cached by the store's version of the forms, and a view filters it by the
records the asker may know of and the form types (cover and code names) they
may not see, without rebuilding anything.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from looseleaf.cardindex.matcher import Index, Match
from looseleaf.cardindex.names import fold

_WORDS = re.compile(r"\w+")


def folded_words(form: str) -> tuple[str, ...]:
    """The words of a form as the full-text engines see them, folded."""
    return tuple(fold(word) for word in _WORDS.findall(form))


@dataclass
class Card:
    #: (form id, record id, form, type) of every confirmed form of current records.
    entries: Sequence[tuple[int, int, str, str]]
    index: Index = field(init=False)
    by_words: dict[tuple[str, ...], list[int]] = field(init=False)

    def __post_init__(self) -> None:
        self.index = Index([(person_id, form) for _, person_id, form, _ in self.entries])
        self.by_words = {}
        for position, (_, _, form, _) in enumerate(self.entries):
            self.by_words.setdefault(folded_words(form), []).append(position)

    def view(self, records: Collection[int] | None, hidden: Collection[str]) -> CardView:
        """What someone sees who may know of `records` (None: all) and not of `hidden` types."""
        allowed = [
            (records is None or person_id in records) and form_type not in hidden
            for _, person_id, _, form_type in self.entries
        ]
        return CardView(self, allowed)


@dataclass
class CardView:
    card: Card
    allowed: list[bool]

    def forms(self) -> list[tuple[int, int, str, str]]:
        return [e for e, ok in zip(self.card.entries, self.allowed, strict=True) if ok]

    def forms_of(self, person_id: int) -> tuple[str, ...]:
        return tuple(form for _, p, form, _ in self.forms() if p == person_id)

    def exact(self, name: str) -> list[tuple[int, str]]:
        """(record, form) of every visible form with the same words as `name`."""
        return [
            (self.card.entries[p][1], self.card.entries[p][2])
            for p in self.card.by_words.get(folded_words(name), ())
            if self.allowed[p]
        ]

    def fuzzy(self, name: str, *, floor: float) -> list[tuple[int, str, Match]]:
        return self.card.index.matches(name, floor=floor, allow=self.allowed.__getitem__)
