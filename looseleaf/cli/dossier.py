"""`looseleaf dossier list|show`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, emit_json, open_as, out

app = typer.Typer(help="Dossiers: files on a person or subject.", no_args_is_help=True)


@app.command("list")
def list_(
    ctx: typer.Context, as_: Annotated[str | None, AS_OPTION] = None, as_json: bool = JSON_OPTION
) -> None:
    """Dossiers you may see, with their marking and counts of the reports and leaves you
    may read."""
    registry, actor = open_as(ctx, as_)
    found = registry.dossiers(actor)
    if as_json:
        emit_json(found)
        return
    table = Table("id", "title", "marking", "reports", "leaves")
    for dossier in found:
        table.add_row(
            str(dossier.id),
            dossier.title,
            str(dossier.marking),
            str(dossier.reports),
            str(dossier.leaves),
        )
    out.print(table)


@app.command("show")
def show(
    ctx: typer.Context,
    dossier: Annotated[str, typer.Argument(help="Dossier id or exact title")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """A dossier's reports in arrival order, and the leaves you may read (no text)."""
    registry, actor = open_as(ctx, as_)
    found, reports = registry.dossier(actor, dossier)
    if as_json:
        emit_json({"dossier": found, "reports": reports})
        return
    out.print(f"dossier {found.id}: {found.title}  [{found.marking}]")
    for report in reports:
        withdrawn = f"  WITHDRAWN {report.withdrawn_at}" if report.withdrawn_at else ""
        grade = f" ({report.source.grade})" if report.source.grade else ""
        out.print(
            f"  report {report.id} #{report.seq} {report.filename} - "
            f"{report.source.title}{grade}, received {report.received_at}{withdrawn}"
        )
        for leaf in report.leaves:
            label = f" p.{leaf.label}" if leaf.label else ""
            gone = " withdrawn" if leaf.withdrawn_at else ""
            out.print(
                f"    leaf {leaf.id} [{leaf.position}{label}] {leaf.chars} chars "
                f"[{leaf.marking}]{gone}"
            )
