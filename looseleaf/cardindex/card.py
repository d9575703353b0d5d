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
from looseleaf.model import SECRET_FORMS

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
    by_record: dict[int, list[int]] = field(init=False)
    by_word: dict[str, list[int]] = field(init=False)
    words: list[tuple[str, ...]] = field(init=False)

    def __post_init__(self) -> None:
        self.index = Index([(person_id, form) for _, person_id, form, _ in self.entries])
        self.by_words = {}
        self.by_record = {}
        self.words = [folded_words(form) for _, _, form, _ in self.entries]
        self.by_word = {}
        for position, (_, person_id, _, _) in enumerate(self.entries):
            self.by_words.setdefault(self.words[position], []).append(position)
            self.by_record.setdefault(person_id, []).append(position)
            for word in set(self.words[position]):
                self.by_word.setdefault(word, []).append(position)

    def view(self, records: Collection[int] | None, hidden: Collection[str]) -> CardView:
        """What someone sees who may know of `records` (None: all) and not of `hidden` types."""
        allowed = [
            (records is None or person_id in records) and form_type not in hidden
            for _, person_id, _, form_type in self.entries
        ]
        return CardView(self, allowed, records)

    def records_with(self, types: Collection[str]) -> set[int]:
        """The records that have a form of one of these types (a cover name, say)."""
        return {person_id for _, person_id, _, form_type in self.entries if form_type in types}


@dataclass
class CardView:
    card: Card
    allowed: list[bool]
    records: Collection[int] | None = None

    def knows(self, person_id: int) -> bool:
        """Whether the viewer may know that this record exists."""
        return self.records is None or person_id in self.records

    def names(self, person_id: int, written: str) -> bool:
        """Whether `written` names the record by a form this view shows: the
        same words, or a run of them (a surname or a given name alone, as a
        text goes on to call someone). A name that is exactly a form the view
        hides (a cover name) does not, even if a shown form shares a word with
        it: the link would go through the hidden form."""
        words = folded_words(written)
        if not words:
            return False
        positions = self.card.by_record.get(person_id, [])
        shown = [self.card.words[p] for p in positions if self.allowed[p]]
        if words in shown:
            return True
        if any(self.card.words[p] == words for p in positions if not self.allowed[p]):
            return False
        size = len(words)
        return any(
            form[i : i + size] == words for form in shown for i in range(len(form) - size + 1)
        )

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

    def partial(self, name: str) -> list[tuple[int, str, bool]]:
        """(record, form, in the surname) of every visible form that holds
        the words of `name` as a run: Orlov in Orlov-Brandt, Kasimir in
        Kasimir Orlov-Brandt; `in the surname` if the run starts within the
        form's last word (a surname, or a part of a double one, not a given
        name). A cover or code name is a whole label: "Frank" is not Frank
        Jacson, the name on a false passport."""
        words = folded_words(name)
        if not words:
            return []
        size = len(words)
        found = []
        for p in self.card.by_word.get(words[0], ()):
            form = self.card.words[p]
            if not self.allowed[p] or form == words or self.card.entries[p][3] in SECRET_FORMS:
                continue
            starts = [i for i in range(len(form) - size + 1) if form[i : i + size] == words]
            if starts:
                entry = self.card.entries[p]
                # A part of a double surname is the surname too (Orlov of Orlov-Brandt).
                surname = len(folded_words(entry[2].split()[-1])) if entry[2].split() else 0
                found.append((entry[1], entry[2], starts[-1] >= len(form) - surname))
        return found

    def fuzzy(self, name: str, *, floor: float) -> list[tuple[int, str, Match]]:
        return self.card.index.matches(name, floor=floor, allow=self.allowed.__getitem__)
