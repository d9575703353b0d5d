"""The demo: build the sample registry of BRIEF.md §8 from the corpus shipped
with the package, through the same `Registry.ingest` a registrar uses."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from fpdf import FPDF

from looseleaf.demo import typewriter
from looseleaf.demo.typewriter import typed_page
from looseleaf.model import Actor, Copy, Slip, Source
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
    registry.fix_ids(actor, "looseleaf demo")  # the README's ids are the same on every build
    built: list[Built] = []
    for dossier in manifest["dossier"]:
        for report in dossier["report"]:
            path = workdir / report["file"]
            text = (CORPUS / report["file"]).read_text(encoding="utf-8")
            if report.get("as_pdf"):
                path = path.with_suffix("")  # "x.pdf.txt" -> "x.pdf"
                _render_pdf(text, path)
            elif report.get("as_scan"):
                path = path.with_suffix("")  # "x.png.txt" -> "x.png"
                _render_scan(text, path, report["as_scan"])
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
                ocr_lang=report.get("ocr_lang"),
            )
            built.append(Built(dossier["title"], report["file"], result))
    return built


#: The demo's accounts: (name, level, compartments, roles). Their password is
#: the name followed by "-demo"; printed by `looseleaf demo`, never for real use.
READERS = (
    ("petrov", "TOP SECRET", ("SEAMEN",), ()),
    ("keeper", "TOP SECRET", ("ARCHIVE-KI", "SEAMEN"), ("custodian",)),
    ("clerk", "SECRET", (), ("registrar",)),
    ("auditor", "CONFIDENTIAL", (), ("auditor",)),
    # A fully cleared auditor sees the whole trail; the CONFIDENTIAL one sees
    # every event but the details of those above them redacted.
    ("archivist", "TOP SECRET", ("ARCHIVE-KI", "SEAMEN"), ("auditor",)),
)


@dataclass(frozen=True)
class Story:
    """What the demo did after ingest, for the tour to tell."""

    xref_leaf: int
    decided: Slip
    pending: Slip
    copy: Copy


def stage(registry: Registry, operator: Actor, workdir: Path) -> Story:
    """Petrov's case: readers, a slip from the cross-reference, two leaves
    detached for him, a numbered copy, and a slip still waiting."""
    for name, level, compartments, roles in READERS:
        registry.add_reader(
            operator,
            name,
            MarkingRequest(level, compartments),
            roles=roles,
            password=f"{name}-demo",
        )
    card_index(registry, operator)
    petrov = registry.as_reader("petrov", via=operator)
    keeper = registry.as_reader("keeper", via=operator)
    seaman, reports = registry.dossier(operator, "LUPU, Grigore - seaman, Danube Steam Navigation")
    xref_leaf = reports[1].leaves[0].id
    registry.read(petrov, xref_leaf)
    slip = registry.request_slip(
        petrov, "Whom did Lupu meet in Vienna in March 1951?", xref_leaf=(xref_leaf, "Orlov-Brandt")
    )
    proposed = registry.slip(keeper, slip.id).proposed or ()
    for leaf_id in proposed:
        registry.review(keeper, slip.id, leaf_id)
    decided = registry.decide_slip(keeper, slip.id, approve=list(proposed[:2]), days=30)
    for leaf_id in decided.granted:
        registry.read(petrov, leaf_id)
    copy, pdf = registry.issue_copy(
        keeper, "petrov", list(decided.granted[:1]), "Petrov's working file"
    )
    (workdir / f"copy-{copy.number}.pdf").write_bytes(pdf)
    registry.add_note(
        petrov,
        "The master says 12 March, the station report the 15th.",
        [xref_leaf, *decided.granted],
    )
    pending = registry.request_slip(
        petrov, "The instrument maker in the Josefstadt", query="instrument"
    )
    del seaman
    own_file(registry, operator)
    return Story(xref_leaf, decided, pending, copy)


def own_file(registry: Registry, operator: Actor) -> None:
    """Lupu reads his own file, after the Stasi Records Act's practice: his
    sister (a third party) masked, the informer who reported on him named.
    He asks for his file, the keeper grants the leaves and signs off their
    redaction (the shore pass scan among them)."""
    lupu = registry.person_search(operator, "Grigore Lupu")[0].person_id
    orlov = registry.person_search(operator, "Kasimir Orlov-Brandt")[0].person_id
    assert lupu is not None
    assert orlov is not None
    registry.person_set(operator, lupu, category="subject", born="1921")
    registry.person_set(operator, orlov, category="informer")
    registry.person_add(
        operator,
        "Ileana Lupu",
        forms=[("spelling", "Ileana")],
        category="third_party",
        marking=MarkingRequest("CONFIDENTIAL"),
        living=False,
    )
    registry.add_reader(
        operator,
        "lupu",
        MarkingRequest("SECRET"),
        password="lupu-demo",  # noqa: S106 - the demo's published login
        reader_class="subject",
        person_id=lupu,
    )
    subject = registry.as_reader("lupu", via=operator)
    keeper = registry.as_reader("keeper", via=operator)
    slip = registry.request_slip(subject, "My own file (Records Act)", query="Grigore")
    _, reports = registry.dossier(operator, "LUPU, Grigore - seaman, Danube Steam Navigation")
    his = {leaf.id for report in reports for leaf in report.leaves}
    proposed = [leaf for leaf in registry.slip(keeper, slip.id).proposed or () if leaf in his]
    for leaf_id in proposed:
        registry.review(keeper, slip.id, leaf_id)
    registry.decide_slip(keeper, slip.id, approve=proposed, days=90)
    _, passes = registry.dossier(operator, "Harbour police - shore passes")
    for leaf_id in [*proposed, passes[0].leaves[0].id]:
        registry.redact_approve(keeper, leaf_id)


def card_index(registry: Registry, operator: Actor) -> None:
    """The two subjects under every name their papers use; the working name
    FALKE is a cover name, decoded only for those allowed to decode."""
    registry.person_add(
        operator,
        "Kasimir Orlov-Brandt",
        forms=[
            ("surname_only", "Orlov-Brandt"),
            ("transliteration", "Казимир Людвигович Орлов-Брандт"),
            ("transliteration", "Kazimierz Orłow-Brandt"),
            ("transliteration", "Casimir Orloff-Brandt"),
            ("transliteration", "Kasimir Orlow-Brandt"),
            ("cover_name", "FALKE"),
        ],
        marking=MarkingRequest("SECRET"),
        dossier="ORLOV-BRANDT, Kasimir",
        living=False,
    )
    registry.person_add(
        operator,
        "Grigore Lupu",
        forms=[("surname_only", "Lupu")],
        marking=MarkingRequest("CONFIDENTIAL"),
        dossier="LUPU, Grigore - seaman, Danube Steam Navigation",
        living=False,
    )


def _render_scan(text: str, path: Path, kind: str) -> None:
    """The text typed on a page and scanned: a PNG, or a TIFF of its pages."""
    pages = [typed_page(page.strip("\n"), seed=n) for n, page in enumerate(text.split("\f"))]
    path.write_bytes(typewriter.png(pages[0]) if kind == "png" else typewriter.tiff(pages))


def _render_pdf(text: str, path: Path) -> None:
    """One PDF page per `\\f` line of the corpus text."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    for page in text.split("\\f\n"):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, page.strip())
    pdf.output(str(path))
