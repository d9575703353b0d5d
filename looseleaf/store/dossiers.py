"""Dossiers: titled, marked, an ordered sequence of reports.

Listings take the access rule's SQL filters, so what a reader is shown (and
every count beside it) is computed over what they may see and read.
"""

from __future__ import annotations

from collections.abc import Sequence

from looseleaf.model import Dossier
from looseleaf.store import ids
from looseleaf.store.base import Filter, Tx
from looseleaf.store.markings import all_markings

_ALL = Filter("1 = 1", ())


def _dossiers(
    tx: Tx,
    where: str,
    params: tuple[object, ...],
    visible: Filter | None,
    readable: Filter | None,
) -> list[Dossier]:
    markings = all_markings(tx)
    shown = visible or _ALL
    counted = readable or _ALL
    rows = tx.all(
        "SELECT d.id, d.title, d.marking_id, d.created_at, "
        f"(SELECT COUNT(DISTINCT l.report_id) FROM leaves l WHERE l.dossier_id = d.id "
        f"AND {counted.sql}), "
        f"(SELECT COUNT(*) FROM leaves l WHERE l.dossier_id = d.id AND {counted.sql}) "
        f"FROM dossiers d WHERE {shown.sql} {where} ORDER BY d.title, d.arrival",
        (*counted.params, *counted.params, *shown.params, *params),
    )
    return [
        Dossier(row[0], row[1], markings[row[2]], row[3], int(row[4]), int(row[5])) for row in rows
    ]


def listing(
    tx: Tx, *, visible: Filter | None = None, readable: Filter | None = None
) -> list[Dossier]:
    """By title (every one listed is a title its asker may see), not by
    arrival: a dossier arrives with its first report, which may be a report
    its asker may not read, so arrival order would tell of it."""
    return _dossiers(tx, "", (), visible, readable)


def find(
    tx: Tx, ref: str, *, visible: Filter | None = None, readable: Filter | None = None
) -> Dossier | None:
    """A dossier by id (all digits) or by exact title, among those `visible`."""
    found = find_all(tx, ref, visible=visible, readable=readable)
    return found[0] if found else None


def find_all(
    tx: Tx, ref: str, *, visible: Filter | None = None, readable: Filter | None = None
) -> list[Dossier]:
    """Every dossier `ref` names among those `visible`: one by id, or all
    that share a title (titles are unique only within one marking)."""
    if ref.isascii() and ref.isdigit() and len(ref) < 19:  # "²" is a digit, not a number
        found = _dossiers(tx, "AND d.id = ?", (int(ref),), visible, readable)
        if found:
            return found
    return _dossiers(tx, "AND d.title = ?", (ref,), visible, readable)


def identify(tx: Tx, title: str, visible: Filter | None = None) -> list[tuple[int, str]]:
    """(id, marking key) of the dossiers with this title among those `visible`:
    what ingest needs, without counting."""
    shown = visible or _ALL
    return [
        (int(row[0]), str(row[1]))
        for row in tx.all(
            "SELECT d.id, m.key FROM dossiers d JOIN markings m ON m.id = d.marking_id "
            f"WHERE d.title = ? AND {shown.sql} ORDER BY d.arrival",
            (title, *shown.params),
        )
    ]


def titles(tx: Tx, visible: Filter | None = None) -> list[tuple[int, str]]:
    shown = visible or _ALL
    return [
        (int(row[0]), row[1])
        for row in tx.all(f"SELECT d.id, d.title FROM dossiers d WHERE {shown.sql}", shown.params)
    ]


def create(tx: Tx, title: str, marking_id: int, now: str) -> int:
    arrival, dossier_id = ids.one(tx, "dossier")
    tx.execute(
        "INSERT INTO dossiers (id, arrival, title, marking_id, created_at) VALUES (?, ?, ?, ?, ?)",
        (dossier_id, arrival, title, marking_id, now),
    )
    return dossier_id


def set_marking(tx: Tx, dossier_id: int, marking_id: int) -> None:
    tx.execute("UPDATE dossiers SET marking_id = ? WHERE id = ?", (marking_id, dossier_id))


def lock(tx: Tx, store_for_update: str, dossier_id: int) -> None:
    """Hold the dossier while a report is stitched on, so arrival order has no gaps or ties."""
    tx.execute(f"SELECT id FROM dossiers WHERE id = ?{store_for_update}", (dossier_id,))


def of_person(tx: Tx, person_id: int, visible: Filter) -> tuple[int, str] | None:
    """(id, title) of the dossier on a card-index record, if it is `visible`."""
    row = tx.one(
        "SELECT d.id, d.title FROM persons p JOIN dossiers d ON d.id = p.dossier_id "
        f"WHERE p.id = ? AND {visible.sql}",
        (person_id, *visible.params),
    )
    return None if row is None else (int(row[0]), row[1])


def titles_of(tx: Tx, dossier_ids: Sequence[int], visible: Filter) -> list[tuple[int, str]]:
    """(id, title) of those of `dossier_ids` whose title is `visible`."""
    if not dossier_ids:
        return []
    marks = ", ".join("?" for _ in dossier_ids)
    return [
        (int(row[0]), row[1])
        for row in tx.all(
            f"SELECT d.id, d.title FROM dossiers d WHERE d.id IN ({marks}) AND {visible.sql}",
            (*dossier_ids, *visible.params),
        )
    ]
