"""Authority records and their name forms.

Rows here carry every form, cover names included; which of them a reader is
shown is decided by the policy in the facade, never by these queries.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from looseleaf.cardindex.names import fold
from looseleaf.model import Marking, NameForm, Person
from looseleaf.store import ids
from looseleaf.store.base import Filter, Tx

_PERSON = (
    "p.id, p.preferred, p.kind, p.living, p.born, p.died, m.key, p.dossier_id, p.note, "
    "p.merged_into, p.category, p.born_source, p.died_source, p.consent"
)


def create(
    tx: Tx,
    *,
    preferred: str,
    kind: str,
    living: bool,
    born: str | None,
    died: str | None,
    marking_id: int,
    dossier_id: int | None,
    note: str | None,
    now: str,
    category: str | None = None,
    source: str | None = None,
) -> int:
    arrival, person_id = ids.one(tx, "person")
    tx.execute(
        "INSERT INTO persons (id, arrival, preferred, kind, living, born, died, marking_id, "
        "dossier_id, note, created_at, category, born_source, died_source) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (person_id, arrival, preferred, kind, int(living), born, died, marking_id, dossier_id,
         note, now, category, source if born else None, source if died else None),
    )  # fmt: skip
    return person_id


def set_facts(
    tx: Tx,
    person_id: int,
    *,
    category: str | None = None,
    born: tuple[str, str] | None = None,
    died: tuple[str, str] | None = None,
    consent: tuple[str | None] | None = None,
) -> None:
    """A record's category, a date of birth or death with its source, and
    whether (and where it is recorded that) the person consented to their
    data being shown (`consent=(None,)` withdraws it)."""
    if category is not None:
        tx.execute("UPDATE persons SET category = ? WHERE id = ?", (category, person_id))
    if consent is not None:
        tx.execute("UPDATE persons SET consent = ? WHERE id = ?", (consent[0], person_id))
    for column, given in (("born", born), ("died", died)):
        if given is not None:
            tx.execute(
                f"UPDATE persons SET {column} = ?, {column}_source = ? WHERE id = ?",
                (*given, person_id),
            )


def add_form(
    tx: Tx,
    person_id: int,
    form: str,
    form_type: str,
    *,
    by: str,
    now: str,
    status: str = "confirmed",
    valid_from: str | None = None,
    valid_to: str | None = None,
) -> int:
    return int(
        tx.scalar(
            "INSERT INTO name_forms (person_id, form, folded, type, valid_from, valid_to, "
            "status, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (person_id, form, fold(form), form_type, valid_from, valid_to, status, by, now),
        )
    )


def find_form(tx: Tx, person_id: int, form: str) -> tuple[int, str, str] | None:
    """(id, type, status) of a record's form, matched with case and diacritics folded."""
    row = tx.one(
        "SELECT id, type, status FROM name_forms WHERE person_id = ? AND folded = ? "
        "ORDER BY status = 'confirmed' DESC, id LIMIT 1",
        (person_id, fold(form)),
    )
    return None if row is None else (int(row[0]), row[1], row[2])


def set_form_status(tx: Tx, form_id: int, status: str) -> None:
    tx.execute("UPDATE name_forms SET status = ? WHERE id = ?", (status, form_id))


def move_forms(tx: Tx, form_ids: Sequence[int], person_id: int) -> None:
    tx.executemany(
        "UPDATE name_forms SET person_id = ? WHERE id = ?", [(person_id, f) for f in form_ids]
    )


def merge(tx: Tx, keep: int, other: int) -> None:
    tx.execute("UPDATE name_forms SET person_id = ? WHERE person_id = ?", (keep, other))
    tx.execute("UPDATE mentions SET person_id = ? WHERE person_id = ?", (keep, other))
    tx.execute("UPDATE persons SET merged_into = ? WHERE id = ?", (keep, other))
    tx.execute("UPDATE suggestions SET status = 'moot' WHERE status = 'pending' AND ("
               "person_id = ? OR other_id = ?)", (other, other))  # fmt: skip


def remark(tx: Tx, person_id: int, marking_id: int) -> None:
    tx.execute("UPDATE persons SET marking_id = ? WHERE id = ?", (marking_id, person_id))


def succeed(tx: Tx, predecessor: int, successor: int, at: str | None) -> None:
    tx.execute(
        "INSERT INTO successions (predecessor_id, successor_id, at) VALUES (?, ?, ?)",
        (predecessor, successor, at),
    )


def _person(
    row: Any, forms: tuple[NameForm, ...], succession: dict[str, tuple[int, ...]]
) -> Person:
    return Person(
        id=int(row[0]),
        preferred=row[1],
        kind=row[2],
        living=bool(row[3]),
        born=row[4],
        died=row[5],
        marking=Marking.from_key(row[6]),
        dossier_id=None if row[7] is None else int(row[7]),
        note=row[8],
        forms=forms,
        predecessors=succession.get("predecessors", ()),
        successors=succession.get("successors", ()),
        category=row[10],
        born_source=row[11],
        died_source=row[12],
        consent=row[13],
    )


def by_id(tx: Tx, person_id: int, visible: Filter | None = None) -> Person | None:
    """A current (not merged away) record, with its confirmed forms, if `visible`."""
    shown = f"AND {visible.sql}" if visible else ""
    row = tx.one(
        f"SELECT {_PERSON} FROM persons p JOIN markings m ON m.id = p.marking_id "
        f"WHERE p.id = ? AND p.merged_into IS NULL {shown}",
        (person_id, *(visible.params if visible else ())),
    )
    if row is None:
        return None
    forms = tuple(
        NameForm(int(f[0]), f[1], f[2], f[3], f[4], f[5])
        for f in tx.all(
            "SELECT id, form, type, status, valid_from, valid_to FROM name_forms "
            "WHERE person_id = ? AND status = 'confirmed' ORDER BY id",
            (person_id,),
        )
    )
    succession = {
        "predecessors": tuple(
            int(r[0])
            for r in tx.all(
                "SELECT predecessor_id FROM successions WHERE successor_id = ? ORDER BY at",
                (person_id,),
            )
        ),
        "successors": tuple(
            int(r[0])
            for r in tx.all(
                "SELECT successor_id FROM successions WHERE predecessor_id = ? ORDER BY at",
                (person_id,),
            )
        ),
    }
    return _person(row, forms, succession)


def exists(tx: Tx, person_id: int) -> bool:
    return (
        tx.one("SELECT 1 FROM persons WHERE id = ? AND merged_into IS NULL", (person_id,))
        is not None
    )


def marking_of(tx: Tx, person_id: int) -> int | None:
    row = tx.one(
        "SELECT marking_id FROM persons WHERE id = ? AND merged_into IS NULL", (person_id,)
    )
    return None if row is None else int(row[0])


def all_forms(
    tx: Tx, visible: Filter | None = None, *, secret: frozenset[str] = frozenset()
) -> list[tuple[int, int, str, str]]:
    """(form id, person id, form, type) of every confirmed form of current
    records: those `visible`, leaving out the form types in `secret`."""
    shown = f"AND {visible.sql}" if visible else ""
    hide = ""
    if secret:
        hide = f"AND f.type NOT IN ({', '.join('?' for _ in secret)})"
    return [
        (int(r[0]), int(r[1]), r[2], r[3])
        for r in tx.all(
            "SELECT f.id, f.person_id, f.form, f.type FROM name_forms f "
            "JOIN persons p ON p.id = f.person_id "
            f"WHERE f.status = 'confirmed' AND p.merged_into IS NULL {shown} {hide} "
            "ORDER BY f.id",
            (*(visible.params if visible else ()), *sorted(secret)),
        )
    ]


def forms_version(tx: Tx) -> tuple[int, int, int]:
    """Changes whenever a form is added, moved (merge, split) or changes status:
    the gazetteer's cache key, cheap enough to ask on every ingest."""
    row = tx.one(
        "SELECT COUNT(*), COALESCE(MAX(id), 0), COALESCE(SUM(person_id), 0) FROM name_forms "
        "WHERE status = 'confirmed'"
    )
    return int(row[0]), int(row[1]), int(row[2])


def summaries(tx: Tx, ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """(id, preferred name, kind) of these records."""
    person_ids = sorted(set(ids))
    if not person_ids:
        return []
    marks = ", ".join("?" for _ in person_ids)
    return [
        (int(r[0]), r[1], r[2])
        for r in tx.all(
            f"SELECT id, preferred, kind FROM persons WHERE id IN ({marks})", person_ids
        )
    ]


def dossier_of(tx: Tx, person_id: int) -> int | None:
    row = tx.one(
        "SELECT dossier_id FROM persons WHERE id = ? AND merged_into IS NULL", (person_id,)
    )
    return None if row is None or row[0] is None else int(row[0])


def subjects_of(tx: Tx, dossier_id: int) -> list[int]:
    """The records whose dossier this is."""
    return [
        int(r[0])
        for r in tx.all(
            "SELECT id FROM persons WHERE dossier_id = ? AND merged_into IS NULL", (dossier_id,)
        )
    ]


def visible_ids(tx: Tx, visible: Filter) -> list[int]:
    """Ids of the current records whose marking `visible` admits."""
    return [
        int(r[0])
        for r in tx.all(
            f"SELECT p.id FROM persons p WHERE p.merged_into IS NULL AND {visible.sql}",
            visible.params,
        )
    ]


def claimed(tx: Tx, ids: Sequence[int], readable: Filter) -> list[tuple[int, str]]:
    """(record, subject as written) of each standing claim about these
    records on a leaf `readable` admits (not those rejected or withdrawn)."""
    wanted = sorted(set(ids))
    found: list[tuple[int, str]] = []
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ", ".join("?" for _ in part)
        found += [
            (int(person_id), str(subject))
            for person_id, subject in tx.all(
                "SELECT c.subject_id, c.subject FROM claims c JOIN leaves l ON l.id = c.leaf_id "
                f"WHERE c.subject_id IN ({marks}) AND c.status IN ('asserted', 'corroborated', "
                f"'disputed') AND {readable.sql}",
                (*part, *readable.params),
            )
        ]
    return found


def counts(
    tx: Tx, ids: Sequence[int], readable: Filter, titles: Filter, hidden: Collection[str]
) -> dict[int, tuple[int, int]]:
    """(mentions, dossiers) of each record, counted only on leaves `readable`
    admits (dossiers only where `titles` shows the title), and not through a
    form of a `hidden` type: a mention by a cover name the reader may not
    decode would tell them whom the cover name is."""
    wanted = sorted(set(ids))
    found: dict[int, tuple[int, int]] = dict.fromkeys(wanted, (0, 0))
    types = sorted(hidden)
    unshown = ""
    if types:
        unshown = f"AND (f.type IS NULL OR f.type NOT IN ({', '.join('?' for _ in types)})) "
    for start in range(0, len(wanted), 500):
        part = wanted[start : start + 500]
        marks = ", ".join("?" for _ in part)
        for person_id, mentioned, dossiers in tx.all(
            "SELECT x.person_id, COUNT(*), COUNT(DISTINCT CASE WHEN "
            f"{titles.sql} THEN d.id END) FROM mentions x JOIN leaves l ON l.id = x.leaf_id "
            "JOIN dossiers d ON d.id = l.dossier_id "
            "LEFT JOIN name_forms f ON f.id = x.form_id "
            f"WHERE x.person_id IN ({marks}) {unshown}"
            f"AND {readable.sql} GROUP BY x.person_id",
            (*titles.params, *part, *types, *readable.params),
        ):
            found[int(person_id)] = (int(mentioned), int(dossiers))
    return found
