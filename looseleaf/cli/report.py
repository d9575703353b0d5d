"""`looseleaf report withdraw`."""

from __future__ import annotations

from typing import Annotated

import typer

from looseleaf.cli.common import JSON_OPTION, counted, emit_json, operator, out, state

app = typer.Typer(help="Reports: documents stitched onto dossiers.", no_args_is_help=True)


@app.command("withdraw")
def withdraw(
    ctx: typer.Context,
    report_id: Annotated[int, typer.Argument(help="Report id")],
    reason: Annotated[str, typer.Option(help="Why it is withdrawn (recorded)")],
    as_json: bool = JSON_OPTION,
) -> None:
    """Withdraw a report and all its leaves: recorded, never deleted."""
    count = state(ctx).open().withdraw_report(operator(), report_id, reason)
    if as_json:
        emit_json({"report_id": report_id, "leaves_withdrawn": count})
    else:
        out.print(f"report {report_id} withdrawn ({counted(count, 'leaf')})")
