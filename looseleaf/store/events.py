"""Events: the ordered record of everything that happens to a registry.

Written in the same transaction as the change they describe, so a change
without its record (or a record without its change) cannot exist. The audit
log's Merkle tree is computed over these rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from looseleaf.model import Jsonable
from looseleaf.store.base import Tx


@dataclass(frozen=True)
class Event(Jsonable):
    id: int
    at: str
    actor: str
    action: str
    target: str | None
    detail: dict[str, Any]


def record(
    tx: Tx, *, at: str, actor: str, action: str, target: str | None, detail: dict[str, Any]
) -> int:
    encoded = json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return int(
        tx.scalar(
            "INSERT INTO events (at, actor, action, target, detail) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            (at, actor, action, target, encoded),
        )
    )


def listing(tx: Tx, *, target: str | None = None, limit: int = 1000) -> list[Event]:
    where, params = ("WHERE target = ?", [target]) if target else ("", [])
    rows = tx.all(
        f"SELECT id, at, actor, action, target, detail FROM events {where} ORDER BY id LIMIT ?",
        [*params, limit],
    )
    return [Event(r[0], r[1], r[2], r[3], r[4], json.loads(r[5])) for r in rows]
