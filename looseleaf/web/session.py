"""Who is asking: a bearer token (scripts) or the session cookie (the reading
room), and the double-submit check that keeps another site from acting with
that cookie.

A session cookie is the same kind of token a script holds, stored only as its
hash, so logging out or disabling an account ends it at the next request.
"""

from __future__ import annotations

import ipaddress
import secrets

from starlette.requests import Request
from starlette.responses import Response

from looseleaf.errors import LoginRefused, LooseleafError
from looseleaf.model import Actor
from looseleaf.registry import Registry

SESSION_COOKIE = "looseleaf_session"
CSRF_COOKIE = "looseleaf_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class NotLoggedIn(LooseleafError):
    """No token, or one that is unknown, expired or revoked."""

    exit_code = 5


class CsrfRefused(LooseleafError):
    """A cookie-authenticated change that did not carry the page's CSRF token."""

    exit_code = 4


def presented_token(request: Request) -> tuple[str | None, bool]:
    """(token, came by cookie). A bearer header wins over a cookie."""
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), False
    return request.cookies.get(SESSION_COOKIE), True


def authenticate(registry: Registry, request: Request) -> Actor:
    token, _ = presented_token(request)
    if not token:
        raise NotLoggedIn("log in first: no session cookie or bearer token")
    try:
        return registry.authenticate_token(token)
    except LoginRefused:
        raise NotLoggedIn(
            "log in again: the session or token is unknown, expired or revoked"
        ) from None


def check_csrf(request: Request, submitted: str | None) -> None:
    """Double submit: the value in the form or header must equal the cookie,
    which another site can neither read nor set (SameSite=Strict, HttpOnly)."""
    if request.method in SAFE_METHODS:
        return
    _, by_cookie = presented_token(request)
    if not by_cookie:
        return  # a bearer token is not sent by browsers on their own
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not submitted or not secrets.compare_digest(cookie, submitted):
        raise CsrfRefused("request refused: the form's CSRF token is missing or stale; reload")


def csrf_token(request: Request) -> str:
    """The visitor's CSRF value, made on their first page if they have none."""
    found = request.cookies.get(CSRF_COOKIE) or getattr(request.state, "csrf", None)
    if found is None:
        found = secrets.token_urlsafe(24)
    request.state.csrf = found
    return str(found)


def secure_cookies(request: Request) -> bool:
    """Cookies are Secure (HTTPS only) except over plain HTTP on a loopback
    address, where a reading room on one machine has no certificate."""
    if request.url.scheme == "https":
        return True
    host = request.url.hostname or ""
    if host == "localhost":
        return False
    try:
        return not ipaddress.ip_address(host).is_loopback
    except ValueError:
        return True


def set_session(request: Request, response: Response, token: str, max_age: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=max_age,
        httponly=True,
        secure=secure_cookies(request),
        samesite="strict",
        path="/",
    )


def set_csrf(request: Request, response: Response) -> None:
    value = getattr(request.state, "csrf", None)
    if value and request.cookies.get(CSRF_COOKIE) != value:
        response.set_cookie(
            CSRF_COOKIE,
            value,
            httponly=True,
            secure=secure_cookies(request),
            samesite="strict",
            path="/",
        )


def clear_session(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path="/", secure=secure_cookies(request), httponly=True, samesite="strict"
    )
