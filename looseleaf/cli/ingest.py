"""`looseleaf ingest`: stitch files onto a dossier as reports."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn

from looseleaf.cli.common import JSON_OPTION, counted, emit_json, err, operator, out, state
from looseleaf.model import Source
from looseleaf.registry import IngestResult, MarkingRequest


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)


def ingest(
    ctx: typer.Context,
    paths: Annotated[
        list[Path], typer.Argument(help=".txt, .md, .html, .pdf, .png, .jpg or .tif files")
    ],
    dossier: Annotated[str, typer.Option(help="Dossier title; created if new.")],
    level: Annotated[str | None, typer.Option(help="Leaf level [default: highest]")] = None,
    compartment: Annotated[
        list[str] | None, typer.Option(help="Leaf compartment (repeatable)")
    ] = None,
    dossier_level: Annotated[
        str | None, typer.Option(help="Marking of a new dossier's title [default: the leaves']")
    ] = None,
    dossier_compartment: Annotated[
        list[str] | None, typer.Option(help="Compartment of a new dossier's title (repeatable)")
    ] = None,
    source_title: Annotated[str | None, typer.Option(help="[default: the file name]")] = None,
    source_author: Annotated[str | None, typer.Option()] = None,
    source_date: Annotated[str | None, typer.Option()] = None,
    publication: Annotated[str | None, typer.Option()] = None,
    licence: Annotated[str | None, typer.Option()] = None,
    grade: Annotated[
        str | None, typer.Option(help="Admiralty grade: reliability A-F, credibility 1-6")
    ] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            help="Character encoding of the text and HTML files (e.g. cp1251, latin-1) "
            "[default: UTF-8, else told from the bytes]"
        ),
    ] = None,
    ocr_lang: Annotated[
        str | None,
        typer.Option(
            help="Languages scans are read in, Tesseract's codes joined by '+' (rus+deu) "
            "[default: the setting ocr_lang]"
        ),
    ] = None,
    as_json: bool = JSON_OPTION,
) -> None:
    """Take files in: one report each, split into leaves, marked, hashed, recorded.
    Scans (images, PDF pages without text) are read by OCR, one leaf a page."""
    registry = state(ctx).open(create=True)
    leaf_marking = MarkingRequest(level, tuple(compartment or ()))
    title_marking = None
    if dossier_level is not None or dossier_compartment:
        title_marking = MarkingRequest(dossier_level, tuple(dossier_compartment or ()))
    source = None
    if source_title or source_author or source_date or publication or licence or grade:
        source = Source(
            title=source_title or (paths[0].name if len(paths) == 1 else "untitled"),
            author=source_author,
            date=source_date,
            publication=publication,
            licence=licence,
            grade=grade,
        )
    progress = None
    if not as_json and sys.stderr.isatty():
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            console=err,
            transient=True,
        )
    total = sum(p.stat().st_size for p in paths if p.is_file())
    task = progress.add_task("ingesting", total=total) if progress else None

    def advance(path: Path, result: IngestResult) -> None:
        if progress is not None and task is not None:
            size = path.stat().st_size if path.is_file() else 0
            progress.update(task, advance=size, description=path.name)
        if result.error:
            err.print(f"looseleaf: error: {result.error}", markup=False)
        for said in result.warnings:
            err.print(f"looseleaf: warning: {path}: {said}", markup=False)

    if progress is not None:
        progress.start()
    try:
        results = registry.ingest(
            operator(),
            paths,
            dossier=dossier,
            leaf_marking=leaf_marking,
            dossier_marking=title_marking,
            source=source,
            on_file=advance,
            encoding=encoding,
            ocr_lang=ocr_lang,
        )
    finally:
        if progress is not None:
            progress.stop()
    if as_json:
        emit_json(results)
    else:
        for result in results:
            if result.status == "ingested":
                out.print(
                    f"{result.file}: report {result.report_id}, {counted(result.leaves, 'leaf')}"
                )
            elif result.status == "duplicate":
                out.print(f"{result.file}: already in as report {result.report_id}; skipped")
    if any(result.status == "error" for result in results):
        raise typer.Exit(1)
