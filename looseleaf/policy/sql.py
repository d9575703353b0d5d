"""The access rule compiled into SQL, so that lists and search filter inside
the query and a list can never show what `check` would deny.

The marking tests are uncorrelated subqueries over the small markings table
(evaluated once per query); only the grant test looks at the leaf itself,
through the (reader_id, leaf_id, expires_at) index.
"""

from __future__ import annotations

from looseleaf.store.base import Filter
from looseleaf.store.search import IndexRule

#: Markings whose level the reader reaches (and the account is active).
_LEVEL_OK = (
    "SELECT m.id FROM markings m JOIN readers r ON r.id = ? "
    "WHERE r.disabled_at IS NULL AND m.level <= r.level"
)
#: Markings all of whose compartments the reader is read into.
_READ_INTO = (
    "SELECT m.id FROM markings m WHERE NOT EXISTS ("
    "SELECT 1 FROM marking_compartments mc WHERE mc.marking_id = m.id "
    "AND mc.compartment_id NOT IN ("
    "SELECT rc.compartment_id FROM reader_compartments rc WHERE rc.reader_id = ?))"
)


def readable_leaves(reader_id: int, now: str, leaf: str = "l") -> Filter:
    """Leaves (aliased `leaf`) that the reader may read at `now`."""
    return Filter(
        f"({leaf}.withdrawn_at IS NULL"
        f" AND {leaf}.marking_id IN ({_LEVEL_OK})"
        f" AND ({leaf}.marking_id IN ({_READ_INTO})"
        " OR EXISTS (SELECT 1 FROM grants g WHERE g.reader_id = ?"
        f" AND g.leaf_id = {leaf}.id AND g.ended_at IS NULL AND g.expires_at > ?)))",
        (reader_id, reader_id, reader_id, now),
    )


def visible_dossiers(reader_id: int, dossier: str = "d") -> Filter:
    """Dossiers whose title (and so existence) the reader may see."""
    return _cleared(reader_id, dossier)


def visible_persons(reader_id: int, person: str = "p") -> Filter:
    """Card-index records whose existence the reader may know."""
    return _cleared(reader_id, person)


def _cleared(reader_id: int, alias: str) -> Filter:
    """Rows (aliased `alias`) whose own marking the reader's clearance covers."""
    return Filter(
        f"({alias}.marking_id IN ({_LEVEL_OK}) AND {alias}.marking_id IN ({_READ_INTO}))",
        (reader_id, reader_id),
    )


def cleared_markings(reader_id: int) -> Filter:
    """SELECT of the markings the reader may read without a grant."""
    return Filter(
        f"SELECT m.id FROM markings m WHERE m.id IN ({_LEVEL_OK}) AND m.id IN ({_READ_INTO})",
        (reader_id, reader_id),
    )


def granted_leaves(reader_id: int, now: str, leaf: str = "l", leaf_id: str = "") -> Filter:
    """Leaves (aliased `leaf`) the reader may read only through a live grant:
    the rest of `readable_leaves` beside `cleared_markings`. `leaf_id` names
    the id column to constrain, where another table's (a full-text index's
    rowid) lets the engine look the few granted leaves up one by one."""
    return Filter(
        f"({leaf}.withdrawn_at IS NULL AND {leaf}.marking_id IN ({_LEVEL_OK})"
        f" AND {leaf_id or f'{leaf}.id'} IN (SELECT g.leaf_id FROM grants g WHERE g.reader_id = ?"
        " AND g.ended_at IS NULL AND g.expires_at > ?))",
        (reader_id, reader_id, now),
    )


def in_index(reader_id: int, now: str) -> IndexRule:
    """The rule as SQLite's full-text index applies it for one reader."""
    return IndexRule(
        cleared_markings(reader_id), granted_leaves(reader_id, now, leaf_id="leaf_search.rowid")
    )
