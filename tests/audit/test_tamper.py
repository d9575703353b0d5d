"""Tampering with a real registry is always caught; an untouched one always verifies.

Each tampering is done inside a transaction, verified inside it, and rolled
back, so one real log serves a thousand tamperings on each backend.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from looseleaf.audit import log, merkle
from looseleaf.audit.keys import SigningKey, load
from looseleaf.audit.verify import verify
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.store.base import Tx
from tests.audit.activity import make_history
from tests.conftest import OPERATOR

TAMPERINGS = 1000


class RolledBack(Exception):
    pass


#: An events row: id, at, actor, action, target (None for none), detail.
EventRow = tuple[int, str, str, str, str | None, str]


def _events(tx: Tx) -> list[EventRow]:
    return list(log.rows(tx))


def change_a_byte(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    rows = _events(tx)
    row = rng.choice(rows)
    column = rng.choice(["at", "actor", "action", "target", "detail"])
    index = ["id", "at", "actor", "action", "target", "detail"].index(column)
    value = str(row[index] or "")
    if not value:
        value = "x"
        changed = "y"
    else:
        at = rng.randrange(len(value))
        new = chr(ord(value[at]) ^ 1) if value[at] not in "\x00\x01" else "z"
        changed = value[:at] + new + value[at + 1 :]
    tx.execute(f"UPDATE events SET {column} = ? WHERE id = ?", (changed, row[0]))
    return f"changed {column} of event {row[0]}"


def delete_an_event(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    victim = rng.choice(_events(tx))[0]
    tx.execute("DELETE FROM events WHERE id = ?", (victim,))
    return f"deleted event {victim}"


def delete_and_renumber(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    """The careful forger: remove an event and close the gap."""
    rows = _events(tx)
    victim = int(rng.choice(rows)[0])
    tx.execute("DELETE FROM events WHERE id = ?", (victim,))
    tx.execute("UPDATE events SET id = -(id - 1) WHERE id > ?", (victim,))
    tx.execute("UPDATE events SET id = -id WHERE id < 0")
    return f"deleted event {victim} and renumbered"


def insert_an_event(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    rows = _events(tx)
    k = int(rng.choice(rows)[0])
    tx.execute("UPDATE events SET id = -(id + 1) WHERE id >= ?", (k,))
    tx.execute("UPDATE events SET id = -id WHERE id < 0")
    before = rows[k - 2][1] if k > 1 else rows[0][1]
    tx.execute(
        "INSERT INTO events (id, at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)",
        (k, before, "operator:root", "leaf.read", "leaf:1", '{"forged":true}'),
    )
    return f"inserted an event at {k}"


def swap_two_events(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    rows = _events(tx)
    a, b = rng.sample(rows, 2)
    if a[1:] == b[1:]:
        return change_a_byte(tx, rng, key)
    for target, source in ((a, b), (b, a)):
        tx.execute(
            "UPDATE events SET at = ?, actor = ?, action = ?, target = ?, detail = ? WHERE id = ?",
            (*source[1:], target[0]),
        )
    return f"swapped events {a[0]} and {b[0]}"


def alter_leaf_text(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    leaf_id, original = rng.choice(tx.all("SELECT id, original FROM leaves"))
    text = str(original) + rng.choice(["x", " ", "\n", "Ж"])
    if rng.random() < 0.5:  # the careful forger also fixes the stored hash
        tx.execute(
            "UPDATE leaves SET original = ?, sha256 = ? WHERE id = ?",
            (text, log.content_digest(text), leaf_id),
        )
    else:
        tx.execute("UPDATE leaves SET original = ? WHERE id = ?", (text, leaf_id))
    return f"altered the text of leaf {leaf_id}"


def drop_a_leaf(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    [leaf_id] = rng.choice(tx.all("SELECT id FROM leaves"))
    for table in (
        "slip_leaves",
        "grants",
        "note_citations",
        "copy_leaves",
        "mentions",
        "suggestions",
    ):
        tx.execute(f"DELETE FROM {table} WHERE leaf_id = ?", (leaf_id,))
    tx.execute("DELETE FROM leaves WHERE id = ?", (leaf_id,))
    return f"dropped leaf {leaf_id}"


def swap_two_leaves(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    rows = tx.all("SELECT id, original, normalised, sha256 FROM leaves")
    a, b = rng.sample(rows, 2)
    if a[1] == b[1]:
        return alter_leaf_text(tx, rng, key)
    for target, source in ((a, b), (b, a)):
        tx.execute(
            "UPDATE leaves SET original = ?, normalised = ?, sha256 = ? WHERE id = ?",
            (*source[1:], target[0]),
        )
    return f"swapped the texts of leaves {a[0]} and {b[0]}"


def truncate_and_resign(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    total = len(_events(tx))
    keep = rng.randrange(1, total)
    tx.execute("DELETE FROM events WHERE id > ?", (keep,))
    tx.execute("DELETE FROM checkpoints")
    forger = load(key.path.with_name("forged.key"), create=True)
    log.checkpoint(tx, forger, "2030-01-01T00:00:00.000000Z")
    return f"cut the log to {keep} events and re-signed with a new key"


def truncate_quietly(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    """Cut the tail back to an earlier checkpoint, dropping the later ones."""
    sizes = [cp.size for cp in log.checkpoints(tx)]
    keep = rng.choice(sizes[:-1]) if len(sizes) > 1 else 1
    tx.execute("DELETE FROM events WHERE id > ?", (keep,))
    tx.execute("DELETE FROM checkpoints WHERE size > ?", (keep,))
    return f"cut the log back to checkpoint {keep}"


def forge_a_checkpoint(tx: Tx, rng: random.Random, key: SigningKey) -> str:
    cp = rng.choice(log.checkpoints(tx))
    leaves = log.leaf_hashes(tx, cp.size)
    fake = merkle.leaf_hash(b"forged")
    root = merkle.root([*leaves[:-1], fake]).hex()
    tx.execute("UPDATE checkpoints SET root = ? WHERE size = ?", (root, cp.size))
    return f"rewrote the root of checkpoint {cp.size}"


TAMPER: list[Callable[[Tx, random.Random, SigningKey], str]] = [
    change_a_byte,
    delete_an_event,
    delete_and_renumber,
    insert_an_event,
    swap_two_events,
    alter_leaf_text,
    drop_a_leaf,
    swap_two_leaves,
    truncate_and_resign,
    truncate_quietly,
    forge_a_checkpoint,
]


def test_every_tampering_is_caught_and_the_real_log_verifies(
    registry_url: str, tmp_path: Path
) -> None:
    settings = Settings(
        registry=registry_url, signing_key=str(tmp_path / "sign.key"), checkpoint_every=16
    )
    with Registry.init(settings, OPERATOR) as registry:
        make_history(registry, tmp_path, rounds=6)
    with Registry.open(settings) as registry:
        key = registry.signing_key()
        witness = key.read_witness()
        with registry.store.read() as tx:
            clean = verify(tx, key.public, witness=witness)
        assert clean.ok, clean.problems
        assert clean.unsigned == 0
        assert clean.events > 50
        assert clean.checkpoints >= 4
        rng = random.Random(20261122)
        caught: dict[str, int] = {}

        def tamper_and_verify(tamper: Callable[[Tx, random.Random, SigningKey], str]) -> None:
            with registry.store.write() as tx:
                what = tamper(tx, rng, key)
                verdict = verify(tx, key.public, witness=witness)
                assert not verdict.ok, f"not caught: {what}"
                caught[tamper.__name__] = caught.get(tamper.__name__, 0) + 1
                raise RolledBack

        for _ in range(TAMPERINGS):
            with pytest.raises(RolledBack):
                tamper_and_verify(rng.choice(TAMPER))
        assert sum(caught.values()) == TAMPERINGS
        assert set(caught) == {t.__name__ for t in TAMPER}
        with registry.store.read() as tx:
            assert verify(tx, key.public, witness=witness).ok
