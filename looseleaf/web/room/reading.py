"""The reader's side of the counter: the desk, dossiers, leaves, search and
the card index."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from looseleaf.model import NameLink
from looseleaf.registry.evidence import PROPERTIES
from looseleaf.web.room.page import Me, Reg, page

router = APIRouter()

Id = Annotated[int, Path(ge=1, le=2**62)]


@router.get("/")
def desk(request: Request, reg: Reg, me: Me) -> Response:
    """My desk: what I hold (grants with expiries), what I asked for, my notes and copies."""
    now = reg.now()
    held = [g for g in reg.grants(me.actor) if g.active(now)] if me.actor.reader_id else []
    return page(
        request,
        "desk.html",
        me,
        grants=held,
        slips=reg.slips(me.actor),
        notes=reg.notes(me.actor),
        copies=[c for c in reg.copies(me.actor) if c.reader == me.actor.name],
        dossiers=reg.dossiers(me.actor),
        notices=reg.notices(me.actor),
    )


@router.get("/dossiers/{dossier_id}")
def dossier(request: Request, dossier_id: Id, reg: Reg, me: Me) -> Response:
    found, reports = reg.dossier(me.actor, str(dossier_id))
    return page(request, "dossier.html", me, dossier=found, reports=reports)


@dataclass(frozen=True)
class Piece:
    """A run of leaf text, linked to a card-index record where it names one."""

    text: str
    person_id: int | None = None
    preferred: str | None = None


def pieces(text: str, names: list[NameLink]) -> list[Piece]:
    found: list[Piece] = []
    at = 0
    for name in sorted(names, key=lambda m: (m.start, -m.end)):
        if name.start < at or name.end > len(text):
            continue  # overlapping or stale spans: the first one wins
        if name.start > at:
            found.append(Piece(text[at : name.start]))
        found.append(Piece(text[name.start : name.end], name.person_id, name.preferred))
        at = name.end
    if at < len(text):
        found.append(Piece(text[at:]))
    return found


@router.get("/leaves/{leaf_id}")
def leaf(request: Request, leaf_id: Id, reg: Reg, me: Me) -> Response:
    """A leaf for reading: the read is on the record before the page is built.
    The watermark names the reader, the time and what allowed the read."""
    text = reg.read(me.actor, leaf_id)
    names = reg.names_on(me.actor, leaf_id)
    xrefs = reg.xrefs(me.actor, leaf_id)
    now = reg.now()
    grant = next((g for g in reg.grants(me.actor) if g.leaf_id == leaf_id and g.active(now)), None)
    return page(
        request,
        "leaf.html",
        me,
        leaf=text.leaf,
        original=text.original,
        scan=text.scan,
        pieces=pieces(text.normalised, names),
        xrefs=xrefs,
        grant=grant,
        read_at=now,
        claims=reg.claims(me.actor, leaf_id=leaf_id),
        properties=PROPERTIES,
    )


@router.get("/leaves/{leaf_id}/facsimile")
def facsimile(leaf_id: Id, reg: Reg, me: Me) -> Response:
    """The page image beside a scanned leaf's text, drawn for this reader:
    the same 404 as a missing leaf to anyone who may not read it."""
    return Response(reg.facsimile(me.actor, leaf_id), media_type="image/png")


@router.get("/search")
def search(
    request: Request,
    reg: Reg,
    me: Me,
    q: Annotated[str, Query(max_length=1000)] = "",
    cursor: Annotated[str | None, Query(max_length=40)] = None,
) -> Response:
    result = reg.search(me.actor, q, limit=20, cursor=cursor) if q.strip() else None
    return page(request, "search.html", me, q=q, result=result)


#: Cards on one page of a drawer.
CARDS_PER_PAGE = 100


@router.get("/persons")
def persons(
    request: Request,
    reg: Reg,
    me: Me,
    q: Annotated[str, Query(max_length=200)] = "",
    letter: Annotated[str | None, Query(max_length=1)] = None,
    after: Annotated[str | None, Query(max_length=20)] = None,
) -> Response:
    """A name in any spelling, or a drawer of the card index A to Z."""
    found = reg.person_search(me.actor, q) if q.strip() else []
    cards = (
        reg.person_list(me.actor, letter=letter, after=after, limit=CARDS_PER_PAGE)
        if letter and not q.strip()
        else []
    )
    more = cards[-1].person_id if len(cards) == CARDS_PER_PAGE else None
    return page(
        request,
        "persons.html",
        me,
        q=q,
        matches=found,
        letter=(letter or "").upper(),
        cards=cards,
        more=more,
        letters=[*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"],
    )


@router.get("/persons/{person_id}")
def person(request: Request, person_id: Id, reg: Reg, me: Me) -> Response:
    return page(request, "person.html", me, person=reg.person(me.actor, person_id))
