"""The `looseleaf` command: a thin shell over the `Registry` facade, one module per noun.

Every failure ends as one line on stderr and a non-zero exit; the traceback
is shown only with `--debug` (or LOOSELEAF_DEBUG=1).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from looseleaf.cli import (
    access,
    audit,
    claim,
    copy,
    demo,
    dossier,
    ingest,
    leaf,
    note,
    person,
    reader,
    redact,
    registry,
    report,
    search,
    serve,
    slip,
    xref,
)
from looseleaf.cli.common import State, err
from looseleaf.errors import BadInput, LooseleafError
from looseleaf.settings import Settings

app = typer.Typer(
    name="looseleaf",
    help="A records registry and reading room for sensitive dossiers.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def root(
    ctx: typer.Context,
    registry_url: Annotated[
        str | None,
        typer.Option(
            "--registry",
            metavar="URL",
            help="Registry: a SQLite file path or postgresql://... "
            "[env LOOSELEAF_REGISTRY; default ./looseleaf.db]",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    state = State(settings=Settings.load(flags={"registry": registry_url}), debug=debug)
    ctx.obj = state
    ctx.call_on_close(state.close)


registry.register(app)
ingest.register(app)
access.register(app)
search.register(app)
app.add_typer(dossier.app, name="dossier")
app.add_typer(report.app, name="report")
app.add_typer(leaf.app, name="leaf")
app.add_typer(reader.app, name="reader")
app.add_typer(reader.tokens, name="token")
app.add_typer(slip.app, name="slip")
app.add_typer(slip.grants, name="grant")
app.add_typer(copy.app, name="copy")
app.add_typer(note.app, name="note")
app.add_typer(audit.app, name="audit")
app.add_typer(person.app, name="person")
app.add_typer(xref.app, name="xref")
app.add_typer(redact.app, name="redact")
claim.register(app)
demo.register(app)
serve.register(app)


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code; errors become one line on stderr."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("LOOSELEAF_DEBUG") == "1"
    try:
        _decodable(args)
        command = typer.main.get_command(app)
        result = command.main(args=args, prog_name="looseleaf", standalone_mode=False)
    except LooseleafError as exc:
        if debug:
            raise
        err.print(f"looseleaf: error: {_one_line(str(exc))}", markup=False)
        return exc.exit_code
    except typer.Abort:
        err.print("looseleaf: aborted", markup=False)
        return 130
    except typer.TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # a bare group: show its help
            sys.stdout.write(exc.format_message() + "\n")
            return 0
        err.print(f"looseleaf: error: {_one_line(exc.format_message())}", markup=False)
        return exc.exit_code
    except Exception as exc:
        if debug:
            raise
        err.print(
            f"looseleaf: internal error: {type(exc).__name__}: {_one_line(str(exc))} "
            "(run with --debug for the traceback)",
            markup=False,
        )
        return 70
    return result if isinstance(result, int) else 0


def _decodable(args: Sequence[str]) -> None:
    """Bytes that are not UTF-8 reach argv as lone surrogates, which no
    registry can store or look up: refused here, once, for every command."""
    for arg in args:
        if any("\ud800" <= char <= "\udfff" for char in arg):
            raise BadInput(f"argument {arg!r}", "is not valid UTF-8 text")


def _one_line(message: str) -> str:
    return " ".join(message.split())


def main() -> None:
    sys.exit(run())
