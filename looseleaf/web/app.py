"""The HTTP server: the JSON API under /api/ and the reading room at /, both
over the one `Registry` facade.

Nothing here decides access or reads a leaf: every route calls the service
layer, which checks the policy and writes the audit record first. This
module adds only what the web needs on top: who is asking, errors as one
line of JSON (never a traceback), and headers that keep pages from being
cached, framed or sniffed.
"""

from __future__ import annotations

import logging
from importlib import resources
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from looseleaf.errors import BadInput, Forbidden, LoginRefused, LooseleafError, NotFound
from looseleaf.registry import Registry
from looseleaf.web.limits import BodyLimit
from looseleaf.web.session import CsrfRefused, NotLoggedIn

log = logging.getLogger("looseleaf.web")

#: Scripts and styles come only from our own static files; nothing may frame a page.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Every response: the headers above; every response but static files:
    `Cache-Control: no-store`, so no leaf text stays in a browser's cache."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = str(scope.get("path", "")).startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {b"cache-control", b"server"}
                ]
                headers.extend(_HEADERS)
                cache = b"public, max-age=3600" if static else b"no-store"
                headers.append((b"cache-control", cache))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


STATUS: list[tuple[type[LooseleafError], int]] = [
    (NotFound, 404),
    (Forbidden, 403),
    (CsrfRefused, 403),
    (LoginRefused, 401),
    (NotLoggedIn, 401),
    (BadInput, 400),
]


def status_of(exc: LooseleafError) -> int:
    for kind, status in STATUS:
        if isinstance(exc, kind):
            return status
    return 400


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


async def single_values(request: Request) -> None:
    """An API query parameter given twice is refused, not settled silently on
    one of its values (which a proxy in front might settle differently).
    Async because it does no I/O: FastAPI runs a plain function dependency in
    the thread pool, a round trip through it on every request."""
    if not is_api(request):
        return
    keys = [key for key, _ in request.query_params.multi_items()]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise BadInput(f"query parameter {repeated[0]!r}", "given more than once")


def create_app(registry: Registry) -> FastAPI:
    """One app per registry; the registry is shared by the server's threads
    (the store keeps a connection per thread and one writer at a time)."""
    from looseleaf.web import api, room
    from looseleaf.web.api import evidence, redaction

    app = FastAPI(
        title="looseleaf",
        version="1",
        summary="A records registry and reading room for sensitive dossiers.",
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        dependencies=[Depends(single_values)],
    )
    app.state.registry = registry
    app.include_router(api.router)
    app.include_router(evidence.router)
    app.include_router(redaction.router)
    app.include_router(room.router)
    static = resources.files("looseleaf.web.room") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.exception_handler(LooseleafError)
    async def looseleaf_error(request: Request, exc: LooseleafError) -> Response:
        if not is_api(request):
            return room.error_page(request, exc, status_of(exc))
        return JSONResponse({"error": str(exc)}, status_code=status_of(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        message = "; ".join(_validation_line(e) for e in exc.errors()[:3])
        error = BadInput("request", message)
        if not is_api(request):
            return room.error_page(request, error, 422)
        return JSONResponse({"error": str(error)}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = {404: "not found", 405: "method not allowed"}.get(exc.status_code, exc.detail)
        if not is_api(request):
            answer = room.error_page(request, LooseleafError(str(message)), exc.status_code)
        else:
            answer = JSONResponse({"error": str(message)}, status_code=exc.status_code)
        answer.headers.update(exc.headers or {})  # a 405 names the methods there are (Allow)
        return answer

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": "internal error (logged on the server)"}, status_code=500)

    app.add_middleware(SecurityHeaders)

    def largest() -> int:
        held: Registry | None = app.state.registry
        return held.settings.max_report_bytes if held is not None else 0

    app.add_middleware(BodyLimit, limit=largest)
    return app


def _validation_line(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body")
    return f"{where or 'input'}: {error.get('msg', 'invalid')}"
