"""`looseleaf search QUERY`: full-text search over the leaves you may read."""

from __future__ import annotations

from typing import Annotated

import typer

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, counted, emit_json, open_as, out
from looseleaf.model import SearchResult

SYNTAX = (
    'Words, "phrases", prefix*, OR, NOT or -word, (groups); filters dossier:, report:, '
    "source:, level:, compartment:, grade:, from:, to:."
)


def _print(result: SearchResult) -> None:
    for line in result.names:
        out.print(line)
    for hit in result.hits:
        where = hit.dossier_title or f"dossier {hit.dossier_id} (title restricted)"
        out.print(f"leaf {hit.leaf_id} [{hit.marking}] {where}, {hit.label}  score {hit.score:.3g}")
        out.print(f"  {hit.snippet}")
        if hit.why:
            out.print(f"  why: {'; '.join(hit.why)}")
    more = f"; next page: --cursor {result.next_cursor}" if result.next_cursor else ""
    out.print(f"{counted(result.total, 'leaf')} match{'es' if result.total == 1 else ''}{more}")
    if result.did_you_mean:
        out.print(f"did you mean: {', '.join(result.did_you_mean)}?")


def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help=SYNTAX)],
    limit: Annotated[int, typer.Option(help="Hits per page (1-200)")] = 20,
    cursor: Annotated[str | None, typer.Option(help="next_cursor of the previous page")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Search the leaves you may read; counts, facets and snippets cover only those."""
    registry, actor = open_as(ctx, as_)
    result = registry.search(actor, query, limit=limit, cursor=cursor)
    if as_json:
        emit_json(result)
    else:
        _print(result)


def register(app: typer.Typer) -> None:
    app.command("search")(search)
