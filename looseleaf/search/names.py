"""Names in a query: a word or phrase that names a card-index record is
searched under every form of that record the searcher may see."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from looseleaf.cardindex.card import CardView
from looseleaf.search.query import And, Node, Not, Or, Phrase, Term

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Named:
    """A query part that named a record, and what it was widened to."""

    asked: str
    person_id: int
    preferred: str
    forms: tuple[str, ...]


def words_of(form: str) -> tuple[str, ...]:
    return tuple(word.lower() for word in _WORDS.findall(form))


def expand(node: Node, view: CardView, preferred: Callable[[int], str]) -> tuple[Node, list[Named]]:
    """`node` with each name widened to an OR of the record's forms (as the
    asker may see them), and what was widened."""
    named: list[Named] = []

    def widen(part: Node) -> Node:
        if isinstance(part, Not):
            return part
        if isinstance(part, And | Or):
            return type(part)(tuple(widen(item) for item in part.items))
        if isinstance(part, Term) and part.prefix:
            return part
        asked = (part.word,) if isinstance(part, Term) else part.words
        people = {person_id for person_id, _ in view.exact(" ".join(asked))}
        if not people and sum(len(w) for w in asked) >= 4:
            # As typed, the words were one name: "Orlow-Brant" or "Nikolai Ezhov".
            for joined in dict.fromkeys((" ".join(asked), "-".join(asked))):
                people |= {hit[0] for hit in view.fuzzy(joined, floor=0.9)[:1]}
        if not people:
            return part
        alternatives: list[Node] = [part]
        for person_id in sorted(people):
            own = view.forms_of(person_id)
            named.append(Named(" ".join(asked), person_id, preferred(person_id), own))
            for form in own:
                words = words_of(form)
                node_of: Node = Term(words[0]) if len(words) == 1 else Phrase(words)
                if words and node_of not in alternatives:
                    alternatives.append(node_of)
        return Or(tuple(alternatives)) if len(alternatives) > 1 else part

    return widen(node), named
