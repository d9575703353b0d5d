"""A note's marking is derived from what it cites, so that a note never shows
anyone what they may not read: the highest level and the union of the
compartments of the cited leaves."""

from __future__ import annotations

from collections.abc import Iterable

from looseleaf.model import Levels, Marking


def derived_marking(levels: Levels, cited: Iterable[Marking]) -> Marking:
    markings = list(cited)
    if not markings:
        return Marking(levels.name(0))
    level = max(levels.rank(m.level) for m in markings)
    compartments = frozenset().union(*(m.compartments for m in markings))
    return Marking(levels.name(level), compartments)
