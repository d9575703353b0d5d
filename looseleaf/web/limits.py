"""No request can fill the server's memory or disk: a body is counted as it
arrives and refused (413) one byte past the limit, whatever the route reads
it with (a form parser spooling files, a PDF to verify, a JSON body)."""

from __future__ import annotations

from collections.abc import Callable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Room for a form's other fields and the multipart framing around a file.
FORM_SLACK = 64 * 1024


class BodyLimit:
    """`limit` (the largest file a report may be) is asked per request, so a
    changed setting counts at once; a body may be `FORM_SLACK` more."""

    def __init__(self, app: ASGIApp, limit: Callable[[], int]) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        stated = self.limit()
        limit = stated + FORM_SLACK
        over = HTTPException(413, f"request body: over the {stated:,}-byte limit")
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                receive = _refusing(over)
        await self.app(scope, bounded(receive, limit, over), send)


def bounded(receive: Receive, limit: int, error: Exception) -> Receive:
    """`receive`, raising `error` as soon as the body runs past `limit` bytes
    (a body sent in chunks declares no length to check beforehand)."""
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise error
        return message

    return counted


def _refusing(error: HTTPException) -> Receive:
    async def receive() -> Message:
        raise error

    return receive
