"""`looseleaf demo`: build the sample registry and show what it holds."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from looseleaf import demo as sample
from looseleaf.cli.common import JSON_OPTION, counted, emit_json, operator, out, state
from looseleaf.cli.serve import PORT_OPTION, run_server
from looseleaf.errors import BadInput
from looseleaf.registry import Registry, describe, is_postgres


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)


def demo(
    ctx: typer.Context,
    fresh: Annotated[
        bool, typer.Option("--fresh", help="Replace the SQLite registry file if it exists.")
    ] = False,
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Open the reading room afterwards.")
    ] = True,
    port: Annotated[int, PORT_OPTION] = 8000,
    as_json: bool = JSON_OPTION,
) -> None:
    """Build the sample registry (the Petrov case in miniature) and print a tour."""
    settings = state(ctx).settings
    if fresh:
        if is_postgres(settings.registry):
            raise BadInput("--fresh", "only replaces a SQLite file; use an empty database")
        for suffix in ("", "-wal", "-shm"):
            Path(settings.registry + suffix).unlink(missing_ok=True)
    with Registry.init(settings, operator()) as registry:
        if registry.dossiers(operator()):
            raise BadInput(
                f"registry {describe(settings.registry)}",
                "already holds dossiers; the demo needs an empty registry (use --fresh)",
            )
        with tempfile.TemporaryDirectory(prefix="looseleaf-demo-") as tmp:
            built = sample.build(registry, operator(), Path(tmp))
        story = sample.stage(registry, operator(), _beside(settings.registry))
        if as_json:
            emit_json([{**b.result.as_json(), "dossier": b.dossier, "file": b.file} for b in built])
        else:
            _tour(registry, story)
    if serve and not as_json:
        logins = (
            ", ".join(
                f"{name} / {name}-demo ({', '.join(roles) or 'reader'})"
                for name, _, _, roles in sample.READERS
            )
            + ", lupu / lupu-demo (reads his own file, redacted)"
        )
        run_server(
            settings,
            "127.0.0.1",
            port,
            banner=f"Demo logins (name / password): {logins}\n",
        )


def _beside(registry: str) -> Path:
    """Where the demo puts its numbered copy: next to the registry file."""
    return Path(registry).parent if not is_postgres(registry) else Path.cwd()


def _tour(registry: Registry, story: sample.Story) -> None:
    me = operator()
    out.rule("looseleaf demo registry")
    out.print(f"registry: {describe(registry.settings.registry)}")
    out.print(f"levels: {' < '.join(registry.levels.names)}\n")
    for dossier in registry.dossiers(me):
        out.print(f"dossier {dossier.id}: {dossier.title}")
        out.print(f"  the title itself is marked {dossier.marking}")
        _, reports = registry.dossier(me, str(dossier.id))
        for report in reports:
            markings = sorted({str(leaf.marking) for leaf in report.leaves})
            out.print(
                f"  report #{report.seq} {report.filename} ({report.media_type}): "
                f"{counted(len(report.leaves), 'leaf')} marked {', '.join(markings)}; "
                f"source: {report.source.title}, grade {report.source.grade}"
            )
    _, reports = registry.dossier(me, "LUPU, Grigore - seaman, Danube Steam Navigation")
    scan = reports[0].leaves[0]
    text = registry.read(me, scan.id)
    out.rule("an OCR-damaged page: the original is kept byte for byte")
    out.print(text.original)
    out.rule("... and the normalised text beside it (hyphens at line ends undone)")
    out.print(text.normalised)
    xref = registry.read(me, reports[1].leaves[0].id)
    out.rule("Petrov's cross-reference")
    out.print(
        f"Leaf {xref.leaf.id} of the seaman's dossier ({xref.leaf.marking}) names Kasimir "
        "Orlov-Brandt, who has a dossier of his own marked TOP SECRET/ARCHIVE-KI.\n"
        "In Petrov's registry that reference brought the whole volume to his desk. Here every\n"
        "leaf carries its own marking, so a custodian can grant just the leaves that bear on it."
    )
    out.rule("the German system: detach the pages, not the volume")
    decided = story.decided
    out.print(
        f"petrov (TOP SECRET, read into SEAMEN) raised slip {decided.id} from leaf "
        f'{story.xref_leaf}: "{decided.purpose}".\n'
        f"It proposed leaves {', '.join(map(str, decided.proposed or ()))} of Orlov-Brandt's "
        "file: only those that mention the seaman.\n"
        f"keeper (custodian) reviewed them and approved {', '.join(map(str, decided.granted))}"
        f"; denied {', '.join(map(str, decided.denied or ())) or 'none'}."
    )
    petrov = registry.as_reader("petrov", via=me)
    readable = [
        leaf.id
        for report in registry.dossier(petrov, "ORLOV-BRANDT, Kasimir")[1]
        for leaf in report.leaves
    ]
    out.print(
        f"petrov can now read exactly leaves {', '.join(map(str, readable))} of that "
        "dossier, and no other."
    )
    for leaf_id in (decided.denied or ())[:1]:
        out.print(f"why not leaf {leaf_id}? {registry.why(me, 'petrov', leaf_id).reason}")
    out.print(
        f"Numbered copy No. {story.copy.number} of leaf {story.copy.leaves[0]} was issued to "
        f"petrov against a receipt (copy-{story.copy.number}.pdf beside the registry)."
    )
    out.print(f'Slip {story.pending.id} ("{story.pending.purpose}") is still pending.')
    out.rule("the card index: one man under every name his papers use")
    for query in ("Орлов-Брандт", "Orlow-Brant"):
        for hit in registry.person_search(petrov, query):
            out.print(f"petrov searches {query!r}: {hit.preferred} ({'; '.join(hit.reasons)})")
    for xref_found in registry.xrefs(petrov, story.xref_leaf):
        out.print(
            f"leaf {xref_found.leaf_id} names {xref_found.text!r}: dossier "
            f"{xref_found.dossier_id} ({xref_found.dossier_title}) exists - ask with a slip"
        )
    out.print(
        "The working name FALKE is a cover name: petrov's search for it finds "
        f"{counted(len(registry.person_search(petrov, 'FALKE')), 'record')}; the operator's finds "
        f"{len(registry.person_search(me, 'FALKE'))}."
    )
    out.rule("what comes next")
    out.print("The reading room opens below: log in as petrov, keeper, clerk or auditor.")
    out.print(
        "Demo accounts (password: the name followed by -demo): "
        + ", ".join(
            f"{name} ({', '.join(roles) or 'reader'})" for name, _, _, roles in sample.READERS
        )
    )
    out.print(
        "And lupu (password lupu-demo) reads his own file: his sister masked, the informer named."
    )
    out.print(f"Try: looseleaf --registry {registry.settings.registry} slip list --as keeper")
    out.print(f"     looseleaf --registry {registry.settings.registry} dossier list --as petrov")
    out.print(f"     looseleaf --registry {registry.settings.registry} audit verify")
