"""The group commit itself: every request served once, in order, errors kept apart."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from looseleaf.audit.batch import GroupCommit, Request


def test_many_threads_each_get_their_own_result_and_batches_form() -> None:
    sizes: list[int] = []
    served: list[int] = []

    def run(requests: Iterator[Request[int, int]]) -> None:
        count = 0
        for request in requests:
            request.result = request.item * 2
            served.append(request.item)
            count += 1
        sizes.append(count)

    batcher: GroupCommit[int, int] = GroupCommit(run, limit=3)
    results: dict[int, int] = {}

    def worker(base: int) -> None:
        for n in range(200):
            results[base + n] = batcher.submit(base + n)

    threads = [threading.Thread(target=worker, args=(k * 1000,)) for k in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {key: key * 2 for key in results}
    assert len(results) == 1200
    assert sorted(served) == sorted(results)
    assert max(sizes) <= 3


def test_a_failed_batch_fails_every_request_in_it_and_nothing_else() -> None:
    def run(requests: Iterator[Request[str, str]]) -> None:
        for request in requests:
            if request.item == "boom":
                raise RuntimeError("disk full")
            request.result = request.item.upper()

    batcher: GroupCommit[str, str] = GroupCommit(run)
    assert batcher.submit("ok") == "OK"
    with pytest.raises(RuntimeError, match="disk full"):
        batcher.submit("boom")
    assert batcher.submit("again") == "AGAIN"


def test_a_request_error_is_its_own() -> None:
    def run(requests: Iterator[Request[int, int]]) -> None:
        for request in requests:
            if request.item < 0:
                request.error = ValueError(f"negative {request.item}")
            else:
                request.result = request.item

    batcher: GroupCommit[int, int] = GroupCommit(run)
    with pytest.raises(ValueError, match="negative -1"):
        batcher.submit(-1)
    assert batcher.submit(5) == 5
