"""Full-text search in SQL, with the access rule inside the same query.

Every figure a search returns (hits, total, facets) comes from one WHERE
clause that includes the reader's `readable` filter, so nothing is counted
that the reader may not read. SQLite uses FTS5 (bm25), PostgreSQL a GIN
index over a tsvector (ts_rank); the shape of the query is the same.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from looseleaf.policy.sql import Filter, cleared_markings, granted_leaves
from looseleaf.store.base import Tx

_ALL = Filter("1 = 1", ())
#: Up to this many cleared markings, SQLite intersects the word's list with the
#: markings' lists inside the index; a reader cleared for more (a broad reader)
#: is faster served by testing each match against the rule.
TOKEN_MARKINGS = 16
START, STOP = "\x02", "\x03"  # highlight marks, replaced after escaping by the caller


@dataclass(frozen=True)
class Row:
    leaf_id: int
    dossier_id: int
    report_id: int
    label: str | None
    marking_key: str
    score: float
    snippet: str


def index_report(tx: Tx, report_id: int) -> None:
    """Add a new report's leaves to the SQLite index (PostgreSQL's is a generated column)."""
    remember(tx, "report_id = ?", (report_id,))


def forget(tx: Tx, where: str, params: Sequence[Any]) -> None:
    """Take leaves out of the SQLite index before their marking or withdrawal
    changes: an external-content index must be told the old values."""
    if tx.dialect == "sqlite":
        tx.execute(
            "INSERT INTO leaf_search (leaf_search, rowid, normalised, access) "
            f"SELECT 'delete', id, normalised, access FROM leaves WHERE {where}",
            params,
        )


def remember(tx: Tx, where: str, params: Sequence[Any]) -> None:
    """Put leaves (back) into the SQLite index with their current marking."""
    if tx.dialect == "sqlite":
        tx.execute(
            "INSERT INTO leaf_search (rowid, normalised, access) "
            f"SELECT id, normalised, access FROM leaves WHERE {where}",
            params,
        )


def _from(tx: Tx) -> tuple[str, str, str, int]:
    """FROM clause, match condition, score expression, and how many times the
    score needs the query as a parameter."""
    if tx.dialect == "sqlite":
        return (
            # The narrow covering index, not the rows with their texts inline.
            "leaf_search JOIN leaves l INDEXED BY leaves_access ON l.id = leaf_search.rowid",
            "leaf_search MATCH ?",
            "-bm25(leaf_search, 1.0, 0.0)",  # the access column never ranks
            0,
        )
    return (
        "leaves l",
        "l.search @@ to_tsquery('looseleaf', ?)",
        "ts_rank(l.search, to_tsquery('looseleaf', ?))",
        1,
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
    reader: tuple[int, str] | None = None,
) -> tuple[list[Row], int, dict[str, list[tuple[Any, int]]]]:
    """(hits, total, facets by dossier and level), all over `readable` leaves.

    `reader` (id, now), where given, lets SQLite apply the same rule inside
    its full-text index; `readable` must then be that reader's filter.

    One scan of the matching, readable leaves gives the total, the facets and
    the ranking; only the page shown is then fetched whole, with snippets.
    """
    source, condition, score, score_params = _from(tx)
    parts: list[tuple[str, list[Any]]] = []
    cleared: list[int] = []
    if reader is not None and tx.dialect == "sqlite":
        markings = cleared_markings(reader[0])
        cleared = [int(r[0]) for r in tx.all(markings.sql, markings.params)]
    if reader is not None and 0 < len(cleared) <= TOKEN_MARKINGS:
        # The rule inside the index: the few cleared markings as tokens, the
        # granted leaves looked up by id.
        tokens = " OR ".join(f'"m{marking_id}"' for marking_id in cleared)
        granted = granted_leaves(*reader, leaf_id="leaf_search.rowid")
        parts.append((f"({match}) AND access : ({tokens})", []))
        parts.append((match, [granted]))
    else:
        parts.append((match, [readable] if readable is not None else []))
    seen: dict[int, tuple[int, int, int, float]] = {}
    for text, access in parts:
        clause = " AND ".join(
            f"({part})" for part in [condition, *(f.sql for f in access), *(f.sql for f in filters)]
        )
        params: list[Any] = [*([text] * score_params), text]
        for extra in [*access, *filters]:
            params.extend(extra.params)
        for r in tx.all(
            f"SELECT l.id, l.dossier_id, m.level, {score} FROM {source}{_JOINS} WHERE {clause}",
            params,
        ):
            seen.setdefault(int(r[0]), (int(r[0]), int(r[1]), int(r[2]), float(r[3])))
    matched = list(seen.values())
    by_dossier = Counter(dossier for _, dossier, _, _ in matched)
    by_level = Counter(level for _, _, level, _ in matched)
    page = sorted(matched, key=lambda r: (-r[3], r[0]))[offset : offset + limit]
    details = _page(tx, match, [leaf_id for leaf_id, *_ in page])
    rows = [Row(leaf_id, *details[leaf_id][:4], score_, details[leaf_id][4])
            for leaf_id, _, _, score_ in page]  # fmt: skip
    facets = {
        "dossier": sorted(by_dossier.items(), key=lambda item: (-item[1], item[0])),
        "level": sorted(by_level.items()),
    }
    return rows, len(matched), facets


def _page(tx: Tx, match: str, ids: list[int]) -> dict[int, tuple[int, int, str, str, str]]:
    """leaf id -> (dossier, report, label, marking key, snippet) for the page shown."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    if tx.dialect == "sqlite":
        snippets = dict(
            tx.all(
                f"SELECT rowid, snippet(leaf_search, 0, '{START}', '{STOP}', ' … ', 16) "
                f"FROM leaf_search WHERE leaf_search MATCH ? AND rowid IN ({marks})",
                [match, *ids],
            )
        )
    else:
        snippets = dict(
            tx.all(
                "SELECT l.id, ts_headline('looseleaf', l.normalised, "
                f"to_tsquery('looseleaf', ?), 'StartSel={START}, StopSel={STOP}, MaxWords=16, "
                "MinWords=6, MaxFragments=2, FragmentDelimiter= … ') "
                f"FROM leaves l WHERE l.id IN ({marks})",
                [match, *ids],
            )
        )
    return {
        int(r[0]): (int(r[1]), int(r[2]), r[3], r[4], snippets.get(int(r[0]), ""))
        for r in tx.all(
            "SELECT l.id, l.dossier_id, l.report_id, l.label, m.key FROM leaves l "
            f"JOIN markings m ON m.id = l.marking_id WHERE l.id IN ({marks})",
            ids,
        )
    }
