"""The auditor's pages: the log, verification, alarms and what one reader saw.

Every question here goes through the facade's AUDIT_READ check, so a reader
without the auditor role gets the same refusal the CLI gives; what of each
event an auditor below full clearance is shown is decided there too (the
rule is in `registry/audit.py`), and the templates only say so.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from looseleaf.errors import BadInput
from looseleaf.web.room.page import Me, Posted, Reg, desk, digits, page

router = APIRouter()

Text = Annotated[str | None, Query(max_length=64)]


@router.get("/audit")
def audit_log(
    request: Request,
    reg: Reg,
    me: Me,
    reader: Text = None,
    action: Text = None,
    leaf: Text = None,
    since: Text = None,
) -> Response:
    """The newest events first, filtered as an auditor asks (the form sends
    its empty fields too: an empty field is no filter)."""
    leaf = (leaf or "").strip()
    if leaf and not (digits(leaf) and int(leaf) >= 1):
        raise BadInput(f"leaf {leaf!r}", "give a leaf id (a whole number)")
    found = reg.audit_log(
        me.actor,
        reader=reader or None,
        action=action or None,
        leaf_id=int(leaf) if leaf else None,
        since=since or None,
        limit=500,
        newest=True,
    )
    return page(
        request,
        "audit.html",
        me,
        events=list(reversed(found)),
        filters={
            "reader": reader or "",
            "action": action or "",
            "leaf": leaf or "",
            "since": since or "",
        },
    )


@router.post("/audit/verify")
def verify(request: Request, reg: Reg, form: Posted) -> Response:
    """Recompute the whole log; verifying is itself an event."""
    del form
    me = desk(request, reg)
    head = reg.latest_checkpoint(me.actor)  # sign what has gathered, then check it all
    verdict = reg.verify(me.actor)
    return page(request, "verify.html", me, verdict=verdict, head=head)


@router.get("/audit/alarms")
def alarms(request: Request, reg: Reg, me: Me) -> Response:
    return page(request, "alarms.html", me, alarms=list(reversed(reg.alarms(me.actor))))


@router.get("/audit/exposure")
def exposure(
    request: Request,
    reg: Reg,
    me: Me,
    reader: Text = None,
    since: Text = None,
    until: Text = None,
) -> Response:
    """Everything one reader was shown, with what allowed each read."""
    rows = (
        reg.exposure(me.actor, reader, since=since or None, until=until or None) if reader else []
    )
    if not reader:
        reg.alarms(me.actor)  # asks the policy: only auditors see this page
    return page(request, "exposure.html", me, reader=reader or "", rows=rows)
