"""`looseleaf xref list LEAF_ID`: the dossiers a leaf points to."""

from __future__ import annotations

from typing import Annotated

import typer

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, emit, open_as, out
from looseleaf.model import CrossReference

app = typer.Typer(help="Cross-references from leaves to dossiers.", no_args_is_help=True)


def _print(xref: CrossReference) -> None:
    out.print(
        f"leaf {xref.leaf_id} [{xref.start}:{xref.end}] {xref.text!r} -> dossier "
        f"{xref.dossier_id}: {xref.dossier_title}  "
        f"(request with: looseleaf slip request --xref {xref.leaf_id}:{xref.text!r})"
    )


@app.command("list")
def list_(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="A leaf you may read")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Persons named on the leaf who have a dossier whose existence you may know."""
    registry, actor = open_as(ctx, as_)
    emit(registry.xrefs(actor, leaf_id), as_json, _print)
