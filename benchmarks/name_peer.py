"""Peer name matcher for the card-index benchmark: nomenklatura's LogicV2 name matching.

Which API, and why. OpenSanctions ships three layers of name matching:

- `rigour.names.compare.compare_parts` is a primitive, not a matcher: its own
  docstring says to reach for it once a name matcher "has already peeled off the
  parts it can explain by other means" (symbols, aliases) and only a residue of
  name parts needs a fuzzy verdict. Calling it on raw strings would skip the
  analysis (honorifics, name order, symbols, Cyrillic transliteration) that makes
  the peer what it is.
- nomenklatura's `NameMatcher` ("name-based") is marked deprecated in its own
  docstring (in favour of `ofac`, an emulation of the US OFAC search tool), and
  `LogicV1` "has been superseeded by logic-v2".
- `LogicV2` ("logic-v2") is the current rule-based matcher; its `name_match`
  feature is the name matcher built on rigour (`analyze_names` tagging, symbol
  pairing, person-name order alignment, then `compare_parts` on the residue).
  `RegressionV1` / `EntityResolveRegression` are trained models that mix
  non-name features and are not name matchers as such.

So the peer is `LogicV2.compare(query, result, LogicV2.default_config())`, used as
documented: two followthemoney entities with only the `name` property set. With no
other properties, every feature except `name_match` scores 0 and no qualifier
fires, so the score is exactly the peer's name score (clamped to [0, 1]).

Schema. Every form is given schema `Person`. The card index does not know the
kind of a name before matching it (a string found in a text is just a string),
277 of the 300 entries are persons, and `Person` is what enables the peer's
person-specific handling: honorifics such as "Mrs." or "Comrade" are tagged and
down-weighted, and "Trotsky, Leon" is aligned with "Leon Trotsky". `LegalEntity`
would switch these off for the 95% of forms that are people, to help only the 23
organisation and group entries (which are there as hard negatives anyway). Run
with `--schema LegalEntity` to see the other choice.

Symmetry. LogicV2 is asymmetric by design (a screening query against a list
entry): a name part present only in the query weighs 0.8, one present only in the
result weighs 0.2, and initials are inferred on the query side only, so
"Trotsky" -> "Leon Trotsky" scores 0.83 but the reverse 0.56. A card-index pair
has no query side, so `peer_score` is the maximum of both directions: order-free,
and giving the peer the benefit of its better reading (`--combine mean` or
`--combine first` for the alternatives).

Caching. One entity is built per distinct string (`functools.cache`), with an
id derived from the string; nomenklatura itself memoises the rigour `Name`
analysis per entity (keyed by entity id, 1,000 entries), so a string is analysed
once as long as the score matrix is filled row by row, as `score_matrix` does.

Run: `.venv/bin/python benchmarks/name_peer.py [--schema Person] [--combine max]`.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import time
from collections.abc import Sequence
from functools import cache
from importlib.metadata import version
from pathlib import Path

import yaml
from followthemoney import model
from followthemoney.proxy import EntityProxy
from labelled import components, pairwise_prf
from nomenklatura.matching import LogicV2

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "persons.yaml"
THRESHOLDS = [round(0.5 + 0.05 * step, 2) for step in range(10)]

SCHEMA = "Person"
COMBINE = "max"
_CONFIG = LogicV2.default_config()


def peer_name() -> str:
    """A short label for the peer, with the installed versions."""
    return f"nomenklatura {version('nomenklatura')} LogicV2 (rigour {version('rigour')})"


@cache
def _entity(name: str, schema: str) -> EntityProxy:
    """One followthemoney entity per distinct string, carrying only its name."""
    entity = model.make_entity(schema)
    digest = hashlib.sha1(f"{schema}\x00{name}".encode(), usedforsecurity=False)
    entity.id = f"n-{digest.hexdigest()}"
    entity.add("name", name)
    return entity


def peer_score_directed(query: str, result: str) -> float:
    """LogicV2's score for `query` searched against `result`, in [0, 1]."""
    if query == result:
        # Literal equality is LogicV2's own first rule (score 1.0); skip the call.
        return 1.0
    outcome = LogicV2.compare(_entity(query, SCHEMA), _entity(result, SCHEMA), _CONFIG)
    return min(1.0, max(0.0, outcome.score))


def _combine(forward: float, backward: float) -> float:
    if COMBINE == "max":
        return max(forward, backward)
    if COMBINE == "mean":
        return (forward + backward) / 2
    return forward


def peer_score(a: str, b: str) -> float:
    """Similarity of two names in [0, 1] by the peer (see the module docstring)."""
    forward = peer_score_directed(a, b)
    if COMBINE == "first":
        return forward
    return _combine(forward, peer_score_directed(b, a))


def score_matrix(names: Sequence[str]) -> list[list[float]]:
    """Symmetric matrix of `peer_score` over `names`, each ordered pair scored once.

    Rows are filled one query at a time so that nomenklatura's per-entity name
    cache (1,000 entries) holds every result entity across the row.
    """
    size = len(names)
    directed = [[1.0] * size for _ in range(size)]
    for i, query in enumerate(names):
        row = directed[i]
        for j, result in enumerate(names):
            if i != j and (COMBINE != "first" or i < j):
                row[j] = peer_score_directed(query, result)
    matrix = [[1.0] * size for _ in range(size)]
    for i, j in itertools.combinations(range(size), 2):
        score = _combine(directed[i][j], directed[j][i])
        matrix[i][j] = matrix[j][i] = score
    return matrix


def clusters_from_matrix(
    forms: Sequence[str], names: Sequence[str], matrix: list[list[float]], threshold: float
) -> list[int]:
    """`cluster_at` with the scores of `names` (every form among them) already computed."""
    index = {name: k for k, name in enumerate(names)}
    rows = [matrix[index[form]] for form in forms]
    columns = [index[form] for form in forms]
    return components(len(forms), lambda i, j: rows[i][columns[j]] >= threshold)


def cluster_at(forms: list[str], threshold: float) -> list[int]:
    """Connected components of the pairs with `peer_score >= threshold`, one label per form."""
    names = sorted(set(forms))
    return clusters_from_matrix(forms, names, score_matrix(names), threshold)


def load(path: Path) -> tuple[list[str], list[str], list[tuple[str, str, bool]]]:
    """Forms (identical strings under one id kept once), their gold ids, and hard pairs."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    forms: list[str] = []
    gold: list[str] = []
    seen: set[tuple[str, str]] = set()
    for person in data["persons"]:
        for entry in person["forms"]:
            key = (str(entry["form"]), str(person["id"]))
            if key not in seen:
                seen.add(key)
                forms.append(key[0])
                gold.append(key[1])
    pairs = [(str(p["a"]), str(p["b"]), bool(p["merge"])) for p in data["pairs"]]
    return forms, gold, pairs


def time_calls(names: Sequence[str], calls: int = 10_000) -> float:
    """Seconds for `calls` peer_score calls on random pairs of `names` (entities warm)."""
    rng = random.Random(7)  # a fixed benchmark sample
    sample = [(rng.choice(names), rng.choice(names)) for _ in range(calls)]
    start = time.perf_counter()
    for a, b in sample:
        peer_score(a, b)
    return time.perf_counter() - start


def main() -> None:
    global SCHEMA, COMBINE  # the CLI picks the variant for the run
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--schema", choices=["Person", "LegalEntity"], default=SCHEMA)
    parser.add_argument("--combine", choices=["max", "mean", "first"], default=COMBINE)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    SCHEMA, COMBINE = args.schema, args.combine

    started = time.perf_counter()
    forms, gold, pairs = load(args.data)
    names = sorted(set(forms))
    print(f"peer: {peer_name()}; schema {SCHEMA}; combine {COMBINE}")
    print(f"{len(forms)} forms ({len(names)} distinct strings), {len(set(gold))} gold ids")

    matrix_start = time.perf_counter()
    matrix = score_matrix(names)
    matrix_seconds = time.perf_counter() - matrix_start
    directed_calls = len(names) * (len(names) - 1) // (2 if COMBINE == "first" else 1)
    print(
        f"score matrix: {matrix_seconds:.1f} s for {directed_calls:,} directed compares "
        f"({len(names) * (len(names) - 1) // 2:,} pairs)"
    )
    print(f"10,000 peer_score calls (random pairs, warm): {time_calls(names):.2f} s")

    must_merge = sum(merge for _, _, merge in pairs)
    print()
    header = f"{'thr':>5} {'P':>6} {'R':>6} {'F1':>6} {'clusters':>8}"
    print(f"{header} {'not-merge joined':>17} {'must-merge joined':>18}")
    for threshold in THRESHOLDS:
        labels = clusters_from_matrix(forms, names, matrix, threshold)
        by_name = {form: labels[k] for k, form in enumerate(forms)}
        joined_bad = sum(not m and by_name[a] == by_name[b] for a, b, m in pairs)
        joined_good = sum(m and by_name[a] == by_name[b] for a, b, m in pairs)
        precision, recall, f1 = pairwise_prf(gold, labels)
        print(
            f"{threshold:5.2f} {precision:6.3f} {recall:6.3f} {f1:6.3f} {len(set(labels)):8d} "
            f"{joined_bad:>11d} / {len(pairs) - must_merge:<3d} {joined_good:>12d} / {must_merge}"
        )
    print(f"\ntotal: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
