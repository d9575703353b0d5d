"""Numbered copies and their receipts."""

from __future__ import annotations

from collections.abc import Sequence

from looseleaf.model import Copy
from looseleaf.store.base import Tx


def next_number(tx: Tx) -> int:
    return int(tx.scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM copies"))


def create(
    tx: Tx,
    *,
    number: int,
    reader_id: int,
    purpose: str,
    issued_by: str,
    now: str,
    sha256: str,
    pages: int,
    leaf_ids: Sequence[int],
) -> None:
    tx.execute(
        "INSERT INTO copies (id, reader_id, purpose, issued_by, issued_at, sha256, pages) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (number, reader_id, purpose, issued_by, now, sha256, pages),
    )
    tx.executemany(
        "INSERT INTO copy_leaves (copy_id, leaf_id, position) VALUES (?, ?, ?)",
        [(number, leaf_id, position) for position, leaf_id in enumerate(leaf_ids, start=1)],
    )


def mark_returned(tx: Tx, number: int, who: str, now: str) -> bool:
    cursor = tx.execute(
        "UPDATE copies SET returned_at = ?, returned_to = ? WHERE id = ? AND returned_at IS NULL",
        (now, who, number),
    )
    return int(cursor.rowcount) > 0


def listing(tx: Tx, *, number: int | None = None, outstanding: bool = False) -> list[Copy]:
    clauses, params = [], []
    if number is not None:
        clauses.append("c.id = ?")
        params.append(number)
    if outstanding:
        clauses.append("c.returned_at IS NULL")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    copies = []
    for row in tx.all(
        "SELECT c.id, r.name, c.purpose, c.issued_by, c.issued_at, c.sha256, c.pages, "
        f"c.returned_at, c.returned_to FROM copies c JOIN readers r ON r.id = c.reader_id {where} "
        "ORDER BY c.id",
        params,
    ):
        leaves = tuple(
            int(leaf[0])
            for leaf in tx.all(
                "SELECT leaf_id FROM copy_leaves WHERE copy_id = ? ORDER BY position", (row[0],)
            )
        )
        copies.append(
            Copy(
                int(row[0]),
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                int(row[6]),
                leaves,
                row[7],
                row[8],
            )
        )
    return copies
