"""Markings are interned: one row per distinct (level, compartments).

An archive has few distinct markings and very many leaves, so leaves point
at a marking id; the access rule then tests a few marking rows, not every
leaf's compartment list.
"""

from __future__ import annotations

from looseleaf.model import Levels, Marking
from looseleaf.store.base import Tx


def levels(tx: Tx) -> Levels:
    names = [row[0] for row in tx.all("SELECT name FROM levels ORDER BY rank")]
    return Levels(tuple(names))


def set_levels(tx: Tx, scale: Levels) -> None:
    tx.executemany(
        "INSERT INTO levels (rank, name) VALUES (?, ?)",
        [(rank, name) for rank, name in enumerate(scale.names)],
    )


def intern(tx: Tx, scale: Levels, marking: Marking) -> int:
    """The id of `marking`, creating it (and its compartments) on first use."""
    key = str(marking)
    found = tx.scalar("SELECT id FROM markings WHERE key = ?", (key,))
    if found is not None:
        return int(found)
    marking_id = int(
        tx.scalar(
            "INSERT INTO markings (level, key) VALUES (?, ?) RETURNING id",
            (scale.rank(marking.level), key),
        )
    )
    for name in sorted(marking.compartments):
        tx.execute(
            "INSERT INTO compartments (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,)
        )
        tx.execute(
            "INSERT INTO marking_compartments (marking_id, compartment_id) "
            "SELECT ?, id FROM compartments WHERE name = ?",
            (marking_id, name),
        )
    return marking_id


def all_markings(tx: Tx) -> dict[int, Marking]:
    """Every marking by id; small enough to read whole for each listing."""
    names = {row[0]: row[1] for row in tx.all("SELECT rank, name FROM levels")}
    members: dict[int, set[str]] = {}
    for marking_id, name in tx.all(
        "SELECT mc.marking_id, c.name FROM marking_compartments mc "
        "JOIN compartments c ON c.id = mc.compartment_id"
    ):
        members.setdefault(marking_id, set()).add(name)
    return {
        marking_id: Marking(names[level], frozenset(members.get(marking_id, ())))
        for marking_id, level in tx.all("SELECT id, level FROM markings")
    }
