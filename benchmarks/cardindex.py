"""Card-index quality on the labelled set, against a peer name matcher in the same run.

What is measured, on tests/data/persons.yaml (built by hand from the seeds;
the scoring is benchmarks/labelled.py, shared with tests/cardindex):

- name-form clustering: pairwise precision, recall and F1 against the
  entries, on three form sets: persons' string forms (every form but aliases,
  nicknames, cover and code names, which no spelling rule can join), the
  string forms of every kind (organisations and groups added), and every form;
  beside them the hard pairs: must-not-merge pairs put in one cluster (false
  merges) and must-merge pairs that were;
- ours is `looseleaf.cardindex.matcher.cluster`; the peer is nomenklatura's
  LogicV2 name matcher (see benchmarks/name_peer.py for why that API and how
  it is called), clustered as connected components of the pairs scoring at or
  above a threshold. The peer gets the best threshold of a sweep over
  0.50..0.95, chosen by F1 on this very set and form set: a generous choice,
  since ours uses its one fixed threshold;
- mention extraction over each whole seed text (`extract(..., model=False)`):
  precision and recall of spans against the gold mentions, and how many
  gazetteer hits are linked to the right entry, (a) cold: the gazetteer holds
  only each person's preferred name and surname, so the labelled variants
  must be found by the patterns or not at all; (b) warm: it holds every
  labelled form, the ceiling of an index that already knows the names (not a
  fair test of finding new ones); (c) as (a) with the spaCy model, when one
  is installed.

The aim (from the issue "card index"): pairwise F1 >= 0.95 on persons'
string forms, no must-not pair merged, and ahead of the peer.

    python benchmarks/cardindex.py [--quick] [--data tests/data/persons.yaml] [--seeds DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import name_peer
from labelled import (
    DATA,
    SEEDS,
    ClusterScore,
    ExtractionScore,
    FormSet,
    Labelled,
    cold_gazetteer,
    form_sets,
    load,
    read_seeds,
    score_clustering,
    score_extraction,
    warm_gazetteer,
)
from reporting import heading, ratio_line, verdict

from looseleaf.cardindex import matcher
from looseleaf.cardindex.extract import model_name

AIM_F1 = 0.95
HEADLINE = "persons, string forms"


def ours(data: Labelled, form_set: FormSet) -> tuple[ClusterScore, float]:
    start = time.perf_counter()
    labels = matcher.cluster(form_set.forms)
    return score_clustering(form_set, labels, data.pairs), time.perf_counter() - start


def peer(
    data: Labelled, form_set: FormSet, names: list[str], matrix: list[list[float]]
) -> tuple[ClusterScore, float]:
    """The peer's score at its best threshold (by F1) on this form set."""
    best: tuple[ClusterScore, float] | None = None
    for threshold in name_peer.THRESHOLDS:
        labels = name_peer.clusters_from_matrix(form_set.forms, names, matrix, threshold)
        score = score_clustering(form_set, labels, data.pairs)
        if best is None or score.f1 > best[0].f1:
            best = (score, threshold)
    assert best is not None
    return best


def cluster_row(name: str, size: str, who: str, score: ClusterScore, extra: str) -> str:
    return (
        f"{name:<23} {size:>5} {who:<4} {extra:>5} {score.precision:>6.3f} {score.recall:>6.3f} "
        f"{score.f1:>6.3f} {score.clusters:>8} {len(score.false_merges):>3} / {score.must_not:<2} "
        f"{score.merged:>3} / {score.must_merge}"
    )


def extraction_row(label: str, score: ExtractionScore, seconds: float) -> str:
    methods = " ".join(f"{m} {right}/{n}" for m, (n, right) in sorted(score.by_method.items()))
    return (
        f"{label:<6} {score.gold:>5} {score.predicted:>5} {score.precision:>6.3f} "
        f"{score.precision_named:>7.3f} {score.recall:>6.3f} {score.linking:>7.3f} "
        f"{score.other_kinds:>5} {seconds:>5.1f}  {methods}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="skip the peer (about 25 s)")
    parser.add_argument(
        "--data", type=Path, default=DATA, help="labelled set (default %(default)s)"
    )
    parser.add_argument(
        "--seeds", type=Path, default=SEEDS, help="seed texts (default %(default)s)"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    data = load(args.data)
    sets = form_sets(data)
    forms = sum(len(e.forms) for e in data.entries)
    must_merge = sum(p.merge for p in data.pairs)
    print(
        f"looseleaf card-index benchmark on {args.data.name}: {len(data.entries)} entries, "
        f"{forms} forms, {len(data.pairs)} hard pairs ({must_merge} must merge, "
        f"{len(data.pairs) - must_merge} must not)"
    )
    print(f"ours: looseleaf.cardindex.matcher.cluster (threshold {matcher.THRESHOLD:g})")

    matrix: list[list[float]] = []
    names = sorted({form for s in sets for form in s.forms})
    peer_seconds = 0.0
    if args.quick:
        print("peer: skipped (--quick)")
    else:
        print(
            f"peer: {name_peer.peer_name()}; schema {name_peer.SCHEMA}, score the "
            f"{name_peer.COMBINE} of both directions, connected components at its best "
            "threshold (by F1) over "
            f"{name_peer.THRESHOLDS[0]:.2f}..{name_peer.THRESHOLDS[-1]:.2f}, chosen on this very "
            "set for each form set"
        )
        start = time.perf_counter()
        matrix = name_peer.score_matrix(names)
        peer_seconds = time.perf_counter() - start

    print()
    print("Clustering, pairwise against the entries; not = must-not pairs put in one cluster")
    print("(false merges); merge = must-merge pairs put in one cluster; thr = peer threshold")
    header = (
        f"{'form set':<23} {'forms':>5} {'who':<4} {'thr':>5} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'clusters':>8} {'not':>8} {'merge':>7}"
    )
    lines = heading(header)
    results: dict[str, tuple[ClusterScore, ClusterScore | None]] = {}
    ours_seconds = 0.0
    for form_set in sets:
        mine, seconds = ours(data, form_set)
        ours_seconds += seconds
        size = str(len(form_set.forms))
        lines.append(cluster_row(form_set.name, size, "ours", mine, "-"))
        theirs = None
        if matrix:
            theirs, threshold = peer(data, form_set, names, matrix)
            lines.append(cluster_row("", "", "peer", theirs, f"{threshold:.2f}"))
        results[form_set.name] = (mine, theirs)
    print("\n".join(lines))
    for name, (mine, _) in results.items():
        for pair in mine.false_merges:
            print(f"  FALSE MERGE ({name}): {pair.a!r} + {pair.b!r} ({pair.why})")

    ahead: bool | None = None
    for name, (mine, theirs) in results.items():
        if theirs is not None and theirs.f1:
            ratio = mine.f1 / theirs.f1
            if name == HEADLINE:
                print()
                ahead = ratio > 1
            print(ratio_line("ours", f"F1 ours/peer, {name}:", ratio, [ratio], "> 1x", ratio > 1))

    extraction: list[str] = []
    extraction_seconds = 0.0
    if not args.seeds.is_dir() or not any(args.seeds.glob("*.txt")):
        extraction.append(f"Extraction: skipped (no seed texts at {args.seeds})")
    else:
        texts = read_seeds(args.seeds)
        settings = [
            ("cold", cold_gazetteer(data), False),
            ("warm", warm_gazetteer(data), False),
        ]
        model = model_name()
        if model is not None:
            settings.append(("model", cold_gazetteer(data), True))
        extraction += [
            f"Extraction over {len(texts)} whole seed texts; gold = in-seed forms of persons, "
            "whole words, overlaps merged",
            "cold: gazetteer = each person's preferred name and surname, plus patterns",
            "warm: every labelled form in the gazetteer: the ceiling of an index that already",
            "      knows the names (circular, not a test of finding new ones)",
            f"model: cold plus {model}" if model else "model: skipped (no spaCy model installed)",
            "org: wrong spans that name a labelled organisation or group; P named: P without them",
            "link: gazetteer hits on a gold span linked to that span's entry",
        ]
        header = (
            f"{'run':<6} {'gold':>5} {'pred':>5} {'P':>6} {'P named':>7} {'R':>6} "
            f"{'link':>7} {'org':>5} {'s':>5}  right/predicted by method"
        )
        extraction += heading(header)
        for label, gazetteer, use_model in settings:
            start = time.perf_counter()
            score = score_extraction(data, texts, gazetteer, model=use_model)
            seconds = time.perf_counter() - start
            extraction_seconds += seconds
            extraction.append(extraction_row(label, score, seconds))
    print()
    print("\n".join(extraction))

    headline = results[HEADLINE][0]
    no_false_merge = all(not mine.false_merges for mine, _ in results.values())
    print()
    print("aims:")
    print(f"  pairwise F1 >= {AIM_F1:g} on {HEADLINE}: {verdict(headline.f1 >= AIM_F1)}")
    print(f"  no must-not pair merged, on every form set: {verdict(no_false_merge)}")
    print(f"  ahead of the peer (F1 on {HEADLINE}): {verdict(ahead)}")
    print()
    print(
        f"time: ours clustering {ours_seconds:.1f} s (three form sets); peer score matrix "
        + (f"{peer_seconds:.1f} s ({len(names)} strings)" if matrix else "skipped")
        + f"; extraction {extraction_seconds:.1f} s; total {time.perf_counter() - started:.1f} s"
    )
    print(
        "reproduce: .venv/bin/python benchmarks/cardindex.py"
        + (" --quick" if args.quick else "")
        + (f" --data {args.data}" if args.data != DATA else "")
        + (f" --seeds {args.seeds}" if args.seeds != SEEDS else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
