"""`looseleaf read`, `looseleaf why` and `looseleaf mark`: reading through the
rule, explaining it, and changing what it decides on."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, described, emit_json, open_as, out
from looseleaf.errors import BadInput
from looseleaf.registry import MarkingRequest


def register(app: typer.Typer) -> None:
    app.command("read")(read)
    app.command("why")(why)
    app.command("mark")(mark)


def read(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="Leaf id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    original: Annotated[
        bool, typer.Option("--original", help="Print only the original text, byte for byte.")
    ] = False,
    as_json: bool = JSON_OPTION,
) -> None:
    """Read a leaf through the access rule; the read is recorded before the text is shown."""
    registry, actor = open_as(ctx, as_)
    if as_json:
        emit_json(registry.reading(actor, leaf_id))
        return
    text = registry.read(actor, leaf_id)
    if original:
        sys.stdout.write(text.original)
    else:
        out.print(f"leaf {leaf_id} [{text.leaf.marking}]")
        out.print(text.normalised)


def why(
    ctx: typer.Context,
    reader: Annotated[str, typer.Argument(help="The reader in question")],
    leaf_id: Annotated[int, typer.Argument(help="Leaf id")],
    action: Annotated[
        str, typer.Option(help="read, review (a custodian on --slip) or issue (in a copy)")
    ] = "read",
    slip: Annotated[int | None, typer.Option(help="The slip, for --action review")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Staff: may READER read (review, issue) LEAF_ID, and why (or why not)?"""
    registry, actor = open_as(ctx, as_)
    decision = registry.why(actor, reader, leaf_id, action=action, slip_id=slip)
    if as_json:
        emit_json(decision)
    else:
        verdict = f"may {action}" if decision.allowed else f"may not {action}"
        out.print(f"{reader} {verdict} leaf {leaf_id}: {decision.reason}")


def mark(
    ctx: typer.Context,
    leaf_ids: Annotated[list[int] | None, typer.Argument(help="Leaf ids")] = None,
    report: Annotated[int | None, typer.Option(help="Mark every leaf of this report")] = None,
    dossier_title: Annotated[
        str | None, typer.Option(help="Mark this dossier's title (its existence) instead")
    ] = None,
    level: Annotated[str | None, typer.Option(help="New level [default: highest]")] = None,
    compartment: Annotated[
        list[str] | None,
        typer.Option(help="New compartment (repeatable) [default: keep the present ones]"),
    ] = None,
    clear_compartments: Annotated[
        bool, typer.Option("--clear-compartments", help="Drop every compartment (recorded)")
    ] = False,
    reason: Annotated[str, typer.Option(help="Why the marking changes (recorded)")] = "",
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Registrar: re-mark leaves, a report's leaves, or a dossier's title.

    A new level alone keeps the compartments; a compartment alone keeps the
    level; --clear-compartments drops them. You mark only what your own
    clearance covers, and only to a marking it covers."""
    registry, actor = open_as(ctx, as_)
    request = MarkingRequest(level, tuple(compartment or ()), clear_compartments)
    if dossier_title is not None:
        if leaf_ids or report is not None:
            raise BadInput("--dossier-title", "marks a title; name no leaves or report with it")
        registry.mark_dossier(actor, dossier_title, request, reason)
        marked: dict[str, object] = {"dossier": dossier_title}
    else:
        changed = registry.mark(actor, request, reason, leaf_ids=leaf_ids or (), report_id=report)
        marked = {"leaves": changed}
    kept = not (request.compartments or request.clear_compartments)
    level = request.level.upper() if request.level else None
    compartments = None if kept else sorted(c.upper() for c in request.compartments)
    if as_json:
        emit_json({**marked, "to": {"level": level, "compartments": compartments}})
    else:
        held = (
            "compartments kept"
            if compartments is None
            else (f"compartments {', '.join(compartments) or 'none'}")
        )
        out.print(f"marked {level or 'at its level'}, {held}: {described(marked)}")
