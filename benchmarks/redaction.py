"""Redaction suggestions on labelled documents the rules were not written
against (issue 17).

The 40 documents in benchmarks/data/redaction/ (invented archive papers:
protocols, informer reports, registers, forms, letters, OCR'd typescripts)
label every span that identifies a person of their cast: names in every form
the text uses, dates of birth, addresses, identity numbers, telephone
numbers, each with its person and the person's category. They were written
by someone who had not seen the suggester. Odd-numbered documents are the
"tune" half, even-numbered the "test" half: only the tune half was looked at
while the rules were written; read the test half's figures as the honest ones.

For each half the benchmark makes a fresh SQLite registry through the public
API: the cast as a registrar would have entered it (the preferred name and
the one or two forms the label file gives, the category, dates of birth and
death, cover names), each document ingested as a report, and a custodian
(who may decode cover names) who asks for the suggestions on every leaf and
signs them off unchanged.
Reported per half:

- span recall: labelled spans wholly covered by suggested spans (a span only
  partly covered counts as missed: the rest of it is a leak);
- span precision: suggested spans that overlap a labelled span;
- researcher leaks: labelled spans of persons a researcher may not see (a
  third party or subject under protection, or an identifier) that the
  researcher's layer leaves readable, in whole or part; and staff kept: names
  of staff, informers and public figures the layer leaves readable;
- custodian actions per page: marking by hand (one action per labelled span)
  against correcting the suggestions (one per missed span, one per wrong one);
- suggestion time per page, median.

Beside it, in the same run, the baseline any redaction tool starts from:
Presidio's deny-list recogniser over the records' forms as entered, with
its phone recogniser.

    python benchmarks/redaction.py
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from looseleaf.model import Actor
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))
from reporting import heading, verdict

DATA = Path(__file__).parent / "data" / "redaction"
OPERATOR = Actor.operator("benchmark")
#: Categories a researcher may see named (the default policy).
VISIBLE = {"staff", "informer", "public_figure", "beneficiary"}


@dataclass(frozen=True)
class Label:
    start: int
    end: int
    kind: str
    category: str
    protected: bool


@dataclass
class Scores:
    labels: int = 0
    found: int = 0
    suggested: int = 0
    right: int = 0
    must_mask: int = 0
    leaked: int = 0
    staff: int = 0
    staff_kept: int = 0
    pages: int = 0
    by_hand: int = 0
    correcting: int = 0
    unplaced: int = 0


def documents(half: str) -> list[dict[str, object]]:
    found = []
    for path in sorted(DATA.glob("doc*.json")):
        number = int(path.stem[3:])
        if (number % 2 == 1) == (half == "tune"):
            found.append(json.loads(path.read_text(encoding="utf-8")))
    return found


def labels_in(text: str, doc: dict[str, object]) -> tuple[list[Label], int]:
    """The labels located in the leaf's normalised text (a name broken over
    a line is joined there), and how many could not be located."""
    records = {r["key"]: r for r in doc["records"]}  # type: ignore[attr-defined]
    found: list[Label] = []
    missing = 0
    for span in doc["spans"]:  # type: ignore[attr-defined]
        written = str(span["text"])
        at = -1
        for form in (written, written.replace("-\n", ""), written.replace("\n", " ")):
            at = _nth(text, form, int(span["occurrence"]))
            if at >= 0:
                written = form
                break
        if at < 0:
            missing += 1
            continue
        record = records[span["record"]]
        protected = span["kind"] != "name" or record["category"] not in VISIBLE
        found.append(
            Label(at, at + len(written), str(span["kind"]), str(record["category"]), protected)
        )
    return found, missing


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            return -1
        at += len(needle) - 1
    return at - len(needle) + 1 if at >= 0 else -1


def covered(label: Label, ranges: Sequence[tuple[int, int]], text: str) -> bool:
    """Every non-space character of the label is inside some range."""
    return all(
        text[i].isspace() or any(a <= i < b for a, b in ranges)
        for i in range(label.start, label.end)
    )


def touched(label: Label, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a < label.end and label.start < b for a, b in ranges)


def run_looseleaf(half: str, directory: Path) -> tuple[Scores, list[float]]:
    scores = Scores()
    timings: list[float] = []
    settings = Settings(registry=str(directory / f"{half}.db"))
    with Registry.init(settings, OPERATOR) as registry:
        # A custodian who redacts for readers may decode (cover names are
        # informers', shown to every class): one who may not sees none.
        registry.add_reader(
            OPERATOR, "custodian", MarkingRequest("SECRET"), roles=["custodian", "decoder"]
        )
        registry.add_reader(
            OPERATOR, "researcher", MarkingRequest("SECRET"), reader_class="researcher"
        )
        custodian = registry.as_reader("custodian", via=OPERATOR)
        researcher = registry.as_reader("researcher", via=OPERATOR)
        restricted = MarkingRequest("RESTRICTED")
        for doc in documents(half):
            for record in doc["records"]:  # type: ignore[attr-defined]
                forms = [("spelling", f) for f in record["forms"]]
                if record.get("cover_name"):
                    forms.append(("cover_name", record["cover_name"]))
                registry.person_add(
                    OPERATOR,
                    record["name"],
                    forms=forms,
                    category=record["category"],
                    born=record.get("born"),
                    died=record.get("died"),
                    marking=restricted,
                    namesake=True,
                )
            path = directory / f"{doc['id']}.txt"
            path.write_text(str(doc["text"]), encoding="utf-8")
            result = registry.ingest(
                OPERATOR, [path], dossier=str(doc["id"]), leaf_marking=restricted
            )
            for leaf_id in _leaves(registry, result):
                began = time.perf_counter()
                suggested = registry.redact_suggest(custodian, leaf_id)
                timings.append(time.perf_counter() - began)
                registry.redact_approve(custodian, leaf_id)
                text = registry.read(OPERATOR, leaf_id).normalised
                registry.read(researcher, leaf_id)  # released to the class
                ranges = [(s.start, s.end) for s in suggested.spans]
                masked = _layer_ranges(registry, researcher, leaf_id)
                _score(scores, doc, text, ranges, masked)
    return scores, timings


def _leaves(registry: Registry, results: Sequence[object]) -> list[int]:
    ids: list[int] = []
    with registry.store.read() as tx:
        for result in results:
            report_id = getattr(result, "report_id", None)
            ids += [
                int(r[0])
                for r in tx.all(
                    "SELECT id FROM leaves WHERE report_id = ? ORDER BY position", (report_id,)
                )
            ]
    return ids


def _layer_ranges(registry: Registry, actor: Actor, leaf_id: int) -> list[tuple[int, int]]:
    """The ranges of the leaf's own text that the reader's layer masks."""
    with registry.store.read() as tx:
        layer = registry._layer(tx, actor, leaf_id)
    return [] if layer is None else list(layer.ranges)


def _score(
    scores: Scores,
    doc: dict[str, object],
    text: str,
    ranges: Sequence[tuple[int, int]],
    masked: Sequence[tuple[int, int]],
) -> None:
    labels, missing = labels_in(text, doc)
    scores.unplaced += missing
    scores.pages += 1
    scores.labels += len(labels)
    found = sum(covered(label, ranges, text) for label in labels)
    scores.found += found
    scores.suggested += len(ranges)
    right = sum(any(x.start < b and a < x.end for x in labels) for a, b in ranges)
    scores.right += right
    scores.by_hand += len(labels)
    scores.correcting += (len(labels) - found) + (len(ranges) - right)
    for label in labels:
        if label.protected:
            scores.must_mask += 1
            scores.leaked += not covered(label, masked, text)
        else:
            scores.staff += 1
            scores.staff_kept += not touched(label, masked)


def run_baseline(half: str) -> tuple[Scores, list[float]]:
    """Presidio's deny-list of the forms as entered, and its phone recogniser."""
    from presidio_analyzer import PatternRecognizer
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    phones = PhoneRecognizer()
    scores = Scores()
    timings: list[float] = []
    for doc in documents(half):
        forms = sorted(
            {
                f
                for r in doc["records"]  # type: ignore[attr-defined]
                for f in [
                    r["name"],
                    *r["forms"],
                    *([r["cover_name"]] if r.get("cover_name") else []),
                ]
            }
        )
        text = str(doc["text"])
        began = time.perf_counter()
        deny = PatternRecognizer(supported_entity="PERSON", deny_list=forms)
        found = deny.analyze(text, entities=["PERSON"])
        found += phones.analyze(text, entities=["PHONE_NUMBER"], nlp_artifacts=None)
        timings.append(time.perf_counter() - began)
        ranges = sorted((r.start, r.end) for r in found)
        masked = [
            r
            for r in ranges
            if not any(
                text[r[0] : r[1]] in (rec["name"], *rec["forms"], rec.get("cover_name"))
                and rec["category"] in VISIBLE
                for rec in doc["records"]  # type: ignore[attr-defined]
            )
        ]
        _score(scores, doc, text, ranges, masked)
    return scores, timings


def main() -> int:
    print(__doc__.split("\n\n")[0])
    rows = heading(
        f"{'half':<5} {'suggester':<10} {'recall':>7} {'precis.':>7} {'leaks':>11} "
        f"{'staff kept':>11} {'by hand':>8} {'correct':>8} {'ms/page':>8}"
    )
    results: dict[tuple[str, str], Scores] = {}
    with tempfile.TemporaryDirectory() as scratch:
        for half in ("tune", "test"):
            for name, (scores, timings) in (
                ("looseleaf", run_looseleaf(half, Path(scratch))),
                ("baseline", run_baseline(half)),
            ):
                results[(half, name)] = scores
                recall = scores.found / scores.labels if scores.labels else 0.0
                precision = scores.right / scores.suggested if scores.suggested else 0.0
                rows.append(
                    f"{half:<5} {name:<10} {recall:>7.3f} {precision:>7.3f} "
                    f"{scores.leaked:>4}/{scores.must_mask:<6} "
                    f"{scores.staff_kept:>4}/{scores.staff:<6} "
                    f"{scores.by_hand / scores.pages:>8.1f} "
                    f"{scores.correcting / scores.pages:>8.1f} "
                    f"{statistics.median(timings) * 1000:>8.1f}"
                )
    print("\n".join(rows))
    for half in ("tune", "test"):
        mine = results[(half, "looseleaf")]
        recall = mine.found / mine.labels
        precision = mine.right / mine.suggested
        print(
            f"{half}: recall {recall:.3f} (aim >= 0.99: {verdict(recall >= 0.99)}), "
            f"precision {precision:.3f} (aim >= 0.8: {verdict(precision >= 0.8)}); "
            f"labels not located in the leaf text: {mine.unplaced}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
