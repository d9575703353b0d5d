"""What the claim extractor costs at ingest, beside the card index's name
extraction measured in the same run.

Issue 18 asks that claim extraction cost no more than the card index's
extraction at ingest. Both read the same leaves as ingest gives them
(each report's files normalised, cut into leaves by the same paginator),
without the store: the card index's side is what `_index_report` runs per
leaf (the unaided patterns, with a surname given earlier carried forward,
then the gazetteer, here empty as in a fresh registry), and the extractor's
side is `suggest_report` over the report's leaves with those names, as
`_suggest_claims` runs it. The two alternate, `--repeat` times; medians and
their ratio are printed.

    python benchmarks/extraction_cost.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from looseleaf.cardindex.extract import Gazetteer, extract, unaided
from looseleaf.evidence.extract import Name, suggest_report
from looseleaf.ingest.normalise import Normaliser
from looseleaf.ingest.paginate import paginate
from looseleaf.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
CASES = REPO / "benchmarks" / "data" / "evidence"

Report = list[str]


def reports() -> list[Report]:
    """The five seeds and the labelled cases' documents, each as its leaves."""
    paths = sorted(SEEDS.glob("*.txt")) + sorted(CASES.glob("case_*/*.txt"))
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        normalise = Normaliser.for_text(text)
        pieces = paginate(text, Settings().passage_chars)
        found.append([normalise(piece.text) for piece in pieces])
    return found


def names(report: Report) -> list[list[Name]]:
    gazetteer = Gazetteer([])
    earlier: list[str] = []
    per_leaf = []
    for text in report:
        guessed = unaided(text, model=False, earlier=earlier)
        earlier = list(dict.fromkeys(earlier + [m.text for m in guessed]))
        found = extract(text, gazetteer, guessed=guessed)
        per_leaf.append([Name(m.start, m.end, m.text, m.person_id) for m in found])
    return per_leaf


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not SEEDS.is_dir():
        print(f"no seed texts at {SEEDS}", file=sys.stderr)
        return 2
    corpus = reports()
    characters = sum(len(leaf) for report in corpus for leaf in report)
    found = [names(report) for report in corpus]
    card_index: list[float] = []
    claims: list[float] = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        for report in corpus:
            names(report)
        card_index.append(time.perf_counter() - started)
        started = time.perf_counter()
        for report, leaf_names in zip(corpus, found, strict=True):
            suggest_report(list(zip(report, leaf_names, strict=True)))
        claims.append(time.perf_counter() - started)
    ours, theirs = statistics.median(claims), statistics.median(card_index)
    print(
        f"{len(corpus)} reports, {sum(len(r) for r in corpus)} leaves, "
        f"{characters / 1e6:.2f} M characters; medians of {args.repeat} alternating runs"
    )
    print(f"card index's names:  {theirs:.2f} s ({characters / theirs / 1e6:.2f} M chars/s)")
    print(f"claim extraction:    {ours:.2f} s ({characters / ours / 1e6:.2f} M chars/s)")
    verdict = "met" if ours <= theirs else "NOT met"
    print(f"claims / names: {ours / theirs:.2f}x (aim <= 1.0: {verdict})")
    print("reproduce: .venv/bin/python benchmarks/extraction_cost.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
