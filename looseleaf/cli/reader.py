"""`looseleaf reader add|list|show|set|disable` and `looseleaf token create|revoke`."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from looseleaf.cli.common import (
    AS_OPTION,
    JSON_OPTION,
    emit_json,
    open_as,
    out,
    read_password,
)
from looseleaf.model import Reader
from looseleaf.registry import MarkingRequest

app = typer.Typer(help="Reader accounts: clearance, roles, passwords.", no_args_is_help=True)
tokens = typer.Typer(help="API tokens for scripts (stored only as a hash).", no_args_is_help=True)

COMPARTMENTS = typer.Option(
    "--compartment", help="A compartment the reader is read into (repeatable)"
)
ROLES = typer.Option("--role", help="reader, registrar, custodian, auditor or admin (repeatable)")
PASSWORD = typer.Option("--password-stdin", help="Read a password from standard input.")
CLASS = typer.Option(
    "--class", help="Redaction class: staff (default), subject, researcher or journalist"
)
PERSON = typer.Option("--person", help="For --class subject: the reader's own record id")


def _show(reader: Reader, as_json: bool) -> None:
    if as_json:
        emit_json(reader)
        return
    roles = ", ".join(sorted(reader.roles)) or "reader"
    disabled = f"  DISABLED {reader.disabled_at}" if reader.disabled_at else ""
    own = f" (record {reader.person_id})" if reader.person_id is not None else ""
    out.print(
        f"{reader.name}: cleared {reader.clearance}; roles {roles}; "
        f"class {reader.reader_class}{own}{disabled}"
    )


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Account name")],
    level: Annotated[str, typer.Option(help="Clearance level")],
    compartment: Annotated[list[str] | None, COMPARTMENTS] = None,
    role: Annotated[list[str] | None, ROLES] = None,
    password_stdin: Annotated[bool, PASSWORD] = False,
    reader_class: Annotated[str | None, CLASS] = None,
    person: Annotated[int | None, PERSON] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Create an account with a clearance (level and compartments), roles and
    a redaction class."""
    registry, actor = open_as(ctx, as_)
    reader = registry.add_reader(
        actor,
        name,
        MarkingRequest(level, tuple(compartment or ())),
        roles=role or (),
        password=read_password() if password_stdin else None,
        reader_class=reader_class,
        person_id=person,
    )
    _show(reader, as_json)


@app.command("list")
def list_(
    ctx: typer.Context, as_: Annotated[str | None, AS_OPTION] = None, as_json: bool = JSON_OPTION
) -> None:
    """Every account with its clearance and roles."""
    registry, actor = open_as(ctx, as_)
    found = registry.readers(actor)
    if as_json:
        emit_json(found)
        return
    table = Table("name", "clearance", "roles", "disabled")
    for reader in found:
        table.add_row(
            reader.name,
            str(reader.clearance),
            ", ".join(sorted(reader.roles)),
            reader.disabled_at or "",
        )
    out.print(table)


@app.command("show")
def show(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Account name")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """One account."""
    registry, actor = open_as(ctx, as_)
    _show(registry.reader(actor, name), as_json)


@app.command("set")
def set_(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Account name")],
    level: Annotated[str | None, typer.Option(help="New clearance level")] = None,
    compartment: Annotated[
        list[str] | None, typer.Option("--compartment", help="Replace the compartments")
    ] = None,
    no_compartments: Annotated[
        bool, typer.Option("--no-compartments", help="Read the reader out of every compartment")
    ] = False,
    role: Annotated[list[str] | None, typer.Option("--role", help="Replace the roles")] = None,
    password_stdin: Annotated[bool, PASSWORD] = False,
    reader_class: Annotated[str | None, CLASS] = None,
    person: Annotated[int | None, PERSON] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Change an account's clearance, roles, password or class (at once)."""
    registry, actor = open_as(ctx, as_)
    compartments = [] if no_compartments else compartment
    reader = registry.set_reader(
        actor,
        name,
        level=level,
        compartments=compartments,
        roles=role,
        password=read_password() if password_stdin else None,
        reader_class=reader_class,
        person_id=person,
    )
    _show(reader, as_json)


@app.command("disable")
def disable(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Account name")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Disable an account: it can no longer log in or read, from the next check on."""
    registry, actor = open_as(ctx, as_)
    _show(registry.disable_reader(actor, name), as_json)


@tokens.command("create")
def token_create(
    ctx: typer.Context,
    reader: Annotated[str, typer.Argument(help="Account the token acts as")],
    days: Annotated[int | None, typer.Option(help="Lifetime [default: token_days]")] = None,
    label: Annotated[str | None, typer.Option(help="What the token is for")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Create an API token; it is printed once and stored only as its hash."""
    registry, actor = open_as(ctx, as_)
    token_id, token, expires = registry.create_token(actor, reader, days=days, label=label)
    if as_json:
        emit_json({"id": token_id, "token": token, "reader": reader, "expires_at": expires})
    else:
        out.print(f"token {token_id} for {reader}, expires {expires}:\n{token}")


@tokens.command("revoke")
def token_revoke(
    ctx: typer.Context,
    token_id: Annotated[int, typer.Argument(help="Token id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Revoke a token; it stops working at once."""
    registry, actor = open_as(ctx, as_)
    registry.revoke_token(actor, token_id)
    if as_json:
        emit_json({"id": token_id, "revoked": True})
    else:
        out.print(f"token {token_id} revoked")
