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


#: A reader of a class that masks anything reads a leaf only once a custodian
#: has signed off the redaction of its current text.
_RELEASED = (
    "(NOT EXISTS (SELECT 1 FROM readers rk JOIN reader_classes k ON k.name = rk.reader_class"
    " WHERE rk.id = ? AND k.masks <> '')"
    " OR EXISTS (SELECT 1 FROM redactions rd WHERE rd.leaf_id = {leaf}.id"
    " AND rd.sha256 = {leaf}.sha256))"
)


def readable_leaves(reader_id: int, now: str, leaf: str = "l") -> Filter:
    """Leaves (aliased `leaf`) that the reader may read at `now`."""
    return Filter(
        f"({leaf}.withdrawn_at IS NULL"
        f" AND {leaf}.marking_id IN ({_LEVEL_OK})"
        f" AND {_RELEASED.format(leaf=leaf)}"
        f" AND ({leaf}.marking_id IN ({_READ_INTO})"
        " OR EXISTS (SELECT 1 FROM grants g WHERE g.reader_id = ?"
        f" AND g.leaf_id = {leaf}.id AND g.ended_at IS NULL AND g.expires_at > ?)))",
        (reader_id, reader_id, reader_id, reader_id, now),
    )


def layer_of(reader_id: int, leaf_id: str = "l.id") -> Filter:
    """SELECT of the layer a reader reads a leaf in (none: the leaf's own
    text): their class's, or for a subject reader named on the leaf the one
    that leaves their own data in."""
    return Filter(
        "SELECT ll.id FROM leaf_layers ll JOIN readers rl ON rl.id = ?"
        f" WHERE ll.leaf_id = {leaf_id} AND ll.reader_class = rl.reader_class"
        " AND ll.person_id = COALESCE((SELECT x.person_id FROM leaf_layers x"
        f" WHERE x.leaf_id = {leaf_id} AND x.reader_class = rl.reader_class"
        " AND x.person_id = rl.person_id), 0)",
        (reader_id,),
    )


def unmasked(reader_id: int, leaf_id: str, start: str, end: str) -> Filter:
    """A stretch of a leaf (a name's, a claim's) that no span of the reader's
    layer masks."""
    layer = layer_of(reader_id, leaf_id)
    return Filter(
        f"NOT EXISTS (SELECT 1 FROM layer_spans ls WHERE ls.layer_id IN ({layer.sql})"
        f" AND ls.start_offset < {end} AND {start} < ls.end_offset)",
        layer.params,
    )


def visible_dossiers(reader_id: int, dossier: str = "d") -> Filter:
    """Dossiers whose title (and so existence) the reader may see."""
    return _cleared(reader_id, dossier)


def visible_persons(reader_id: int, person: str = "p") -> Filter:
    """Card-index records whose existence the reader may know: cleared for,
    and (for a class that masks anything) shown to their class or their own."""
    cleared = _cleared(reader_id, person)
    return Filter(
        f"({cleared.sql} AND {_SHOWN.format(person=person)})",
        (*cleared.params, reader_id, reader_id, reader_id),
    )


#: A record a redacting class may see named: one shown to it, or the reader's own.
_SHOWN = (
    "(NOT EXISTS (SELECT 1 FROM readers rm JOIN reader_classes k ON k.name = rm.reader_class"
    " WHERE rm.id = ? AND k.masks <> '')"
    " OR {person}.id IN (SELECT sr.person_id FROM shown_records sr JOIN readers rs"
    " ON rs.reader_class = sr.reader_class WHERE rs.id = ?)"
    " OR {person}.id IN (SELECT ro.person_id FROM readers ro WHERE ro.id = ?))"
)


def shown(reader_id: int, person_id: str) -> Filter:
    """Whether a record (an id expression) is one the reader's class may see named."""
    return Filter(_SHOWN.format(person=person_id), (reader_id, reader_id, reader_id))


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
        f" AND {_RELEASED.format(leaf=leaf)}"
        f" AND {leaf_id or f'{leaf}.id'} IN (SELECT g.leaf_id FROM grants g WHERE g.reader_id = ?"
        " AND g.ended_at IS NULL AND g.expires_at > ?))",
        (reader_id, reader_id, reader_id, now),
    )


def in_index(reader_id: int, now: str) -> IndexRule:
    """The rule as SQLite's full-text index applies it for one reader."""
    return IndexRule(
        cleared_markings(reader_id), granted_leaves(reader_id, now, leaf_id="leaf_search.rowid")
    )
