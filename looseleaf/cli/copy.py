"""`looseleaf copy issue|return|list|verify`: numbered copies under receipt."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, counted, emit, emit_json, open_as, out
from looseleaf.errors import BadInput
from looseleaf.model import Copy

app = typer.Typer(
    help="Numbered, watermarked copies issued against a receipt.", no_args_is_help=True
)


def _print(copy: Copy) -> None:
    held = f"returned {copy.returned_at}" if copy.returned_at else "OUTSTANDING"
    out.print(
        f"copy No. {copy.number} to {copy.reader} ({counted(copy.pages, 'page')}, leaves "
        f"{', '.join(map(str, copy.leaves))}) issued {copy.issued_at} by {copy.issued_by}; "
        f"{held}; sha256 {copy.sha256}"
    )


@app.command("issue")
def issue(
    ctx: typer.Context,
    reader: Annotated[str, typer.Option(help="Who receives the copy")],
    leaf: Annotated[list[int], typer.Option(help="Leaf to copy (repeatable)")],
    purpose: Annotated[str, typer.Option(help="Why the copy is issued (recorded)")],
    out_file: Annotated[Path, typer.Option("--out", help="Where to write the PDF")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Custodian: issue a numbered copy of leaves the reader may read, as a PDF."""
    if out_file.exists():
        raise BadInput(str(out_file), "exists already; a copy is never written over a file")
    registry, actor = open_as(ctx, as_)
    copy, pdf = registry.issue_copy(actor, reader, leaf, purpose)
    out_file.write_bytes(pdf)
    if as_json:
        emit_json({**copy.as_json(), "file": str(out_file)})
    else:
        _print(copy)


@app.command("return")
def return_(
    ctx: typer.Context,
    number: Annotated[int, typer.Argument(help="Copy number")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Custodian: receive a copy back; the receipt is recorded."""
    registry, actor = open_as(ctx, as_)
    copy = registry.return_copy(actor, number)
    emit(copy, as_json, _print)


@app.command("list")
def list_(
    ctx: typer.Context,
    outstanding: Annotated[bool, typer.Option(help="Only copies not yet returned")] = False,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Copies issued (a reader sees their own)."""
    registry, actor = open_as(ctx, as_)
    found = registry.copies(actor, outstanding=outstanding)
    emit(found, as_json, _print)


@app.command("verify")
def verify(
    ctx: typer.Context,
    number: Annotated[int, typer.Argument(help="Copy number")],
    file: Annotated[Path | None, typer.Option(help="A PDF claimed to be this copy")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Is this the copy the registry issued under that number?"""
    registry, actor = open_as(ctx, as_)
    data = file.read_bytes() if file is not None else None
    copy, matches = registry.verify_copy(actor, number, data)
    if as_json:
        emit_json({**copy.as_json(), "file_matches": matches if file is not None else None})
    else:
        _print(copy)
        if file is not None:
            out.print(f"{file}: {'authentic' if matches else 'NOT the issued copy'}")
    if file is not None and not matches:
        raise typer.Exit(1)
