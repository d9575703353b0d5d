"""Slips, the custodian's queue, numbered copies and working-file notes."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from looseleaf.web.room.page import Posted, Reg, desk, field, ids, see_other

router = APIRouter()


@router.post("/slips")
def request_slip(request: Request, reg: Reg, form: Posted) -> Response:
    """A slip from a leaf (ids), a cross-reference (leaf and name) or a query."""
    me = desk(request, reg)
    xref_leaf = field(form, "xref_leaf")
    reg.request_slip(
        me.actor,
        field(form, "purpose"),
        leaf_ids=ids(form, "leaves"),
        xref_leaf=(int(xref_leaf), field(form, "xref_name")) if xref_leaf.isdigit() else None,
        query=field(form, "query") or None,
    )
    return see_other("/#slips")
