"""The demo: build the sample registry of BRIEF.md §8 from the corpus shipped
with the package, through the same `Registry.ingest` a registrar uses."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fpdf import FPDF

from looseleaf.model import Actor, Source
from looseleaf.registry import IngestResult, MarkingRequest, Registry

CORPUS = resources.files("looseleaf.demo") / "corpus"


@dataclass(frozen=True)
class Built:
    dossier: str
    file: str
    result: IngestResult


def build(registry: Registry, actor: Actor, workdir: Path) -> list[Built]:
    """Ingest every report of the manifest; PDFs are rendered first into `workdir`."""
    manifest = tomllib.loads((CORPUS / "manifest.toml").read_text(encoding="utf-8"))
    built: list[Built] = []
    for dossier in manifest["dossier"]:
        for report in dossier["report"]:
            path = workdir / report["file"]
            text = (CORPUS / report["file"]).read_text(encoding="utf-8")
            if report.get("as_pdf"):
                path = path.with_suffix("")  # "x.pdf.txt" -> "x.pdf"
                _render_pdf(text, path)
            else:
                path.write_text(text, encoding="utf-8")
            [result] = registry.ingest(
                actor,
                [path],
                dossier=dossier["title"],
                leaf_marking=MarkingRequest(
                    dossier["level"], tuple(dossier.get("compartments", ()))
                ),
                dossier_marking=MarkingRequest(dossier["title_level"]),
                source=Source(**report["source"]),
            )
            built.append(Built(dossier["title"], report["file"], result))
    return built


def _render_pdf(text: str, path: Path) -> None:
    """One PDF page per `\\f` line of the corpus text."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    for page in text.split("\\f\n"):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, page.strip())
    pdf.output(str(path))
