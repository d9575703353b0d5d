"""Full-text search in SQL, with the access rule inside the same query.

Every figure a search returns (hits, total, facets) comes from one WHERE
clause that includes the reader's `readable` filter, so nothing is counted
that the reader may not read. SQLite uses FTS5 (bm25), PostgreSQL a GIN
index over a tsvector (ts_rank); the shape of the query is the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from looseleaf.policy.sql import Filter
from looseleaf.store.base import Tx

_ALL = Filter("1 = 1", ())
START, STOP = "\x02", "\x03"  # highlight marks, replaced after escaping by the caller


@dataclass(frozen=True)
class Row:
    leaf_id: int
    dossier_id: int
    report_id: int
    label: str
    marking_key: str
    score: float
    snippet: str


def index_report(tx: Tx, report_id: int) -> None:
    """Add a new report's leaves to the SQLite index (PostgreSQL's is a generated column)."""
    if tx.dialect == "sqlite":
        tx.execute(
            "INSERT INTO leaf_search (rowid, normalised) "
            "SELECT id, normalised FROM leaves WHERE report_id = ?",
            (report_id,),
        )


def _from(tx: Tx, match: str) -> tuple[str, str, tuple[Any, ...], str, str]:
    """FROM clause, match condition and its parameters, score and snippet expressions."""
    if tx.dialect == "sqlite":
        return (
            "leaf_search JOIN leaves l ON l.id = leaf_search.rowid",
            "leaf_search MATCH ?",
            (match,),
            "-bm25(leaf_search)",
            f"snippet(leaf_search, 0, '{START}', '{STOP}', ' … ', 16)",
        )
    return (
        "leaves l",
        "l.search @@ to_tsquery('looseleaf', ?)",
        (match,),
        "ts_rank(l.search, to_tsquery('looseleaf', ?))",
        f"ts_headline('looseleaf', l.normalised, to_tsquery('looseleaf', ?), "
        f"'StartSel={START}, StopSel={STOP}, MaxWords=16, MinWords=6, MaxFragments=2, "
        "FragmentDelimiter= … ')",
    )


_JOINS = (
    " JOIN markings m ON m.id = l.marking_id JOIN reports r ON r.id = l.report_id"
    " JOIN sources so ON so.id = r.source_id"
)


def search(
    tx: Tx,
    match: str,
    *,
    readable: Filter | None,
    filters: Sequence[Filter],
    limit: int,
    offset: int,
) -> tuple[list[Row], int, dict[str, list[tuple[Any, int]]]]:
    """(hits, total, facets by dossier and level), all over `readable` leaves."""
    source, condition, params, score, snippet = _from(tx, match)
    where = [condition, (readable or _ALL).sql, *(f.sql for f in filters)]
    where_params: list[Any] = [*params, *(readable or _ALL).params]
    for extra in filters:
        where_params.extend(extra.params)
    clause = " AND ".join(f"({part})" for part in where)
    is_pg = tx.dialect != "sqlite"
    head_params = [match, match] if is_pg else []
    rows = [
        Row(int(r[0]), int(r[1]), int(r[2]), r[3], r[4], float(r[5]), r[6])
        for r in tx.all(
            f"SELECT l.id, l.dossier_id, l.report_id, l.label, m.key, {score}, {snippet} "
            f"FROM {source}{_JOINS} WHERE {clause} ORDER BY 6 DESC, l.id LIMIT ? OFFSET ?",
            [*head_params, *where_params, limit, offset],
        )
    ]
    total = int(tx.scalar(f"SELECT COUNT(*) FROM {source}{_JOINS} WHERE {clause}", where_params))
    facets = {
        "dossier": [
            (int(r[0]), int(r[1]))
            for r in tx.all(
                f"SELECT l.dossier_id, COUNT(*) FROM {source}{_JOINS} WHERE {clause} "
                "GROUP BY l.dossier_id ORDER BY 2 DESC, 1",
                where_params,
            )
        ],
        "level": [
            (int(r[0]), int(r[1]))
            for r in tx.all(
                f"SELECT m.level, COUNT(*) FROM {source}{_JOINS} WHERE {clause} "
                "GROUP BY m.level ORDER BY 1",
                where_params,
            )
        ],
    }
    return rows, total, facets
