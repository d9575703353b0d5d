"""The evidence layer in the JSON API: claims, conflicts and timelines, each
one call of the facade (which filters by the leaves the caller may read)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from looseleaf.model import Claim, Conflict
from looseleaf.registry import ClaimInput
from looseleaf.web.api import ERRORS, Id, Reg, Who
from looseleaf.web.api.answer import Served
from looseleaf.web.api.schemas import RowId

router = APIRouter(prefix="/api", responses=ERRORS, tags=["evidence"], route_class=Served)

Name = Annotated[str | None, Query(min_length=1, max_length=200)]


class ClaimBody(BaseModel):
    leaf: int = Field(ge=1, le=2**62)
    subject: str = Field(min_length=1, max_length=200)
    property: str = Field(min_length=1, max_length=40)
    quote: str | None = Field(default=None, max_length=2000)
    value: str | None = Field(default=None, max_length=200)
    date: str | None = Field(default=None, max_length=40)
    place: str | None = Field(default=None, max_length=200)
    planned: bool = False
    credibility: int | None = Field(default=None, ge=1, le=6)


class Decision(BaseModel):
    claims: list[RowId] | None = Field(default=None, max_length=10000)
    accept: bool


class Decided(BaseModel):
    claims: list[int]


@router.get("/claims")
def claims(
    reg: Reg,
    who: Who,
    subject: Name = None,
    leaf: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
) -> list[Claim]:
    """Claims citing leaves I may read, in date order."""
    return reg.claims(who, subject=subject, leaf_id=leaf, status=status)


@router.post("/claims", status_code=201)
def add_claim(body: ClaimBody, reg: Reg, who: Who) -> Claim:
    """A claim cited to words on a leaf I may read."""
    return reg.claim_add(
        who,
        ClaimInput(
            body.leaf,
            body.subject,
            body.property,
            body.quote,
            body.value,
            body.date,
            body.place,
            body.planned,
            body.credibility,
        ),
    )


@router.post("/claims/decision")
def decide(body: Decision, reg: Reg, who: Who) -> Decided:
    """A registrar accepts or rejects suggestions (all pending ones if none are named)."""
    return Decided(claims=reg.claim_decide(who, body.claims, accept=body.accept))


@router.get("/conflicts")
def conflicts(reg: Reg, who: Who, subject: Name = None) -> list[Conflict]:
    """Claims that cannot all be true, side by side, among those I may see."""
    return reg.conflicts(who, subject=subject)


@router.get("/timeline")
def timeline(reg: Reg, who: Who, subject: Name = None, dossier: Id | None = None) -> list[Claim]:
    """A person's or a dossier's dated claims in order, as far as I may read."""
    return reg.timeline(who, subject=subject, dossier=None if dossier is None else str(dossier))
