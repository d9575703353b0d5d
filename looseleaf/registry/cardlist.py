"""Browsing the card index: every record a reader may know of, filed under
the first letter of its surname (as a card drawer is), with what they may
read of it.

A record the reader may not know of is not listed, and the counts are of
mentions and claims on leaves they may read (not by a cover name they may
not decode) and of dossiers whose title they may see: a drawer says no more than the
search does.
"""

from __future__ import annotations

import unicodedata

from looseleaf.cardindex import translit
from looseleaf.cardindex.names import Kind, fold, parse
from looseleaf.errors import BadInput
from looseleaf.model import Actor, CardEntry, RecordKind
from looseleaf.policy import Action
from looseleaf.registry.cardindex import CardIndex
from looseleaf.registry.leafnames import hidden_types
from looseleaf.store import persons

#: The drawer of a name that starts with no Latin letter (a digit, a sign).
OTHER = "#"


def filed_as(preferred: str, kind: str) -> tuple[str, str]:
    """The drawer and the word a card is filed by: a person's surname, a
    body's name, romanised and without diacritics (Ž is filed under Z)."""
    latin = translit.romanise(preferred) if translit.is_cyrillic(preferred) else preferred
    name = parse(latin)
    key = name.surname if kind == RecordKind.PERSON and name.kind is Kind.PERSON else latin
    folded = fold(key.strip())
    first = unicodedata.normalize("NFKD", folded[:1].upper())[:1]
    return (first if "A" <= first <= "Z" else OTHER), folded


class CardList(CardIndex):
    def person_list(
        self,
        actor: Actor,
        *,
        kind: str | None = None,
        letter: str | None = None,
        limit: int = 200,
        after: str | None = None,
    ) -> list[CardEntry]:
        """The cards the actor may know of, by drawer and name: of one kind,
        in one drawer, and after the card `after` (a record id as a cursor)
        if asked, at most `limit` of them."""
        wanted_kind = None if kind is None else RecordKind.parse(kind)
        drawer = None if letter is None else letter.strip().upper()
        if drawer is not None and not (
            len(drawer) == 1 and ("A" <= drawer <= "Z" or drawer == OTHER)
        ):
            raise BadInput(f"--letter {letter!r}", "is one letter A to Z, or #")
        if not 1 <= limit <= 10_000:
            raise BadInput(f"--limit {limit}", "is from 1 to 10000")
        with self._acting(actor, Action.PERSON_SEARCH) as (tx, _):
            view = self._view(tx, actor)
            records = persons.summaries(tx, sorted({p for _, p, _, _ in view.forms()}))
            cards = sorted(
                (
                    *filed_as(preferred, record_kind),
                    fold(preferred),
                    person_id,
                    preferred,
                    record_kind,
                )
                for person_id, preferred, record_kind in records
                if view.knows(person_id) and (wanted_kind is None or record_kind == wanted_kind)
            )
            cards = [c for c in cards if drawer is None or c[0] == drawer]
            if after is not None:
                at = next((i for i, c in enumerate(cards) if str(c[3]) == after.strip()), None)
                if at is None:
                    raise BadInput(f"--after {after!r}", "is the id of a card in this list")
                cards = cards[at + 1 :]
            cards = cards[:limit]
            # A claim counts where the claims pages show it as the record's:
            # a claim naming someone by a cover name is theirs only to a decoder.
            decodes = not hidden_types(self, tx, actor)
            claimed: dict[int, int] = {}
            for person_id, subject in persons.claimed(
                tx, [c[3] for c in cards], self._readable(actor)
            ):
                if decodes or view.names(person_id, subject):
                    claimed[person_id] = claimed.get(person_id, 0) + 1
            counted = persons.counts(
                tx,
                [c[3] for c in cards],
                self._readable(actor),
                self._visible_dossiers(actor),
                hidden_types(self, tx, actor),
            )
            self._record(
                tx,
                actor,
                "person.list",
                target=None,
                detail={"kind": wanted_kind, "letter": drawer, "records": [c[3] for c in cards]},
            )
        return [
            CardEntry(
                person_id,
                preferred,
                record_kind,
                first,
                *counted[person_id],
                claimed.get(person_id, 0),
            )
            for first, _, _, person_id, preferred, record_kind in cards
        ]
