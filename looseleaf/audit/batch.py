"""Group commit: concurrent reads share one transaction and one fsync.

Every read must have its record committed before its text is returned, so a
read is a write; one fsync per read would cap a reading room at the disk's
sync rate. Instead the first caller to find the log free becomes the leader:
it takes every read queued so far, runs them in one transaction, commits,
and hands each caller its own outcome. Callers that arrive while it works
queue up and are taken into the same transaction as long as it is still
open; the leader commits when the queue runs dry (or the batch is full).
One caller alone is a batch of one, with no thread and no wait added.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
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
    def __init__(
        self, run: Callable[[Iterator[Request[Item, Result]]], None], limit: int = 256
    ) -> None:
        """`run` executes the requests it draws from the iterator in one
        transaction, filling in each one's result or error; if it raises, every
        request drawn gets that error. At most `limit` requests share a commit."""
        self._run = run
        self._limit = limit
        self._queue: deque[Request[Item, Result]] = deque()
        self._changed = threading.Condition()
        self._leading = False

    def submit(self, item: Item) -> Result:
        request: Request[Item, Result] = Request(item)
        with self._changed:
            self._queue.append(request)
            while self._leading and not request.done:
                self._changed.wait()
            if request.done:
                return request.outcome()
            self._leading = True
        while not request.done:  # lead until our own request has been served
            drawn: list[Request[Item, Result]] = []
            try:
                self._run(self._draw(drawn))
            except BaseException as exc:
                for waiting in drawn:
                    if waiting.result is None and waiting.error is None:
                        waiting.error = exc
            finally:
                with self._changed:
                    for waiting in drawn:
                        waiting.done = True
                    if request.done:
                        self._leading = False
                    self._changed.notify_all()
        return request.outcome()

    def _draw(self, drawn: list[Request[Item, Result]]) -> Iterator[Request[Item, Result]]:
        """Requests in arrival order, including those that arrive meanwhile."""
        while len(drawn) < self._limit:
            with self._changed:
                if not self._queue:
                    return
                request = self._queue.popleft()
            drawn.append(request)
            yield request
