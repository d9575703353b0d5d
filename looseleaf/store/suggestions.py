"""Suggested matches for the registrar, and the decisions that end them."""

from __future__ import annotations

import json
from typing import Any

from looseleaf.cardindex.names import fold
from looseleaf.model import Suggestion
from looseleaf.store import ids
from looseleaf.store.base import Tx


def add(
    tx: Tx,
    *,
    kind: str,
    form: str,
    person_id: int,
    other_id: int | None,
    score: float,
    reasons: list[str],
    leaf_id: int | None,
    now: str,
) -> int | None:
    """A new pending suggestion, unless the same one is pending or was decided."""
    if decided(tx, form, str(person_id)) is not None:
        return None
    pending = tx.one(
        "SELECT id FROM suggestions WHERE status = 'pending' AND kind = ? AND person_id = ? "
        "AND form = ?",
        (kind, person_id, form),
    )
    if pending is not None:
        return None
    arrival, suggestion_id = ids.one(tx, "suggestion")
    tx.execute(
        "INSERT INTO suggestions (id, arrival, kind, form, person_id, other_id, score, reasons, "
        "leaf_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
        (suggestion_id, arrival, kind, form, person_id, other_id, score, json.dumps(reasons),
         leaf_id, now),
    )  # fmt: skip
    return suggestion_id


def _suggestion(row: Any) -> Suggestion:
    return Suggestion(
        id=int(row[0]),
        kind=row[1],
        form=row[2],
        person_id=int(row[3]),
        other_id=None if row[4] is None else int(row[4]),
        score=float(row[5]),
        reasons=tuple(json.loads(row[6])),
        leaf_id=None if row[7] is None else int(row[7]),
        status=row[8],
    )


_COLUMNS = "id, kind, form, person_id, other_id, score, reasons, leaf_id, status"


def pending(tx: Tx) -> list[Suggestion]:
    return [
        _suggestion(row)
        for row in tx.all(
            f"SELECT {_COLUMNS} FROM suggestions WHERE status = 'pending' "
            "ORDER BY score DESC, arrival"
        )
    ]


def by_id(tx: Tx, suggestion_id: int) -> Suggestion | None:
    row = tx.one(f"SELECT {_COLUMNS} FROM suggestions WHERE id = ?", (suggestion_id,))
    return None if row is None else _suggestion(row)


def close(tx: Tx, suggestion_id: int, status: str, by: str, now: str) -> None:
    tx.execute(
        "UPDATE suggestions SET status = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        (status, by, now, suggestion_id),
    )


def _pair(a: str, b: str) -> tuple[str, str]:
    x, y = fold(a), fold(b)
    return (x, y) if x <= y else (y, x)


def remember(tx: Tx, a: str, b: str, *, same: bool, by: str, now: str) -> None:
    """Remember that `a` and `b` (forms, or a form and "person id") do or do not match."""
    x, y = _pair(a, b)
    tx.execute("DELETE FROM match_decisions WHERE a = ? AND b = ?", (x, y))
    tx.execute(
        "INSERT INTO match_decisions (a, b, same, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)",
        (x, y, int(same), by, now),
    )


def decided(tx: Tx, a: str, b: str) -> bool | None:
    x, y = _pair(a, b)
    row = tx.one("SELECT same FROM match_decisions WHERE a = ? AND b = ?", (x, y))
    return None if row is None else bool(row[0])
