"""Full-text search in SQL, with the access rule inside the same query.

Every figure a search returns (hits, total, facets) comes from one WHERE
clause that includes the reader's `readable` filter, so nothing is counted
that the reader may not read. SQLite uses FTS5, PostgreSQL a GIN index over a
tsvector; the shape of the query is the same. Scores come from the leaf and
the query alone (`looseleaf.search.rank`), never from statistics over other
leaves, and equal scores go in arrival order: so neither a score nor the order
of hits changes with leaves the reader may not read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from looseleaf.search import rank
from looseleaf.store.base import Filter, Tx

_ALL = Filter("1 = 1", ())


@dataclass(frozen=True)
class IndexRule:
    """One reader's access rule in the shape SQLite's full-text index can
    apply it (made by `looseleaf.policy.sql.in_index`)."""

    #: A SELECT of the markings the reader may read without a grant.
    cleared: Filter
    #: Leaves the reader may read through a grant, by `leaf_search.rowid`.
    granted: Filter


#: Up to this many cleared markings, SQLite intersects the word's list with the
#: markings' lists inside the index; a reader cleared for more (a broad reader)
#: is faster served by testing each match against the rule.
TOKEN_MARKINGS = 16
START, STOP = "\x02", "\x03"  # highlight marks, replaced after escaping by the caller
#: Ids per statement where a list of them is looked up.
_CHUNK = 500


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


_JOINS = (
    " JOIN markings m ON m.id = l.marking_id JOIN reports r ON r.id = l.report_id"
    " JOIN sources so ON so.id = r.source_id"
)
#: SQLite: the narrow covering index, not the rows with their texts inline;
#: and each leaf's token counts, which FTS5 keeps beside the index.
_SQLITE_FROM = (
    "leaf_search JOIN leaves l INDEXED BY leaves_access ON l.id = leaf_search.rowid"
    " JOIN leaf_search_docsize ds ON ds.id = leaf_search.rowid"
)
#: What SQLite returns per match to score it by: bm25 at two weights of the
#: words (the access column never counts), from which `rank.by_bm25` recovers
#: how often the one phrase occurs; or, for any other query, how many places
#: highlight() marks, which reads the leaf's text.
_BY_BM25 = "bm25(leaf_search, 1.0, 0.0), bm25(leaf_search, 2.0, 0.0), ds.sz"
_BY_HIGHLIGHT = "length(highlight(leaf_search, 0, char(2), '')) - length(l.normalised), ds.sz"
#: PostgreSQL: cover density over the leaf's own length (see rank.py); ts_rank
#: and ts_rank_cd look at one tsvector only.
_BY_COVER = "ts_rank_cd(l.search, to_tsquery('looseleaf', ?), 1)"


def in_text(tx: Tx, match: str) -> str:
    """The expression as searched: on SQLite within the leaves' text only,
    never the marking token beside it ("m12" is not a word of any leaf)."""
    return f"normalised : ({match})" if tx.dialect == "sqlite" else match


def search(
    tx: Tx,
    match: str,
    *,
    readable: Filter | None,
    filters: Sequence[Filter],
    limit: int,
    offset: int,
    reader: IndexRule | None = None,
    layers: Filter | None = None,
) -> tuple[list[Row], int, dict[str, list[tuple[Any, int]]]]:
    """(hits, total, facets by dossier and level), all over `readable` leaves.

    `reader`, where given, lets SQLite apply the same rule inside its
    full-text index; `readable` must then be that reader's filter.
    `layers`, for a reader of a redacting class, selects the layer they
    read a leaf (`l`) in: such a leaf is searched in that layer's text, not
    its own, so a masked word neither matches nor shows in a snippet.

    One scan of the matching, readable leaves gives the total, the facets and
    the scores; only the page shown is then fetched whole, with snippets.
    """
    text = in_text(tx, match)
    parts: list[tuple[str, list[Filter]]] = []
    cleared: list[int] = []
    if reader is not None and tx.dialect == "sqlite":
        markings = reader.cleared
        cleared = [int(r[0]) for r in tx.all(markings.sql, markings.params)]
    if reader is not None and 0 < len(cleared) <= TOKEN_MARKINGS:
        # The rule inside the index: the few cleared markings as tokens, the
        # granted leaves looked up by id.
        tokens = " OR ".join(f'"m{marking_id}"' for marking_id in cleared)
        granted = reader.granted
        parts.append((f"{text} AND access : ({tokens})", []))
        parts.append((text, [granted]))
    else:
        parts.append((text, [readable] if readable is not None else []))
    layered: dict[int, int] = {}
    if layers is not None:
        own = Filter(f"NOT EXISTS ({layers.sql})", layers.params)
        parts = [(part, [*access, own]) for part, access in parts]
    matched = _scored(tx, parts, filters, rank.single_phrase(match))
    if layers is not None:
        found = _layer_matches(tx, text, readable, filters, layers)
        layered = {leaf: layer for leaf, layer, *_ in found}
        matched += [(leaf, dossier, level, score_) for leaf, _, dossier, level, score_ in found]
    by_dossier = Counter(dossier for _, dossier, _, _ in matched)
    by_level = Counter(level for _, _, level, _ in matched)
    page = _ranked(tx, matched, offset, limit)
    details = _page(tx, text, [leaf_id for leaf_id, *_ in page], layered)
    rows = [Row(leaf_id, *details[leaf_id][:4], score_, details[leaf_id][4])
            for leaf_id, _, _, score_ in page]  # fmt: skip
    facets = {
        "dossier": sorted(by_dossier.items(), key=lambda item: (-item[1], item[0])),
        "level": sorted(by_level.items()),
    }
    return rows, len(matched), facets


def _scored(
    tx: Tx, parts: list[tuple[str, list[Filter]]], filters: Sequence[Filter], single: bool
) -> list[tuple[int, int, int, float]]:
    """(leaf, dossier, level, score) of every match of `parts`, each leaf once."""
    if tx.dialect != "sqlite":
        found = _matches(tx, parts, filters, _BY_COVER, 1)
        return [(r[0], r[1], r[2], float(r[3])) for r in found]
    if single:
        found = _matches(tx, parts, filters, _BY_BM25)
        # FTS5's "averages" record: leaves, then tokens per column, in the index.
        totals = rank.varints(tx.scalar("SELECT block FROM leaf_search_data WHERE id = 1") or b"")
        mean = sum(totals[1:]) / totals[0] if totals and totals[0] else 0.0
        scores = rank.by_bm25([r[3] for r in found], [r[4] for r in found],
                              [r[5] for r in found], mean)  # fmt: skip
        if scores is not None:
            return [(r[0], r[1], r[2], s) for r, s in zip(found, scores, strict=True)]
        # Not bm25 as rank.py knows it: count the passages the slow way.
    found = _matches(tx, parts, filters, _BY_HIGHLIGHT)
    return [
        (leaf, dossier, level, rank.score(int(count), rank.lengths(sizes)[0]))
        for leaf, dossier, level, count, sizes in found
    ]


def _matches(
    tx: Tx,
    parts: list[tuple[str, list[Filter]]],
    filters: Sequence[Filter],
    columns: str,
    queries: int = 0,
) -> list[tuple[Any, ...]]:
    """(leaf, dossier, level, *columns) of every match of `parts`, each leaf
    once; `columns` take the expression as their first `queries` parameters."""
    source, condition = (
        (_SQLITE_FROM, "leaf_search MATCH ?")
        if tx.dialect == "sqlite"
        else ("leaves l", "l.search @@ to_tsquery('looseleaf', ?)")
    )
    found: list[tuple[Any, ...]] = []
    for text, access in parts:
        clause = " AND ".join(
            f"({part})" for part in [condition, *(f.sql for f in access), *(f.sql for f in filters)]
        )
        params: list[Any] = [*([text] * queries), text]
        for extra in [*access, *filters]:
            params.extend(extra.params)
        found += tx.all(
            f"SELECT l.id, l.dossier_id, m.level, {columns} FROM {source}{_JOINS} WHERE {clause}",
            params,
        )
    if len(parts) == 1:
        return found  # one statement over unique leaf rows
    seen: dict[int, tuple[Any, ...]] = {}
    for row in found:  # a granted leaf may also be readable by its marking
        seen.setdefault(row[0], row)
    return list(seen.values())


def _ranked(
    tx: Tx, matched: list[tuple[int, int, int, float]], offset: int, limit: int
) -> list[tuple[int, int, int, float]]:
    """The page of `matched` from `offset`: best score first, equal scores in
    arrival order (ids are opaque, and an order by id would differ between
    registries that hold the same readable leaves). Arrival is looked up only
    for the hits that tie with one on the page: it is not in the covering
    index, and reading it for every match would read every leaf's row."""
    ranked = sorted(matched, key=lambda hit: -hit[3])
    shown = {hit[3] for hit in ranked[offset : offset + limit]}
    tied = [hit[0] for hit in ranked if hit[3] in shown]
    arrival: dict[int, int] = {}
    for start in range(0, len(tied), _CHUNK):
        chunk = tied[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        arrival.update(
            (int(leaf), int(n))
            for leaf, n in tx.all(
                f"SELECT id, arrival FROM leaves WHERE id IN ({marks}) AND arrival IS NOT NULL",
                chunk,
            )
        )
    ranked.sort(key=lambda hit: (-hit[3], arrival.get(hit[0], 0)))
    return ranked[offset : offset + limit]


def _layer_matches(
    tx: Tx, text: str, readable: Filter | None, filters: Sequence[Filter], layers: Filter
) -> list[tuple[int, int, int, int, float]]:
    """(leaf, layer, dossier, level, score) of every leaf whose layer for the
    reader matches, scored by the same rule as a leaf (passages over length)."""
    access = [readable] if readable is not None else []
    clause = " AND ".join(f"({f.sql})" for f in [*access, *filters])
    params: list[Any] = []
    for extra in [*access, *filters]:
        params.extend(extra.params)
    where = f" AND {clause}" if clause else ""
    if tx.dialect == "sqlite":
        rows = tx.all(
            "SELECT l.id, ll.id, l.dossier_id, m.level, length(highlight(layer_search, 0, "
            "char(2), '')) - length(ll.normalised), ds.sz FROM layer_search "
            "JOIN leaf_layers ll ON ll.id = layer_search.rowid "
            "JOIN layer_search_docsize ds ON ds.id = layer_search.rowid "
            f"JOIN leaves l ON l.id = ll.leaf_id{_JOINS} "
            f"WHERE layer_search MATCH ? AND ll.id IN ({layers.sql}){where}",
            [text, *layers.params, *params],
        )
        return [
            (int(leaf), int(layer), int(dossier), int(level),
             rank.score(int(count), rank.lengths(sizes)[0]))
            for leaf, layer, dossier, level, count, sizes in rows
        ]  # fmt: skip
    rows = tx.all(
        "SELECT l.id, ll.id, l.dossier_id, m.level, "
        "ts_rank_cd(ll.search, to_tsquery('looseleaf', ?), 1) FROM leaf_layers ll "
        f"JOIN leaves l ON l.id = ll.leaf_id{_JOINS} "
        f"WHERE ll.search @@ to_tsquery('looseleaf', ?) AND ll.id IN ({layers.sql}){where}",
        [text, text, *layers.params, *params],
    )
    return [(int(r[0]), int(r[1]), int(r[2]), int(r[3]), float(r[4])) for r in rows]


def _page(
    tx: Tx, match: str, ids: list[int], layered: dict[int, int] | None = None
) -> dict[int, tuple[int, int, str, str, str]]:
    """leaf id -> (dossier, report, label, marking key, snippet) for the page
    shown; a leaf read in a layer (`layered`: leaf -> layer) is quoted from it."""
    if not ids:
        return {}
    in_layer = {leaf: layered[leaf] for leaf in ids if layered and leaf in layered}
    rows = _page_rows(tx, ids)
    ids = [leaf for leaf in ids if leaf not in in_layer]
    snippets = _layer_snippets(tx, match, in_layer)
    marks = ", ".join("?" for _ in ids)
    if ids and tx.dialect == "sqlite":
        snippets.update(
            tx.all(
                f"SELECT rowid, snippet(leaf_search, 0, '{START}', '{STOP}', ' … ', 16) "
                f"FROM leaf_search WHERE leaf_search MATCH ? AND rowid IN ({marks})",
                [match, *ids],
            )
        )
    elif ids:
        snippets.update(
            tx.all(
                "SELECT l.id, ts_headline('looseleaf', l.normalised, "
                f"to_tsquery('looseleaf', ?), 'StartSel={START}, StopSel={STOP}, MaxWords=16, "
                "MinWords=6, MaxFragments=2, FragmentDelimiter= … ') "
                f"FROM leaves l WHERE l.id IN ({marks})",
                [match, *ids],
            )
        )
    return {
        int(r[0]): (int(r[1]), int(r[2]), r[3], r[4], snippets.get(int(r[0]), "")) for r in rows
    }


def _page_rows(tx: Tx, ids: list[int]) -> list[Any]:
    marks = ", ".join("?" for _ in ids)
    return tx.all(
        "SELECT l.id, l.dossier_id, l.report_id, l.label, m.key FROM leaves l "
        f"JOIN markings m ON m.id = l.marking_id WHERE l.id IN ({marks})",
        ids,
    )


def _layer_snippets(tx: Tx, match: str, layered: dict[int, int]) -> dict[int, str]:
    """leaf id -> snippet quoted from the reader's layer of it."""
    if not layered:
        return {}
    by_layer = {layer: leaf for leaf, layer in layered.items()}
    marks = ", ".join("?" for _ in by_layer)
    if tx.dialect == "sqlite":
        rows = tx.all(
            f"SELECT rowid, snippet(layer_search, 0, '{START}', '{STOP}', ' … ', 16) "
            f"FROM layer_search WHERE layer_search MATCH ? AND rowid IN ({marks})",
            [match, *by_layer],
        )
    else:
        rows = tx.all(
            "SELECT ll.id, ts_headline('looseleaf', ll.normalised, "
            f"to_tsquery('looseleaf', ?), 'StartSel={START}, StopSel={STOP}, MaxWords=16, "
            "MinWords=6, MaxFragments=2, FragmentDelimiter= … ') "
            f"FROM leaf_layers ll WHERE ll.id IN ({marks})",
            [match, *by_layer],
        )
    return {by_layer[int(layer)]: str(snippet) for layer, snippet in rows}
