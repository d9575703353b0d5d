"""The HTTP JSON API: each route is one call of the `Registry` facade.

The routes hold no logic of their own beyond translating HTTP to the
facade's words. An id the caller may not see and an id that does not exist
both answer 404 with the same body, because the facade raises the same
`NotFound` for both; staff actions refused answer 403.
"""

from __future__ import annotations

import base64
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Path, Query, Request, Response, Security
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from looseleaf.model import (
    Actor,
    CardEntry,
    Copy,
    CrossReference,
    Dossier,
    Event,
    Grant,
    Leaf,
    Note,
    Person,
    PersonMatch,
    Reader,
    Reading,
    SearchResult,
    Slip,
)
from looseleaf.registry import MarkingRequest, Registry, Verdict
from looseleaf.web.api.answer import Served
from looseleaf.web.api.schemas import (
    Checkpoint,
    CopyAnswer,
    CopyBody,
    CopyCheck,
    DecisionBody,
    DecodeBody,
    DecodingBody,
    DossierAnswer,
    Error,
    LoginBody,
    Me,
    NoteBody,
    ReaderBody,
    Returned,
    SessionAnswer,
    SlipBody,
    TokenAnswer,
    TokenBody,
    VerdictAnswer,
)
from looseleaf.web.session import (
    CSRF_COOKIE,
    CSRF_HEADER,
    SESSION_COOKIE,
    authenticate,
    check_csrf,
    clear_session,
    presented_token,
    set_session,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Error, "description": text}
    for status, text in [
        (400, "Bad input: one line naming the input and the reason"),
        (401, "Not logged in, or the token is unknown, expired or revoked"),
        (403, "A staff action this account may not take, or a missing CSRF token"),
        (404, "Not found, or not yours to see: the same answer"),
        (422, "A request that does not fit the schema"),
    ]
}

router = APIRouter(prefix="/api", responses=ERRORS, route_class=Served)

#: Ids are bounded so that no number overflows the store's 64-bit integers.
Id = Annotated[int, Path(ge=1, le=2**62)]


def registry(request: Request) -> Registry:
    found: Registry = request.app.state.registry
    return found


Reg = Annotated[Registry, Depends(registry)]


#: How a caller proves who they are, as /openapi.json tells clients (either one).
BEARER = HTTPBearer(
    auto_error=False, description="A token from POST /api/session or POST /api/tokens."
)
COOKIE = APIKeyCookie(
    name=SESSION_COOKIE,
    auto_error=False,
    description="The reading room's session; a change made with it also needs the "
    f"{CSRF_HEADER} header (the value of the {CSRF_COOKIE} cookie).",
)


def actor(
    request: Request,
    reg: Reg,
    _bearer: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)],
    _cookie: Annotated[str | None, Security(COOKIE)],
) -> Actor:
    """The caller, by bearer token or session cookie; a change made with the
    cookie must also carry the CSRF header. (The two security parameters
    only describe this in the schema; `authenticate` reads the request.)"""
    who = authenticate(reg, request)
    check_csrf(request, request.headers.get(CSRF_HEADER))
    return who


Who = Annotated[Actor, Depends(actor)]


# -- session ---------------------------------------------------------------------


@router.post("/session", tags=["session"])
def log_in(body: LoginBody, request: Request, response: Response, reg: Reg) -> SessionAnswer:
    """Log in: answers a bearer token and sets the session cookie."""
    who, token, expires = reg.open_session(body.username, body.password)
    set_session(request, response, token, reg.settings.session_hours * 3600)
    return SessionAnswer(token=token, expires_at=expires, reader=who.name)


@router.delete("/session", tags=["session"], status_code=204)
def log_out(request: Request, response: Response, reg: Reg, who: Who) -> Response:
    token, _ = presented_token(request)
    assert token is not None
    reg.close_session(who, token)
    answer = Response(status_code=204)
    clear_session(request, answer)
    return answer


@router.get("/me", tags=["session"])
def me(reg: Reg, who: Who) -> Me:
    """My clearance and roles, and my grants that are still running."""
    now = reg.now()
    return Me(
        reader=reg.reader(who, who.name),
        grants=[g for g in reg.grants(who) if g.active(now)],
    )


# -- the catalogue ------------------------------------------------------------------


@router.get("/dossiers", tags=["catalogue"])
def dossiers(reg: Reg, who: Who) -> list[Dossier]:
    """Dossiers whose title I may see, counting only leaves I may read."""
    return reg.dossiers(who)


@router.get("/dossiers/{dossier_id}", tags=["catalogue"])
def dossier(dossier_id: Id, reg: Reg, who: Who) -> DossierAnswer:
    """A dossier's reports in arrival order, each with the leaves I may read."""
    found, reports = reg.dossier(who, str(dossier_id))
    return DossierAnswer(dossier=found, reports=reports)


@router.get("/dossiers/{dossier_id}/leaves", tags=["catalogue"])
def dossier_leaves(dossier_id: Id, reg: Reg, who: Who) -> list[Leaf]:
    _, reports = reg.dossier(who, str(dossier_id))
    return [leaf for report in reports for leaf in report.leaves]


@router.get("/leaves/{leaf_id}", tags=["catalogue"])
def read_leaf(leaf_id: Id, reg: Reg, who: Who) -> Reading:
    """Read a leaf: recorded in the audit log before the text is sent."""
    return reg.reading(who, leaf_id)


@router.get(
    "/leaves/{leaf_id}/facsimile",
    tags=["catalogue"],
    response_class=Response,
    responses={200: {"content": {"image/png": {}}, "description": "the page image, watermarked"}},
)
def leaf_facsimile(leaf_id: Id, reg: Reg, who: Who) -> Response:
    """A scanned leaf's page image as a PNG, watermarked for me (reader, time,
    grant burned into the pixels): recorded as a read before it is drawn."""
    return Response(reg.facsimile(who, leaf_id), media_type="image/png")


@router.get("/search", tags=["catalogue"])
def search(
    reg: Reg,
    who: Who,
    q: Annotated[str, Query(min_length=1, max_length=1000)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    cursor: Annotated[str | None, Query(max_length=40)] = None,
) -> SearchResult:
    """Full-text search over the leaves I may read, names widened through the card index."""
    return reg.search(who, q, limit=limit, cursor=cursor)


# -- card index -------------------------------------------------------------------


@router.get("/persons", tags=["card index"])
def persons(
    reg: Reg,
    who: Who,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[PersonMatch]:
    return reg.person_search(who, q, limit=limit)


@router.get("/cards", tags=["card index"])
def cards(
    reg: Reg,
    who: Who,
    letter: Annotated[str | None, Query(min_length=1, max_length=1)] = None,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    after: Annotated[str | None, Query(max_length=20)] = None,
) -> list[CardEntry]:
    """The card index A to Z: the records I may know of, with what I may read of them."""
    return reg.person_list(who, kind=kind, letter=letter, limit=limit, after=after)


@router.get("/persons/{person_id}", tags=["card index"])
def person(person_id: Id, reg: Reg, who: Who) -> Person:
    return reg.person(who, person_id)


@router.get("/leaves/{leaf_id}/xrefs", tags=["card index"])
def xrefs(leaf_id: Id, reg: Reg, who: Who) -> list[CrossReference]:
    """Names on a leaf that have a dossier: what a slip can ask about."""
    return reg.xrefs(who, leaf_id)


# -- slips, grants, copies, notes ------------------------------------------------


@router.get("/slips", tags=["custody"])
def slips(
    reg: Reg, who: Who, status: Annotated[str | None, Query(max_length=20)] = None
) -> list[Slip]:
    """My own slips; a custodian sees every slip, with what was proposed."""
    return reg.slips(who, status=status)


@router.post("/slips", tags=["custody"], status_code=201)
def request_slip(body: SlipBody, reg: Reg, who: Who) -> Slip:
    """Ask for leaves by id, by a cross-reference on a leaf, or by a query."""
    return reg.request_slip(
        who,
        body.purpose,
        leaf_ids=body.leaves,
        xref_leaf=None if body.xref is None else (body.xref.leaf, body.xref.name),
        query=body.query,
    )


@router.post("/slips/decode", tags=["custody"], status_code=201)
def request_decoding(body: DecodeBody, reg: Reg, who: Who) -> Slip:
    """Ask whom a cover name written on a leaf I may read stands for."""
    return reg.request_decoding(who, body.leaf, body.name, body.purpose)


@router.post("/slips/{slip_id}/decoding", tags=["custody"])
def decide_decoding(slip_id: Id, body: DecodingBody, reg: Reg, who: Who) -> Slip:
    """A custodian who may decode answers a decoding slip (or refuses it)."""
    return reg.decide_decoding(who, slip_id, approve=body.approve)


@router.get("/slips/{slip_id}", tags=["custody"])
def slip(slip_id: Id, reg: Reg, who: Who) -> Slip:
    return reg.slip(who, slip_id)


@router.post("/slips/{slip_id}/decision", tags=["custody"])
def decide(slip_id: Id, body: DecisionBody, reg: Reg, who: Who) -> Slip:
    """A custodian approves proposed leaves page by page; the rest are denied."""
    return reg.decide_slip(who, slip_id, approve=body.approve, deny=body.deny, days=body.days)


@router.post("/slips/{slip_id}/return", tags=["custody"])
def return_slip(slip_id: Id, reg: Reg, who: Who) -> Returned:
    return Returned(grants_ended=reg.return_slip(who, slip_id))


@router.get("/grants", tags=["custody"])
def grants(
    reg: Reg, who: Who, reader: Annotated[str | None, Query(max_length=64)] = None
) -> list[Grant]:
    return reg.grants(who, reader=reader)


@router.get("/copies", tags=["custody"])
def copies(reg: Reg, who: Who, outstanding: bool = False) -> list[Copy]:
    return reg.copies(who, outstanding=outstanding)


@router.post("/copies", tags=["custody"], status_code=201)
def issue_copy(body: CopyBody, reg: Reg, who: Who) -> CopyAnswer:
    """Issue a numbered, watermarked copy: the only export there is."""
    copy, pdf = reg.issue_copy(who, body.reader, body.leaves, body.purpose)
    return CopyAnswer(copy=copy, pdf_base64=base64.b64encode(pdf).decode("ascii"))


@router.post("/copies/{number}/return", tags=["custody"])
def return_copy(number: Id, reg: Reg, who: Who) -> Copy:
    return reg.return_copy(who, number)


@router.post("/copies/{number}/verify", tags=["custody"])
def verify_copy(
    number: Id,
    reg: Reg,
    who: Who,
    pdf: Annotated[bytes | None, Body(media_type="application/pdf")] = None,
) -> CopyCheck:
    """Look a copy up by its number; with a PDF in the body, check it is that copy."""
    found, matches = reg.verify_copy(who, number, pdf or None)
    return CopyCheck(copy=found, matches=matches if pdf else None)


@router.get("/notes", tags=["working file"])
def notes(reg: Reg, who: Who) -> list[Note]:
    return reg.notes(who)


@router.post("/notes", tags=["working file"], status_code=201)
def add_note(body: NoteBody, reg: Reg, who: Who) -> Note:
    """A note citing leaves I may read; its marking is derived from them."""
    return reg.add_note(who, body.text, body.cite)


# -- audit ------------------------------------------------------------------------
#
# What an auditor is shown is decided in the facade (see `registry/audit.py`):
# below full clearance, an event about material above the auditor comes with
# its target's kind only and {"redacted": "above your clearance"} as detail.


class ExposureRow(BaseModel):
    """One read in the exposure report; `leaf` is null for a read of a leaf
    above the asking auditor's clearance (its time and kind still count)."""

    at: str
    leaf: int | None
    dossier: int | None
    how: str
    basis: str | None
    grant: int | None


@router.get("/audit/log", tags=["audit"])
def audit_log(
    reg: Reg,
    who: Who,
    reader: Annotated[str | None, Query(max_length=64)] = None,
    leaf: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    action: Annotated[str | None, Query(max_length=64)] = None,
    since: Annotated[str | None, Query(max_length=40)] = None,
    limit: Annotated[int, Query(ge=1, le=10000)] = 1000,
) -> list[Event]:
    return reg.audit_log(who, reader=reader, leaf_id=leaf, action=action, since=since, limit=limit)


@router.get("/audit/verify", tags=["audit"], response_model=VerdictAnswer)
def verify(reg: Reg, who: Who) -> Verdict:
    """Recompute the Merkle tree, every signature and every leaf's hash."""
    return reg.verify(who)


@router.post("/audit/checkpoint", tags=["audit"])
def checkpoint(reg: Reg, who: Who) -> Checkpoint:
    """Sign a checkpoint now and answer it, for an outside witness to keep."""
    return Checkpoint(**reg.latest_checkpoint(who))


@router.get("/audit/exposure", tags=["audit"])
def exposure(
    reg: Reg,
    who: Who,
    reader: Annotated[str, Query(min_length=1, max_length=64)],
    since: Annotated[str | None, Query(max_length=40)] = None,
    until: Annotated[str | None, Query(max_length=40)] = None,
) -> list[ExposureRow]:
    """Everything one reader was shown in a period, with what allowed it."""
    return [ExposureRow(**row) for row in reg.exposure(who, reader, since=since, until=until)]


@router.get("/audit/alarms", tags=["audit"])
def alarms(reg: Reg, who: Who) -> list[Event]:
    """The curiosity alarms raised so far, each as the asking auditor may see it."""
    return reg.alarms(who)


# -- accounts ----------------------------------------------------------------------


@router.get("/readers", tags=["accounts"])
def readers(reg: Reg, who: Who) -> list[Reader]:
    return reg.readers(who)


@router.post("/readers", tags=["accounts"], status_code=201)
def add_reader(body: ReaderBody, reg: Reg, who: Who) -> Reader:
    return reg.add_reader(
        who,
        body.name,
        MarkingRequest(body.level, tuple(body.compartments)),
        roles=body.roles,
        password=body.password,
        reader_class=body.reader_class,
        person_id=body.person,
    )


@router.post("/tokens", tags=["accounts"], status_code=201)
def create_token(body: TokenBody, reg: Reg, who: Who) -> TokenAnswer:
    """A token for a script; shown once, stored only as its hash."""
    token_id, token, expires = reg.create_token(who, body.reader, days=body.days, label=body.label)
    return TokenAnswer(id=token_id, token=token, expires_at=expires)


@router.delete("/tokens/{token_id}", tags=["accounts"], status_code=204)
def revoke_token(token_id: Id, reg: Reg, who: Who) -> Response:
    reg.revoke_token(who, token_id)
    return Response(status_code=204)
