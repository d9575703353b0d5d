"""Value types for the words of BRIEF.md §3. No I/O lives here.

They are frozen dataclasses so that what the store hands out cannot be
changed on the way to a reader: the record is kept honest by construction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from enum import StrEnum
from typing import Any, TypeVar

from looseleaf.errors import BadInput

DEFAULT_LEVELS: tuple[str, ...] = (
    "UNCLASSIFIED",
    "RESTRICTED",
    "CONFIDENTIAL",
    "SECRET",
    "TOP SECRET",
)

_WORD_GAP = re.compile(r"[\s_\-]+")
_COMPARTMENT = re.compile(r"^[A-Z0-9][A-Z0-9._\-]{0,63}$")
_GRADE = re.compile(r"^([A-F])([1-6])?$")


def jsonable(value: Any) -> Any:
    """Plain JSON data for any value looseleaf answers with: the one
    serializer, used by the CLI's `--json` and by the HTTP API alike, so the
    two say the same thing in the same words.

    Markings are a level plus sorted compartments; sets are sorted (so the
    same registry gives the same bytes); a type that must leave something
    out for some askers (a reader's slip has no staff keys) says so in a
    `__json__` method whose answer is serialised in turn; other dataclasses
    and pydantic models give every field (by its alias) in order."""
    if isinstance(value, Marking):
        return {"level": value.level, "compartments": sorted(value.compartments)}
    hook = getattr(value, "__json__", None)
    if hook is not None and not isinstance(value, type):
        return jsonable(hook())
    if is_dataclass(value) and not isinstance(value, type):
        return jsonable(fields_of(value))
    model_fields = getattr(type(value), "model_fields", None)
    if isinstance(model_fields, dict):
        return {
            (spec.alias or name): jsonable(getattr(value, name))
            for name, spec in model_fields.items()
        }
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(item) for item in value]
    return value


def fields_of(value: Any) -> dict[str, Any]:
    """A dataclass's fields by name, in declaration order, unserialised."""
    return {f.name: getattr(value, f.name) for f in fields(value)}


class Jsonable:
    """`as_json()` for value types: `jsonable(self)`."""

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(self)
        return data


_E = TypeVar("_E", bound=StrEnum)


def _choice(cls: type[_E], name: str, what: str) -> _E:
    """A member of `cls` named by what someone typed, or a one-line error listing the choices."""
    try:
        return cls(name.strip().lower())
    except ValueError:
        known = ", ".join(member.value for member in cls)
        raise BadInput(f"{what} {name!r}", f"unknown {what} (known: {known})") from None


def level_key(name: str) -> str:
    """Fold a level name so `top-secret`, `Top_Secret` and `TOP SECRET` agree."""
    return _WORD_GAP.sub(" ", name.strip()).upper()


@dataclass(frozen=True)
class Levels:
    """A registry's ordered classification levels, lowest first.

    The order is the registry's own (set at `init`), so an archive that uses
    other names keeps them; ranks are positions in this tuple.
    """

    names: tuple[str, ...] = DEFAULT_LEVELS

    def __post_init__(self) -> None:
        keys = [level_key(n) for n in self.names]
        if not keys or len(set(keys)) != len(keys) or any(not k for k in keys):
            raise BadInput("levels", "need one or more distinct, non-empty names")
        if any("/" in k for k in keys):
            raise BadInput("levels", "a level name cannot contain '/'")
        object.__setattr__(self, "names", tuple(keys))

    def rank(self, name: str) -> int:
        key = level_key(name)
        try:
            return self.names.index(key)
        except ValueError:
            known = ", ".join(self.names)
            raise BadInput(f"level {name!r}", f"unknown level (known: {known})") from None

    def name(self, rank: int) -> str:
        return self.names[rank]

    @property
    def highest(self) -> str:
        return self.names[-1]


def compartment_name(name: str) -> str:
    """Compartments are case-folded code words such as `SEAMEN` or `ARCHIVE-KI`."""
    key = name.strip().upper()
    if not _COMPARTMENT.match(key):
        raise BadInput(
            f"compartment {name!r}",
            "use letters, digits, '.', '_' or '-' (at most 64 characters)",
        )
    return key


@dataclass(frozen=True, order=True)
class Marking:
    """A leaf's (or a dossier title's) level plus its set of compartments."""

    level: str
    compartments: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def parse(cls, levels: Levels, level: str, compartments: Iterable[str] = ()) -> Marking:
        return cls(levels.name(levels.rank(level)), frozenset(map(compartment_name, compartments)))

    def __str__(self) -> str:
        return "/".join([self.level, *sorted(self.compartments)])

    @classmethod
    def from_key(cls, key: str) -> Marking:
        """The inverse of `str()`: the key a marking is interned under."""
        level, *compartments = key.split("/")
        return cls(level, frozenset(compartments))

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(self)
        return data


def parse_grade(grade: str) -> str:
    """Admiralty grading: source reliability A-F, optionally information credibility 1-6."""
    key = grade.strip().upper()
    if not _GRADE.match(key):
        raise BadInput(
            f"grade {grade!r}",
            "use the Admiralty scale: a letter A-F, optionally a digit 1-6 (e.g. B2)",
        )
    return key


@dataclass(frozen=True)
class Source(Jsonable):
    """Provenance of a report, kept beside it and never merged into its text."""

    title: str
    author: str | None = None
    date: str | None = None
    publication: str | None = None
    licence: str | None = None
    grade: str | None = None


@dataclass(frozen=True)
class Dossier(Jsonable):
    id: int
    title: str
    marking: Marking
    created_at: str
    reports: int
    leaves: int


@dataclass(frozen=True)
class Leaf(Jsonable):
    """A leaf's catalogue entry. Its text is a separate `LeafText`, so that
    listing leaves can never carry text by accident."""

    id: int
    report_id: int
    dossier_id: int
    position: int
    label: str | None
    sha256: str
    chars: int
    marking: Marking
    withdrawn_at: str | None


@dataclass(frozen=True)
class Report(Jsonable):
    id: int
    dossier_id: int
    #: Counted among the reports the asker is shown, as `Leaf.position` is
    #: among the leaves they may read: neither counts hidden ones.
    seq: int
    filename: str
    media_type: str
    #: The whole file's hash and size: for the operator only (None for accounts).
    sha256: str | None
    size: int | None
    source: Source
    received_at: str
    withdrawn_at: str | None
    leaves: Sequence[Leaf] = ()


@dataclass(frozen=True)
class PageScan(Jsonable):
    """A scanned leaf's page image (its original, shown as a facsimile) and
    how OCR last read it: the languages, the mean word confidence (0-100),
    the script Tesseract saw, and what it could not vouch for."""

    media_type: str
    sha256: str
    width: int
    height: int
    languages: str
    confidence: float | None
    script: str | None
    warnings: tuple[str, ...]
    readings: int


@dataclass(frozen=True)
class LeafText(Jsonable):
    """The text of one leaf: the original byte for byte, the normalised
    beside it; for a scan, its page image and OCR reading (the text is that
    reading)."""

    leaf: Leaf
    original: str
    normalised: str
    scan: PageScan | None = None


@dataclass(frozen=True)
class Reading(Jsonable):
    """A leaf as its reader is shown it: the text, and the names on it that
    have a dossier (what a slip can ask about next)."""

    leaf: Leaf
    original: str
    normalised: str
    xrefs: tuple[CrossReference, ...]
    #: A scan's page image facts (its facsimile is `GET /api/leaves/ID/facsimile`).
    scan: PageScan | None = None


class Role(StrEnum):
    """Staff powers an account can hold on top of reading (BRIEF.md §2)."""

    ADMIN = "admin"
    AUDITOR = "auditor"
    CUSTODIAN = "custodian"
    READER = "reader"
    REGISTRAR = "registrar"
    #: May decode cover and code names to the persons behind them (a separate
    #: permission, as the Stasi kept real names and code names apart).
    DECODER = "decoder"

    @classmethod
    def parse(cls, name: str) -> Role:
        return _choice(cls, name, "role")


@dataclass(frozen=True)
class Reader(Jsonable):
    """An account: whom it is, what it is cleared for, what staff powers it holds."""

    id: int
    name: str
    clearance: Marking
    roles: frozenset[str]
    created_at: str
    disabled_at: str | None
    has_password: bool
    #: The redaction class the account reads in (`looseleaf.redaction.rules`).
    reader_class: str = "staff"
    #: A subject reader's own card-index record (their own data left in).
    person_id: int | None = None


@dataclass(frozen=True)
class Actor:
    """Who is acting: the local operator (who holds the registry and so has its
    full authority), or a reader account. When the operator acts as a reader
    (`--as`), `via` names the operator and the record says so.

    An actor carries identity only; clearance and roles are read fresh at
    every check, so a revocation takes effect on the very next call.
    """

    name: str
    kind: str = "operator"
    reader_id: int | None = None
    via: str | None = None

    @classmethod
    def operator(cls, name: str) -> Actor:
        return cls(name=name, kind="operator")

    @classmethod
    def reader(cls, reader_id: int, name: str, *, via: str | None = None) -> Actor:
        return cls(name=name, kind="reader", reader_id=reader_id, via=via)

    @property
    def is_operator(self) -> bool:
        return self.kind == "operator"

    def __str__(self) -> str:
        me = f"{self.kind}:{self.name}"
        return f"{me} via {self.via}" if self.via else me


@dataclass(frozen=True)
class Grant(Jsonable):
    """A custodian's approval: one leaf, one reader, until an expiry, for a purpose."""

    id: int
    reader: str
    leaf_id: int
    slip_id: int | None
    purpose: str
    granted_by: str
    granted_at: str
    expires_at: str
    ended_at: str | None

    def active(self, now: str) -> bool:
        return self.ended_at is None and self.expires_at > now


@dataclass(frozen=True)
class Slip(Jsonable):
    """A request slip. `proposed` and `denied` are filled in only for custodians:
    a reader is never told what was proposed beyond what was granted to them."""

    id: int
    reader: str
    purpose: str
    scope_kind: str
    scope: dict[str, Any]
    status: str
    created_at: str
    decided_at: str | None
    decided_by: str | None
    returned_at: str | None
    granted: tuple[int, ...] = ()
    proposed: tuple[int, ...] | None = None
    denied: tuple[int, ...] | None = None
    #: For a custodian: how many undecided proposals are beyond their own
    #: clearance (a higher custodian decides those). Never their ids; never
    #: for a query slip, whose proposals are found only among what the
    #: deciding custodian may read.
    beyond: int | None = None

    def __json__(self) -> dict[str, Any]:
        """A reader's view has no `proposed`, `denied` or `beyond` keys at all."""
        staff_only = {"proposed", "denied", "beyond"}
        return {k: v for k, v in fields_of(self).items() if v is not None or k not in staff_only}


@dataclass(frozen=True)
class Copy(Jsonable):
    """A numbered, watermarked copy of leaves, issued and returned under receipt."""

    number: int
    reader: str
    purpose: str
    issued_by: str
    issued_at: str
    sha256: str
    pages: int
    leaves: tuple[int, ...]
    returned_at: str | None
    returned_to: str | None


@dataclass(frozen=True)
class Citation(Jsonable):
    leaf_id: int
    #: False once the author may no longer read the leaf: shown as "restricted".
    readable: bool


@dataclass(frozen=True)
class Note(Jsonable):
    """A working-file note. Its marking is derived from the leaves it cites
    (highest level, union of compartments), never set by hand."""

    id: int
    reader: str
    text: str
    created_at: str
    marking: Marking
    citations: tuple[Citation, ...]


class FormType(StrEnum):
    """How a name form relates to the person: the card index's typed forms."""

    SPELLING = "spelling"
    TRANSLITERATION = "transliteration"
    MISSPELLING = "misspelling"
    SURNAME_ONLY = "surname_only"
    INITIALS = "initials"
    TITLE_FORM = "title_form"
    ALIAS = "alias"
    NICKNAME = "nickname"
    COVER_NAME = "cover_name"
    CODE_NAME = "code_name"

    @classmethod
    def parse(cls, name: str) -> FormType:
        """`cover-name`, `Cover Name` and ` cover_name ` alike; a refusal names
        the type as it was typed."""
        try:
            return cls(_WORD_GAP.sub("_", name.strip()).lower())
        except ValueError:
            return _choice(cls, name, "name form type")


#: Forms that decode to a real person only for readers allowed to decode.
SECRET_FORMS: frozenset[str] = frozenset({FormType.COVER_NAME, FormType.CODE_NAME})


class Category(StrEnum):
    """A record's part in the files, which decides what a reader class sees
    of it: the person a file is about, someone else named, the secret
    police's staff or informers, those who gained, public figures."""

    SUBJECT = "subject"
    THIRD_PARTY = "third_party"
    STAFF = "staff"
    INFORMER = "informer"
    BENEFICIARY = "beneficiary"
    PUBLIC_FIGURE = "public_figure"

    @classmethod
    def parse(cls, name: str) -> Category:
        """`third-party`, `Third party` and `third_party` alike."""
        return _choice(cls, "_".join(name.replace("-", " ").split()), "category")


class RecordKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    PLACE = "place"

    @classmethod
    def parse(cls, name: str) -> RecordKind:
        return _choice(cls, name, "record kind")


@dataclass(frozen=True)
class NameForm(Jsonable):
    id: int
    form: str
    type: str
    status: str
    valid_from: str | None = None
    valid_to: str | None = None
    #: Leaves the form was found on, among those the viewer may read.
    leaves: tuple[int, ...] = ()

    def __json__(self) -> dict[str, Any]:
        """Without the store's row id: a form is named by its text, and ids
        counted over every record's forms would count the hidden ones."""
        return {k: v for k, v in fields_of(self).items() if k != "id"}


@dataclass(frozen=True)
class Person(Jsonable):
    """An authority record: a person, organisation, group or place."""

    id: int
    preferred: str
    kind: str
    living: bool
    born: str | None
    died: str | None
    marking: Marking
    dossier_id: int | None
    note: str | None
    forms: tuple[NameForm, ...]
    predecessors: tuple[int, ...] = ()
    successors: tuple[int, ...] = ()
    #: What the record is in the files (`Category`), if a registrar said so.
    category: str | None = None
    #: Where the dates come from: "entered by ...", or "claim N".
    born_source: str | None = None
    died_source: str | None = None
    #: Where the person's consent to their data being shown is recorded.
    consent: str | None = None


@dataclass(frozen=True)
class PersonMatch(Jsonable):
    """One search hit: the record, the form that matched, how well, and why."""

    person_id: int
    preferred: str
    kind: str
    form: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class CardEntry(Jsonable):
    """One card of the index as its reader may see it: the record, where it
    is filed (the surname's first letter), and where they may read of it."""

    person_id: int
    preferred: str
    kind: str
    letter: str
    mentions: int
    dossiers: int
    claims: int


@dataclass(frozen=True)
class CrossReference(Jsonable):
    """A leaf names someone who has a dossier. Never says which leaves of it
    mention what: only that the dossier exists, for a slip to ask about."""

    leaf_id: int
    start: int
    end: int
    text: str
    dossier_id: int
    dossier_title: str
    person_id: int | None


@dataclass(frozen=True)
class NameLink(Jsonable):
    """A name on a leaf linked to the card-index record it names, where the
    reader may know of that record (cover names only for decoders)."""

    leaf_id: int
    start: int
    end: int
    text: str
    person_id: int
    preferred: str


@dataclass(frozen=True)
class Suggestion(Jsonable):
    """What the card index proposes to a registrar. `kind` is form (add a
    form to a record), alias (a sentence says so), merge (two records), or
    record (a new record from names no record holds: `form` its preferred
    name, `forms` every form, `leaves` where they are; `person_id` the
    record once accepted)."""

    id: int
    kind: str
    form: str
    person_id: int | None
    other_id: int | None
    score: float
    reasons: tuple[str, ...]
    leaf_id: int | None
    status: str
    forms: tuple[str, ...] = ()
    leaves: tuple[int, ...] = ()


@dataclass(frozen=True)
class SearchHit(Jsonable):
    """One readable leaf that matched, with a highlighted snippet ([...])."""

    leaf_id: int
    dossier_id: int
    #: None where the leaf is readable but its dossier's title is not visible.
    dossier_title: str | None
    report_id: int
    #: A page's label; None for a passage of a text source.
    label: str | None
    marking: str
    score: float
    snippet: str
    why: tuple[str, ...]
    #: (start, end) of each highlighted word in `snippet`, inside its brackets.
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Facet(Jsonable):
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class SearchResult(Jsonable):
    """Everything here is computed over the leaves the searcher may read."""

    query: str
    total: int
    hits: tuple[SearchHit, ...]
    facets: dict[str, tuple[Facet, ...]]
    next_cursor: str | None
    did_you_mean: tuple[str, ...]
    names: tuple[str, ...]


class ClaimStatus(StrEnum):
    """Where a claim stands. A suggestion is the extractor's; it becomes
    asserted when a registrar accepts it, or rejected."""

    SUGGESTED = "suggested"
    ASSERTED = "asserted"
    DISPUTED = "disputed"
    RETRACTED = "retracted"
    CORROBORATED = "corroborated"
    REJECTED = "rejected"

    @classmethod
    def parse(cls, name: str) -> ClaimStatus:
        return _choice(cls, name, "claim status")


@dataclass(frozen=True)
class Claim(Jsonable):
    """An attributed statement, cited to a span of one leaf: who or what it is
    about, what it says (property and value), when (as precisely as the text
    says) and where. Its marking is its leaf's."""

    id: int
    subject_id: int | None
    subject: str
    property: str
    value: str | None
    value_id: int | None
    #: 1940-08-20, 1937-06, 1933 or 1937/1938: the date at the precision the text gives.
    date: str | None
    date_first: str | None
    date_last: str | None
    date_text: str | None
    relative_to: str | None
    place: str | None
    planned: bool
    status: str
    credibility: int | None
    leaf_id: int
    dossier_id: int
    start: int
    end: int
    quote: str
    made_by: str
    made_at: str
    #: The report's source and its Admiralty reliability grade (A-F).
    source: str
    grade: str | None


@dataclass(frozen=True)
class Conflict(Jsonable):
    """Claims about one subject and property that cannot all be true, side by
    side. Never resolved automatically; a registrar may annotate it."""

    subject: str
    property: str
    kind: str  # date, value, role, presence
    why: str
    sides: tuple[tuple[Claim, ...], ...]
    notes: tuple[str, ...] = ()
    #: The card-index record all sides speak of, when the claims are linked to one.
    subject_id: int | None = None
    #: Some side rests only on claims nobody has accepted yet (shown to registrars).
    suggested: bool = False


@dataclass(frozen=True)
class Event(Jsonable):
    """One entry of the audit log, as the asker may see it (an auditor below
    full clearance gets an event about what is above them redacted)."""

    id: int
    at: str
    actor: str
    action: str
    target: str | None
    detail: dict[str, Any]
