"""Claims and the notes on their conflicts. Listing always takes the access
rule's filter on the cited leaf, so a claim on a leaf the asker may not read
is never fetched. A claim's subject comes back as written, beside the record
it is linked to: whether an asker may be told that record's name (a cover
name must not be decoded for them) is the facade's decision, not the store's."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from looseleaf.model import Claim
from looseleaf.store import ids
from looseleaf.store.base import Filter, Tx

_COLUMNS = (
    "c.id, c.subject_id, c.subject, c.property, c.value, c.value_id, "
    "c.date_first, c.date_last, c.date_precision, c.date_text, c.relative_to, c.place, "
    "c.planned, c.status, c.credibility, c.leaf_id, l.dossier_id, c.start_offset, "
    "c.end_offset, c.quote, c.made_by, c.made_at, s.title, s.grade"
)
_FROM = (
    "FROM claims c JOIN leaves l ON l.id = c.leaf_id JOIN reports r ON r.id = l.report_id "
    "JOIN sources s ON s.id = r.source_id "
    "LEFT JOIN persons p ON p.id = c.subject_id"
)


@dataclass(frozen=True)
class NewClaim:
    leaf_id: int
    start: int
    end: int
    quote: str
    subject: str
    property: str
    subject_id: int | None = None
    value: str | None = None
    value_id: int | None = None
    date_first: str | None = None
    date_last: str | None = None
    precision: str | None = None
    date_text: str | None = None
    relative_to: str | None = None
    place: str | None = None
    planned: bool = False
    credibility: int | None = None


def add(tx: Tx, claim: NewClaim, *, status: str, by: str, now: str) -> int:
    arrival, claim_id = ids.one(tx, "claim")
    tx.execute(
        "INSERT INTO claims (id, arrival, leaf_id, start_offset, end_offset, quote, subject_id, "
        "subject, property, value, value_id, date_first, date_last, date_precision, date_text, "
        "relative_to, place, planned, status, credibility, made_by, made_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            claim_id,
            arrival,
            claim.leaf_id,
            claim.start,
            claim.end,
            claim.quote,
            claim.subject_id,
            claim.subject,
            claim.property,
            claim.value,
            claim.value_id,
            claim.date_first,
            claim.date_last,
            claim.precision,
            claim.date_text,
            claim.relative_to,
            claim.place,
            1 if claim.planned else 0,
            status,
            claim.credibility,
            by,
            now,
        ),
    )
    return claim_id


def listing(
    tx: Tx,
    *,
    readable: Filter | None,
    visible: Filter | None,
    claim_ids: Sequence[int] | None = None,
    leaf_id: int | None = None,
    dossier_id: int | None = None,
    subject_ids: Sequence[int] | None = None,
    statuses: Sequence[str] | None = None,
    unmasked: Filter | None = None,
) -> list[Claim]:
    """Claims in date order (undated last), filtered by the access rule;
    `unmasked` (a redacting reader's) leaves out claims whose quote a mask
    of theirs touches."""
    clauses: list[str] = []
    params: list[object] = []
    if unmasked is not None:
        clauses.append(unmasked.sql)
        params += unmasked.params
    if readable is not None:
        clauses.append(readable.sql)
        params += readable.params
    if visible is not None:
        clauses.append(f"(c.subject_id IS NULL OR {visible.sql})")
        params += visible.params
    for column, values in (
        ("c.id", claim_ids),
        ("c.subject_id", subject_ids),
        ("c.status", statuses),
    ):
        if values is not None:
            if not values:
                return []
            clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params += list(values)
    if leaf_id is not None:
        clauses.append("c.leaf_id = ?")
        params.append(leaf_id)
    if dossier_id is not None:
        clauses.append("l.dossier_id = ?")
        params.append(dossier_id)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = tx.all(
        f"SELECT {_COLUMNS} {_FROM} {where} "
        "ORDER BY c.date_first IS NULL, c.date_first, c.date_last, c.arrival",
        params,
    )
    return [_claim(row) for row in rows]


def _claim(row: Sequence[object]) -> Claim:
    (
        claim_id,
        subject_id,
        subject,
        prop,
        value,
        value_id,
        first,
        last,
        precision,
        date_text,
        relative_to,
        place,
        planned,
        status,
        credibility,
        leaf_id,
        dossier_id,
        start,
        end,
        quote,
        made_by,
        made_at,
        source,
        grade,
    ) = row
    return Claim(
        id=int(str(claim_id)),
        subject_id=None if subject_id is None else int(str(subject_id)),
        subject=str(subject),
        property=str(prop),
        value=None if value is None else str(value),
        value_id=None if value_id is None else int(str(value_id)),
        date=_label(first, last, precision),
        date_first=None if first is None else str(first),
        date_last=None if last is None else str(last),
        date_text=None if date_text is None else str(date_text),
        relative_to=None if relative_to is None else str(relative_to),
        place=None if place is None else str(place),
        planned=bool(planned),
        status=str(status),
        credibility=None if credibility is None else int(str(credibility)),
        leaf_id=int(str(leaf_id)),
        dossier_id=int(str(dossier_id)),
        start=int(str(start)),
        end=int(str(end)),
        quote=str(quote),
        made_by=str(made_by),
        made_at=str(made_at),
        source=str(source),
        grade=None if grade is None else str(grade),
    )


def _label(first: object, last: object, precision: object) -> str | None:
    if first is None or last is None:
        return None
    first, last = str(first), str(last)
    if precision == "day":
        return first
    if precision == "month":
        return first[:7]
    if precision == "year":
        return first[:4]
    if first[4:] == "-01-01" and last[4:] == "-12-31":
        return f"{first[:4]}/{last[:4]}"
    return f"{first}/{last}"  # 1928-07-09/1928-07-30, not 1928/1928


def set_status(tx: Tx, claim_ids: Sequence[int], status: str, by: str, now: str) -> None:
    if claim_ids:
        marks = ", ".join("?" for _ in claim_ids)
        tx.execute(
            f"UPDATE claims SET status = ?, decided_by = ?, decided_at = ? WHERE id IN ({marks})",
            (status, by, now, *claim_ids),
        )


def status_of(tx: Tx, claim_id: int) -> tuple[str, int] | None:
    """(status, leaf id) of a claim, for the facade to check before changing it."""
    row = tx.one("SELECT status, leaf_id FROM claims WHERE id = ?", (claim_id,))
    return None if row is None else (str(row[0]), int(row[1]))


def exists(tx: Tx, claim: NewClaim) -> bool:
    """Whether the same statement on the same span is claimed already (the
    extractor runs again over the same leaves without repeating itself)."""
    return (
        tx.scalar(
            "SELECT 1 FROM claims WHERE leaf_id = ? AND start_offset = ? AND end_offset = ? "
            "AND subject = ? AND property = ?",
            (claim.leaf_id, claim.start, claim.end, claim.subject, claim.property),
        )
        is not None
    )


def add_note(tx: Tx, claim_ids: Sequence[int], text: str, by: str, now: str) -> int:
    return int(
        tx.scalar(
            "INSERT INTO conflict_notes (claim_ids, text, made_by, made_at) "
            "VALUES (?, ?, ?, ?) RETURNING id",
            (",".join(str(i) for i in sorted(set(claim_ids))), text, by, now),
        )
    )


def notes(tx: Tx) -> list[tuple[frozenset[int], str]]:
    return [
        (frozenset(int(i) for i in str(row[0]).split(",")), str(row[1]))
        for row in tx.all("SELECT claim_ids, text FROM conflict_notes ORDER BY id")
    ]


def link_to(tx: Tx, person_id: int, forms: Sequence[str]) -> int:
    """Claims whose subject (or value) is written as one of a record's forms
    and that no record holds yet are the record's: "Trotsky", "Leon Trotsky"
    and "Trotzki" meet as one subject once the record has those forms.
    Answers how many subjects were linked."""
    written = sorted({form.strip() for form in forms if form.strip()})
    if not written:
        return 0
    marks = ", ".join("?" for _ in written)
    linked = 0
    for column, known in (("subject", "subject_id"), ("value", "value_id")):
        rows = tx.all(
            f"SELECT id FROM claims WHERE {known} IS NULL AND {column} IN ({marks})", written
        )
        for (claim_id,) in rows:
            tx.execute(f"UPDATE claims SET {known} = ? WHERE id = ?", (person_id, claim_id))
        linked += len(rows) if column == "subject" else 0
    return linked
