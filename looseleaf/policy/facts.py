"""Load the facts the rule decides on, fresh from the store at every check:
no cache, so a revocation, an expiry or a new marking counts on the next call."""

from __future__ import annotations

from looseleaf.policy.rule import GrantFacts, LeafFacts, ReaderFacts
from looseleaf.policy.staff import SlipFacts
from looseleaf.store.base import Tx


def reader(tx: Tx, reader_id: int) -> ReaderFacts | None:
    """The account and its compartments and roles, in one statement."""
    rows = tx.all(
        "SELECT r.id, r.name, r.level, r.disabled_at, 'c', c.name FROM readers r "
        "LEFT JOIN reader_compartments rc ON rc.reader_id = r.id "
        "LEFT JOIN compartments c ON c.id = rc.compartment_id WHERE r.id = ? "
        "UNION ALL SELECT r.id, r.name, r.level, r.disabled_at, 'r', rr.role FROM readers r "
        "JOIN reader_roles rr ON rr.reader_id = r.id WHERE r.id = ? "
        "UNION ALL SELECT r.id, r.name, r.level, r.disabled_at, 'k', r.reader_class "
        "|| CASE WHEN k.masks <> '' THEN ' redacts' ELSE '' END FROM readers r "
        "JOIN reader_classes k ON k.name = r.reader_class WHERE r.id = ?",
        (reader_id, reader_id, reader_id),
    )
    if not rows:
        return None
    compartments = frozenset(row[5] for row in rows if row[4] == "c" and row[5] is not None)
    roles = frozenset(row[5] for row in rows if row[4] == "r")
    klass = next((str(row[5]).split() for row in rows if row[4] == "k"), ["staff"])
    first = rows[0]
    return ReaderFacts(
        id=int(first[0]),
        name=first[1],
        level=int(first[2]),
        compartments=compartments,
        roles=roles,
        disabled=first[3] is not None,
        reader_class=klass[0],
        redacts=len(klass) > 1,
    )


def leaf(tx: Tx, leaf_id: int) -> LeafFacts | None:
    """The leaf's marking comes whole from its interned key ("LEVEL/A/B")."""
    row = tx.one(
        "SELECT l.id, m.level, l.withdrawn_at, m.key, EXISTS (SELECT 1 FROM redactions rd "
        "WHERE rd.leaf_id = l.id AND rd.sha256 = l.sha256) FROM leaves l "
        "JOIN markings m ON m.id = l.marking_id WHERE l.id = ?",
        (leaf_id,),
    )
    if row is None:
        return None
    return LeafFacts(
        id=int(row[0]),
        level=int(row[1]),
        compartments=frozenset(str(row[3]).split("/")[1:]),
        withdrawn=row[2] is not None,
        signed=bool(row[4]),
    )


def masked_for(tx: Tx, reader_id: int, person_id: int) -> bool:
    """Whether the reader's class may not see the record named: it masks
    anything, the record is not shown to it, and it is not the reader's own."""
    return bool(
        tx.scalar(
            "SELECT 1 FROM readers r JOIN reader_classes k ON k.name = r.reader_class "
            "WHERE r.id = ? AND k.masks <> '' AND (r.person_id IS NULL OR r.person_id <> ?) "
            "AND NOT EXISTS (SELECT 1 FROM shown_records sr WHERE sr.reader_class = r.reader_class "
            "AND sr.person_id = ?)",
            (reader_id, person_id, person_id),
        )
    )


def marking_compartments(tx: Tx, marking_id: int) -> frozenset[str]:
    return frozenset(
        row[0]
        for row in tx.all(
            "SELECT c.name FROM marking_compartments mc "
            "JOIN compartments c ON c.id = mc.compartment_id WHERE mc.marking_id = ?",
            (marking_id,),
        )
    )


def grants(tx: Tx, reader_id: int, leaf_id: int) -> list[GrantFacts]:
    return [
        GrantFacts(int(row[0]), row[1], row[2])
        for row in tx.all(
            "SELECT id, expires_at, ended_at FROM grants WHERE reader_id = ? AND leaf_id = ?",
            (reader_id, leaf_id),
        )
    ]


def slip(tx: Tx, slip_id: int) -> SlipFacts | None:
    row = tx.one("SELECT id, reader_id, status FROM slips WHERE id = ?", (slip_id,))
    return None if row is None else SlipFacts(int(row[0]), int(row[1]), str(row[2]))


def dossier_marking(tx: Tx, dossier_id: int) -> tuple[int, frozenset[str]] | None:
    row = tx.one(
        "SELECT m.level, m.id FROM dossiers d JOIN markings m ON m.id = d.marking_id "
        "WHERE d.id = ?",
        (dossier_id,),
    )
    return None if row is None else (int(row[0]), marking_compartments(tx, int(row[1])))


def person_marking(tx: Tx, person_id: int) -> tuple[int, frozenset[str]] | None:
    """The marking of a current card-index record (one merged away is gone)."""
    row = tx.one(
        "SELECT m.level, m.id FROM persons p JOIN markings m ON m.id = p.marking_id "
        "WHERE p.id = ? AND p.merged_into IS NULL",
        (person_id,),
    )
    return None if row is None else (int(row[0]), marking_compartments(tx, int(row[1])))


# -- what an auditor may be told (see `registry/auditor_view.py`) ------------------

#: Ids bound per statement when many are loaded at once: far below the
#: parameter limits of both engines.
_CHUNK = 500

#: The tables whose rows carry a marking of their own.
_MARKED = {"leaf": "leaves", "dossier": "dossiers", "person": "persons"}

#: What a thing without a marking of its own stands for: (owner id, kind, id)
#: of the marked things (or claims, for a conflict note) that decide who may
#: be told of it. Each kind's first statement finds every owner that exists,
#: with a NULL id where it stands for nothing (a query slip not yet opened).
_STANDS_FOR: dict[str, tuple[str, ...]] = {
    "claim": ("SELECT id, 'leaf', leaf_id FROM claims WHERE id IN ({})",),
    "slip": (
        "SELECT s.id, 'leaf', sl.leaf_id FROM slips s "
        "LEFT JOIN slip_leaves sl ON sl.slip_id = s.id WHERE s.id IN ({})",
    ),
    "copy": (
        "SELECT c.id, 'leaf', cl.leaf_id FROM copies c "
        "LEFT JOIN copy_leaves cl ON cl.copy_id = c.id WHERE c.id IN ({})",
    ),
    "note": (
        "SELECT n.id, 'leaf', nc.leaf_id FROM notes n "
        "LEFT JOIN note_citations nc ON nc.note_id = n.id WHERE n.id IN ({})",
    ),
    "report": (
        "SELECT id, 'dossier', dossier_id FROM reports WHERE id IN ({})",
        "SELECT report_id, 'leaf', id FROM leaves WHERE report_id IN ({})",
    ),
    "suggestion": (
        "SELECT id, 'person', person_id FROM suggestions WHERE id IN ({})",
        "SELECT id, 'person', other_id FROM suggestions WHERE id IN ({}) AND other_id IS NOT NULL",
        "SELECT id, 'leaf', leaf_id FROM suggestions WHERE id IN ({}) AND leaf_id IS NOT NULL",
    ),
}

#: Kinds `stands_for` resolves (a conflict note stands for its claims).
STANDING_KINDS = frozenset({*_STANDS_FOR, "conflict_note"})
#: Kinds that carry a marking of their own.
MARKED_KINDS = frozenset(_MARKED)


def _chunks(ids: set[int] | frozenset[int]) -> list[list[int]]:
    ordered = sorted(ids)
    return [ordered[i : i + _CHUNK] for i in range(0, len(ordered), _CHUNK)]


def markings_of(
    tx: Tx, kind: str, ids: set[int] | frozenset[int]
) -> dict[int, tuple[int, frozenset[str]]]:
    """The current markings of many leaves, dossier titles or card-index
    records at once. A record merged away keeps its marking here: an event
    that names it still names what it was."""
    table = _MARKED[kind]
    found: dict[int, tuple[int, frozenset[str]]] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        for row in tx.all(
            f"SELECT t.id, m.level, m.key FROM {table} t "
            f"JOIN markings m ON m.id = t.marking_id WHERE t.id IN ({marks})",
            chunk,
        ):
            found[int(row[0])] = (int(row[1]), frozenset(str(row[2]).split("/")[1:]))
    return found


def stands_for(
    tx: Tx, kind: str, ids: set[int] | frozenset[int]
) -> dict[int, set[tuple[str, int]]]:
    """For each of these claims, slips, copies, notes, reports, conflict notes
    or suggestions that exists, the things whose markings decide who may be
    told of it: a claim's leaf, a slip's proposed leaves, a copy's leaves, a
    note's citations, a report's leaves and dossier, a conflict note's
    claims, a suggestion's records and leaf. Ids of nothing are left out."""
    found: dict[int, set[tuple[str, int]]] = {}
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        if kind == "conflict_note":
            for row in tx.all(
                f"SELECT id, claim_ids FROM conflict_notes WHERE id IN ({marks})", chunk
            ):
                claims = {("claim", int(i)) for i in str(row[1]).split(",") if i.strip()}
                found.setdefault(int(row[0]), set()).update(claims)
            continue
        for sql in _STANDS_FOR[kind]:
            for row in tx.all(sql.format(marks), chunk):
                stands = found.setdefault(int(row[0]), set())
                if row[2] is not None:
                    stands.add((str(row[1]), int(row[2])))
    return found


def granted_markings(tx: Tx, reader_id: int) -> set[tuple[int, frozenset[str]]]:
    """The markings of every leaf the reader has ever held a grant on, live or
    ended: what the account may have been shown beyond its clearance."""
    return {
        (int(row[0]), frozenset(str(row[1]).split("/")[1:]))
        for row in tx.all(
            "SELECT DISTINCT m.level, m.key FROM grants g JOIN leaves l ON l.id = g.leaf_id "
            "JOIN markings m ON m.id = l.marking_id WHERE g.reader_id = ?",
            (reader_id,),
        )
    }


def reader_id(tx: Tx, name: str) -> int | None:
    found = tx.scalar("SELECT id FROM readers WHERE name = ?", (name,))
    return None if found is None else int(found)


def compartments(tx: Tx) -> frozenset[str]:
    """Every compartment the registry knows (on a marking or a clearance)."""
    return frozenset(str(row[0]) for row in tx.all("SELECT name FROM compartments"))
