"""Signed-off redactions of leaves, the class policies, and the layers they
make (the masked text each class reads, indexed for its search).

A layer is derived: the facade rebuilds a leaf's layers from its latest
signed-off spans whenever those, a record they name or a class's policy
change. The leaf's own text is never touched here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from looseleaf.redaction.rules import ClassPolicy
from looseleaf.redaction.spans import Span
from looseleaf.store.base import Tx


@dataclass(frozen=True)
class Signed:
    """A leaf's latest signed-off redaction."""

    id: int
    leaf_id: int
    version: int
    sha256: str
    signed_by: str
    signed_at: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Layer:
    """A leaf as one class (and, for a subject reader, one record) reads it."""

    reader_class: str
    person_id: int
    text: str
    sha256: str
    ranges: tuple[tuple[int, int], ...]


def policies(tx: Tx) -> dict[str, ClassPolicy]:
    return {
        str(name): ClassPolicy(str(name), tuple(str(masks).split()), bool(lapses))
        for name, masks, lapses in tx.all(
            "SELECT name, masks, lapses FROM reader_classes ORDER BY name"
        )
    }


def set_policy(tx: Tx, policy: ClassPolicy) -> None:
    tx.execute(
        "UPDATE reader_classes SET masks = ?, lapses = ? WHERE name = ?",
        (" ".join(policy.masks), int(policy.lapses), policy.name),
    )


def latest(tx: Tx, leaf_id: int) -> Signed | None:
    row = tx.one(
        "SELECT id, leaf_id, version, sha256, signed_by, signed_at FROM redactions "
        "WHERE leaf_id = ? ORDER BY version DESC LIMIT 1",
        (leaf_id,),
    )
    if row is None:
        return None
    spans = tuple(
        Span(int(r[0]), int(r[1]), str(r[2]), None if r[3] is None else int(r[3]))
        for r in tx.all(
            "SELECT start_offset, end_offset, kind, person_id FROM redaction_spans "
            "WHERE redaction_id = ? ORDER BY start_offset, end_offset",
            (row[0],),
        )
    )
    return Signed(
        int(row[0]), int(row[1]), int(row[2]), str(row[3]), str(row[4]), str(row[5]), spans
    )


def sign(tx: Tx, leaf_id: int, sha256: str, *, by: str, at: str, spans: Sequence[Span]) -> Signed:
    version = int(
        tx.scalar(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM redactions WHERE leaf_id = ?", (leaf_id,)
        )
    )
    redaction_id = int(
        tx.scalar(
            "INSERT INTO redactions (leaf_id, version, sha256, signed_by, signed_at) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            (leaf_id, version, sha256, by, at),
        )
    )
    tx.executemany(
        "INSERT INTO redaction_spans (redaction_id, start_offset, end_offset, kind, person_id) "
        "VALUES (?, ?, ?, ?, ?)",
        [(redaction_id, s.start, s.end, s.kind, s.person_id) for s in spans],
    )
    found = latest(tx, leaf_id)
    assert found is not None
    return found


def signed_leaves(tx: Tx, person_ids: Sequence[int] | None = None) -> list[int]:
    """Leaves with a signed-off redaction (of the current text), or only
    those whose latest spans name one of `person_ids`."""
    current = (
        "SELECT rd.leaf_id FROM redactions rd JOIN leaves l ON l.id = rd.leaf_id "
        "AND l.sha256 = rd.sha256"
    )
    if person_ids is None:
        return sorted({int(r[0]) for r in tx.all(current)})
    found: set[int] = set()
    for start in range(0, len(person_ids), 500):
        chunk = list(person_ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        found.update(
            int(r[0])
            for r in tx.all(
                f"{current} JOIN redaction_spans rs ON rs.redaction_id = rd.id "
                f"WHERE rs.person_id IN ({marks})",
                chunk,
            )
        )
    return sorted(found)


def set_layers(tx: Tx, leaf_id: int, redaction_id: int | None, layers: Sequence[Layer]) -> None:
    """Replace a leaf's layers (and their search entries) with `layers`."""
    old = [int(r[0]) for r in tx.all("SELECT id FROM leaf_layers WHERE leaf_id = ?", (leaf_id,))]
    if old:
        marks = ", ".join("?" for _ in old)
        if tx.dialect == "sqlite":
            tx.execute(
                "INSERT INTO layer_search (layer_search, rowid, normalised) "
                f"SELECT 'delete', id, normalised FROM leaf_layers WHERE id IN ({marks})",
                old,
            )
        tx.execute(f"DELETE FROM layer_spans WHERE layer_id IN ({marks})", old)
        tx.execute(f"DELETE FROM leaf_layers WHERE id IN ({marks})", old)
    for layer in layers:
        assert redaction_id is not None
        layer_id = int(
            tx.scalar(
                "INSERT INTO leaf_layers (leaf_id, reader_class, person_id, redaction_id, "
                "normalised, sha256) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    leaf_id,
                    layer.reader_class,
                    layer.person_id,
                    redaction_id,
                    layer.text,
                    layer.sha256,
                ),
            )
        )
        tx.executemany(
            "INSERT INTO layer_spans (layer_id, start_offset, end_offset) VALUES (?, ?, ?)",
            [(layer_id, start, end) for start, end in layer.ranges],
        )
        if tx.dialect == "sqlite":
            tx.execute(
                "INSERT INTO layer_search (rowid, normalised) VALUES (?, ?)",
                (layer_id, layer.text),
            )


def layer_for(tx: Tx, layer_sql: str, params: Sequence[object]) -> Layer | None:
    """The layer a `sql.layer_of` SELECT names, if any."""
    row = tx.one(
        "SELECT id, reader_class, person_id, normalised, sha256 FROM leaf_layers "
        f"WHERE id IN ({layer_sql})",
        params,
    )
    if row is None:
        return None
    ranges = tuple(
        (int(a), int(b))
        for a, b in tx.all(
            "SELECT start_offset, end_offset FROM layer_spans WHERE layer_id = ? "
            "ORDER BY start_offset",
            (row[0],),
        )
    )
    return Layer(str(row[1]), int(row[2]), str(row[3]), str(row[4]), ranges)


def shown_records(tx: Tx, reader_class: str, person_ids: Sequence[int] | None = None) -> set[int]:
    """The records shown to a class (of `person_ids`, where given)."""
    if person_ids is None:
        return {
            int(r[0])
            for r in tx.all(
                "SELECT person_id FROM shown_records WHERE reader_class = ?", (reader_class,)
            )
        }
    found: set[int] = set()
    for start in range(0, len(person_ids), 500):
        chunk = list(person_ids[start : start + 500])
        marks = ", ".join("?" for _ in chunk)
        found.update(
            int(r[0])
            for r in tx.all(
                "SELECT person_id FROM shown_records WHERE reader_class = ? "
                f"AND person_id IN ({marks})",
                [reader_class, *chunk],
            )
        )
    return found


def show(tx: Tx, reader_class: str, shown: Sequence[int], hidden: Sequence[int]) -> None:
    """Show these records to a class, and no longer those."""
    tx.executemany(
        "DELETE FROM shown_records WHERE reader_class = ? AND person_id = ?",
        [(reader_class, p) for p in hidden],
    )
    tx.executemany(
        "INSERT INTO shown_records (reader_class, person_id) VALUES (?, ?)",
        [(reader_class, p) for p in shown],
    )


def checked_on(tx: Tx) -> str | None:
    value = tx.scalar("SELECT checked_on FROM redaction_clock WHERE id = 1")
    return None if value is None else str(value)


def set_checked_on(tx: Tx, day: str) -> None:
    tx.execute(
        "INSERT INTO redaction_clock (id, checked_on) VALUES (1, ?) "
        "ON CONFLICT (id) DO UPDATE SET checked_on = excluded.checked_on",
        (day,),
    )
