"""The labelled cases of benchmarks/data/evidence/ do not fall below what was
measured when their rules were written: case A is the tuning half (its
misses were read), case B the test half (never read); both are reported by
`python benchmarks/conflicts.py`, whose scoring this test runs.

Floors measured (commit of issue 18's first pass): case A claims P 0.889
R 0.384, conflicts 6 of 25, look-alikes grouped 0 of 10; case B claims
P 0.400 R 0.133, conflicts 2 of 25, look-alikes 0 of 10. The floors sit a
little below so that an honest change elsewhere need not fail here; the aims
(25 of 43 unseen conflicts, at most 2 look-alikes) are far above them."""

from __future__ import annotations

import pytest

from benchmarks.conflicts import AIM_NON_CONFLICTS, CASES, run_case


@pytest.mark.parametrize(
    ("case", "precision", "recall", "conflicts"),
    [("case_a", 0.85, 0.36, 6), ("case_b", 0.35, 0.12, 2)],
)
def test_a_case_keeps_its_floor(case: str, precision: float, recall: float, conflicts: int) -> None:
    result = run_case(CASES / case)
    assert result.ours.precision >= precision
    assert result.ours.recall >= recall
    assert len(result.found) >= conflicts
    assert len(result.grouped) <= AIM_NON_CONFLICTS
    assert result.ours.recall > result.baseline.recall
