"""What every reading-room page shares: the templates, who is at the desk,
the CSRF value for its forms, and the one way a page is rendered.

Jinja2 autoescapes every value, so leaf text is always shown as text: a
leaf that contains `<script>` renders those characters, nothing runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.templating import Jinja2Templates
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, RedirectResponse, Response

from looseleaf.errors import LooseleafError
from looseleaf.model import Actor, Reader
from looseleaf.registry import Registry
from looseleaf.web.session import (
    CSRF_FIELD,
    NotLoggedIn,
    authenticate,
    check_csrf,
    csrf_token,
    set_csrf,
)

templates = Jinja2Templates(directory=str(resources.files("looseleaf.web.room") / "templates"))
templates.env.autoescape = True


def marked(snippet: str, highlights: Sequence[tuple[int, int]]) -> list[tuple[str, bool]]:
    """A search snippet as (text, highlighted) runs, its brackets dropped."""
    runs: list[tuple[str, bool]] = []
    at = 0
    for start, end in highlights:
        if start - 1 < at or end > len(snippet):
            continue
        runs.append((snippet[at : start - 1], False))
        runs.append((snippet[start:end], True))
        at = end + 1
    runs.append((snippet[at:], False))
    return [run for run in runs if run[0]]


templates.env.filters["marked"] = marked


def registry(request: Request) -> Registry:
    found: Registry = request.app.state.registry
    return found


Reg = Annotated[Registry, Depends(registry)]


@dataclass(frozen=True)
class Desk:
    """The person at the desk: their actor for the facade and their account."""

    actor: Actor
    reader: Reader

    def has(self, role: str) -> bool:
        return role in self.reader.roles or "admin" in self.reader.roles


def desk(request: Request, reg: Reg) -> Desk:
    who = authenticate(reg, request)
    return Desk(who, reg.reader(who, who.name))


Me = Annotated[Desk, Depends(desk)]


async def posted(request: Request, reg: Reg) -> FormData:
    """A form sent from one of our pages: logged in, and carrying its CSRF value."""
    authenticate(reg, request)
    form = await request.form()
    value = form.get(CSRF_FIELD)
    check_csrf(request, value if isinstance(value, str) else None)
    return form


Posted = Annotated[FormData, Depends(posted)]


def page(
    request: Request, template: str, me: Desk | None, status: int = 200, **context: Any
) -> HTMLResponse:
    response = templates.TemplateResponse(
        request,
        template,
        {"me": me, "csrf": csrf_token(request), **context},
        status_code=status,
    )
    set_csrf(request, response)
    return response


def see_other(url: str) -> RedirectResponse:
    """After a form: go to a page (POST, redirect, GET), so reloading repeats nothing."""
    return RedirectResponse(url, status_code=303)


def error_page(request: Request, exc: LooseleafError, status: int) -> Response:
    if isinstance(exc, NotLoggedIn):
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return see_other(f"/login?next={quote(target, safe='')}")
    try:
        me: Desk | None = desk(request, registry(request))
    except LooseleafError:
        me = None  # the error page of someone not (or no longer) logged in
    return page(request, "error.html", me, status=status, message=str(exc), status_code=status)


def field(form: FormData, name: str, default: str = "") -> str:
    value = form.get(name, default)
    return value.strip() if isinstance(value, str) else default


def digits(text: str) -> bool:
    """Whether a typed field is a number an id can be: ASCII digits ("²" is a
    digit to `isdigit`, but no number to `int`), few enough for the store."""
    return text.isascii() and text.isdigit() and len(text) <= 18


def ids(form: FormData, name: str) -> list[int]:
    """Checked boxes or a typed list ("12, 14 15") of leaf ids."""
    found: list[int] = []
    for value in form.getlist(name):
        if isinstance(value, str):
            found.extend(int(p) for p in value.replace(",", " ").split() if digits(p))
    return found
