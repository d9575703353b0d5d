"""Request bodies and the answers that are not already a value type of
`looseleaf.model` (those are served as they are, so the API and the CLI's
`--json` say the same thing in the same words)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from looseleaf.model import Copy, Dossier, Grant, Reader, Report

#: Ids are bounded so that no number overflows the store's 64-bit integers.
RowId = Annotated[int, Field(ge=1, le=2**62)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Error(BaseModel):
    """Every error: one line naming the input and the reason."""

    error: str


class LoginBody(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


class SessionAnswer(BaseModel):
    token: str
    expires_at: str
    reader: str


class Me(BaseModel):
    reader: Reader
    #: Active grants: what the clearance alone would not let this reader read.
    grants: list[Grant]


class DossierAnswer(BaseModel):
    dossier: Dossier
    reports: list[Report]


class XrefScope(Strict):
    leaf: RowId
    name: str = Field(min_length=1, max_length=200)


class SlipBody(Strict):
    purpose: str = Field(min_length=1, max_length=2000)
    leaves: list[RowId] = Field(default_factory=list, max_length=1000)
    xref: XrefScope | None = None
    query: str | None = Field(default=None, max_length=1000)


class DecisionBody(Strict):
    approve: list[RowId] = Field(default_factory=list, max_length=1000)
    deny: list[RowId] = Field(default_factory=list, max_length=1000)
    days: int | None = Field(default=None, ge=1, le=3650)


class Returned(BaseModel):
    grants_ended: int


class CopyBody(Strict):
    reader: str = Field(min_length=1, max_length=64)
    leaves: list[RowId] = Field(min_length=1, max_length=1000)
    purpose: str = Field(min_length=1, max_length=2000)


class CopyAnswer(BaseModel):
    copy_: Copy = Field(alias="copy")
    #: The PDF itself, base64: the numbered copy is the only export there is.
    pdf_base64: str

    model_config = ConfigDict(populate_by_name=True)


class CopyCheck(BaseModel):
    copy_: Copy = Field(alias="copy")
    #: Whether an uploaded PDF is byte for byte the copy issued under this number.
    matches: bool | None

    model_config = ConfigDict(populate_by_name=True)


class NoteBody(Strict):
    text: str = Field(min_length=1, max_length=20000)
    cite: list[RowId] = Field(default_factory=list, max_length=1000)


class VerdictAnswer(BaseModel):
    """The schema of `looseleaf.audit.verify.Verdict` as served."""

    ok: bool
    events: int
    checkpoints: int
    leaves_checked: int
    unsigned_events: int
    first_problem: str | None
    problems: list[str]
    more_problems: int


class ReaderBody(Strict):
    name: str = Field(min_length=1, max_length=64)
    level: str | None = Field(default=None, max_length=64)
    compartments: list[str] = Field(default_factory=list, max_length=64)
    roles: list[str] = Field(default_factory=list, max_length=8)
    password: str | None = Field(default=None, max_length=1024)
    #: The redaction class (staff when not given); a subject names their record.
    reader_class: str | None = Field(default=None, max_length=20)
    person: int | None = Field(default=None, ge=1, le=2**62)


class DecodeBody(Strict):
    leaf: int = Field(ge=1, le=2**62)
    name: str = Field(min_length=1, max_length=200)
    purpose: str = Field(min_length=1, max_length=2000)


class DecodingBody(Strict):
    approve: bool


class TokenBody(Strict):
    reader: str = Field(min_length=1, max_length=64)
    days: int | None = Field(default=None, ge=1, le=3650)
    label: str | None = Field(default=None, max_length=200)


class TokenAnswer(BaseModel):
    id: int
    token: str
    expires_at: str


class Exposure(BaseModel):
    at: str
    leaf: int
    dossier: int | None
    how: str
    basis: str | None
    grant: int | None


class Checkpoint(BaseModel):
    model_config = ConfigDict(extra="allow")

    size: int
    root: str


def as_dict(value: Any) -> dict[str, Any]:
    data: dict[str, Any] = value.as_json()
    return data
