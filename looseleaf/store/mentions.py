"""Where leaves name card-index records: spans of the normalised text."""

from __future__ import annotations

from collections.abc import Sequence

from looseleaf.store.base import Filter, Tx


def add(
    tx: Tx,
    leaf_id: int,
    spans: Sequence[tuple[int, int, str, str, int | None, int | None]],
) -> None:
    """(start, end, text, method, person id, form id) spans found on one leaf."""
    tx.executemany(
        "INSERT INTO mentions (leaf_id, start_offset, end_offset, text, method, person_id, "
        "form_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(leaf_id, *span) for span in spans],
    )


def drop_unlinked(tx: Tx, leaf_id: int, spans: Sequence[tuple[int, int]]) -> None:
    """Forget the unlinked mentions overlapping these spans: a record's form
    found there now takes their place."""
    tx.executemany(
        "DELETE FROM mentions WHERE leaf_id = ? AND person_id IS NULL "
        "AND start_offset < ? AND end_offset > ?",
        [(leaf_id, end, start) for start, end in spans],
    )


def clear(tx: Tx, leaf_id: int) -> None:
    tx.execute("DELETE FROM mentions WHERE leaf_id = ?", (leaf_id,))


def on_leaf(tx: Tx, leaf_id: int) -> list[tuple[int, int, str, str, int | None, str | None]]:
    """(start, end, text, method, person id, form type) in text order."""
    return [
        (int(r[0]), int(r[1]), r[2], r[3], None if r[4] is None else int(r[4]), r[5])
        for r in tx.all(
            "SELECT x.start_offset, x.end_offset, x.text, x.method, x.person_id, f.type "
            "FROM mentions x LEFT JOIN name_forms f ON f.id = x.form_id "
            "WHERE x.leaf_id = ? ORDER BY x.start_offset",
            (leaf_id,),
        )
    ]


def leaves_of_form(tx: Tx, form_id: int, readable: Filter) -> list[int]:
    """The leaves, among those `readable`, on which a form was found."""
    return [
        int(r[0])
        for r in tx.all(
            "SELECT x.leaf_id FROM mentions x JOIN leaves l ON l.id = x.leaf_id "
            f"WHERE x.form_id = ? AND {readable.sql} GROUP BY x.leaf_id, l.arrival "
            "ORDER BY l.arrival",
            (form_id, *readable.params),
        )
    ]


def relink_form(tx: Tx, form_id: int, person_id: int | None) -> None:
    """A form moved to another record (split) or rejected (person None)."""
    if person_id is None:
        tx.execute(
            "UPDATE mentions SET person_id = NULL, form_id = NULL WHERE form_id = ?", (form_id,)
        )
    else:
        tx.execute("UPDATE mentions SET person_id = ? WHERE form_id = ?", (person_id, form_id))


def texts_mentioning(tx: Tx, forms: Sequence[str]) -> list[tuple[int, str]]:
    """(id, normalised text) of leaves whose text may contain one of `forms`
    (a case-insensitive substring prefilter; the gazetteer decides). For the
    facade's indexing only: this text is never returned to anyone."""
    words = sorted({form.lower() for form in forms if form.strip()})
    if not words:
        return []
    test = " OR ".join("LOWER(normalised) LIKE ?" for _ in words)
    return [
        (int(r[0]), r[1])
        for r in tx.all(
            f"SELECT id, normalised FROM leaves WHERE withdrawn_at IS NULL AND ({test}) "
            "ORDER BY id",
            [f"%{word}%" for word in words],
        )
    ]
