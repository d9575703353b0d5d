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


def _forms_json(group: Group) -> str:
    types = dict(group.types)
    forms = [
        [form, list(leaves), *([str(types[form])] if form in types else [])]
        for form, leaves in group.forms
    ]
    return json.dumps(forms, ensure_ascii=False)


def keep_pending(tx: Tx, groups: Sequence[Group]) -> set[int]:
    """Undecided proposals are a view of the unlinked names, made again at
    each ingest: those the new grouping makes again unchanged keep their ids
    (a registrar's proposal does not vanish because a file came in); the
    others go. Answers the ids kept."""
    wanted = {(fold(g.preferred), _forms_json(g)) for g in groups}
    kept: set[int] = set()
    for proposal_id, folded, forms in tx.all(
        "SELECT id, folded, forms FROM proposals WHERE status = 'pending'"
    ):
        if (folded, forms) in wanted:
            kept.add(int(proposal_id))
        else:
            tx.execute("DELETE FROM proposals WHERE id = ?", (proposal_id,))
    return kept


def add(tx: Tx, group: Group, now: str) -> int | None:
    """A new pending proposal, unless one under its name is pending or decided."""
    folded = fold(group.preferred)
    if tx.one("SELECT 1 FROM proposals WHERE folded = ?", (folded,)) is not None:
        return None
    arrival, proposal_id = ids.one(tx, "suggestion")
    forms = json.loads(_forms_json(group))
    tx.execute(
        "INSERT INTO proposals (id, arrival, preferred, folded, forms, score, reasons, status, "
        "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)",
        (proposal_id, arrival, group.preferred, folded, json.dumps(forms, ensure_ascii=False),
         group.score, json.dumps(list(group.reasons), ensure_ascii=False), now),
    )  # fmt: skip
    return proposal_id


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


def unlinked(tx: Tx, readable: Filter, dossier_id: int | None) -> list[tuple[str, int]]:
    """(text, leaf id) of the names found on readable leaves that no record holds."""
    where = "" if dossier_id is None else "AND l.dossier_id = ? "
    return [
        (str(text), int(leaf_id))
        for text, leaf_id in tx.all(
            "SELECT x.text, x.leaf_id FROM mentions x JOIN leaves l ON l.id = x.leaf_id "
            f"WHERE x.person_id IS NULL AND {readable.sql} {where}"
            "ORDER BY l.arrival, x.start_offset",
            (*readable.params, *(() if dossier_id is None else (dossier_id,))),
        )
    ]
