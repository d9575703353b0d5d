"""Load the facts the rule decides on, fresh from the store at every check:
no cache, so a revocation, an expiry or a new marking counts on the next call."""

from __future__ import annotations

from looseleaf.policy.rule import GrantFacts, LeafFacts, ReaderFacts
from looseleaf.store.base import Tx


def reader(tx: Tx, reader_id: int) -> ReaderFacts | None:
    row = tx.one("SELECT id, name, level, disabled_at FROM readers WHERE id = ?", (reader_id,))
    if row is None:
        return None
    compartments: set[str] = set()
    roles: set[str] = set()
    for kind, name in tx.all(
        "SELECT 'c', c.name FROM reader_compartments rc "
        "JOIN compartments c ON c.id = rc.compartment_id WHERE rc.reader_id = ? "
        "UNION ALL SELECT 'r', role FROM reader_roles WHERE reader_id = ?",
        (reader_id, reader_id),
    ):
        (compartments if kind == "c" else roles).add(name)
    return ReaderFacts(
        id=int(row[0]),
        name=row[1],
        level=int(row[2]),
        compartments=frozenset(compartments),
        roles=frozenset(roles),
        disabled=row[3] is not None,
    )


def leaf(tx: Tx, leaf_id: int) -> LeafFacts | None:
    row = tx.one(
        "SELECT l.id, m.level, l.withdrawn_at, l.marking_id FROM leaves l "
        "JOIN markings m ON m.id = l.marking_id WHERE l.id = ?",
        (leaf_id,),
    )
    if row is None:
        return None
    return LeafFacts(
        id=int(row[0]),
        level=int(row[1]),
        compartments=marking_compartments(tx, int(row[3])),
        withdrawn=row[2] is not None,
    )


def marking_compartments(tx: Tx, marking_id: int) -> frozenset[str]:
    return frozenset(
        row[0]
        for row in tx.all(
            "SELECT c.name FROM marking_compartments mc "
            "JOIN compartments c ON c.id = mc.compartment_id WHERE mc.marking_id = ?",
            (marking_id,),
        )
    )


def grants(tx: Tx, reader_id: int, leaf_id: int) -> list[GrantFacts]:
    return [
        GrantFacts(int(row[0]), row[1], row[2])
        for row in tx.all(
            "SELECT id, expires_at, ended_at FROM grants WHERE reader_id = ? AND leaf_id = ?",
            (reader_id, leaf_id),
        )
    ]


def on_pending_slip(tx: Tx, leaf_id: int) -> bool:
    return (
        tx.scalar(
            "SELECT 1 FROM slip_leaves sl JOIN slips s ON s.id = sl.slip_id "
            "WHERE sl.leaf_id = ? AND s.status = 'pending'",
            (leaf_id,),
        )
        is not None
    )


def dossier_marking(tx: Tx, dossier_id: int) -> tuple[int, frozenset[str]] | None:
    row = tx.one(
        "SELECT m.level, m.id FROM dossiers d JOIN markings m ON m.id = d.marking_id "
        "WHERE d.id = ?",
        (dossier_id,),
    )
    return None if row is None else (int(row[0]), marking_compartments(tx, int(row[1])))
