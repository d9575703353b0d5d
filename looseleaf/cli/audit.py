"""`looseleaf audit verify|checkpoint|log|readers|exposure|replay|proof|alarms`.

What an auditor below full clearance is shown is decided in the facade (the
rule is in `registry/audit.py`); these commands print what they are given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, counted, emit_json, open_as, out
from looseleaf.errors import BadInput

app = typer.Typer(help="The audit log: verify it, prove it, question it.", no_args_is_help=True)


@app.command("verify")
def verify(
    ctx: typer.Context,
    against: Annotated[
        Path | None,
        typer.Option(help="A checkpoint file handed out earlier: prove the log still extends it"),
    ] = None,
    public_key: Annotated[
        Path | None,
        typer.Option(
            help="Trust this public key (or checkpoint file) instead of the registry's signing key"
        ),
    ] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Recompute the log's tree, check every signature and every leaf's text; exit 0 only
    if all hold."""
    registry, actor = open_as(ctx, as_)
    given = _json_file(against) if against is not None else None
    verdict = registry.verify(actor, against=given, public_key=public_key)
    if as_json:
        emit_json(verdict)
    elif verdict.ok:
        out.print(
            f"verified: {counted(verdict.events, 'event')}, "
            f"{counted(verdict.checkpoints, 'signed checkpoint')}, "
            f"{counted(verdict.leaves, 'leaf')}"
        )
    else:
        out.print(f"NOT VERIFIED: {verdict.problems[0]}")
        for problem in verdict.problems[1:]:
            out.print(f"  also: {problem}")
    if not verdict.ok:
        raise typer.Exit(1)


def _json_file(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BadInput(str(path), f"not a readable JSON checkpoint ({exc})") from None
    if not isinstance(data, dict):
        raise BadInput(str(path), "not a checkpoint")
    return data


@app.command("checkpoint")
def checkpoint(
    ctx: typer.Context, as_: Annotated[str | None, AS_OPTION] = None, as_json: bool = JSON_OPTION
) -> None:
    """Sign and print the newest tree head, to hand to an outside witness."""
    registry, actor = open_as(ctx, as_)
    head = registry.latest_checkpoint(actor)
    if as_json:
        emit_json(head)
    else:
        out.print(
            f"{counted(head['size'], 'event')}, root {head['root']}, signed {head['at']} "
            f"by key {head['key_id']}"
        )


@app.command("log")
def log_(
    ctx: typer.Context,
    reader: Annotated[str | None, typer.Option(help="Events by this reader")] = None,
    leaf: Annotated[int | None, typer.Option(help="Events about this leaf")] = None,
    dossier: Annotated[str | None, typer.Option(help="Events about this dossier's leaves")] = None,
    action: Annotated[str | None, typer.Option(help="e.g. leaf.read, slip.decide")] = None,
    since: Annotated[str | None, typer.Option(help="ISO time, e.g. 2026-11-01")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events")] = 1000,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """The event log, filtered. Every event is listed; below full clearance, one about
    material above you shows only its target's kind."""
    registry, actor = open_as(ctx, as_)
    found = registry.audit_log(
        actor,
        reader=reader,
        leaf_id=leaf,
        dossier=dossier,
        action=action,
        since=since,
        limit=limit,
    )
    if as_json:
        emit_json(found)
    else:
        for event in found:
            redacted = event.detail.get("redacted")
            note = f" ({redacted})" if isinstance(redacted, str) else ""
            out.print(
                f"{event.id} {event.at} {event.actor} {event.action} {event.target or ''}{note}"
            )


@app.command("readers")
def readers(
    ctx: typer.Context,
    dossier: Annotated[str, typer.Argument(help="Dossier id or title")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Who has read leaves of a dossier, and which."""
    registry, actor = open_as(ctx, as_)
    _, reports = registry.dossier(actor, dossier)
    who = registry.readers_of(actor, [leaf.id for r in reports for leaf in r.leaves])
    if as_json:
        emit_json(who)
    else:
        for name, ids in who.items():
            out.print(f"{name}: leaves {', '.join(map(str, ids))}")


@app.command("exposure")
def exposure(
    ctx: typer.Context,
    reader: Annotated[str, typer.Argument(help="Reader name")],
    since: Annotated[str | None, typer.Option(help="ISO time")] = None,
    until: Annotated[str | None, typer.Option(help="ISO time")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Everything one reader was shown in a period, with what allowed each read."""
    registry, actor = open_as(ctx, as_)
    found = registry.exposure(actor, reader, since=since, until=until)
    if as_json:
        emit_json(found)
    else:
        for item in found:
            if item["leaf"] is None:  # a leaf above the asking auditor's clearance
                out.print(f"{item['at']} {item['how']}: {item['basis']}")
            else:
                out.print(
                    f"{item['at']} leaf {item['leaf']} (dossier {item['dossier']}): {item['basis']}"
                )


@app.command("replay")
def replay(
    ctx: typer.Context,
    event_id: Annotated[int, typer.Argument(help="A leaf.read event")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Was a past read allowed under the rule, on the facts recorded with it?"""
    registry, actor = open_as(ctx, as_)
    result = registry.replay(actor, event_id)
    if as_json:
        emit_json(result)
    else:
        verdict = "allowed" if result.allowed else "NOT allowed"
        out.print(
            f"event {event_id}: {result.reader} reading leaf {result.leaf_id} at "
            f"{result.at} was {verdict}: {result.reason}"
        )


@app.command("proof")
def proof(
    ctx: typer.Context,
    event_id: Annotated[int | None, typer.Argument(help="Event id (inclusion proof)")] = None,
    from_size: Annotated[
        int | None, typer.Option("--from", help="An older tree size (consistency proof)")
    ] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Prove one event is in the newest signed checkpoint, or (--from SIZE) that the
    log of SIZE events is a prefix of it."""
    if (event_id is None) == (from_size is None):
        raise BadInput("proof", "give an event id or --from SIZE, not both")
    registry, actor = open_as(ctx, as_)
    if from_size is not None:
        found = registry.consistency_proof(actor, from_size)
        summary = f"the log of {counted(from_size, 'event')} (root {found['old_root']}) is a prefix"
    else:
        assert event_id is not None
        found = registry.inclusion_proof(actor, event_id)
        summary = f"event {event_id} is in the tree"
    if as_json:
        emit_json(found)
    else:
        out.print(
            f"{summary} of {counted(found['checkpoint']['size'], 'event')} (root "
            f"{found['checkpoint']['root']}); path of {len(found['path'])} hashes"
        )


@app.command("alarms")
def alarms(
    ctx: typer.Context, as_: Annotated[str | None, AS_OPTION] = None, as_json: bool = JSON_OPTION
) -> None:
    """The curiosity alarms raised so far: the auditor's queue."""
    registry, actor = open_as(ctx, as_)
    found = registry.alarms(actor)
    if as_json:
        emit_json(found)
    else:
        for event in found:
            what = event.detail.get("what") or event.detail.get("redacted")
            out.print(f"{event.id} {event.at} {event.actor}: {what}")
