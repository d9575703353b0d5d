"""The card index's scores on the labelled set (tests/data/persons.yaml) do not fall.

The scoring is benchmarks/labelled.py, the same code benchmarks/cardindex.py
reports with. Each floor is the score measured when it was set, less a margin
(0.01 for clustering, 0.02 for extraction), rounded down to two decimals: raise
a floor when the card index gets better, never lower one to let a change in.
The peer matcher is the benchmark's business, not the suite's (it takes ~25 s).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from benchmarks.labelled import (
    ClusterScore,
    FormSet,
    Labelled,
    Pair,
    cold_gazetteer,
    form_sets,
    load,
    pairwise_prf,
    read_seeds,
    score_clustering,
    score_extraction,
)
from looseleaf.cardindex.matcher import cluster

# Measured: P 0.998, F1 0.967 on persons' string forms (523 forms, 277 entries).
PERSONS_F1_FLOOR = 0.95
PERSONS_PRECISION_FLOOR = 0.98
# Measured, cold gazetteer, no model: P 0.967, R 0.937, linking 0.994 (1,981 gold mentions).
COLD_PRECISION_FLOOR = 0.94
COLD_RECALL_FLOOR = 0.91
COLD_LINKING_FLOOR = 0.97

SET_NAMES = ["persons, string forms", "all kinds, string forms", "every form"]


@cache
def _data() -> Labelled:
    return load()


@cache
def _form_set(name: str) -> FormSet:
    return next(s for s in form_sets(_data()) if s.name == name)


@cache
def _ours(name: str) -> ClusterScore:
    form_set = _form_set(name)
    return score_clustering(form_set, cluster(form_set.forms), _data().pairs)


def test_form_sets_are_the_ones_the_benchmark_reports() -> None:
    sets = form_sets(_data())
    assert [s.name for s in sets] == SET_NAMES
    persons, kinds, every = (set(s.forms) for s in sets)
    assert persons < kinds < every
    assert "Jacson" in every - kinds  # a cover name is no string form
    assert "Lenin Institute" in kinds - persons


def test_scoring_catches_a_clustering_that_merges_everything() -> None:
    form_set = _form_set("persons, string forms")
    lumped = score_clustering(form_set, [0] * len(form_set.forms), _data().pairs)
    assert lumped.recall == 1.0
    assert lumped.precision < 0.01
    assert len(lumped.false_merges) == lumped.must_not > 0
    assert lumped.merged == lumped.must_merge > 0
    apart = score_clustering(form_set, list(range(len(form_set.forms))), _data().pairs)
    assert apart.recall == apart.merged == 0
    assert not apart.false_merges


def test_pairwise_scores_by_hand() -> None:
    # gold {0,1,2} {3}; predicted {0,1} {2,3}: one of two predicted pairs right, one of three found
    precision, recall, f1 = pairwise_prf(["a", "a", "a", "b"], [0, 0, 1, 1])
    assert precision == 0.5
    assert recall == pytest.approx(1 / 3)
    assert f1 == pytest.approx(0.4)
    pairs = [Pair("x", "y", merge=False, why=""), Pair("x", "z", merge=True, why="")]
    score = score_clustering(FormSet("t", ("x", "y", "z"), ("1", "2", "1")), [5, 5, 6], pairs)
    assert score.false_merges == (pairs[0],)
    assert (score.must_not, score.merged, score.must_merge) == (1, 0, 1)


def test_persons_string_forms_cluster_at_least_as_well_as_before() -> None:
    score = _ours("persons, string forms")
    assert score.f1 >= PERSONS_F1_FLOOR, score
    assert score.precision >= PERSONS_PRECISION_FLOOR, score


@pytest.mark.parametrize("name", SET_NAMES)
def test_no_must_not_pair_is_merged(name: str) -> None:
    score = _ours(name)
    assert score.must_not > 0
    assert score.false_merges == (), [(p.a, p.b, p.why) for p in score.false_merges]


@pytest.mark.seeds
def test_cold_extraction_finds_persons_at_least_as_well_as_before(seeds: Path) -> None:
    data = _data()
    score = score_extraction(data, read_seeds(seeds), cold_gazetteer(data), model=False)
    assert score.gold > 1000
    assert score.recall >= COLD_RECALL_FLOOR, score
    # Organisations and groups are found too (NKVD, Trotskyists): the floor is on persons.
    assert score.precision_persons >= COLD_PRECISION_FLOOR, score
    assert score.linking >= COLD_LINKING_FLOOR, score
