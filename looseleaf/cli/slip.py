"""`looseleaf slip request|list|show|review|decide|return` and `looseleaf grant list`."""

from __future__ import annotations

from typing import Annotated

import typer

from looseleaf.cli.common import (
    AS_OPTION,
    JSON_OPTION,
    counted,
    described,
    emit,
    emit_json,
    open_as,
    out,
)
from looseleaf.errors import BadInput
from looseleaf.model import Slip

app = typer.Typer(help="Request slips: asking for leaves, with a purpose.", no_args_is_help=True)
grants = typer.Typer(
    help="Grants: leaves approved for a reader until an expiry.", no_args_is_help=True
)


def _print(slip: Slip) -> None:
    out.print(f"slip {slip.id} by {slip.reader}: {slip.status}; purpose: {slip.purpose}")
    out.print(f"  scope: {slip.scope_kind}: {described(slip.scope)}")
    if slip.proposed is not None:
        out.print(f"  proposed leaves: {', '.join(map(str, slip.proposed)) or 'none'}")
    if slip.granted:
        out.print(f"  granted leaves: {', '.join(map(str, slip.granted))}")
    if slip.denied:
        out.print(f"  denied leaves: {', '.join(map(str, slip.denied))}")
    if slip.scope_kind == "decode" and slip.status != "pending":
        decoded = slip.scope.get("decoded")
        if isinstance(decoded, dict):
            out.print(
                f"  {slip.scope['name']} is {decoded['preferred']} (record {decoded['record']})",
                markup=False,
            )
        else:
            out.print(f"  {slip.scope['name']}: not decoded", markup=False)


def _xref(value: str) -> tuple[int, str]:
    leaf, sep, name = (part.strip() for part in value.partition(":"))
    # ASCII digits only ("²" is a digit to isdigit() but no number to int()),
    # and an id a leaf can have (the API's bound).
    number = leaf.isascii() and leaf.isdigit() and len(leaf) < 20 and 1 <= int(leaf) <= 2**62
    if not sep or not number or not name:
        raise BadInput(f"--xref {value!r}", "use LEAF_ID:NAME, e.g. 3:Orlov-Brandt")
    return int(leaf), name


@app.command("request")
def request(
    ctx: typer.Context,
    purpose: Annotated[str, typer.Option(help="Why the leaves are needed (recorded)")],
    leaf: Annotated[list[int] | None, typer.Option(help="A leaf id (repeatable)")] = None,
    xref: Annotated[
        str | None, typer.Option(help="LEAF_ID:NAME - a cross-reference on a leaf you can read")
    ] = None,
    query: Annotated[str | None, typer.Option(help="Leaves whose text contains this")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Raise a request slip for leaves, by id, by cross-reference or by query."""
    registry, actor = open_as(ctx, as_)
    slip = registry.request_slip(
        actor,
        purpose,
        leaf_ids=leaf or (),
        xref_leaf=_xref(xref) if xref else None,
        query=query,
    )
    emit(slip, as_json, _print)


@app.command("list")
def list_(
    ctx: typer.Context,
    status: Annotated[str | None, typer.Option(help="pending, decided or returned")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Your slips; for a custodian (or the operator), every slip."""
    registry, actor = open_as(ctx, as_)
    found = registry.slips(actor, status=status)
    emit(found, as_json, _print)


@app.command("show")
def show(
    ctx: typer.Context,
    slip_id: Annotated[int, typer.Argument(help="Slip id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """One slip; a custodian sees the proposed leaves."""
    registry, actor = open_as(ctx, as_)
    slip = registry.slip(actor, slip_id)
    emit(slip, as_json, _print)


@app.command("review")
def review(
    ctx: typer.Context,
    slip_id: Annotated[int, typer.Argument(help="Slip id")],
    leaf_id: Annotated[int, typer.Argument(help="A proposed leaf")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Custodian: read a proposed leaf to decide on it (the reading is recorded)."""
    registry, actor = open_as(ctx, as_)
    text = registry.review(actor, slip_id, leaf_id)
    if as_json:
        emit_json(text)
    else:
        out.print(f"leaf {leaf_id} [{text.leaf.marking}] proposed on slip {slip_id}")
        out.print(text.normalised)


@app.command("decide")
def decide(
    ctx: typer.Context,
    slip_id: Annotated[int, typer.Argument(help="Slip id")],
    approve: Annotated[list[int] | None, typer.Option(help="Leaf to grant (repeatable)")] = None,
    deny: Annotated[list[int] | None, typer.Option(help="Leaf to refuse (repeatable)")] = None,
    days: Annotated[int | None, typer.Option(help="Grant lifetime [default: grant_days]")] = None,
    decoding: Annotated[
        str | None,
        typer.Option(help="For a decoding slip: approve (name the record) or refuse"),
    ] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Custodian: approve proposed leaves page by page; the rest are denied.
    A decoding slip is answered with --decoding approve|refuse (a decoder's power)."""
    registry, actor = open_as(ctx, as_)
    if decoding is not None:
        if decoding not in {"approve", "refuse"}:
            raise BadInput(f"--decoding {decoding!r}", "use approve or refuse")
        slip = registry.decide_decoding(actor, slip_id, approve=decoding == "approve")
    else:
        slip = registry.decide_slip(
            actor, slip_id, approve=approve or (), deny=deny or (), days=days
        )
    emit(slip, as_json, _print)


@app.command("decode")
def decode(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="A leaf you may read")],
    name: Annotated[str, typer.Argument(help="The cover or code name written on it")],
    purpose: Annotated[str, typer.Option(help="Why you ask (recorded)")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Ask whom a cover name on a leaf stands for: a slip a custodian who
    may decode answers (the Records Act's decoding on request)."""
    registry, actor = open_as(ctx, as_)
    emit(registry.request_decoding(actor, leaf_id, name, purpose), as_json, _print)


@app.command("return")
def return_(
    ctx: typer.Context,
    slip_id: Annotated[int, typer.Argument(help="Slip id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Hand the leaves back: every grant of the slip ends at once."""
    registry, actor = open_as(ctx, as_)
    ended = registry.return_slip(actor, slip_id)
    if as_json:
        emit_json({"slip_id": slip_id, "grants_ended": ended})
    else:
        out.print(f"slip {slip_id} returned; {counted(ended, 'grant')} ended")


@grants.command("list")
def grant_list(
    ctx: typer.Context,
    reader: Annotated[str | None, typer.Option(help="Whose grants (custodians)")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Grants with their expiries: your own, or a reader's for a custodian."""
    registry, actor = open_as(ctx, as_)
    found = registry.grants(actor, reader=reader)
    if as_json:
        emit_json(found)
        return
    now = registry.now()
    for grant in found:
        state_ = "active" if grant.active(now) else "ended"
        out.print(
            f"grant {grant.id}: leaf {grant.leaf_id} to {grant.reader} until "
            f"{grant.expires_at} ({state_}); slip {grant.slip_id}: {grant.purpose}"
        )
