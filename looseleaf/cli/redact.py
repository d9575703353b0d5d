"""`looseleaf redact suggest|approve|show|list|policy`: a custodian's sign-off
of what a reader class may not see on a leaf, and the classes' policies."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, emit, emit_json, open_as, out
from looseleaf.registry import Redaction

app = typer.Typer(
    help="Redaction: what each reader class may not see inside a leaf.", no_args_is_help=True
)


def _print(redaction: Redaction) -> None:
    if redaction.version is None and not redaction.spans:
        out.print(f"leaf {redaction.leaf_id}: no spans", markup=False)
    elif redaction.version is None:
        out.print(f"leaf {redaction.leaf_id}: {len(redaction.spans)} spans suggested", markup=False)
    else:
        holds = "" if redaction.current else " (the text has changed since: sign off again)"
        out.print(
            f"leaf {redaction.leaf_id}: version {redaction.version}, signed off by "
            f"{redaction.signed_by} at {redaction.signed_at}{holds}",
            markup=False,
        )
    table = Table("span", "kind", "record", "text", "why")
    for span in redaction.spans:
        table.add_row(
            f"{span.start}:{span.end}",
            span.kind,
            "" if span.person_id is None else str(span.person_id),
            span.text,
            span.reason,
        )
    if redaction.spans:
        out.print(table)


@app.command("suggest")
def suggest(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="Leaf id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """The spans that identify a person on a leaf, suggested from the card
    index and the recognisers (a custodian's read, recorded)."""
    registry, actor = open_as(ctx, as_)
    emit(registry.redact_suggest(actor, leaf_id), as_json, _print)


@app.command("approve")
def approve(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="Leaf id")],
    add: Annotated[
        list[str] | None, typer.Option("--add", help="A span to mask as well, START:END")
    ] = None,
    remove: Annotated[
        list[str] | None,
        typer.Option("--remove", help="Take out every span overlapping START:END"),
    ] = None,
    keep: Annotated[
        bool,
        typer.Option(
            "--keep", help="Start from the last signed-off spans instead of the suggestions"
        ),
    ] = False,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Sign off a leaf's redaction (a new version; recorded). Until then the
    leaf is not released to a class that masks anything."""
    registry, actor = open_as(ctx, as_)
    signed = registry.redact_approve(
        actor, leaf_id, add=add or (), remove=remove or (), suggested=not keep
    )
    emit(signed, as_json, _print)


@app.command("list")
def list_(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="Leaf id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """A leaf's signed-off spans (the last version)."""
    registry, actor = open_as(ctx, as_)
    emit(registry.redaction(actor, leaf_id), as_json, _print)


@app.command("show")
def show(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="Leaf id")],
    reader_class: Annotated[
        str, typer.Option("--class", help="staff, subject, researcher or journalist")
    ],
    person: Annotated[
        int | None, typer.Option(help="For --class subject: the subject reader's record")
    ] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """A leaf as a reader of a class would read it (a custodian's read, recorded)."""
    registry, actor = open_as(ctx, as_)
    text = registry.redact_show(actor, leaf_id, reader_class, person_id=person)
    if as_json:
        emit_json(text)
        return
    sys.stdout.write(text.normalised)
    if not text.normalised.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


@app.command("policy")
def policy(
    ctx: typer.Context,
    reader_class: Annotated[
        str | None, typer.Argument(help="A class to change (none: list them)")
    ] = None,
    mask: Annotated[
        list[str] | None,
        typer.Option(
            "--mask",
            help="A category the class masks (repeatable): subject, third_party, staff, "
            "informer, beneficiary, public_figure, none (no category, and identifiers)",
        ),
    ] = None,
    lapses: Annotated[
        bool | None,
        typer.Option(
            "--lapses/--no-lapses",
            help="Whether consent, public office and the protection period lift a mask",
        ),
    ] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """The reader classes' redaction policies; with a class, --mask and
    --lapses, change one (admin; recorded; every layer follows at once)."""
    registry, actor = open_as(ctx, as_)
    if reader_class is not None:
        current = {p.name: p for p in registry.class_policies(actor)}
        before = current.get(reader_class.strip().lower())
        registry.set_class_policy(
            actor,
            reader_class,
            masks=mask if mask is not None else (before.masks if before else ()),
            lapses=lapses if lapses is not None else bool(before and before.lapses),
        )
    found = registry.class_policies(actor)
    if as_json:
        emit_json(found)
        return
    table = Table("class", "masks", "lifted by consent, office, time")
    for each in found:
        table.add_row(each.name, " ".join(each.masks) or "nothing", "yes" if each.lapses else "no")
    out.print(table)
