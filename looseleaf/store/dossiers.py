"""Dossiers: titled, marked, an ordered sequence of reports."""

from __future__ import annotations

from looseleaf.model import Dossier
from looseleaf.store.base import Tx
from looseleaf.store.markings import all_markings

_SELECT = """
SELECT d.id, d.title, d.marking_id, d.created_at,
       (SELECT COUNT(*) FROM reports r WHERE r.dossier_id = d.id),
       (SELECT COUNT(*) FROM leaves l WHERE l.dossier_id = d.id)
FROM dossiers d
"""


def _dossiers(tx: Tx, where: str, params: tuple[object, ...]) -> list[Dossier]:
    markings = all_markings(tx)
    return [
        Dossier(row[0], row[1], markings[row[2]], row[3], int(row[4]), int(row[5]))
        for row in tx.all(f"{_SELECT} {where} ORDER BY d.id", params)
    ]


def listing(tx: Tx) -> list[Dossier]:
    return _dossiers(tx, "", ())


def by_id(tx: Tx, dossier_id: int) -> Dossier | None:
    found = _dossiers(tx, "WHERE d.id = ?", (dossier_id,))
    return found[0] if found else None


def by_title(tx: Tx, title: str) -> Dossier | None:
    found = _dossiers(tx, "WHERE d.title = ?", (title,))
    return found[0] if found else None


def identify(tx: Tx, title: str) -> tuple[int, str] | None:
    """(id, marking key) of the dossier with this title: what ingest needs, without counting."""
    row = tx.one(
        "SELECT d.id, m.key FROM dossiers d JOIN markings m ON m.id = d.marking_id "
        "WHERE d.title = ?",
        (title,),
    )
    return None if row is None else (int(row[0]), str(row[1]))


def create(tx: Tx, title: str, marking_id: int, now: str) -> int:
    return int(
        tx.scalar(
            "INSERT INTO dossiers (title, marking_id, created_at) VALUES (?, ?, ?) RETURNING id",
            (title, marking_id, now),
        )
    )


def lock(tx: Tx, store_for_update: str, dossier_id: int) -> None:
    """Hold the dossier while a report is stitched on, so arrival order has no gaps or ties."""
    tx.execute(f"SELECT id FROM dossiers WHERE id = ?{store_for_update}", (dossier_id,))
