"""Slips, the custodian's queue, numbered copies and working-file notes.

The custodian reads a proposed leaf before deciding on it (recorded as a
review) and approves page by page; what is not approved is denied. A copy is
the only way text leaves the room, and it is issued as a numbered PDF.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request
from starlette.datastructures import UploadFile
from starlette.responses import Response

from looseleaf.errors import BadInput
from looseleaf.web.room.page import Me, Posted, Reg, desk, digits, field, ids, page, see_other

router = APIRouter()

Id = Annotated[int, Path(ge=1, le=2**62)]


@router.post("/slips")
def request_slip(request: Request, reg: Reg, form: Posted) -> Response:
    """A slip from a leaf (ids), a cross-reference (leaf and name) or a query."""
    me = desk(request, reg)
    xref_leaf = field(form, "xref_leaf")
    slip = reg.request_slip(
        me.actor,
        field(form, "purpose"),
        leaf_ids=ids(form, "leaves"),
        xref_leaf=(int(xref_leaf), field(form, "xref_name")) if digits(xref_leaf) else None,
        query=field(form, "query") or None,
    )
    return see_other(f"/?raised={slip.id}#slips")


@router.post("/slips/decode")
def request_decoding(request: Request, reg: Reg, form: Posted) -> Response:
    """A slip asking whom a cover name on a leaf stands for."""
    me = desk(request, reg)
    leaf = field(form, "leaf")
    if not digits(leaf):
        raise BadInput("leaf", "name the leaf the cover name is written on")
    slip = reg.request_decoding(me.actor, int(leaf), field(form, "name"), field(form, "purpose"))
    return see_other(f"/?raised={slip.id}#slips")


@router.post("/queue/{slip_id}/decoding")
def decide_decoding(request: Request, slip_id: Id, reg: Reg, form: Posted) -> Response:
    """A custodian who may decode answers a decoding slip, or refuses it."""
    answer = field(form, "answer")
    reg.decide_decoding(desk(request, reg).actor, slip_id, approve=answer == "approve")
    return see_other(f"/queue?decided={slip_id}")


@router.post("/slips/{slip_id}/return")
def return_slip(request: Request, slip_id: Id, reg: Reg, form: Posted) -> Response:
    del form
    reg.return_slip(desk(request, reg).actor, slip_id)
    return see_other("/#slips")


@router.post("/notes")
def add_note(request: Request, reg: Reg, form: Posted) -> Response:
    reg.add_note(desk(request, reg).actor, field(form, "text"), ids(form, "cite"))
    return see_other("/#notes")


# -- the custodian's queue ---------------------------------------------------------


@router.get("/queue")
def queue(request: Request, reg: Reg, me: Me) -> Response:
    """Pending slips, each with the leaves proposed for it, oldest first."""
    pending = sorted(reg.slips(me.actor, status="pending"), key=lambda s: s.id)
    if not me.has("custodian"):
        pending = []  # a reader's own pending slips are on their desk, not here
    return page(request, "queue.html", me, slips=pending, days=reg.settings.grant_days)


@router.get("/queue/{slip_id}/leaves/{leaf_id}")
def review(request: Request, slip_id: Id, leaf_id: Id, reg: Reg, me: Me) -> Response:
    """The custodian reads a proposed leaf to decide on it; the reading is recorded."""
    text = reg.review(me.actor, slip_id, leaf_id)
    return page(
        request,
        "review.html",
        me,
        slip=reg.slip(me.actor, slip_id),
        leaf=text.leaf,
        text=text.normalised,
        read_at=reg.now(),
    )


@router.post("/queue/{slip_id}")
def decide(request: Request, slip_id: Id, reg: Reg, form: Posted) -> Response:
    """Approve the ticked leaves; every other proposed leaf is denied."""
    me = desk(request, reg)
    days = field(form, "days")
    if days and not digits(days):
        raise BadInput(f"expiry {days!r}", "give a whole number of days")
    slip = reg.slip(me.actor, slip_id)
    approve = ids(form, "approve")
    deny = [leaf for leaf in slip.proposed or () if leaf not in approve]
    reg.decide_slip(me.actor, slip_id, approve=approve, deny=deny, days=int(days) if days else None)
    return see_other(f"/queue?decided={slip_id}")


# -- numbered copies -----------------------------------------------------------------


@router.get("/copies")
def copies(request: Request, reg: Reg, me: Me) -> Response:
    return page(request, "copies.html", me, copies=reg.copies(me.actor), checked=None)


@router.post("/copies")
def issue_copy(request: Request, reg: Reg, form: Posted) -> Response:
    """Issue a numbered copy; the answer is the PDF itself, to print or hand over."""
    me = desk(request, reg)
    copy, pdf = reg.issue_copy(
        me.actor, field(form, "reader"), ids(form, "leaves"), field(form, "purpose")
    )
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="copy-{copy.number}.pdf"'},
    )


@router.post("/copies/{number}/return")
def return_copy(request: Request, number: Id, reg: Reg, form: Posted) -> Response:
    del form
    reg.return_copy(desk(request, reg).actor, number)
    return see_other(f"/copies?returned={number}")


#: How much of an uploaded copy is read at a time.
CHUNK_BYTES = 1024 * 1024


async def _bounded_read(upload: UploadFile, limit: int) -> bytes:
    """An uploaded copy's bytes, read in chunks and refused one byte past
    `limit` (a copy is a PDF of leaves: no larger than a report may be).
    The upload's spooled file is closed (deleted) once read."""
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= limit:
            chunk = await upload.read(min(CHUNK_BYTES, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        await upload.close()
    if size > limit:
        raise BadInput(f"pdf {upload.filename or ''!r}", f"is over the {limit:,}-byte limit")
    return b"".join(chunks)


@router.post("/copies/verify")
async def verify_copy(request: Request, reg: Reg, form: Posted) -> Response:
    """Look a copy up by its number; with its PDF attached, check it is that copy."""
    me = desk(request, reg)
    number = field(form, "number")
    if not digits(number):
        raise BadInput(f"copy number {number!r}", "give the number printed on the copy")
    upload = form.get("pdf")
    pdf = None
    if upload is not None and not isinstance(upload, str):
        pdf = await _bounded_read(upload, reg.settings.max_report_bytes)
    found, matches = reg.verify_copy(me.actor, int(number), pdf or None)
    return page(
        request,
        "copies.html",
        me,
        copies=reg.copies(me.actor),
        checked={"copy": found, "matches": matches if pdf else None},
    )
