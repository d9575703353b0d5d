"""Grants: page-level approvals with an expiry. Ending one never deletes it."""

from __future__ import annotations

from collections.abc import Sequence

from looseleaf.model import Grant
from looseleaf.store import ids
from looseleaf.store.base import Tx


def add(
    tx: Tx,
    *,
    reader_id: int,
    leaf_ids: Sequence[int],
    slip_id: int | None,
    purpose: str,
    granted_by: str,
    now: str,
    expires_at: str,
) -> None:
    if not leaf_ids:
        return
    numbers = ids.allocate(tx, "grant", len(leaf_ids))
    tx.executemany(
        "INSERT INTO grants (id, arrival, reader_id, leaf_id, slip_id, purpose, granted_by, "
        "granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (grant_id, arrival, reader_id, leaf_id, slip_id, purpose, granted_by, now, expires_at)
            for (arrival, grant_id), leaf_id in zip(numbers, leaf_ids, strict=True)
        ],
    )


def end_for_slip(tx: Tx, slip_id: int, now: str) -> int:
    cursor = tx.execute(
        "UPDATE grants SET ended_at = ? WHERE slip_id = ? AND ended_at IS NULL", (now, slip_id)
    )
    return int(cursor.rowcount)


def listing(tx: Tx, *, reader_id: int | None = None, slip_id: int | None = None) -> list[Grant]:
    clauses, params = [], []
    for column, value in (("g.reader_id", reader_id), ("g.slip_id", slip_id)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return [
        Grant(int(r[0]), r[1], int(r[2]), r[3], r[4], r[5], r[6], r[7], r[8])
        for r in tx.all(
            "SELECT g.id, r.name, g.leaf_id, g.slip_id, g.purpose, g.granted_by, g.granted_at, "
            f"g.expires_at, g.ended_at FROM grants g JOIN readers r ON r.id = g.reader_id {where} "
            "ORDER BY g.arrival",
            params,
        )
    ]
