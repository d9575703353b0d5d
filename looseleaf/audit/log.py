"""The event log as a Merkle tree: canonical entries, checkpoints, proofs.

An entry is the event row exactly as stored (the detail as its stored JSON
text, not re-encoded), so a change of one byte anywhere changes its hash.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from looseleaf.audit import merkle
from looseleaf.audit.keys import PublicKey, SigningKey
from looseleaf.store.base import Tx

STATEMENT_VERSION = "looseleaf-checkpoint/v1"
_BATCH = 5000


def entry(row: tuple[Any, ...]) -> bytes:
    """Canonical bytes of one event row: id, at, actor, action, target, detail,
    joined by the ASCII unit separator (which none of them can contain raw)."""
    event_id, at, actor, action, target, detail = row
    return f"{event_id}\x1f{at}\x1f{actor}\x1f{action}\x1f{target or ''}\x1f{detail}".encode()


def rows(tx: Tx, after: int = 0, upto: int | None = None) -> Iterator[tuple[Any, ...]]:
    """Event rows with id > after (and <= upto), in id order, fetched in batches."""
    last = after
    while True:
        limit = _BATCH if upto is None else min(_BATCH, upto - last)
        if limit <= 0:
            return
        batch = tx.all(
            "SELECT id, at, actor, action, target, detail FROM events WHERE id > ? "
            "ORDER BY id LIMIT ?",
            (last, limit),
        )
        yield from batch
        if len(batch) < limit:
            return
        last = int(batch[-1][0])


def leaf_hashes(tx: Tx, upto: int | None = None) -> list[bytes]:
    return [merkle.leaf_hash(entry(row)) for row in rows(tx, 0, upto)]


@dataclass(frozen=True)
class Checkpoint:
    """A signed tree head: the first `size` events have this root."""

    size: int
    root: str
    at: str
    key_id: str
    signature: str
    frontier: str = ""

    def statement(self) -> bytes:
        return _statement(self.key_id, self.size, self.root, self.at)

    def as_json(self, public: PublicKey | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "format": STATEMENT_VERSION,
            "size": self.size,
            "root": self.root,
            "at": self.at,
            "key_id": self.key_id,
            "signature": self.signature,
        }
        if public is not None:
            data["public_key"] = public.encode()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Checkpoint:
        if data.get("format") != STATEMENT_VERSION:
            raise ValueError(f"not a {STATEMENT_VERSION} checkpoint")
        return cls(
            int(data["size"]),
            str(data["root"]),
            str(data["at"]),
            str(data["key_id"]),
            str(data["signature"]),
        )


def _statement(key_id: str, size: int, root: str, at: str) -> bytes:
    return f"{STATEMENT_VERSION}\n{key_id}\n{size}\n{root}\n{at}\n".encode()


def checkpoints(tx: Tx) -> list[Checkpoint]:
    return [
        Checkpoint(int(r[0]), r[1], r[2], r[3], r[4], r[5])
        for r in tx.all(
            "SELECT size, root, at, key_id, signature, frontier FROM checkpoints ORDER BY size"
        )
    ]


def latest(tx: Tx) -> Checkpoint | None:
    row = tx.one(
        "SELECT size, root, at, key_id, signature, frontier FROM checkpoints "
        "ORDER BY size DESC LIMIT 1"
    )
    return None if row is None else Checkpoint(int(row[0]), row[1], row[2], row[3], row[4], row[5])


def event_count(tx: Tx) -> int:
    return int(tx.scalar("SELECT COALESCE(MAX(id), 0) FROM events"))


def checkpoint(tx: Tx, key: SigningKey, now: str) -> Checkpoint | None:
    """Sign a tree head over every event so far, folding the new events into
    the last checkpoint's frontier. None when nothing new has been logged."""
    previous = latest(tx)
    frontier = (
        merkle.Frontier.decode(previous.size, previous.frontier) if previous else merkle.Frontier()
    )
    for row in rows(tx, frontier.size):
        frontier.append(merkle.leaf_hash(entry(row)))
    if previous is not None and frontier.size == previous.size:
        return None
    root = frontier.root().hex()
    key_id = key.public.key_id
    signature = key.sign(_statement(key_id, frontier.size, root, now)).hex()
    made = Checkpoint(frontier.size, root, now, key_id, signature, frontier.encode())
    tx.execute(
        "INSERT INTO checkpoints (size, root, frontier, at, key_id, signature) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (made.size, made.root, made.frontier, made.at, made.key_id, made.signature),
    )
    return made


def inclusion(tx: Tx, event_id: int, size: int) -> list[str]:
    leaves = leaf_hashes(tx, size)
    return [h.hex() for h in merkle.inclusion_proof(leaves, event_id - 1)]


def consistency(tx: Tx, old_size: int, new_size: int) -> list[str]:
    leaves = leaf_hashes(tx, new_size)
    return [h.hex() for h in merkle.consistency_proof(leaves, old_size)]


def content_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
