"""Opaque ids for what readers and staff are shown.

A sequential id tells whoever sees two of them how many things were made in
between, hidden ones included: leaf 7 and leaf 9 on a slip say leaf 8 exists.
So every row an account may be shown gets its id from a keyed permutation of
its kind's counter: a Feistel network over 30 bits, walked until it lands in
the nine-digit range. Ids stay plain integers (easy to type, no lookup
table), never repeat, and say nothing without the registry's secret.

The counter itself is kept on the row as `arrival`, so lists keep their
arrival order without ordering by id; it never leaves the store.
"""

from __future__ import annotations

import hashlib
import secrets

from looseleaf.errors import RegistryError
from looseleaf.store.base import Tx

#: Ids run from 100,000,000 to 999,999,999: always nine digits.
FIRST = 100_000_000
SPAN = 900_000_000
_HALF = 15
_MASK = (1 << _HALF) - 1
_ROUNDS = 6

#: The kinds of row that get opaque ids (each its own counter and secret).
KINDS = ("claim", "dossier", "grant", "leaf", "note", "person", "report", "slip", "suggestion")


def allocate(tx: Tx, kind: str, count: int = 1) -> list[tuple[int, int]]:
    """`count` fresh (arrival, id) pairs of `kind`, in arrival order.

    One UPDATE takes the block, so the row lock (PostgreSQL) or the writer
    lock (SQLite) keeps two transactions from ever taking the same numbers.
    """
    row = tx.one(
        "UPDATE id_keys SET issued = issued + ? WHERE kind = ? RETURNING issued, secret",
        (count, kind),
    )
    if row is None:
        secret = secrets.token_hex(16)
        tx.execute(
            "INSERT INTO id_keys (kind, secret, issued) VALUES (?, ?, ?)", (kind, secret, count)
        )
        row = (count, secret)
    last, key = int(row[0]), bytes.fromhex(str(row[1]))
    if last > SPAN:
        raise RegistryError(f"the registry has issued all {SPAN:,} {kind} ids")
    return [(n + 1, FIRST + _permute(key, n)) for n in range(last - count, last)]


def one(tx: Tx, kind: str) -> tuple[int, int]:
    return allocate(tx, kind)[0]


def set_secret(tx: Tx, secret: str) -> None:
    """Derive every kind's key from one secret, for a registry that must give
    the same ids on every build (the demo, whose README names them). Refused
    once any id has been issued: the old ones would no longer be a permutation."""
    if tx.scalar("SELECT 1 FROM id_keys WHERE issued > 0") is not None:
        raise RegistryError("ids have been issued already; their secret cannot change")
    tx.execute("DELETE FROM id_keys")
    tx.executemany(
        "INSERT INTO id_keys (kind, secret, issued) VALUES (?, ?, 0)",
        [(kind, hashlib.sha256(f"{secret}\0{kind}".encode()).hexdigest()[:32]) for kind in KINDS],
    )


def _permute(key: bytes, n: int) -> int:
    """The n-th id of a kind: a bijection on [0, SPAN) (cycle walking keeps a
    permutation of 2^30 values inside the smaller range)."""
    value = n
    while True:
        value = _feistel(key, value)
        if value < SPAN:
            return value


def _feistel(key: bytes, value: int) -> int:
    left, right = value >> _HALF, value & _MASK
    for round_ in range(_ROUNDS):
        digest = hashlib.blake2b(
            bytes((round_,)) + right.to_bytes(2, "big"), key=key, digest_size=4
        ).digest()
        left, right = right, left ^ (int.from_bytes(digest, "big") & _MASK)
    return (left << _HALF) | right
