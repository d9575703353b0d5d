"""Reports: stitched onto a dossier in arrival order, never edited in place."""

from __future__ import annotations

from dataclasses import replace

from looseleaf.ingest import Document
from looseleaf.model import Report, Source
from looseleaf.store import ids, scans, search
from looseleaf.store.base import Filter, Tx
from looseleaf.store.leaves import leaves_of_reports
from looseleaf.store.search import index_report

_INSERT_LEAF = (
    "INSERT INTO leaves (id, arrival, report_id, dossier_id, position, label, original, "
    "normalised, sha256, chars, marking_id, tail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def by_hash(tx: Tx, dossier_id: int, sha256: str) -> tuple[int, int] | None:
    """(report id, leaf count) of the report with these bytes in this dossier."""
    row = tx.one(
        "SELECT r.id, (SELECT COUNT(*) FROM leaves l WHERE l.report_id = r.id) "
        "FROM reports r WHERE r.dossier_id = ? AND r.sha256 = ?",
        (dossier_id, sha256),
    )
    return None if row is None else (int(row[0]), int(row[1]))


def add(
    tx: Tx,
    *,
    dossier_id: int,
    document: Document,
    source: Source,
    marking_id: int,
    now: str,
) -> int:
    source_id = tx.scalar(
        "INSERT INTO sources (title, author, date, publication, licence, grade) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        (
            source.title,
            source.author,
            source.date,
            source.publication,
            source.licence,
            source.grade,
        ),
    )
    seq = tx.scalar(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM reports WHERE dossier_id = ?", (dossier_id,)
    )
    arrival, report_id = ids.one(tx, "report")
    tx.execute(
        "INSERT INTO reports (id, arrival, dossier_id, seq, filename, media_type, sha256, size, "
        "source_id, received_at, original) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            report_id,
            arrival,
            dossier_id,
            seq,
            document.filename,
            document.media_type,
            document.sha256,
            document.size,
            source_id,
            now,
            document.original,
        ),
    )
    numbers = ids.allocate(tx, "leaf", len(document.leaves)) if document.leaves else []
    tx.executemany(
        _INSERT_LEAF,
        [
            (
                leaf_id,
                leaf_arrival,
                report_id,
                dossier_id,
                leaf.position,
                leaf.label,
                leaf.original,
                leaf.normalised,
                leaf.sha256,
                len(leaf.original),
                marking_id,
                leaf.tail,
            )
            for (leaf_arrival, leaf_id), leaf in zip(numbers, document.leaves, strict=True)
        ],
    )
    scans.add(tx, [n[1] for n in numbers], [leaf.scan for leaf in document.leaves], now)
    index_report(tx, report_id)
    return report_id


def of_dossier(tx: Tx, dossier_id: int, *, readable: Filter | None = None) -> list[Report]:
    """A dossier's reports in arrival order, each with its leaves (only the
    `readable` ones when a filter is given)."""
    rows = tx.all(
        "SELECT r.id, r.dossier_id, r.seq, r.filename, r.media_type, r.sha256, r.size, "
        "r.received_at, r.withdrawn_at, s.title, s.author, s.date, s.publication, s.licence, "
        "s.grade FROM reports r JOIN sources s ON s.id = r.source_id "
        "WHERE r.dossier_id = ? ORDER BY r.seq",
        (dossier_id,),
    )
    leaves = leaves_of_reports(tx, [row[0] for row in rows], readable)
    found = [
        Report(
            id=row[0],
            dossier_id=row[1],
            seq=row[2],
            filename=row[3],
            media_type=row[4],
            sha256=row[5],
            size=row[6],
            received_at=row[7],
            withdrawn_at=row[8],
            source=Source(*row[9:15]),
            leaves=leaves.get(row[0], []),
        )
        for row in rows
    ]
    return found if readable is None else _as_seen(tx, found)


def _as_seen(tx: Tx, found: list[Report]) -> list[Report]:
    """Reports as an account sees them: numbered among the reports it is
    shown, leaves numbered among the leaves it may read, and never the whole
    file's hash and size. Those would confirm a guessed text of hidden pages,
    and even showing them only to someone who may read every page would say,
    by their absence, that a hidden page exists. Each leaf has its own hash."""
    shown = [report for report in found if report.leaves]
    return [
        replace(
            report,
            seq=seq,
            leaves=[replace(leaf, position=n) for n, leaf in enumerate(report.leaves, 1)],
            sha256=None,
            size=None,
        )
        for seq, report in enumerate(shown, 1)
    ]


def withdraw(tx: Tx, report_id: int, now: str) -> int:
    """Withdraw a report and every leaf on it; the rows stay, the text stays."""
    tx.execute(
        "UPDATE reports SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL",
        (now, report_id),
    )
    search.forget(tx, "report_id = ? AND withdrawn_at IS NULL", (report_id,))
    cursor = tx.execute(
        "UPDATE leaves SET withdrawn_at = ? WHERE report_id = ? AND withdrawn_at IS NULL",
        (now, report_id),
    )
    search.remember(tx, "report_id = ? AND withdrawn_at = ?", (report_id, now))
    return int(cursor.rowcount)


def exists(tx: Tx, report_id: int) -> bool:
    return tx.scalar("SELECT 1 FROM reports WHERE id = ?", (report_id,)) is not None
