"""Redaction in the JSON API: a custodian's suggestions and sign-off of a
leaf, a class's view of it, the classes' policies; each one call of the
facade, which decides who may (a custodian who may read the leaf)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from looseleaf.model import LeafText
from looseleaf.redaction.rules import ClassPolicy
from looseleaf.registry import Notice, Redaction
from looseleaf.web.api import ERRORS, Id, Reg, Who
from looseleaf.web.api.answer import Served
from looseleaf.web.api.schemas import Strict

router = APIRouter(prefix="/api", responses=ERRORS, tags=["redaction"], route_class=Served)

Span = Annotated[str, Field(min_length=3, max_length=24, pattern=r"^[0-9]+:[0-9]+$")]


class SignOff(Strict):
    """Spans as START:END character offsets of the leaf's normalised text."""

    add: list[Span] = Field(default_factory=list, max_length=1000)
    remove: list[Span] = Field(default_factory=list, max_length=1000)
    #: Start from the last signed-off spans instead of fresh suggestions.
    keep: bool = False


class PolicyBody(Strict):
    masks: list[str] = Field(default_factory=list, max_length=8)
    lapses: bool = False


class PolicyAnswer(BaseModel):
    name: str
    masks: list[str]
    lapses: bool


def _policy(found: ClassPolicy) -> PolicyAnswer:
    return PolicyAnswer(name=found.name, masks=list(found.masks), lapses=found.lapses)


@router.get("/leaves/{leaf_id}/redaction")
def redaction(leaf_id: Id, reg: Reg, who: Who) -> Redaction:
    """The leaf's last signed-off spans (a custodian's read)."""
    return reg.redaction(who, leaf_id)


@router.get("/leaves/{leaf_id}/redaction/suggestions")
def suggestions(leaf_id: Id, reg: Reg, who: Who) -> Redaction:
    """What identifies a person on the leaf, suggested now (a custodian's read)."""
    return reg.redact_suggest(who, leaf_id)


@router.post("/leaves/{leaf_id}/redaction")
def sign_off(leaf_id: Id, body: SignOff, reg: Reg, who: Who) -> Redaction:
    """Sign off the leaf's redaction: a new version, recorded."""
    return reg.redact_approve(
        who, leaf_id, add=body.add, remove=body.remove, suggested=not body.keep
    )


@router.get("/leaves/{leaf_id}/redaction/preview")
def preview(
    leaf_id: Id,
    reg: Reg,
    who: Who,
    reader_class: Annotated[str, Query(alias="class", min_length=1, max_length=20)],
    person: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> LeafText:
    """The leaf as a reader of a class would read it (a custodian's read)."""
    return reg.redact_show(who, leaf_id, reader_class, person_id=person)


@router.get("/redaction/policies")
def policies(reg: Reg, who: Who) -> list[PolicyAnswer]:
    return [_policy(p) for p in reg.class_policies(who)]


@router.put("/redaction/policies/{name}")
def set_policy(name: str, body: PolicyBody, reg: Reg, who: Who) -> PolicyAnswer:
    """Change what a class masks (admin; recorded; every layer follows)."""
    return _policy(reg.set_class_policy(who, name, masks=body.masks, lapses=body.lapses))


@router.get("/notices")
def notices(reg: Reg, who: Who) -> list[Notice]:
    """For a subject reader: leaves naming them, new since their last request."""
    return reg.notices(who)
