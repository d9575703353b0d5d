"""`looseleaf init` and `looseleaf version`: the registry itself."""

from __future__ import annotations

from typing import Annotated

import typer

from looseleaf import __version__
from looseleaf.cli.common import JSON_OPTION, emit_json, operator, out, state
from looseleaf.registry import SCHEMA_VERSION, Registry


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("version")(version)


def init(
    ctx: typer.Context,
    levels: Annotated[
        str | None,
        typer.Option(
            help="Comma-separated levels, lowest first "
            "[default: UNCLASSIFIED,RESTRICTED,CONFIDENTIAL,SECRET,TOP SECRET]"
        ),
    ] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Create a registry (SQLite file or PostgreSQL schema); harmless if it exists."""
    names = [name for name in (levels or "").split(",") if name.strip()] or None
    with Registry.init(state(ctx).settings, operator(), levels=names) as registry:
        info = registry.describe()
    if as_json:
        emit_json(info)
    else:
        out.print(
            f"registry {info['registry']} ready (schema v{info['schema_version']}); "
            f"levels: {' < '.join(info['levels'])}"
        )


def version(as_json: bool = JSON_OPTION) -> None:
    """Print the looseleaf version and the schema version it writes."""
    if as_json:
        emit_json({"version": __version__, "schema_version": SCHEMA_VERSION})
    else:
        out.print(f"looseleaf {__version__} (schema v{SCHEMA_VERSION})")
