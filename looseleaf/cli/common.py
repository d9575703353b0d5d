"""What every command shares: the global options, opening the registry, and
printing (JSON lines for scripts, Rich for people)."""

from __future__ import annotations

import getpass
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import typer
from rich.console import Console

from looseleaf.errors import RegistryError
from looseleaf.model import Actor, jsonable
from looseleaf.registry import Registry, describe
from looseleaf.settings import Settings

JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")
AS_OPTION = typer.Option(
    "--as",
    metavar="READER",
    help="Act under this reader's permissions (recorded as such); default: the operator.",
)


@dataclass
class State:
    """The global options, resolved once per invocation."""

    settings: Settings = field(default_factory=Settings)
    debug: bool = False
    opened: list[Registry] = field(default_factory=list)

    def open(self, *, create: bool = False) -> Registry:
        """Open the registry; `create` makes one where there is none yet (ingest, demo)."""
        try:
            registry = Registry.open(self.settings)
        except RegistryError:
            if not create:
                raise
            registry = Registry.init(self.settings, operator())
            err.print(
                f"looseleaf: created registry {describe(self.settings.registry)}", highlight=False
            )
        self.opened.append(registry)
        return registry

    def close(self) -> None:
        for registry in self.opened:
            registry.close()
        self.opened.clear()


out = Console(highlight=False, soft_wrap=True, markup=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


def state(ctx: typer.Context) -> State:
    found = ctx.find_object(State)
    if found is None:  # pragma: no cover - the root callback always sets it
        raise RuntimeError("looseleaf CLI state missing")
    return found


def operator() -> Actor:
    """The local operator acts with the authority of whoever holds the registry."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "unknown"
    return Actor.operator(name)


def open_as(ctx: typer.Context, as_name: str | None) -> tuple[Registry, Actor]:
    """The registry and who acts on it: what nearly every command starts with."""
    registry = state(ctx).open()
    return registry, acting(registry, as_name)


def acting(registry: Registry, as_name: str | None) -> Actor:
    """The operator, or the operator acting as a reader (`--as`)."""
    me = operator()
    return me if as_name is None else registry.as_reader(as_name, via=me)


def read_password() -> str:
    """One line from standard input (`--password-stdin`), without its newline."""
    line = sys.stdin.readline()
    return line.rstrip("\r\n")


#: Nouns whose plural is not the singular plus "s".
_PLURALS = {"leaf": "leaves", "copy": "copies", "match": "matches"}


def counted(number: int, noun: str) -> str:
    """`1 leaf`, `2 leaves`: a count for people to read."""
    return f"{number} {noun if number == 1 else _PLURALS.get(noun, noun + 's')}"


def described(fields: dict[str, Any]) -> str:
    """`leaves 1, 2; name Orlov`: a small mapping for people, not a repr."""
    parts = []
    for key, value in fields.items():
        shown = ", ".join(map(str, value)) if isinstance(value, list | tuple) else str(value)
        parts.append(f"{key} {shown or 'none'}")
    return "; ".join(parts)


def emit(value: Any, as_json: bool, human: Callable[[Any], None]) -> None:
    """One value (or a list of them) for a script as JSON, or for a person
    through `human`, item by item."""
    if as_json:
        emit_json(value)
    else:
        for item in value if isinstance(value, list) else [value]:
            human(item)


def emit_json(value: Any) -> None:
    """`value` through the one serializer the API uses too (`jsonable`)."""
    sys.stdout.write(json.dumps(jsonable(value), ensure_ascii=False, indent=2) + "\n")
