"""Leaves: the unit of access. Catalogue rows and text are read separately,
so a listing can never carry text by accident."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from looseleaf.model import Leaf, LeafText, Marking
from looseleaf.store.base import Tx
from looseleaf.store.markings import all_markings

_COLUMNS = (
    "l.id, l.report_id, l.dossier_id, l.position, l.label, l.sha256, l.chars, "
    "l.marking_id, l.withdrawn_at"
)


def _leaf(row: Any, markings: dict[int, Marking]) -> Leaf:
    return Leaf(
        id=int(row[0]),
        report_id=int(row[1]),
        dossier_id=int(row[2]),
        position=int(row[3]),
        label=row[4],
        sha256=str(row[5]),
        chars=int(row[6]),
        marking=markings[int(row[7])],
        withdrawn_at=row[8],
    )


def leaves_of_reports(
    tx: Tx, report_ids: Sequence[int], markings: dict[int, Marking]
) -> dict[int, list[Leaf]]:
    found: dict[int, list[Leaf]] = {}
    if not report_ids:
        return found
    marks = ", ".join("?" for _ in report_ids)
    for row in tx.all(
        f"SELECT {_COLUMNS} FROM leaves l WHERE l.report_id IN ({marks}) "
        "ORDER BY l.report_id, l.position",
        list(report_ids),
    ):
        leaf = _leaf(row, markings)
        found.setdefault(leaf.report_id, []).append(leaf)
    return found


def by_id(tx: Tx, leaf_id: int) -> Leaf | None:
    row = tx.one(f"SELECT {_COLUMNS} FROM leaves l WHERE l.id = ?", (leaf_id,))
    return None if row is None else _leaf(row, all_markings(tx))


def text(tx: Tx, leaf: Leaf) -> LeafText:
    """The leaf's text. Called only by the registry facade, after its checks."""
    original, normalised = tx.one(
        "SELECT original, normalised FROM leaves WHERE id = ?", (leaf.id,)
    )
    return LeafText(leaf, original, normalised)


def withdraw(tx: Tx, leaf_id: int, now: str) -> bool:
    cursor = tx.execute(
        "UPDATE leaves SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
        (now, leaf_id),
    )
    return int(cursor.rowcount) > 0
