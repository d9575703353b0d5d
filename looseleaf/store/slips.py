"""Request slips and the leaves each one proposes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from looseleaf.model import Slip
from looseleaf.store import ids
from looseleaf.store.base import Tx

_COLUMNS = (
    "s.id, r.name, s.purpose, s.scope_kind, s.scope, s.status, s.created_at, s.decided_at, "
    "s.decided_by, s.returned_at"
)


def create(
    tx: Tx, reader_id: int, purpose: str, *, kind: str, scope: dict[str, Any], now: str
) -> int:
    arrival, slip_id = ids.one(tx, "slip")
    tx.execute(
        "INSERT INTO slips (id, arrival, reader_id, purpose, scope_kind, scope, status, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)",
        (slip_id, arrival, reader_id, purpose, kind, json.dumps(scope, sort_keys=True), now),
    )
    return slip_id


def propose(tx: Tx, slip_id: int, leaf_ids: Iterable[int]) -> None:
    tx.executemany(
        "INSERT INTO slip_leaves (slip_id, leaf_id) VALUES (?, ?)",
        [(slip_id, leaf_id) for leaf_id in sorted(set(leaf_ids))],
    )


def owner(tx: Tx, slip_id: int) -> tuple[int, str] | None:
    """(reader id, status) of a slip."""
    row = tx.one("SELECT reader_id, status FROM slips WHERE id = ?", (slip_id,))
    return None if row is None else (int(row[0]), str(row[1]))


def decisions(tx: Tx, slip_id: int) -> list[tuple[int, str | None]]:
    return [
        (int(row[0]), row[1])
        for row in tx.all(
            "SELECT sl.leaf_id, sl.decision FROM slip_leaves sl JOIN leaves l ON l.id = sl.leaf_id "
            "WHERE sl.slip_id = ? ORDER BY l.arrival",
            (slip_id,),
        )
    ]


def settle(tx: Tx, slip_id: int, approved: Sequence[int], denied: Sequence[int]) -> None:
    """Decide these proposed leaves; the others stay for another custodian."""
    tx.executemany(
        "UPDATE slip_leaves SET decision = ? WHERE slip_id = ? AND leaf_id = ?",
        [("approved", slip_id, leaf_id) for leaf_id in approved]
        + [("denied", slip_id, leaf_id) for leaf_id in denied],
    )


def undecided(tx: Tx, slip_id: int) -> int:
    return int(
        tx.scalar(
            "SELECT COUNT(*) FROM slip_leaves WHERE slip_id = ? AND decision IS NULL", (slip_id,)
        )
    )


def set_scope(tx: Tx, slip_id: int, scope: dict[str, Any]) -> None:
    """A decoding slip's answer is written into its scope."""
    tx.execute(
        "UPDATE slips SET scope = ? WHERE id = ?", (json.dumps(scope, sort_keys=True), slip_id)
    )


def close(tx: Tx, slip_id: int, who: str, now: str) -> None:
    tx.execute(
        "UPDATE slips SET status = 'decided', decided_at = ?, decided_by = ? WHERE id = ?",
        (now, who, slip_id),
    )


def set_returned(tx: Tx, slip_id: int, now: str) -> None:
    tx.execute("UPDATE slips SET status = 'returned', returned_at = ? WHERE id = ?", (now, slip_id))


def listing(
    tx: Tx, *, reader_id: int | None = None, status: str | None = None, slip_id: int | None = None
) -> list[Slip]:
    """Slips with every field, staff view; the registry trims them for readers."""
    clauses, params = [], []
    for column, value in (("s.reader_id", reader_id), ("s.status", status), ("s.id", slip_id)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = tx.all(
        f"SELECT {_COLUMNS} FROM slips s JOIN readers r ON r.id = s.reader_id {where} "
        "ORDER BY s.arrival",
        params,
    )
    slips = []
    for row in rows:
        by_decision: dict[str | None, list[int]] = {"approved": [], "denied": [], None: []}
        proposed = []
        for leaf_id, decision in decisions(tx, int(row[0])):
            proposed.append(leaf_id)
            by_decision[decision].append(leaf_id)
        slips.append(
            Slip(
                id=int(row[0]),
                reader=row[1],
                purpose=row[2],
                scope_kind=row[3],
                scope=json.loads(row[4]),
                status=row[5],
                created_at=row[6],
                decided_at=row[7],
                decided_by=row[8],
                returned_at=row[9],
                granted=tuple(by_decision["approved"]),
                proposed=tuple(proposed),
                denied=tuple(by_decision["denied"]),
            )
        )
    return slips
