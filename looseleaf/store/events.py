"""Events: the ordered record of everything that happens to a registry.

Written in the same transaction as the change they describe, so a change
without its record (or a record without its change) cannot exist. The audit
log's Merkle tree is computed over these rows.
"""

from __future__ import annotations

import json
from typing import Any

from looseleaf.model import Event
from looseleaf.store.base import Tx


def record(
    tx: Tx, *, at: str, actor: str, action: str, target: str | None, detail: dict[str, Any]
) -> int:
    encoded = json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    # Ids are dense and in commit order (both stores have one writer at a
    # time), so the log has no gaps that a deletion could hide among.
    if tx.next_event_id is None:
        tx.next_event_id = int(tx.scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM events"))
    event_id = tx.next_event_id
    tx.execute(
        "INSERT INTO events (id, at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
        (event_id, at, actor, action, target, encoded),
    )
    tx.next_event_id = event_id + 1
    return event_id


def listing(tx: Tx, *, target: str | None = None, limit: int = 1000) -> list[Event]:
    where, params = ("WHERE target = ?", [target]) if target else ("", [])
    rows = tx.all(
        f"SELECT id, at, actor, action, target, detail FROM events {where} ORDER BY id LIMIT ?",
        [*params, limit],
    )
    return [Event(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]


def _reader_clause(name: str) -> tuple[str, list[object]]:
    """Events by a reader, whether acting themselves or through the operator's `--as`."""
    return "(actor = ? OR actor LIKE ?)", [f"reader:{name}", f"reader:{name} via %"]


def search(
    tx: Tx,
    *,
    actor_name: str | None = None,
    targets: list[str] | None = None,
    action: str | None = None,
    since: str | None = None,
    event_id: int | None = None,
    limit: int | None = 1000,
    newest: bool = False,
) -> list[Event]:
    """Events matching every filter given, oldest first; with `newest`, the
    `limit` newest of them (still oldest first)."""
    if targets is not None and not targets:
        return []
    chunks = [targets[i : i + 500] for i in range(0, len(targets), 500)] if targets else [None]
    found: list[Event] = []
    for chunk in chunks:
        clauses: list[str] = []
        params: list[object] = []
        if actor_name is not None:
            clause, values = _reader_clause(actor_name)
            clauses.append(clause)
            params += values
        if chunk is not None:
            clauses.append(f"target IN ({', '.join('?' for _ in chunk)})")
            params += chunk
        for column, op, value in (
            ("action", "=", action),
            ("at", ">=", since),
            ("id", "=", event_id),
        ):
            if value is not None:
                clauses.append(f"{column} {op} ?")
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        cap = "" if limit is None else f"LIMIT {int(limit)}"
        found += [
            Event(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]))
            for r in tx.all(
                f"SELECT id, at, actor, action, target, detail FROM events {where} "
                f"ORDER BY id {'DESC' if newest else ''} {cap}",
                params,
            )
        ]
    found.sort(key=lambda event: event.id)
    if limit is None:
        return found
    return found[-limit:] if newest else found[:limit]


def by_actor(tx: Tx, *, actor: str, action: str, since: str) -> list[Event]:
    """Events of one exact actor and action since a time (the alarm's window)."""
    return [
        Event(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]))
        for r in tx.all(
            "SELECT id, at, actor, action, target, detail FROM events "
            "WHERE actor = ? AND action = ? AND at >= ? ORDER BY id",
            (actor, action, since),
        )
    ]


def count_recent(tx: Tx, *, actor: str, action: str, since: str, cap: int) -> int:
    """How many such events since `since`, counting no further than `cap`: a
    walk of at most `cap` index entries, however busy the reader has been."""
    return int(
        tx.scalar(
            "SELECT COUNT(*) FROM (SELECT 1 FROM events WHERE actor = ? AND action = ? "
            "AND at >= ? ORDER BY at DESC LIMIT ?) AS recent",
            (actor, action, since, cap),
        )
    )


def distinct_targets(tx: Tx, *, actor: str, action: str, since: str, targets: list[str]) -> int:
    marks = ", ".join("?" for _ in targets)
    return int(
        tx.scalar(
            f"SELECT COUNT(DISTINCT target) FROM events WHERE actor = ? AND action = ? "
            f"AND at >= ? AND target IN ({marks})",
            (actor, action, since, *targets),
        )
    )
