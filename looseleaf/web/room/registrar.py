"""The registrar's desk: taking files in (with upload progress), marking and
withdrawing leaves, and curating the card index.

Every change is a call on the facade, which asks the policy and records the
event (refusals included); a page only asks the policy whether it may be
shown, so a reader without the registrar's role meets the same 403 on the
form as on the change. After a change the browser is sent back (303) to the
page, which says what was done; an upload answers with its per-file results.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path as FilePath
from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.datastructures import FormData, UploadFile
from starlette.responses import Response

from looseleaf.errors import BadInput, Forbidden
from looseleaf.ingest import MEDIA_TYPES
from looseleaf.model import FormType, Marking, RecordKind, Source
from looseleaf.registry import Action, Decision, IngestResult, MarkingRequest, Registry
from looseleaf.registry.base import reason_given
from looseleaf.web.room.page import Desk, Me, Posted, Reg, desk, field, page, see_other
from looseleaf.web.session import CSRF_FIELD, authenticate, check_csrf

router = APIRouter()

Id = Annotated[int, Path(ge=1, le=2**62)]

#: Files in one upload.
MAX_FILES = 100
MAX_FIELDS = 50

# -- what every page here shares ------------------------------------------------------


def allowed(reg: Registry, me: Desk, *actions: Action) -> dict[str, bool]:
    """Ask the policy (the facade's `check`) whether `me` may take each action;
    a page none of whose actions is allowed is the facade's 403."""
    decisions: dict[Action, Decision] = {action: reg.check(me.actor, action) for action in actions}
    if not any(d.allowed for d in decisions.values()):
        action, decision = next(iter(decisions.items()))
        raise Forbidden(action.value, decision.reason)
    return {action.name.lower(): d.allowed for action, d in decisions.items()}


#: What a page says after a change, from the kind of change and the ids it
#: carries back in the query string (numbers only, so a crafted link cannot
#: put words in the registrar's mouth).
DONE: dict[str, str] = {
    "marked": "Leaves re-marked: {0}; each change is in the audit log.",
    "dossier-marked": "The dossier's title re-marked; the change is in the audit log.",
    "withdrawn": "Leaf {0} withdrawn; the withdrawal is in the audit log.",
    "accepted": "Suggestion {0} accepted.",
    "rejected": "Suggestion {0} rejected; it will not be made again.",
    "merged": "Record {1} merged into record {0}.",
    "form-added": "Name form added to record {0}.",
    "form-rejected": "Name form unlinked from record {0}; it will not be suggested again.",
    "added": "Record {0} created.",
    "split": "Forms of record {1} moved to the new record {0}.",
}

Done = Annotated[str, Query(max_length=20)]
DoneIds = Annotated[list[int] | None, Query(alias="id", max_length=2)]


def done_message(done: str, numbers: Sequence[int] | None) -> str | None:
    template = DONE.get(done)
    if template is None:
        return None
    try:
        return template.format(*(numbers or ()))
    except IndexError:
        return None


def back(target: str, done: str, *numbers: int, anchor: str = "", **extra: str) -> Response:
    query = urlencode([("done", done), *(("id", str(n)) for n in numbers), *extra.items()])
    return see_other(f"{target}?{query}{anchor}")


_WORDS = re.compile(r"[\s,;]+")
_NUMBER = re.compile(r"[0-9]{1,18}")


def words(text: str) -> list[str]:
    return [word for word in _WORDS.split(text) if word]


def number(text: str, what: str) -> int:
    if not _NUMBER.fullmatch(text) or int(text) < 1:
        raise BadInput(f"{what} {text!r}", "give a number, e.g. 12")
    return int(text)


def numbers(text: str, what: str) -> list[int]:
    """A typed list of ids ("12, 14 15"); anything that is not one is refused."""
    return list(dict.fromkeys(number(word, what) for word in words(text)))


def marking_request(level: str, compartments: str, clear: str = "") -> MarkingRequest:
    return MarkingRequest(level or None, tuple(words(compartments)), clear_compartments=bool(clear))


def marking_shown(reg: Registry, key: str) -> str | None:
    """A marking carried back in the query string, shown only if it is one."""
    if not key:
        return None
    parsed = Marking.from_key(key)
    try:
        return str(reg.marking(MarkingRequest(parsed.level, tuple(parsed.compartments))))
    except BadInput:
        return None


# -- the desk ----------------------------------------------------------------------


@router.get("/registrar")
def registrar(request: Request, reg: Reg, me: Me) -> Response:
    may = allowed(
        reg, me, Action.REPORT_INGEST, Action.LEAF_MARK, Action.LEAF_WITHDRAW, Action.PERSON_CURATE
    )
    waiting = reg.suggestions(me.actor) if may["person_curate"] else None
    pending = None if waiting is None else sum(1 for s in waiting if s.kind != "record")
    proposed = None if waiting is None else sum(1 for s in waiting if s.kind == "record")
    return page(request, "registrar.html", me, may=may, pending=pending, proposed=proposed)


# -- taking files in ----------------------------------------------------------------


@dataclass(frozen=True)
class IngestChoices:
    """What the ingest form asked for, to fill the form in again with the results."""

    dossier: str = ""
    level: str = ""
    compartments: str = ""
    dossier_level: str = ""
    dossier_compartments: str = ""
    source_title: str = ""
    source_author: str = ""
    source_date: str = ""
    publication: str = ""
    licence: str = ""
    grade: str = ""

    @classmethod
    def of(cls, form: FormData) -> IngestChoices:
        return cls(**{f.name: field(form, f.name) for f in fields(cls)})

    def leaf_marking(self) -> MarkingRequest:
        return marking_request(self.level, self.compartments)

    def dossier_marking(self) -> MarkingRequest | None:
        """None: a new dossier's title is marked like its leaves."""
        if not self.dossier_level and not self.dossier_compartments:
            return None
        return marking_request(self.dossier_level, self.dossier_compartments)

    def source(self, names: Sequence[str]) -> Source | None:
        """As the CLI: no source given means each report's source is its file name."""
        given = (self.source_author, self.source_date, self.publication, self.licence, self.grade)
        if not self.source_title and not any(given):
            return None
        return Source(
            title=self.source_title or (names[0] if len(names) == 1 else "untitled"),
            author=self.source_author or None,
            date=self.source_date or None,
            publication=self.publication or None,
            licence=self.licence or None,
            grade=self.grade or None,
        )


@dataclass(frozen=True)
class Filed:
    """One uploaded file's outcome, as the registrar knows the file (its name)."""

    name: str
    status: Literal["ingested", "duplicate", "error"]
    report_id: int | None
    dossier_id: int | None
    leaves: int
    reason: str | None


_UNSAFE = re.compile(r"[^\w.()\- ]+")
_NAME_CHARS = 120


def safe_name(raw: str) -> str:
    """The file's own name, minus any folders, and only characters that are
    harmless in a file name (letters of any script are kept)."""
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE.sub("_", name).strip(" .")
    if len(name) > _NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        if dot and 0 < len(suffix) < 16:
            name = f"{stem[: _NAME_CHARS - len(suffix) - 1].rstrip(' .')}.{suffix}"
        else:
            name = name[:_NAME_CHARS]
    return name or "upload"


async def uploaded(request: Request, reg: Reg) -> AsyncIterator[FormData]:
    """An upload from the ingest form: logged in, allowed to ingest before a
    byte of it is read, no larger than one report may be, carrying the form's
    CSRF value. Its spooled files are closed (deleted) after the answer."""
    actor = authenticate(reg, request)
    if not reg.check(actor, Action.REPORT_INGEST).allowed:
        # An ingest of no files: the facade records the refusal and raises 403.
        reg.ingest(actor, [], dossier="(upload refused)")
    # The body is counted as it arrives by `looseleaf.web.limits.BodyLimit`.
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FIELDS)
    try:
        value = form.get(CSRF_FIELD)
        check_csrf(request, value if isinstance(value, str) else None)
        yield form
    finally:
        await form.close()


Upload = Annotated[FormData, Depends(uploaded)]


@router.get("/registrar/ingest")
def ingest_form(request: Request, reg: Reg, me: Me) -> Response:
    allowed(reg, me, Action.REPORT_INGEST)
    return _ingest_page(request, reg, me, IngestChoices(), None)


@router.post("/registrar/ingest")
def ingest(request: Request, reg: Reg, form: Upload) -> Response:
    """Save the uploads under their own names in a temporary folder, take them
    in as the CLI does, and show what became of each; the folder goes after."""
    me = desk(request, reg)
    choices = IngestChoices.of(form)
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
    if not files:
        raise BadInput("files", "choose one or more files to take in")
    with tempfile.TemporaryDirectory(prefix="looseleaf-upload-") as folder:
        paths = _save(FilePath(folder), files, reg.settings.max_report_bytes)
        results = reg.ingest(
            me.actor,
            paths,
            dossier=choices.dossier,
            leaf_marking=choices.leaf_marking(),
            dossier_marking=choices.dossier_marking(),
            source=choices.source([p.name for p in paths]),
        )
        filed = [_filed(result, path) for result, path in zip(results, paths, strict=True)]
    return _ingest_page(request, reg, me, choices, filed)


#: How much of an upload is copied at a time.
CHUNK_BYTES = 1024 * 1024


def _save(folder: FilePath, files: Sequence[UploadFile], max_bytes: int) -> list[FilePath]:
    """One subfolder per file, so two files of the same name both keep it.

    Each is copied in chunks and no further than one byte past the limit for
    a report. A file over it is then extended (a hole, nothing written) to
    the size it was sent at, so that ingest refuses it on its size, as it
    refuses a file on disk, with that size in the reason. The folder goes
    after the answer, with whatever was copied into it."""
    paths = []
    for count, upload in enumerate(files, 1):
        target = folder / str(count) / safe_name(upload.filename or "")
        target.parent.mkdir()
        copied = 0
        with target.open("wb") as out:
            while copied <= max_bytes:
                chunk = upload.file.read(min(CHUNK_BYTES, max_bytes + 1 - copied))
                if not chunk:
                    break
                out.write(chunk)
                copied += len(chunk)
            if copied > max_bytes and upload.size is not None and upload.size > copied:
                out.truncate(upload.size)
        paths.append(target)
    return paths


def _filed(result: IngestResult, path: FilePath) -> Filed:
    reason = result.error.replace(str(path), path.name) if result.error else None
    return Filed(
        path.name, result.status, result.report_id, result.dossier_id, result.leaves, reason
    )


def _ingest_page(
    request: Request,
    reg: Registry,
    me: Desk,
    choices: IngestChoices,
    filed: list[Filed] | None,
) -> Response:
    return page(
        request,
        "ingest.html",
        me,
        choices=choices,
        filed=filed,
        levels=reg.levels.names,
        default_level=reg.marking(MarkingRequest()).level,
        max_bytes=reg.settings.max_report_bytes,
        max_files=MAX_FILES,
        accept=",".join(sorted(MEDIA_TYPES)),
        dossiers=reg.dossiers(me.actor),
    )


# -- marking and withdrawal -------------------------------------------------------------


@router.get("/registrar/marking")
def marking_page(
    request: Request,
    reg: Reg,
    me: Me,
    done: Done = "",
    ids: DoneIds = None,
    marking: Annotated[str, Query(max_length=400)] = "",
) -> Response:
    may = allowed(reg, me, Action.LEAF_MARK, Action.LEAF_WITHDRAW)
    return page(
        request,
        "marking.html",
        me,
        may=may,
        levels=reg.levels.names,
        done=done_message(done, ids),
        marking=marking_shown(reg, marking),
    )


@router.post("/registrar/mark")
def mark(request: Request, reg: Reg, form: Posted) -> Response:
    """Re-mark leaves (by id) or every leaf of a report."""
    me = desk(request, reg)
    report = field(form, "report")
    wanted = marking_request(
        field(form, "level"), field(form, "compartments"), field(form, "clear_compartments")
    )
    marked = reg.mark(
        me.actor,
        wanted,
        field(form, "reason"),
        leaf_ids=numbers(field(form, "leaves"), "leaf"),
        report_id=number(report, "report") if report else None,
    )
    return back("/registrar/marking", "marked", len(marked), marking=_shown(reg, wanted))


@router.post("/registrar/mark-dossier")
def mark_dossier(request: Request, reg: Reg, form: Posted) -> Response:
    """Re-mark a dossier's title (its existence), separately from its leaves."""
    me = desk(request, reg)
    ref = field(form, "dossier")
    wanted = marking_request(
        field(form, "level"), field(form, "compartments"), field(form, "clear_compartments")
    )
    reg.mark_dossier(me.actor, ref, wanted, field(form, "reason"))
    return back("/registrar/marking", "dossier-marked", marking=_shown(reg, wanted))


def _shown(reg: Registry, wanted: MarkingRequest) -> str:
    """The marking to confirm, where the request names it whole (a level alone
    keeps each leaf's own compartments, so there is no one marking to show)."""
    if wanted.level and (wanted.compartments or wanted.clear_compartments):
        return str(reg.marking(MarkingRequest(wanted.level, wanted.compartments)))
    return ""


@router.post("/registrar/withdraw")
def withdraw(request: Request, reg: Reg, form: Posted) -> Response:
    """Withdraw a leaf: a recorded event with its reason, never a delete."""
    me = desk(request, reg)
    leaf_id = number(field(form, "leaf"), "leaf")
    reg.withdraw_leaf(me.actor, leaf_id, field(form, "reason"))
    return back("/registrar/marking", "withdrawn", leaf_id)


# -- the card index -----------------------------------------------------------------------


@router.get("/registrar/cardindex")
def cardindex(
    request: Request,
    reg: Reg,
    me: Me,
    q: Annotated[str, Query(max_length=200)] = "",
    done: Done = "",
    ids: DoneIds = None,
) -> Response:
    """Pending suggestions to decide, a search to find record numbers, and the
    forms that change records."""
    pending = reg.suggestions(me.actor)  # asks the policy: the curator's list
    matches = reg.person_search(me.actor, q) if q.strip() else []
    return page(
        request,
        "cardindex.html",
        me,
        suggestions=pending,
        q=q,
        matches=matches,
        done=done_message(done, ids),
        form_types=[t.value for t in FormType],
        kinds=[k.value for k in RecordKind],
        levels=reg.levels.names,
        default_level=reg.marking(MarkingRequest()).level,
    )


@router.post("/registrar/suggestions/{suggestion_id}")
def decide_suggestion(request: Request, suggestion_id: Id, reg: Reg, form: Posted) -> Response:
    me = desk(request, reg)
    accept = field(form, "accept")
    if accept not in {"1", "0"}:
        raise BadInput(f"accept {accept!r}", "accept=1 or accept=0")
    reg.decide_suggestion(me.actor, suggestion_id, accept=accept == "1")
    return back(
        "/registrar/cardindex",
        "accepted" if accept == "1" else "rejected",
        suggestion_id,
        anchor="#suggestions",
    )


@router.post("/registrar/merge")
def merge(request: Request, reg: Reg, form: Posted) -> Response:
    """Two records name one person: the other's forms and mentions join the kept one."""
    me = desk(request, reg)
    keep = number(field(form, "keep"), "record")
    other = number(field(form, "other"), "record")
    reg.merge(me.actor, keep, other, reason_given(field(form, "reason"), "reason"))
    return back("/registrar/cardindex", "merged", keep, other, anchor="#merge")


@router.post("/registrar/forms")
def add_form(request: Request, reg: Reg, form: Posted) -> Response:
    """A name form joins a record; it is found on the leaves already held."""
    me = desk(request, reg)
    person_id = number(field(form, "person"), "record")
    reg.alias_add(
        me.actor,
        person_id,
        field(form, "form"),
        field(form, "type") or FormType.ALIAS,
        valid_from=field(form, "valid_from") or None,
        valid_to=field(form, "valid_to") or None,
    )
    return back("/registrar/cardindex", "form-added", person_id, anchor="#forms")


@router.post("/registrar/forms/reject")
def reject_form(request: Request, reg: Reg, form: Posted) -> Response:
    """A form does not name this record: unlinked everywhere, never suggested again."""
    me = desk(request, reg)
    person_id = number(field(form, "person"), "record")
    name = field(form, "form")
    if not name:
        raise BadInput("name form", "cannot be empty")
    reg.alias_reject(me.actor, person_id, name, reason_given(field(form, "reason"), "reason"))
    return back("/registrar/cardindex", "form-rejected", person_id, anchor="#forms")


@router.post("/registrar/persons")
def add_person(request: Request, reg: Reg, form: Posted) -> Response:
    """A new record; further forms are added to it with the form above."""
    me = desk(request, reg)
    created = reg.person_add(
        me.actor,
        field(form, "preferred"),
        kind=field(form, "kind") or RecordKind.PERSON,
        living=field(form, "living") == "1",
        born=field(form, "born") or None,
        died=field(form, "died") or None,
        marking=marking_request(field(form, "level"), field(form, "compartments")),
        dossier=field(form, "dossier") or None,
        note=field(form, "note") or None,
    )
    return back("/registrar/cardindex", "added", created.id, anchor="#add")


@router.post("/registrar/split")
def split(request: Request, reg: Reg, form: Posted) -> Response:
    """Some forms name someone else: they move, with their mentions, to a new record."""
    me = desk(request, reg)
    person_id = number(field(form, "person"), "record")
    forms = [line.strip() for line in field(form, "forms").splitlines() if line.strip()]
    created = reg.split(
        me.actor,
        person_id,
        forms,
        field(form, "preferred"),
        reason_given(field(form, "reason"), "reason"),
    )
    return back("/registrar/cardindex", "split", created.id, person_id, anchor="#split")
