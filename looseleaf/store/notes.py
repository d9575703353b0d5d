"""Working-file notes and the leaves they cite."""

from __future__ import annotations

from collections.abc import Sequence

from looseleaf.store import ids
from looseleaf.store.base import Tx


def create(tx: Tx, reader_id: int, text: str, now: str, leaf_ids: Sequence[int]) -> int:
    arrival, note_id = ids.one(tx, "note")
    tx.execute(
        "INSERT INTO notes (id, arrival, reader_id, text, created_at) VALUES (?, ?, ?, ?, ?)",
        (note_id, arrival, reader_id, text, now),
    )
    tx.executemany(
        "INSERT INTO note_citations (note_id, leaf_id) VALUES (?, ?)",
        [(note_id, leaf_id) for leaf_id in sorted(set(leaf_ids))],
    )
    return note_id


def of_reader(
    tx: Tx, reader_id: int, note_id: int | None = None
) -> list[tuple[int, str, str, list[int]]]:
    """(id, text, created_at, cited leaf ids) of a reader's notes."""
    where, params = ("AND n.id = ?", [reader_id, note_id]) if note_id else ("", [reader_id])
    found = []
    for row in tx.all(
        f"SELECT n.id, n.text, n.created_at FROM notes n WHERE n.reader_id = ? {where} "
        "ORDER BY n.arrival",
        params,
    ):
        cited = [
            int(c[0])
            for c in tx.all(
                "SELECT c.leaf_id FROM note_citations c JOIN leaves l ON l.id = c.leaf_id "
                "WHERE c.note_id = ? ORDER BY l.arrival",
                (row[0],),
            )
        ]
        found.append((int(row[0]), row[1], row[2], cited))
    return found
