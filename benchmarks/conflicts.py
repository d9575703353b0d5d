"""Claims and conflicts on documents the extractor was not written against.

What is measured: each case under benchmarks/data/evidence/ is a set of
eight documents of the registers an archive holds (an interrogation
protocol, a memorandum with numbered paragraphs, a historian's article with
footnotes, a newspaper report, a rehabilitation decision with an alibi, a
witness letter, an OCR'd typescript, a chronology), written for this
benchmark with their claims, conflicts and look-alike non-conflicts
labelled by hand in the case's labels.yaml, each by a writer who never saw
the extractor. Cases A, C and E are the tuning half: their misses may be
read and rules written against them. Cases B and D are the test half: their
figures are reported, their documents are not read when rules are written
(see benchmarks/data/evidence/README.md).

Each case is ingested into a fresh SQLite registry with default settings
(one dossier; the card index starts empty), as an archive would ingest
it, then:

- claims: the registry's suggestions against the labelled claims, scored as
  benchmarks/claims.py scores the seeds (same leaf text, overlapping span,
  same property, the subject one of the labelled forms or joined to one by
  the card index's matcher, the date overlapping and no vaguer), for dated
  claims; beside them the naive baseline of benchmarks/claims.py on the
  same leaves and names;
- conflicts: `Registry.conflicts` as the operator asks it (suggested claims
  count, as they do for any registrar). A labelled conflict is found when
  one reported group has claims overlapping the quotes of claims on two of
  its different sides, in two different sides of the group. A labelled
  non-conflict is grouped when one reported group holds claims overlapping
  both its claims on different sides.

The aims (issue 18, test half): claim precision >= 0.9, recall >= 0.7;
conflicts found >= 25 of 43 on the hidden unseen set, so here the share
found is set beside 25/43 = 0.58; at most 2 non-conflicts grouped.

    python benchmarks/conflicts.py [--case a|b|c|d|e|tuning|test|all] [--show-misses] [--show-wrong]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.claims import (
    OPERATOR,
    REPO,
    Corpus,
    Label,
    Score,
    Subjects,
    Suggested,
    Tally,
    _locate,
    _span,
    baseline,
    corpus,
    ours,
    score,
)
from looseleaf.model import Conflict
from looseleaf.registry import Registry
from looseleaf.settings import Settings

CASES = REPO / "benchmarks" / "data" / "evidence"
TUNING = ("case_a", "case_c", "case_e")
TEST = ("case_b", "case_d")
AIM_PRECISION = 0.9
AIM_RECALL = 0.7
AIM_CONFLICTS = 25 / 43
AIM_NON_CONFLICTS = 2
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Quoted:
    """A labelled claim's words, where the registry holds them."""

    id: str
    doc: str
    start: int
    end: int


@dataclass
class CaseRun:
    name: str
    labels: tuple[Label, ...]
    ours: Score
    baseline: Score
    conflicts: int
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    non_conflicts: int = 0
    grouped: list[str] = field(default_factory=list)
    groups: int = 0
    seconds: float = 0.0


def ingest(folder: Path, directory: Path) -> tuple[Registry, Corpus]:
    """The case's documents in a fresh registry, one dossier; a document's
    key is its file name up to the first "_"."""
    registry = Registry.init(Settings(registry=str(directory / "case.db")), OPERATOR)
    registry.ingest(OPERATOR, sorted(folder.glob("*.txt")), dossier=f"Case {folder.name}")
    return registry, corpus(registry, lambda filename: filename.split("_", 1)[0])


def _quotes(data: dict[str, Any], corpus: Corpus) -> dict[str, Quoted]:
    quoted = {}
    for claim in data["claims"]:
        doc = str(claim["doc"])
        at = _locate(corpus.texts[doc], str(claim["quote"]), 1)
        if at is None:
            raise ValueError(f"{claim['id']}: quote not in the ingested text of {doc}")
        quoted[claim["id"]] = Quoted(claim["id"], doc, *at)
    return quoted


def _labels(data: dict[str, Any], quoted: dict[str, Quoted]) -> tuple[Label, ...]:
    """The dated claims, in the shape benchmarks/claims.py scores."""
    found = []
    for claim in data["claims"]:
        if not claim.get("date"):
            continue
        first, last = _span(str(claim["date"]))
        at = quoted[claim["id"]]
        found.append(
            Label(
                id=claim["id"],
                seed=at.doc,
                start=at.start,
                end=at.end,
                subject=claim["subject"],
                property=claim["property"],
                first=first,
                last=last,
                approximate=bool(claim.get("approximate", False)),
                planned=bool(claim.get("planned", False)),
            )
        )
    return tuple(found)


def _where(conflict: Conflict, corpus: Corpus) -> list[list[tuple[str, int, int]]]:
    """Each side of a reported group as (document, start, end) of its claims."""
    sides = []
    for side in conflict.sides:
        spans = []
        for claim in side:
            leaf = corpus.leaves[claim.leaf_id]
            spans.append((leaf.seed, leaf.offset + claim.start, leaf.offset + claim.end))
        sides.append(spans)
    return sides


def _on(side: list[tuple[str, int, int]], quote: Quoted) -> bool:
    return any(doc == quote.doc and s < quote.end and quote.start < e for doc, s, e in side)


def _split(where: list[list[tuple[str, int, int]]], a: list[Quoted], b: list[Quoted]) -> bool:
    """Some claim of `a` and some of `b` stand on two different sides."""
    for i, one in enumerate(where):
        for j, other in enumerate(where):
            if i != j and any(_on(one, q) for q in a) and any(_on(other, q) for q in b):
                return True
    return False


def run_case(folder: Path) -> CaseRun:
    data = yaml.load((folder / "labels.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    forms = {s["id"]: tuple(str(f) for f in s["forms"]) for s in data["subjects"]}
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        registry, corpus = ingest(folder, Path(directory))
        seconds = time.perf_counter() - started
        try:
            quoted = _quotes(data, corpus)
            labels = _labels(data, quoted)
            subjects = Subjects(forms)
            mine: list[Suggested] = ours(registry, corpus)
            theirs = baseline(corpus)
            reported = [_where(c, corpus) for c in registry.conflicts(OPERATOR)]
        finally:
            registry.close()
    result = CaseRun(
        folder.name,
        labels,
        score(mine, labels, subjects),
        score(theirs, labels, subjects),
        len(data.get("conflicts", [])),
        non_conflicts=len(data.get("non_conflicts", [])),
        groups=len(reported),
        seconds=seconds,
    )
    for conflict in data.get("conflicts", []):
        sides = [[quoted[c] for c in side] for side in conflict["sides"]]
        hit = any(
            _split(where, sides[i], sides[j])
            for where in reported
            for i in range(len(sides))
            for j in range(i + 1, len(sides))
        )
        line = f"{conflict['id']} {conflict['kind']} {conflict['subject']} {conflict['property']}"
        (result.found if hit else result.missed).append(line)
    for look_alike in data.get("non_conflicts", []):
        ids = [quoted[c] for c in look_alike["claims"]]
        if any(
            _split(where, [ids[i]], [ids[j]])
            for where in reported
            for i in range(len(ids))
            for j in range(len(ids))
            if i != j
        ):
            result.grouped.append(f"{look_alike['id']} {look_alike['why']}")
    return result


def _row(name: str, tally: Tally) -> str:
    return (
        f"  {name:<10} {tally.gold:>4} {tally.predicted:>5} {tally.correct:>5} "
        f"{tally.precision:>6.3f} {tally.recall:>6.3f}"
    )


def _report(result: CaseRun, half: str, args: argparse.Namespace) -> None:
    print(
        f"{result.name} ({half} half): {len(result.labels)} dated claims labelled, ingest "
        f"{result.seconds:.1f} s"
    )
    print(f"  {'who':<10} {'gold':>4} {'sugg':>5} {'right':>5} {'P':>6} {'R':>6}")
    print(_row("ours", result.ours.overall))
    print(_row("baseline", result.baseline.overall))
    share = len(result.found) / result.conflicts if result.conflicts else 0.0
    print(
        f"  conflicts found {len(result.found)} of {result.conflicts} ({share:.2f}; aim share "
        f"{AIM_CONFLICTS:.2f}); look-alikes grouped {len(result.grouped)} of "
        f"{result.non_conflicts} (aim <= {AIM_NON_CONFLICTS}); groups reported {result.groups}"
    )
    if args.show_misses and half == "tuning":
        for line in result.missed:
            print(f"    missed conflict: {line}")
        for line in result.grouped:
            print(f"    grouped look-alike: {line}")
        for m in result.ours.missed:
            print(f"    missed claim: {m.id} {m.property} {m.subject} {m.first}/{m.last}")
    if args.show_wrong and half == "tuning":
        for w in result.ours.wrong:
            print(
                f"    wrong: {w.seed} {w.property} {w.subject!r} {w.first}/{w.last} "
                f"{'planned ' if w.planned else ''}{w.value or ''} | {w.quote[:90]}"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    named = {f"{name[-1]}": (name,) for name in TUNING + TEST}
    halves = {"tuning": TUNING, "test": TEST, "all": TUNING + TEST}
    parser.add_argument("--case", choices=[*named, *halves], default="all")
    parser.add_argument("--show-misses", action="store_true", help="tuning half only")
    parser.add_argument("--show-wrong", action="store_true", help="tuning half only")
    args = parser.parse_args(argv)
    chosen = {**named, **halves}[args.case]
    started = time.perf_counter()
    for name in chosen:
        folder = CASES / name
        if not (folder / "labels.yaml").is_file():
            print(f"no labelled case at {folder}", file=sys.stderr)
            return 2
        _report(run_case(folder), "tuning" if name in TUNING else "test", args)
        print()
    print(f"time: total {time.perf_counter() - started:.1f} s")
    print("reproduce: .venv/bin/python benchmarks/conflicts.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
