"""Search in the facade: parse, widen names through the card index (as the
searcher may see it), run one trimmed query, record the search.

The reader's filter is inside the SQL, so the total, the facets, the
pagination and the snippets are all over leaves they may read; a facet names
a dossier only where its title is visible; "did you mean" comes from the
card-index forms they may see. The search itself is an audited event, with
the leaf ids it showed.
"""

from __future__ import annotations

import re

from looseleaf.cardindex.card import CardView
from looseleaf.cardindex.names import fold
from looseleaf.errors import BadInput
from looseleaf.model import Actor, Facet, SearchHit, SearchResult, compartment_name
from looseleaf.policy import Action, sql
from looseleaf.registry.cardindex import CardIndex
from looseleaf.search.fts import to_fts5, to_tsquery
from looseleaf.search.names import Named, expand, words_of
from looseleaf.search.query import Query, parse
from looseleaf.store import Tx, dossiers, persons
from looseleaf.store import search as store
from looseleaf.store.base import Filter
from looseleaf.store.search import START, STOP

_HIGHLIGHT = re.compile(f"{START}(.*?){STOP}")


class Search(CardIndex):
    def search(
        self, actor: Actor, text: str, *, limit: int = 20, cursor: str | None = None
    ) -> SearchResult:
        query = parse(text)
        if not 1 <= limit <= 200:
            raise BadInput(f"--limit {limit}", "use 1 to 200")
        offset = _offset(cursor)
        with self._acting(actor, Action.LEAF_SEARCH) as (tx, _):
            view = self._view(tx, actor)

            def preferred(person_id: int) -> str:
                return str(persons.summaries(tx, [person_id])[0][1])

            expr, named = (None, []) if query.expr is None else expand(query.expr, view, preferred)
            readable = None if actor.is_operator else self._readable(actor)
            reader = self.policy(tx).reader(actor)
            redacts = reader is not None and reader.redacts
            filters = self._filters(tx, actor, query)
            if expr is None:
                raise BadInput(f"query {text!r}", "give at least one word to search for")
            match = to_fts5(expr) if tx.dialect == "sqlite" else to_tsquery(expr)
            rows, total, facets = store.search(
                tx,
                match,
                readable=readable,
                filters=filters,
                limit=limit,
                offset=offset,
                # A redacting class's rule has the sign-off in it: the plain filter.
                reader=None
                if actor.reader_id is None or redacts
                else sql.in_index(actor.reader_id, self.now()),
                layers=sql.layer_of(actor.reader_id) if redacts and actor.reader_id else None,
            )
            titles = self._titles(tx, actor, [d for d, _ in facets["dossier"]])
            hits = tuple(
                SearchHit(
                    leaf_id=row.leaf_id,
                    dossier_id=row.dossier_id,
                    dossier_title=titles.get(row.dossier_id),
                    report_id=row.report_id,
                    label=row.label,
                    marking=row.marking_key,
                    score=round(row.score, 6),
                    snippet=row.snippet.replace(START, "[").replace(STOP, "]"),
                    why=_why(row.snippet, named),
                    highlights=_highlights(row.snippet),
                )
                for row in rows
            )
            result = SearchResult(
                query=text,
                total=total,
                hits=hits,
                facets={
                    "dossier": tuple(
                        Facet(str(d), titles.get(d) or "(title restricted)", n)
                        for d, n in facets["dossier"]
                    ),
                    "level": tuple(
                        Facet(self.levels.name(level), self.levels.name(level), n)
                        for level, n in facets["level"]
                    ),
                },
                next_cursor=str(offset + limit) if offset + limit < total else None,
                did_you_mean=_did_you_mean(query, view) if total == 0 else (),
                names=tuple(
                    f"{n.asked!r} names {n.preferred} (record {n.person_id}): searched as "
                    + ", ".join(repr(f) for f in n.forms)
                    for n in named
                ),
            )
            self._record(
                tx,
                actor,
                "search",
                target=None,
                detail={"query": text, "total": total, "leaves": [h.leaf_id for h in hits]},
            )
        return result

    def _filters(self, tx: Tx, actor: Actor, query: Query) -> list[Filter]:
        found: list[Filter] = []
        for name, values in query.filters.items():
            parts = [self._filter(tx, actor, name, value) for value in values]
            either = " OR ".join(f"({part.sql})" for part in parts)
            found.append(Filter(either, tuple(x for part in parts for x in part.params)))
        return found

    def _filter(self, tx: Tx, actor: Actor, name: str, value: str) -> Filter:
        if name == "dossier":
            if _is_id(value):
                return Filter("l.dossier_id = ?", (int(value),))
            # By title only among titles the searcher may see: a filter must
            # not confirm that a hidden title exists.
            shown = self._visible_dossiers(actor)
            return Filter(
                f"l.dossier_id IN (SELECT d.id FROM dossiers d WHERE d.title = ? AND {shown.sql})",
                (value, *shown.params),
            )
        if name == "report":
            if not _is_id(value):
                raise BadInput(f"report:{value!r}", "a report id is a number")
            return Filter("l.report_id = ?", (int(value),))
        if name == "source":
            return Filter("LOWER(so.title) LIKE ?", (f"%{value.lower()}%",))
        if name == "level":
            return Filter("m.level = ?", (self.levels.rank(value),))
        if name == "compartment":
            return Filter(
                "EXISTS (SELECT 1 FROM marking_compartments mc JOIN compartments c "
                "ON c.id = mc.compartment_id WHERE mc.marking_id = l.marking_id AND c.name = ?)",
                (compartment_name(value),),
            )
        if name == "grade":
            return Filter("UPPER(so.grade) LIKE ?", (f"{value.upper()}%",))
        if not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value):
            raise BadInput(f"{name}:{value!r}", "use a date such as 1951, 1951-03 or 1951-03-14")
        if name == "from":
            return Filter("so.date >= ?", (value,))
        return Filter("so.date <= ?", (value + "\uffff",))

    def _titles(self, tx: Tx, actor: Actor, dossier_ids: list[int]) -> dict[int, str]:
        shown = self._visible_dossiers(actor)
        return dict(dossiers.titles_of(tx, dossier_ids, shown))


def _is_id(value: str) -> bool:
    """Digits an id can be: ASCII ("²" is a digit to `isdigit`, not to `int`),
    and few enough for a 64-bit column."""
    return value.isascii() and value.isdigit() and len(value) < 19


def _offset(cursor: str | None) -> int:
    if cursor is None:
        return 0
    if not _is_id(cursor):
        raise BadInput(f"--cursor {cursor!r}", "use the next_cursor of a previous result")
    return int(cursor)


def _highlights(snippet: str) -> tuple[tuple[int, int], ...]:
    """Where the highlighted words are in the bracketed snippet (brackets
    excluded), so a page can mark them without mistaking a bracket that is
    part of the leaf's own text for a highlight."""
    found = []
    shift = 0
    for match in _HIGHLIGHT.finditer(snippet):
        start = match.start() + 1 - shift  # the opening bracket takes the marker's place
        found.append((start, start + len(match.group(1))))
        shift += len(START) + len(STOP) - 2
    return tuple(found)


def _why(snippet: str, named: list[Named]) -> tuple[str, ...]:
    """What the snippet shows matched, and which record's name it is a form of."""
    found = sorted({m.group(1) for m in _HIGHLIGHT.finditer(snippet)})
    reasons = [f"contains {', '.join(repr(f) for f in found)}"] if found else []
    shown = {fold(word) for word in words_of(" ".join(found))}
    for name in named:
        if any(set(map(fold, words_of(form))) <= shown for form in name.forms):
            reasons.append(f"a name form of {name.preferred}")
    return tuple(reasons)


def _did_you_mean(query: Query, view: CardView) -> tuple[str, ...]:
    """Name forms (that the searcher may see) close to a word that found nothing."""
    suggestions: list[str] = []
    for word in query.words():
        for _, form, _ in view.fuzzy(word, floor=0.8)[:1]:
            if form.lower() != word and form not in suggestions:
                suggestions.append(form)
    return tuple(suggestions)
