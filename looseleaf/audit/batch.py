"""Group commit: concurrent reads share one transaction and one fsync.

Every read must have its record committed before its text is returned, so a
read is a write; one fsync per read would cap a reading room at the disk's
sync rate. Instead the first caller to find the log free becomes the leader:
it takes every read queued so far, runs them in one transaction, commits,
and hands each caller its own outcome. Callers that arrive while it works
queue up and are served by the next leader. One caller alone is a batch of
one, with no thread and no wait added.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass
class Request(Generic[Item, Result]):
    item: Item
    done: bool = False
    result: Result | None = None
    error: BaseException | None = field(default=None)

    def outcome(self) -> Result:
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result


class GroupCommit(Generic[Item, Result]):
    def __init__(self, run: Callable[[Sequence[Request[Item, Result]]], None]) -> None:
        """`run` executes a batch in one transaction and fills in each request's
        result or error; if it raises, every request in the batch gets that error."""
        self._run = run
        self._queue: deque[Request[Item, Result]] = deque()
        self._queue_lock = threading.Lock()
        self._leader = threading.Lock()

    def submit(self, item: Item) -> Result:
        request: Request[Item, Result] = Request(item)
        with self._queue_lock:
            self._queue.append(request)
        with self._leader:
            if not request.done:
                with self._queue_lock:
                    batch = list(self._queue)
                    self._queue.clear()
                try:
                    self._run(batch)
                except BaseException as exc:
                    for waiting in batch:
                        if waiting.result is None and waiting.error is None:
                            waiting.error = exc
                    raise
                finally:
                    for waiting in batch:
                        waiting.done = True
        return request.outcome()
