"""`looseleaf person ...`: the card index of persons and organisations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from looseleaf.cli.common import AS_OPTION, JSON_OPTION, counted, emit, open_as, out
from looseleaf.errors import BadInput
from looseleaf.model import CardEntry, Person, PersonMatch, Suggestion
from looseleaf.registry import MarkingRequest

app = typer.Typer(
    help="The card index: persons and organisations under every name form.",
    no_args_is_help=True,
)
alias = typer.Typer(help="Name forms of a record (registrar).", no_args_is_help=True)
app.add_typer(alias, name="alias")
suggestion = typer.Typer(help="Suggested matches for the registrar.", no_args_is_help=True)
app.add_typer(suggestion, name="suggestion")

REASON = typer.Option(help="Why (recorded in the audit log)")


def _print_person(person: Person) -> None:
    life = f" ({person.born or '?'} - {person.died or '?'})" if person.born or person.died else ""
    part = f", {person.category.replace('_', ' ')}" if person.category else ""
    out.print(
        f"record {person.id} [{person.marking}] {person.kind}{part}: {person.preferred}{life}"
    )
    for what, source in (("born", person.born_source), ("died", person.died_source)):
        if source:
            out.print(f"  {what}: {source}")
    if person.dossier_id is not None:
        out.print(f"  dossier: {person.dossier_id}")
    for form in person.forms:
        leaves = f" on leaves {', '.join(map(str, form.leaves))}" if form.leaves else ""
        out.print(f"  {form.type:<16} {form.form}{leaves}")


def _print_match(match: PersonMatch) -> None:
    out.print(
        f"{match.person_id:>6}  {match.score:.2f}  {match.preferred}  "
        f"(as {match.form!r}: {'; '.join(match.reasons)})"
    )


def _print_suggestion(found: Suggestion) -> None:
    leaf = f" (leaf {found.leaf_id})" if found.leaf_id else ""
    if found.kind == "record":
        target = "a new record" if found.person_id is None else f"record {found.person_id}"
        forms = ", ".join(repr(f) for f in found.forms)
        what = f"{forms} -> {target} on {counted(len(found.leaves), 'leaf')}"
    else:
        what = f"{found.form!r} -> record {found.person_id}{leaf}"
    out.print(
        f"{found.id:>9}  {found.kind:<6} {what}  {found.score:.2f}: {'; '.join(found.reasons)}"
    )


def _forms(values: list[str] | None) -> list[tuple[str, str]]:
    forms = []
    for value in values or []:
        kind, sep, form = value.partition(":")
        if not sep or not form.strip():
            raise BadInput(f"--form {value!r}", "use TYPE:FORM, e.g. transliteration:Jeschow")
        forms.append((kind, form))
    return forms


@app.command("search")
def search(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Any form of the name, in any script")],
    limit: Annotated[int, typer.Option(help="At most this many records")] = 20,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Records found by any name form you may see, ranked, each with why it matched."""
    registry, actor = open_as(ctx, as_)
    emit(registry.person_search(actor, name, limit=limit), as_json, _print_match)


@app.command("list")
def list_(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option(help="person, organisation, group or place")] = None,
    letter: Annotated[
        str | None, typer.Option(help="One drawer: A to Z, or # for the rest")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many cards")] = 200,
    after: Annotated[str | None, typer.Option(help="The cards after this record id")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """The card index A to Z: every record you may know of, with its mentions,
    dossiers and claims as far as you may read."""
    registry, actor = open_as(ctx, as_)
    emit(
        registry.person_list(actor, kind=kind, letter=letter, limit=limit, after=after),
        as_json,
        _print_card,
    )


def _print_card(card: CardEntry) -> None:
    out.print(
        f"{card.letter}  {card.person_id:>9}  {card.preferred}  [{card.kind}]  "
        f"{counted(card.mentions, 'mention')}, {counted(card.dossiers, 'dossier')}, "
        f"{counted(card.claims, 'claim')}"
    )


@app.command("show")
def show(
    ctx: typer.Context,
    person_id: Annotated[int, typer.Argument(help="Record id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """A record, its name forms and the leaves (you may read) each was found on."""
    registry, actor = open_as(ctx, as_)
    emit(registry.person(actor, person_id), as_json, _print_person)


@app.command("add")
def add(
    ctx: typer.Context,
    preferred: Annotated[str, typer.Argument(help="The preferred name")],
    form: Annotated[
        list[str] | None, typer.Option(help="TYPE:FORM, e.g. cover_name:Etienne (repeatable)")
    ] = None,
    kind: Annotated[str, typer.Option(help="person, organisation, group or place")] = "person",
    living: Annotated[bool, typer.Option("--living/--dead", help="Living-person flag")] = True,
    born: Annotated[str | None, typer.Option(help="Born (or founded), as precise as known")] = None,
    died: Annotated[str | None, typer.Option(help="Died (or dissolved)")] = None,
    level: Annotated[str | None, typer.Option(help="The record's level")] = None,
    compartment: Annotated[list[str] | None, typer.Option(help="Compartment (repeatable)")] = None,
    dossier: Annotated[str | None, typer.Option(help="The dossier on this subject")] = None,
    successor_of: Annotated[
        int | None, typer.Option(help="The organisation this one succeeded")
    ] = None,
    note: Annotated[str | None, typer.Option(help="One line on who this is")] = None,
    namesake: Annotated[
        bool, typer.Option(help="Another person of a name a record already has")
    ] = False,
    category: Annotated[
        str | None,
        typer.Option(help="subject, third_party, staff, informer, beneficiary or public_figure"),
    ] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Create a record (registrar); a name you already have a record of is
    refused unless it is a --namesake."""
    registry, actor = open_as(ctx, as_)
    person = registry.person_add(
        actor,
        preferred,
        kind=kind,
        forms=_forms(form),
        living=living,
        born=born,
        died=died,
        marking=MarkingRequest(level, tuple(compartment or ())),
        dossier=dossier,
        note=note,
        successor_of=successor_of,
        namesake=namesake,
        category=category,
    )
    emit(person, as_json, _print_person)


@app.command("set")
def set_(
    ctx: typer.Context,
    person_id: Annotated[int, typer.Argument(help="Record id")],
    category: Annotated[
        str | None,
        typer.Option(help="subject, third_party, staff, informer, beneficiary or public_figure"),
    ] = None,
    born: Annotated[str | None, typer.Option(help="Born, as precise as known")] = None,
    died: Annotated[str | None, typer.Option(help="Died, as precise as known")] = None,
    consent: Annotated[
        str | None,
        typer.Option(help="Where the person's consent to being named is recorded"),
    ] = None,
    withdraw_consent: Annotated[
        bool, typer.Option("--withdraw-consent", help="The consent no longer holds")
    ] = False,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Say what a record is in the files, when its person lived, or where
    their consent is recorded (registrar; recorded, with you as the source):
    what each reader class may see of them follows at once."""
    registry, actor = open_as(ctx, as_)
    emit(
        registry.person_set(
            actor,
            person_id,
            category=category,
            born=born,
            died=died,
            consent=consent,
            withdraw_consent=withdraw_consent,
        ),
        as_json,
        _print_person,
    )


@app.command("import")
def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="JSON list of records")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Load records from an authority file: a JSON list of {"preferred", "kind",
    "living", "forms": [{"form", "type"}], "level", "compartments", "dossier"}."""
    try:
        records = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BadInput(str(file), f"not a readable JSON file ({exc})") from None
    if not isinstance(records, list):
        raise BadInput(str(file), "expected a JSON list of records")
    registry, actor = open_as(ctx, as_)
    added = [registry.person_add(actor, **_record(file, n, r)) for n, r in enumerate(records)]
    emit(added, as_json, lambda p: out.print(f"record {p.id}: {p.preferred}"))


def _record(file: Path, number: int, record: object) -> dict[str, Any]:
    if not isinstance(record, dict) or not isinstance(record.get("preferred"), str):
        raise BadInput(f"{file} record {number + 1}", 'needs a "preferred" name')
    forms = record.get("forms", [])
    if not isinstance(forms, list) or not all(isinstance(f, dict) and "form" in f for f in forms):
        raise BadInput(f"{file} record {number + 1}", 'use "forms": [{"form": ..., "type": ...}]')
    return {
        "preferred": record["preferred"],
        "kind": str(record.get("kind", "person")),
        "forms": [(str(f.get("type", "spelling")), str(f["form"])) for f in forms],
        "living": bool(record.get("living", True)),
        "born": record.get("born"),
        "died": record.get("died"),
        "marking": MarkingRequest(record.get("level"), tuple(record.get("compartments", ()))),
        "dossier": record.get("dossier"),
        "note": record.get("note"),
    }


@app.command("merge")
def merge(
    ctx: typer.Context,
    keep: Annotated[int, typer.Argument(help="The record that stays")],
    other: Annotated[int, typer.Argument(help="The record merged into it")],
    reason: Annotated[str, REASON],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Two records name one person (registrar)."""
    registry, actor = open_as(ctx, as_)
    emit(registry.merge(actor, keep, other, reason), as_json, _print_person)


@app.command("split")
def split(
    ctx: typer.Context,
    person_id: Annotated[int, typer.Argument(help="The record to split")],
    form: Annotated[list[str], typer.Option(help="A form that names someone else (repeatable)")],
    preferred: Annotated[str, typer.Option(help="Preferred name of the new record")],
    reason: Annotated[str, REASON],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Some forms name another person: move them to a new record (registrar)."""
    registry, actor = open_as(ctx, as_)
    emit(registry.split(actor, person_id, form, preferred, reason), as_json, _print_person)


@alias.command("add")
def alias_add(
    ctx: typer.Context,
    person_id: Annotated[int, typer.Argument(help="Record id")],
    form: Annotated[str, typer.Argument(help="The name form")],
    type_: Annotated[str, typer.Option("--type", help="Form type")] = "alias",
    valid_from: Annotated[str | None, typer.Option(help="Used from (organisations)")] = None,
    valid_to: Annotated[str | None, typer.Option(help="Used until")] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Add a name form to a record; it is found on leaves at once (registrar)."""
    registry, actor = open_as(ctx, as_)
    person = registry.alias_add(
        actor, person_id, form, type_, valid_from=valid_from, valid_to=valid_to
    )
    emit(person, as_json, _print_person)


@alias.command("reject")
def alias_reject(
    ctx: typer.Context,
    person_id: Annotated[int, typer.Argument(help="Record id")],
    form: Annotated[str, typer.Argument(help="The name form that is not this record's")],
    reason: Annotated[str, REASON],
    as_: Annotated[str | None, AS_OPTION] = None,
) -> None:
    """This form does not name this record: unlink it and never suggest it again."""
    registry, actor = open_as(ctx, as_)
    registry.alias_reject(actor, person_id, form, reason)
    out.print(f"record {person_id}: {form!r} rejected")


@suggestion.command("list")
def suggestion_list(
    ctx: typer.Context, as_: Annotated[str | None, AS_OPTION] = None, as_json: bool = JSON_OPTION
) -> None:
    """Pending suggestions, best first, each with its score and reasons."""
    registry, actor = open_as(ctx, as_)
    emit(registry.suggestions(actor), as_json, _print_suggestion)


@suggestion.command("accept")
def suggestion_accept(
    ctx: typer.Context,
    suggestion_id: Annotated[int | None, typer.Argument(help="Suggestion id")] = None,
    all_: Annotated[
        bool, typer.Option("--all", help="Accept every pending one you may see")
    ] = False,
    min_score: Annotated[
        float | None, typer.Option(help="With --all: only those scored at least this (0-1)")
    ] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Confirm a suggestion: the form joins the record, the records merge, or
    a proposed record is made; `--all` confirms every one you may see."""
    if all_ == (suggestion_id is not None):
        raise BadInput("suggestion accept", "give one suggestion id or --all")
    if min_score is not None and not all_:
        raise BadInput("--min-score", "goes with --all")
    registry, actor = open_as(ctx, as_)
    if suggestion_id is None:
        emit(registry.accept_all(actor, min_score=min_score), as_json, _print_suggestion)
    else:
        found = registry.decide_suggestion(actor, suggestion_id, accept=True)
        emit(found, as_json, _print_suggestion)


@app.command("propose")
def propose(
    ctx: typer.Context,
    dossier: Annotated[
        str | None, typer.Option(help="Only names on this dossier's leaves (id or title)")
    ] = None,
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Propose records for the names on the leaves you may read that no record
    holds, grouped into the persons they most likely are (then `suggestion list`)."""
    registry, actor = open_as(ctx, as_)
    emit(registry.propose_records(actor, dossier=dossier), as_json, _print_suggestion)


@suggestion.command("reject")
def suggestion_reject(
    ctx: typer.Context,
    suggestion_id: Annotated[int, typer.Argument(help="Suggestion id")],
    as_: Annotated[str | None, AS_OPTION] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Reject a suggestion; it is remembered and never made again."""
    registry, actor = open_as(ctx, as_)
    emit(registry.decide_suggestion(actor, suggestion_id, accept=False), as_json, _print_suggestion)
