"""`looseleaf claim add|list|accept|reject|status|extract`, `looseleaf conflicts`
and `looseleaf timeline`: the evidence layer from the command line."""

from __future__ import annotations

from typing import Annotated

import typer

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, counted, emit, emit_json, open_as, out
from looseleaf.errors import BadInput
from looseleaf.model import Claim, Conflict
from looseleaf.registry import ClaimInput

app = typer.Typer(
    help="Claims: attributed, dated statements cited to a span of a leaf.", no_args_is_help=True
)


def _line(claim: Claim) -> str:
    when = claim.date or "undated"
    extra = f" = {claim.value}" if claim.value else ""
    where = f" at {claim.place}" if claim.place else ""
    plan = " (planned)" if claim.planned else ""
    return (
        f"claim {claim.id} [{claim.status}] {when}: {claim.subject} {claim.property}{extra}"
        f"{where}{plan} - leaf {claim.leaf_id}, {claim.source}"
        f"{f' (grade {claim.grade})' if claim.grade else ''}"
    )


def _print(claim: Claim) -> None:
    out.print(_line(claim))
    out.print(f'  "{claim.quote[:160]}"')


@app.command("add")
def add(
    ctx: typer.Context,
    leaf: Annotated[int, typer.Option(help="The leaf the claim cites")],
    subject: Annotated[str, typer.Option(help="Whom or what it is about (a card-index name)")],
    property_: Annotated[str, typer.Option("--property", help="born, died, executed, ...")],
    quote: Annotated[str | None, typer.Option(help="The cited words on the leaf")] = None,
    value: Annotated[str | None, typer.Option(help="A person, place, number or text")] = None,
    date: Annotated[str | None, typer.Option(help="1940-08-20, 1937-06, 1933, 1937/1938")] = None,
    place: Annotated[str | None, typer.Option(help="Where")] = None,
    planned: Annotated[bool, typer.Option(help="A plan, not what happened")] = False,
    credibility: Annotated[int | None, typer.Option(help="Admiralty 1-6")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Make a claim cited to a leaf you may read."""
    registry, actor = open_as(ctx, as_)
    claim = registry.claim_add(
        actor,
        ClaimInput(leaf, subject, property_, quote, value, date, place, planned, credibility),
    )
    emit(claim, as_json, _print)


@app.command("list")
def list_(
    ctx: typer.Context,
    subject: Annotated[str | None, typer.Option(help="Only claims about this name")] = None,
    leaf: Annotated[int | None, typer.Option(help="Only claims citing this leaf")] = None,
    dossier: Annotated[str | None, typer.Option(help="Only claims in this dossier")] = None,
    status: Annotated[str | None, typer.Option(help="suggested, asserted, ...")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Claims you may see, in date order."""
    registry, actor = open_as(ctx, as_)
    found = registry.claims(actor, subject=subject, leaf_id=leaf, dossier=dossier, status=status)
    emit(found, as_json, _print)


def _decide(
    ctx: typer.Context,
    ids: list[int] | None,
    every: bool,
    accept: bool,
    as_: str | None,
    as_json: bool,
) -> None:
    if every == bool(ids):
        raise BadInput("claim", "give claim ids or --all")
    registry, actor = open_as(ctx, as_)
    decided = registry.claim_decide(actor, None if every else ids, accept=accept)
    status = "asserted" if accept else "rejected"
    _report(
        {"decided": decided, "status": status},
        as_json,
        f"{counted(len(decided), 'suggestion')} {'accepted' if accept else 'rejected'}",
    )


def _report(data: dict[str, object], as_json: bool, line: str) -> None:
    if as_json:
        emit_json(data)
    else:
        out.print(line)


@app.command("accept")
def accept(
    ctx: typer.Context,
    ids: Annotated[list[int] | None, typer.Argument(help="Suggested claim ids")] = None,
    every: Annotated[bool, typer.Option("--all", help="Every pending suggestion")] = False,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Accept the extractor's suggestions (they become asserted claims)."""
    _decide(ctx, ids, every, True, as_, as_json)


@app.command("reject")
def reject(
    ctx: typer.Context,
    ids: Annotated[list[int] | None, typer.Argument(help="Suggested claim ids")] = None,
    every: Annotated[bool, typer.Option("--all", help="Every pending suggestion")] = False,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Reject the extractor's suggestions."""
    _decide(ctx, ids, every, False, as_, as_json)


@app.command("status")
def status(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="Claim id")],
    to: Annotated[str, typer.Argument(help="asserted, disputed, retracted or corroborated")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Dispute, retract or corroborate a claim."""
    registry, actor = open_as(ctx, as_)
    emit(registry.claim_status(actor, claim_id, to), as_json, _print)


@app.command("extract")
def extract(
    ctx: typer.Context, as_: Annotated[str | None, AS_OPTION] = None, as_json: bool = JSON_OPTION
) -> None:
    """Run the extractor again over every leaf (after the card index has grown)."""
    registry, actor = open_as(ctx, as_)
    made = registry.extract_claims(actor)
    _report({"suggested": made}, as_json, f"{counted(made, 'new suggestion')}")


def _print_conflict(conflict: Conflict) -> None:
    marked = " (suggested: a side awaits a registrar's decision)" if conflict.suggested else ""
    out.print(f"{conflict.subject} - {conflict.property}: {conflict.why}{marked}")
    for number, side in enumerate(conflict.sides, 1):
        out.print(f"  side {number}:")
        for claim in side:
            out.print(f"    {_line(claim)}")
    for note in conflict.notes:
        out.print(f"  note: {note}")


def conflicts(
    ctx: typer.Context,
    subject: Annotated[str | None, typer.Option(help="Only conflicts about this name")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Claims that cannot all be true, side by side with their sources (never resolved)."""
    registry, actor = open_as(ctx, as_)
    found = registry.conflicts(actor, subject=subject)
    if not found and not as_json:
        out.print(
            "no conflicting claims among those open to you (a registrar also sees those among "
            "suggested claims; readers see them once accepted)"
        )
        return
    emit(found, as_json, _print_conflict)


def timeline(
    ctx: typer.Context,
    subject: Annotated[str | None, typer.Argument(help="A person or other card-index name")] = None,
    dossier: Annotated[str | None, typer.Option(help="A dossier's timeline instead")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """A person's or a dossier's claims in date order, as far as you may read."""
    registry, actor = open_as(ctx, as_)
    emit(registry.timeline(actor, subject=subject, dossier=dossier), as_json, _print)


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="claim")
    root.command("conflicts")(conflicts)
    root.command("timeline")(timeline)
