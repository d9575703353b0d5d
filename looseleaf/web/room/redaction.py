"""The custodian's redaction desk: a leaf's suggested spans shown on its
text, kept or struck out one by one, spans added by selecting words, and
the sign-off; and a preview of the leaf as a class will read it.

Nothing is masked until a custodian signs off, and a class that masks
anything reads no leaf before that (the policy's rule, not this page's).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from looseleaf.redaction.spans import Span
from looseleaf.web.room.page import Me, Posted, Reg, page, see_other

router = APIRouter()

Id = Annotated[int, Path(ge=1, le=2**62)]


@dataclass(frozen=True)
class Run:
    """A stretch of the leaf's text, and the span it belongs to (if any)."""

    text: str
    span: Span | None = None
    index: int = -1


def runs(text: str, spans: tuple[Span, ...]) -> list[Run]:
    found: list[Run] = []
    at = 0
    for index, span in enumerate(spans):
        if span.start < at or span.end > len(text):
            continue
        if span.start > at:
            found.append(Run(text[at : span.start]))
        found.append(Run(text[span.start : span.end], span, index))
        at = span.end
    if at < len(text):
        found.append(Run(text[at:]))
    return found


@router.get("/leaves/{leaf_id}/redaction")
def redaction_desk(
    request: Request,
    leaf_id: Id,
    reg: Reg,
    me: Me,
    preview: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """The leaf with its suggested spans, and the last sign-off."""
    suggested = reg.redact_suggest(me.actor, leaf_id)
    signed = reg.redaction(me.actor, leaf_id)
    text = reg.redact_show(me.actor, leaf_id, "staff")
    shown = None
    if preview:
        shown = reg.redact_show(me.actor, leaf_id, preview)
    return page(
        request,
        "redaction.html",
        me,
        leaf=text.leaf,
        scan=text.scan,
        runs=runs(text.normalised, suggested.spans),
        suggested=suggested,
        signed=signed,
        preview=preview,
        shown=shown,
    )


@router.post("/leaves/{leaf_id}/redaction")
def sign_off(request: Request, leaf_id: Id, reg: Reg, me: Me, form: Posted) -> Response:
    """Sign off: the suggestions kept (a struck-out one is removed), and the
    spans added by selection or typed as START:END."""
    suggested = reg.redact_suggest(me.actor, leaf_id)
    kept = {value for value in form.getlist("keep") if isinstance(value, str)}
    remove = [f"{s.start}:{s.end}" for i, s in enumerate(suggested.spans) if str(i) not in kept]
    typed = form.get("add") or ""
    add = [part for part in str(typed).replace(",", " ").split() if part]
    reg.redact_approve(me.actor, leaf_id, add=add, remove=remove)
    del request
    return see_other(f"/leaves/{leaf_id}/redaction?preview=researcher#signed")
