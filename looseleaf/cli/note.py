"""`looseleaf note add|list|show`: a reader's working file."""

from __future__ import annotations

from typing import Annotated

import typer

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, emit, open_as, out
from looseleaf.model import Note

app = typer.Typer(
    help="Working files: a reader's private notes citing leaves.", no_args_is_help=True
)


def _print(note: Note) -> None:
    cites = ", ".join(
        str(c.leaf_id) if c.readable else f"{c.leaf_id} (restricted)" for c in note.citations
    )
    out.print(f"note {note.id} [{note.marking}] {note.created_at}: {note.text}")
    if cites:
        out.print(f"  cites: {cites}")


@app.command("add")
def add(
    ctx: typer.Context,
    text: Annotated[str, typer.Option(help="The note")],
    cite: Annotated[list[int] | None, typer.Option(help="A leaf it cites (repeatable)")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Write a note; its marking comes from the leaves it cites."""
    registry, actor = open_as(ctx, as_)
    note = registry.add_note(actor, text, cite or ())
    emit(note, as_json, _print)


@app.command("list")
def list_(
    ctx: typer.Context, as_: Annotated[str | None, AS_OPTION] = None, as_json: bool = JSON_OPTION
) -> None:
    """Your notes; citations you can no longer read show as restricted."""
    registry, actor = open_as(ctx, as_)
    found = registry.notes(actor)
    emit(found, as_json, _print)


@app.command("show")
def show(
    ctx: typer.Context,
    note_id: Annotated[int, typer.Argument(help="Note id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """One of your notes."""
    registry, actor = open_as(ctx, as_)
    [note] = registry.notes(actor, note_id)
    emit(note, as_json, _print)
