"""The reading room: server-rendered pages over the `Registry` facade.

Leaves are rendered for reading, never offered as files; the only export is
a numbered copy issued by a custodian. One module per desk of the room:
`reading` (dossiers, leaves, search, the card index), `custody` (slips, the
custodian's queue, copies, notes), `evidence` (claims, conflicts, timelines),
`audit`, `registrar`, `redaction` (the custodian's sign-off), and `pictures`.
"""

from __future__ import annotations

import secrets
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from looseleaf.errors import LoginRefused
from looseleaf.web.room import audit, custody, evidence, pictures, reading, redaction, registrar
from looseleaf.web.room.page import Posted, Reg, error_page, page, see_other
from looseleaf.web.session import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CsrfRefused,
    clear_session,
    presented_token,
    set_session,
)

__all__ = ["error_page", "router"]

router = APIRouter(include_in_schema=False)


@router.get("/login")
def login_form(request: Request, next: str = "/") -> Response:
    return page(request, "login.html", None, next=_local(next))


@router.post("/login")
def log_in(
    request: Request,
    reg: Reg,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    csrf: Annotated[str, Form(alias=CSRF_FIELD, max_length=100)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    check_csrf_login(request, csrf)
    try:
        _, token, _ = reg.open_session(username, password)
    except LoginRefused as exc:
        return page(request, "login.html", None, status=401, next=_local(next), error=str(exc))
    response = see_other(_local(next))
    set_session(request, response, token, reg.settings.session_hours * 3600)
    return response


@router.post("/logout")
def log_out(request: Request, reg: Reg, form: Posted) -> Response:
    del form
    token, _ = presented_token(request)
    if token:
        reg.close_session(reg.authenticate_token(token), token)
    response = see_other("/login")
    clear_session(request, response)
    return response


def check_csrf_login(request: Request, submitted: str) -> None:
    """The login form has no session yet, so it is checked as if it had one:
    against the CSRF cookie set with the form (no logging in someone else's
    browser under the attacker's account)."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not secrets.compare_digest(cookie, submitted):
        raise CsrfRefused("request refused: the form's CSRF token is missing or stale; reload")


def _local(target: str) -> str:
    """Only a path on this site: a login never sends anyone elsewhere."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


for part in (reading, custody, evidence, audit, registrar, redaction, pictures):
    router.include_router(part.router)
