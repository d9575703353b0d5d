"""Proposed records: kept until a registrar decides, and remembered after."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from looseleaf.cardindex.names import fold
from looseleaf.cardindex.proposal import Group
from looseleaf.model import Suggestion
from looseleaf.store import ids
from looseleaf.store.base import Filter, Tx

_COLUMNS = "id, preferred, forms, score, reasons, status, person_id"


def forms_json(group: Group) -> str:
    types = dict(group.types)
    forms = [
        [form, list(leaves), *([str(types[form])] if form in types else [])]
        for form, leaves in group.forms
    ]
    return json.dumps(forms, ensure_ascii=False)


def matching(tx: Tx, groups: Sequence[Group]) -> dict[tuple[str, str], int]:
    """The pending proposals that are these groups exactly, by (folded
    name, forms): a proposal keeps its id while the names it groups stand."""
    wanted = {(fold(g.preferred), forms_json(g)) for g in groups}
    return {
        (folded, forms): int(proposal_id)
        for proposal_id, folded, forms in tx.all(
            "SELECT id, folded, forms FROM proposals WHERE status = 'pending'"
        )
        if (folded, forms) in wanted
    }


def drop(tx: Tx, proposal_ids: Sequence[int]) -> None:
    """Undecided proposals no longer made (their names were linked, or grouped otherwise)."""
    for proposal_id in proposal_ids:
        tx.execute("DELETE FROM proposals WHERE id = ? AND status = 'pending'", (proposal_id,))


def add(tx: Tx, group: Group, now: str) -> int:
    """A new pending proposal."""
    folded = fold(group.preferred)
    arrival, proposal_id = ids.one(tx, "suggestion")
    forms = json.loads(forms_json(group))
    tx.execute(
        "INSERT INTO proposals (id, arrival, preferred, folded, forms, score, reasons, status, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
        (proposal_id, arrival, group.preferred, folded, json.dumps(forms, ensure_ascii=False),
         group.score, json.dumps(list(group.reasons), ensure_ascii=False), now),
    )  # fmt: skip
    return proposal_id


def decided(tx: Tx) -> list[tuple[str, tuple[int, ...]]]:
    """(folded name, leaves) of every decided proposal: a name rejected (or
    accepted) is not proposed again to whom saw that decision's leaves."""
    found = []
    for folded, forms in tx.all("SELECT folded, forms FROM proposals WHERE status <> 'pending'"):
        on = tuple(dict.fromkeys(leaf for _, leaves, *_ in json.loads(forms) for leaf in leaves))
        found.append((str(folded), on))
    return found


def _proposal(row: Any) -> Suggestion:
    forms = json.loads(row[2])
    leaves = tuple(dict.fromkeys(leaf for _, on, *_ in forms for leaf in on))
    return Suggestion(
        id=int(row[0]),
        kind="record",
        form=row[1],
        person_id=None if row[6] is None else int(row[6]),
        other_id=None,
        score=float(row[3]),
        reasons=tuple(json.loads(row[4])),
        leaf_id=leaves[0] if leaves else None,
        status=row[5],
        forms=tuple(form for form, *_ in forms),
        leaves=leaves,
    )


def pending(tx: Tx) -> list[Suggestion]:
    return [
        _proposal(row)
        for row in tx.all(
            f"SELECT {_COLUMNS} FROM proposals WHERE status = 'pending' ORDER BY arrival"
        )
    ]


def by_id(tx: Tx, proposal_id: int) -> Suggestion | None:
    row = tx.one(f"SELECT {_COLUMNS} FROM proposals WHERE id = ?", (proposal_id,))
    return None if row is None else _proposal(row)


def form_types(tx: Tx, proposal_id: int) -> dict[str, str]:
    """The forms an alias sentence typed (cover name, code name, nickname)."""
    row = tx.one("SELECT forms FROM proposals WHERE id = ?", (proposal_id,))
    entries = [] if row is None else json.loads(row[0])
    return {entry[0]: entry[2] for entry in entries if len(entry) > 2}


def close(
    tx: Tx, proposal_id: int, status: str, *, by: str, now: str, person_id: int | None
) -> None:
    tx.execute(
        "UPDATE proposals SET status = ?, decided_by = ?, decided_at = ?, person_id = ? "
        "WHERE id = ?",
        (status, by, now, person_id, proposal_id),
    )


def candidates(
    tx: Tx, readable: Filter, dossier_id: int | None
) -> list[tuple[str, int, int, int, int | None, str | None]]:
    """(text, leaf, start, end, record, form type) of every name found on the
    readable leaves (of one dossier, if given), in the order the leaves came."""
    where = "" if dossier_id is None else "AND l.dossier_id = ? "
    return [
        (str(r[0]), int(r[1]), int(r[2]), int(r[3]), None if r[4] is None else int(r[4]), r[5])
        for r in tx.all(
            "SELECT x.text, x.leaf_id, x.start_offset, x.end_offset, x.person_id, f.type "
            "FROM mentions x JOIN leaves l ON l.id = x.leaf_id "
            "LEFT JOIN name_forms f ON f.id = x.form_id "
            f"WHERE {readable.sql} {where}"
            "ORDER BY l.arrival, x.start_offset",
            (*readable.params, *(() if dossier_id is None else (dossier_id,))),
        )
    ]
