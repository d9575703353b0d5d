"""The evidence pages: claims on a leaf, conflicts side by side, and a
person's timeline of claims, all over what the viewer may read."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from looseleaf.errors import BadInput
from looseleaf.evidence.dates import When
from looseleaf.model import Claim
from looseleaf.registry import ClaimInput
from looseleaf.registry.evidence import PROPERTIES
from looseleaf.web.room.page import Me, Posted, Reg, desk, digits, field, ids, page, see_other
from looseleaf.web.room.pictures import Entry, Mark, inline, marking_colours, timeline_svg

router = APIRouter()

Id = Annotated[int, Path(ge=1, le=2**62)]
Text = Annotated[str, Query(max_length=200)]


@router.post("/claims")
def add_claim(request: Request, reg: Reg, form: Posted) -> Response:
    """A claim made from the leaf view, cited to words on that leaf."""
    me = desk(request, reg)
    leaf = field(form, "leaf")
    credibility = field(form, "credibility")
    if not digits(leaf):
        raise BadInput(f"leaf {leaf!r}", "a claim cites a leaf")
    if credibility and not digits(credibility):
        raise BadInput(f"credibility {credibility!r}", "use the Admiralty scale 1-6")
    reg.claim_add(
        me.actor,
        ClaimInput(
            int(leaf),
            field(form, "subject"),
            field(form, "property"),
            quote=field(form, "quote") or None,
            value=field(form, "value") or None,
            date=field(form, "date") or None,
            place=field(form, "place") or None,
            planned=field(form, "planned") == "1",
            credibility=int(credibility) if credibility else None,
        ),
    )
    return see_other(f"/leaves/{leaf}#claims")


@router.get("/claims")
def suggested(request: Request, reg: Reg, me: Me) -> Response:
    """The extractor's suggestions, for a registrar to accept or reject."""
    found = reg.claims(me.actor, status="suggested")
    if not me.has("registrar"):
        found = []
    return page(request, "claims.html", me, claims=found)


@router.post("/claims/decide")
def decide(request: Request, reg: Reg, form: Posted) -> Response:
    me = desk(request, reg)
    accept = field(form, "accept") == "1"
    chosen = ids(form, "claim")
    reg.claim_decide(me.actor, None if field(form, "all") == "1" else chosen, accept=accept)
    return see_other("/claims")


@router.get("/conflicts")
def conflicts(request: Request, reg: Reg, me: Me, subject: Text = "") -> Response:
    """Claims that cannot all be true, side by side with their sources."""
    found = reg.conflicts(me.actor, subject=subject.strip() or None)
    return page(request, "conflicts.html", me, conflicts=found, subject=subject)


@router.post("/conflicts/note")
def note(request: Request, reg: Reg, form: Posted) -> Response:
    me = desk(request, reg)
    reg.conflict_note(me.actor, ids(form, "claim"), field(form, "text"))
    return see_other("/conflicts")


@router.get("/timeline")
def timeline(request: Request, reg: Reg, me: Me, subject: Text = "") -> Response:
    """A person's claims in date order, as a picture and as a table."""
    found = reg.timeline(me.actor, subject=subject.strip()) if subject.strip() else []
    colours = marking_colours(c.status for c in found)
    svg = timeline_svg(claim_entries(found), colours, f"Claims about {subject}")
    return page(
        request, "claims_timeline.html", me, claims=found, subject=subject, picture=inline(svg)
    )


def claim_entries(claims: list[Claim]) -> list[Entry]:
    """Claims as timeline rows: when, what, and the leaf each one cites,
    coloured by the claim's status."""
    entries = []
    for claim in claims:
        if claim.date_first is None or claim.date_last is None:
            continue
        when = When.between(
            date.fromisoformat(claim.date_first),
            date.fromisoformat(claim.date_last),
            claim.date or "",
        )
        what = f"{claim.property}{f' {claim.value}' if claim.value else ''}"
        where = f" at {claim.place}" if claim.place else ""
        entries.append(
            Entry(
                claim.id,
                claim.id,
                f"{claim.date} {claim.subject}: {what}{where}",
                when,
                "source",
                claim.made_at[:10],
                (Mark(claim.leaf_id, f"leaf {claim.leaf_id} ({claim.source})", claim.status),),
            )
        )
    return entries


__all__ = ["PROPERTIES", "router"]
