"""Load the facts the rule decides on, fresh from the store at every check:
no cache, so a revocation, an expiry or a new marking counts on the next call."""

from __future__ import annotations

from looseleaf.policy.rule import GrantFacts, LeafFacts, ReaderFacts
from looseleaf.policy.staff import SlipFacts
from looseleaf.store.base import Tx


def reader(tx: Tx, reader_id: int) -> ReaderFacts | None:
    """The account and its compartments and roles, in one statement."""
    rows = tx.all(
        "SELECT r.id, r.name, r.level, r.disabled_at, 'c', c.name FROM readers r "
        "LEFT JOIN reader_compartments rc ON rc.reader_id = r.id "
        "LEFT JOIN compartments c ON c.id = rc.compartment_id WHERE r.id = ? "
        "UNION ALL SELECT r.id, r.name, r.level, r.disabled_at, 'r', rr.role FROM readers r "
        "JOIN reader_roles rr ON rr.reader_id = r.id WHERE r.id = ?",
        (reader_id, reader_id),
    )
    if not rows:
        return None
    compartments = frozenset(row[5] for row in rows if row[4] == "c" and row[5] is not None)
    roles = frozenset(row[5] for row in rows if row[4] == "r")
    first = rows[0]
    return ReaderFacts(
        id=int(first[0]),
        name=first[1],
        level=int(first[2]),
        compartments=compartments,
        roles=roles,
        disabled=first[3] is not None,
    )


def leaf(tx: Tx, leaf_id: int) -> LeafFacts | None:
    """The leaf's marking comes whole from its interned key ("LEVEL/A/B")."""
    row = tx.one(
        "SELECT l.id, m.level, l.withdrawn_at, m.key FROM leaves l "
        "JOIN markings m ON m.id = l.marking_id WHERE l.id = ?",
        (leaf_id,),
    )
    if row is None:
        return None
    return LeafFacts(
        id=int(row[0]),
        level=int(row[1]),
        compartments=frozenset(str(row[3]).split("/")[1:]),
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


def slip(tx: Tx, slip_id: int) -> SlipFacts | None:
    row = tx.one("SELECT id, reader_id, status FROM slips WHERE id = ?", (slip_id,))
    return None if row is None else SlipFacts(int(row[0]), int(row[1]), str(row[2]))


def dossier_marking(tx: Tx, dossier_id: int) -> tuple[int, frozenset[str]] | None:
    row = tx.one(
        "SELECT m.level, m.id FROM dossiers d JOIN markings m ON m.id = d.marking_id "
        "WHERE d.id = ?",
        (dossier_id,),
    )
    return None if row is None else (int(row[0]), marking_compartments(tx, int(row[1])))


def person_marking(tx: Tx, person_id: int) -> tuple[int, frozenset[str]] | None:
    """The marking of a current card-index record (one merged away is gone)."""
    row = tx.one(
        "SELECT m.level, m.id FROM persons p JOIN markings m ON m.id = p.marking_id "
        "WHERE p.id = ? AND p.merged_into IS NULL",
        (person_id,),
    )
    return None if row is None else (int(row[0]), marking_compartments(tx, int(row[1])))
