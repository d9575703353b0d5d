"""`looseleaf leaf show|withdraw|reocr`: the staff view of one leaf."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from looseleaf.cli.common import JSON_OPTION, emit_json, operator, out, state
from looseleaf.model import PageScan

app = typer.Typer(help="Leaves: pages or passages, the unit of access.", no_args_is_help=True)


@app.command("show")
def show(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="Leaf id")],
    original: Annotated[
        bool, typer.Option("--original", help="Print only the original text, byte for byte.")
    ] = False,
    normalised: Annotated[
        bool, typer.Option("--normalised", help="Print only the normalised text.")
    ] = False,
    as_json: bool = JSON_OPTION,
) -> None:
    """A leaf's marking, hash, original text and normalised text (the read is recorded)."""
    registry = state(ctx).open()
    if as_json:
        emit_json(registry.reading(operator(), leaf_id))
        return
    text = registry.read(operator(), leaf_id)
    if original or normalised:
        sys.stdout.write(text.original if original else text.normalised)
        sys.stdout.flush()
    else:
        leaf = text.leaf
        label = f", page {leaf.label}" if leaf.label else ""
        out.print(
            f"leaf {leaf.id}: dossier {leaf.dossier_id}, report {leaf.report_id}, "
            f"position {leaf.position}{label}  [{leaf.marking}]",
            markup=False,
        )
        out.print(
            f"sha256 {leaf.sha256}"
            + (f"  WITHDRAWN {leaf.withdrawn_at}" if leaf.withdrawn_at else "")
        )
        if text.scan is not None:
            _print_scan(text.scan)
        out.rule("original")
        out.print(text.original, markup=False)
        out.rule("normalised")
        out.print(text.normalised, markup=False)


def _print_scan(scan: PageScan) -> None:
    confidence = "?" if scan.confidence is None else f"{scan.confidence:.1f}"
    out.print(
        f"scan: {scan.media_type} {scan.width}x{scan.height}, sha256 {scan.sha256}; "
        f"OCR in {scan.languages}, confidence {confidence}, reading {scan.readings}",
        markup=False,
    )
    for said in scan.warnings:
        out.print(f"  OCR warning: {said}", markup=False)


@app.command("reocr")
def reocr(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="Leaf id of a scanned page")],
    ocr_lang: Annotated[
        str, typer.Option(help="Languages to read it in, Tesseract's codes joined by '+'")
    ],
    as_json: bool = JSON_OPTION,
) -> None:
    """Read a scanned page again by OCR (recorded; the earlier reading is kept)."""
    registry = state(ctx).open()
    scan = registry.reocr(operator(), leaf_id, ocr_lang)
    if as_json:
        emit_json(scan)
    else:
        _print_scan(scan)


@app.command("withdraw")
def withdraw(
    ctx: typer.Context,
    leaf_id: Annotated[int, typer.Argument(help="Leaf id")],
    reason: Annotated[str, typer.Option(help="Why it is withdrawn (recorded)")],
    as_json: bool = JSON_OPTION,
) -> None:
    """Withdraw one leaf: recorded, never deleted; it stays in the registry."""
    state(ctx).open().withdraw_leaf(operator(), leaf_id, reason)
    if as_json:
        emit_json({"leaf_id": leaf_id, "withdrawn": True})
    else:
        out.print(f"leaf {leaf_id} withdrawn")
