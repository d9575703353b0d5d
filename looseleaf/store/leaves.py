"""Leaves: the unit of access. Catalogue rows and text are read separately,
so a listing can never carry text by accident."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from looseleaf.model import Leaf, LeafText, Marking, PageScan
from looseleaf.store import search
from looseleaf.store.base import Filter, Tx

_COLUMNS = (
    "l.id, l.report_id, l.dossier_id, l.position, l.label, l.sha256, l.chars, m.key, l.withdrawn_at"
)
_FROM = "leaves l JOIN markings m ON m.id = l.marking_id"


def _leaf(row: Any) -> Leaf:
    return Leaf(
        id=int(row[0]),
        report_id=int(row[1]),
        dossier_id=int(row[2]),
        position=int(row[3]),
        label=row[4],
        sha256=str(row[5]),
        chars=int(row[6]),
        marking=Marking.from_key(row[7]),
        withdrawn_at=row[8],
    )


def leaves_of_reports(
    tx: Tx,
    report_ids: Sequence[int],
    readable: Filter | None = None,
) -> dict[int, list[Leaf]]:
    found: dict[int, list[Leaf]] = {}
    if not report_ids:
        return found
    marks = ", ".join("?" for _ in report_ids)
    trim = f"AND {readable.sql}" if readable else ""
    for row in tx.all(
        f"SELECT {_COLUMNS} FROM {_FROM} WHERE l.report_id IN ({marks}) {trim} "
        "ORDER BY l.report_id, l.position",
        [*report_ids, *(readable.params if readable else ())],
    ):
        leaf = _leaf(row)
        found.setdefault(leaf.report_id, []).append(leaf)
    return found


def by_id(tx: Tx, leaf_id: int) -> Leaf | None:
    row = tx.one(f"SELECT {_COLUMNS} FROM {_FROM} WHERE l.id = ?", (leaf_id,))
    return None if row is None else _leaf(row)


def text(tx: Tx, leaf: Leaf) -> LeafText:
    """The leaf's text. Called only by the registry facade, after its checks."""
    original, normalised = tx.one(
        "SELECT original, normalised FROM leaves WHERE id = ?", (leaf.id,)
    )
    return LeafText(leaf, original, normalised, scan_of(tx, leaf.id))


def set_text(tx: Tx, leaf_id: int, original: str, normalised: str, sha256: str) -> str:
    """A scanned leaf's text read again; answers the hash it had."""
    was = str(tx.scalar("SELECT sha256 FROM leaves WHERE id = ?", (leaf_id,)))
    tx.execute(
        "UPDATE leaves SET original = ?, normalised = ?, sha256 = ?, chars = ? WHERE id = ?",
        (original, normalised, sha256, len(original), leaf_id),
    )
    return was


def scan_of(tx: Tx, leaf_id: int) -> PageScan | None:
    """A scanned leaf's page image facts and its latest OCR reading."""
    row = tx.one(
        "SELECT i.media_type, i.sha256, i.width, i.height, r.languages, r.confidence, "
        "r.script, r.warnings, (SELECT COUNT(*) FROM leaf_readings c WHERE c.leaf_id = i.leaf_id) "
        "FROM leaf_images i JOIN leaf_readings r ON r.leaf_id = i.leaf_id "
        "WHERE i.leaf_id = ? ORDER BY r.id DESC LIMIT 1",
        (leaf_id,),
    )
    if row is None:
        return None
    return PageScan(
        str(row[0]),
        str(row[1]),
        int(row[2]),
        int(row[3]),
        str(row[4]),
        None if row[5] is None else float(row[5]),
        None if row[6] is None else str(row[6]),
        tuple(json.loads(row[7])),
        int(row[8]),
    )


def withdraw(tx: Tx, leaf_id: int, now: str) -> bool:
    search.forget(tx, "id = ?", (leaf_id,))
    cursor = tx.execute(
        "UPDATE leaves SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
        (now, leaf_id),
    )
    search.remember(tx, "id = ?", (leaf_id,))
    return int(cursor.rowcount) > 0


def ids_of_dossier(tx: Tx, dossier_id: int) -> list[int]:
    return [
        int(row[0])
        for row in tx.all(
            "SELECT id FROM leaves WHERE dossier_id = ? ORDER BY arrival", (dossier_id,)
        )
    ]


def ids_of_report(tx: Tx, report_id: int) -> list[int]:
    return [
        int(row[0])
        for row in tx.all(
            "SELECT id FROM leaves WHERE report_id = ? ORDER BY position", (report_id,)
        )
    ]


def set_marking(tx: Tx, leaf_id: int, marking_id: int) -> None:
    search.forget(tx, "id = ?", (leaf_id,))
    tx.execute("UPDATE leaves SET marking_id = ? WHERE id = ?", (marking_id, leaf_id))
    search.remember(tx, "id = ?", (leaf_id,))


def readable_ids(tx: Tx, readable: Filter, *, dossier_id: int | None = None) -> list[int]:
    """Ids of the leaves a filter admits, optionally within one dossier: the list
    that must always agree with `check`."""
    where, params = ("AND l.dossier_id = ?", (dossier_id,)) if dossier_id is not None else ("", ())
    return [
        int(row[0])
        for row in tx.all(
            f"SELECT l.id FROM leaves l WHERE {readable.sql} {where} ORDER BY l.arrival",
            (*readable.params, *params),
        )
    ]


def earlier_on_report(tx: Tx, leaf_id: int) -> list[str]:
    """Normalised text of the pages before this leaf in its report, in order
    (for matching inside the facade: never returned)."""
    return [
        str(row[0])
        for row in tx.all(
            "SELECT e.normalised FROM leaves l JOIN leaves e ON e.report_id = l.report_id "
            "AND e.position < l.position WHERE l.id = ? ORDER BY e.position",
            (leaf_id,),
        )
    ]


def texts_of_dossier(tx: Tx, dossier_id: int) -> list[tuple[int, str]]:
    """(id, normalised text) of a dossier's leaves that are not withdrawn.

    For matching inside the facade (cross-reference proposals); this text is
    never returned to anyone from here.
    """
    return [
        (int(row[0]), row[1])
        for row in tx.all(
            "SELECT id, normalised FROM leaves WHERE dossier_id = ? AND withdrawn_at IS NULL "
            "ORDER BY arrival",
            (dossier_id,),
        )
    ]


def as_seen(tx: Tx, leaf: Leaf, readable: Filter | None) -> Leaf:
    """A leaf with its position counted among the leaves of its report that
    `readable` admits: "page 3" must not say that a page 2 exists."""
    if readable is None:
        return leaf
    position = tx.scalar(
        f"SELECT COUNT(*) FROM leaves l WHERE l.report_id = ? AND l.position <= ? "
        f"AND {readable.sql}",
        (leaf.report_id, leaf.position, *readable.params),
    )
    return replace(leaf, position=int(position))


def texts(tx: Tx, leaf_ids: Sequence[int]) -> dict[int, str]:
    """Normalised text by leaf, for matching inside the facade (never returned)."""
    found: dict[int, str] = {}
    for start in range(0, len(leaf_ids), 500):
        chunk = list(leaf_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        for leaf_id, text in tx.all(
            f"SELECT id, normalised FROM leaves WHERE id IN ({marks})", chunk
        ):
            found[int(leaf_id)] = str(text)
    return found


def marking_keys(tx: Tx, leaf_ids: Sequence[int]) -> list[str]:
    """The distinct markings (as keys) of these leaves."""
    keys: set[str] = set()
    for start in range(0, len(leaf_ids), 500):
        chunk = list(leaf_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        keys.update(
            str(row[0])
            for row in tx.all(
                f"SELECT DISTINCT m.key FROM leaves l JOIN markings m ON m.id = l.marking_id "
                f"WHERE l.id IN ({marks})",
                chunk,
            )
        )
    return sorted(keys)
