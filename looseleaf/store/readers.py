"""Reader accounts: clearance (level and compartments), roles, password, tokens, logins."""

from __future__ import annotations

from collections.abc import Iterable

from looseleaf.model import Levels, Marking, Reader
from looseleaf.store.base import Tx

_COLUMNS = (
    "r.id, r.name, r.level, r.created_at, r.disabled_at, r.password_hash IS NOT NULL, "
    "r.reader_class, r.person_id"
)


def _compartment_ids(tx: Tx, names: Iterable[str]) -> list[int]:
    ids = []
    for name in sorted(set(names)):
        tx.execute(
            "INSERT INTO compartments (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,)
        )
        ids.append(int(tx.scalar("SELECT id FROM compartments WHERE name = ?", (name,))))
    return ids


def _readers(tx: Tx, levels: Levels, where: str, params: tuple[object, ...]) -> list[Reader]:
    rows = tx.all(f"SELECT {_COLUMNS} FROM readers r {where} ORDER BY r.name", params)
    if not rows:
        return []
    ids = [row[0] for row in rows]
    marks = ", ".join("?" for _ in ids)
    compartments: dict[int, set[str]] = {}
    for reader_id, name in tx.all(
        "SELECT rc.reader_id, c.name FROM reader_compartments rc "
        f"JOIN compartments c ON c.id = rc.compartment_id WHERE rc.reader_id IN ({marks})",
        ids,
    ):
        compartments.setdefault(reader_id, set()).add(name)
    roles: dict[int, set[str]] = {}
    for reader_id, role in tx.all(
        f"SELECT reader_id, role FROM reader_roles WHERE reader_id IN ({marks})", ids
    ):
        roles.setdefault(reader_id, set()).add(role)
    return [
        Reader(
            id=int(row[0]),
            name=row[1],
            clearance=Marking(levels.name(int(row[2])), frozenset(compartments.get(row[0], ()))),
            roles=frozenset(roles.get(row[0], ())),
            created_at=row[3],
            disabled_at=row[4],
            has_password=bool(row[5]),
            reader_class=str(row[6]),
            person_id=None if row[7] is None else int(row[7]),
        )
        for row in rows
    ]


def listing(tx: Tx, levels: Levels) -> list[Reader]:
    return _readers(tx, levels, "", ())


def by_name(tx: Tx, levels: Levels, name: str) -> Reader | None:
    found = _readers(tx, levels, "WHERE r.name = ?", (name,))
    return found[0] if found else None


def by_id(tx: Tx, levels: Levels, reader_id: int) -> Reader | None:
    found = _readers(tx, levels, "WHERE r.id = ?", (reader_id,))
    return found[0] if found else None


def create(tx: Tx, name: str, level: int, now: str) -> int:
    return int(
        tx.scalar(
            "INSERT INTO readers (name, level, created_at) VALUES (?, ?, ?) RETURNING id",
            (name, level, now),
        )
    )


def set_class(tx: Tx, reader_id: int, reader_class: str, person_id: int | None) -> None:
    tx.execute(
        "UPDATE readers SET reader_class = ?, person_id = ? WHERE id = ?",
        (reader_class, person_id, reader_id),
    )


def set_level(tx: Tx, reader_id: int, level: int) -> None:
    tx.execute("UPDATE readers SET level = ? WHERE id = ?", (level, reader_id))


def set_compartments(tx: Tx, reader_id: int, names: Iterable[str]) -> None:
    tx.execute("DELETE FROM reader_compartments WHERE reader_id = ?", (reader_id,))
    tx.executemany(
        "INSERT INTO reader_compartments (reader_id, compartment_id) VALUES (?, ?)",
        [(reader_id, cid) for cid in _compartment_ids(tx, names)],
    )


def set_roles(tx: Tx, reader_id: int, roles: Iterable[str]) -> None:
    tx.execute("DELETE FROM reader_roles WHERE reader_id = ?", (reader_id,))
    tx.executemany(
        "INSERT INTO reader_roles (reader_id, role) VALUES (?, ?)",
        [(reader_id, role) for role in sorted(set(roles))],
    )


def set_password_hash(tx: Tx, reader_id: int, digest: str | None) -> None:
    tx.execute("UPDATE readers SET password_hash = ? WHERE id = ?", (digest, reader_id))


def password_hash(tx: Tx, name: str) -> tuple[int, str | None, str | None] | None:
    """(id, password hash, disabled_at) for a login."""
    row = tx.one("SELECT id, password_hash, disabled_at FROM readers WHERE name = ?", (name,))
    return None if row is None else (int(row[0]), row[1], row[2])


def disable(tx: Tx, reader_id: int, now: str) -> None:
    tx.execute(
        "UPDATE readers SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL", (now, reader_id)
    )


def record_login(tx: Tx, name: str, now: str, ok: bool) -> None:
    tx.execute("INSERT INTO logins (name, at, ok) VALUES (?, ?, ?)", (name, now, int(ok)))


def failed_logins_since(tx: Tx, name: str, since: str) -> int:
    """Failures after the last success, within the window: what throttling counts."""
    last_ok = tx.scalar("SELECT MAX(at) FROM logins WHERE name = ? AND ok = 1", (name,))
    floor = max(since, last_ok or "")
    return int(
        tx.scalar("SELECT COUNT(*) FROM logins WHERE name = ? AND ok = 0 AND at > ?", (name, floor))
    )


def add_token(
    tx: Tx, reader_id: int, digest: str, *, label: str | None, now: str, expires_at: str
) -> int:
    return int(
        tx.scalar(
            "INSERT INTO tokens (reader_id, digest, label, created_at, expires_at) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id",
            (reader_id, digest, label, now, expires_at),
        )
    )


def token_owner(tx: Tx, digest: str, now: str) -> tuple[int, str] | None:
    """(id, name) of the reader a live token belongs to; expired, revoked or unknown
    tokens, and disabled readers, give None."""
    row = tx.one(
        "SELECT r.id, r.name FROM tokens t JOIN readers r ON r.id = t.reader_id "
        "WHERE t.digest = ? AND t.revoked_at IS NULL AND t.expires_at > ? "
        "AND r.disabled_at IS NULL",
        (digest, now),
    )
    return None if row is None else (int(row[0]), str(row[1]))


def revoke_token(tx: Tx, token_id: int, now: str) -> bool:
    cursor = tx.execute(
        "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (now, token_id)
    )
    return int(cursor.rowcount) > 0


def revoke_token_by_digest(tx: Tx, digest: str, now: str) -> int | None:
    """End a token its holder presents (logging out); the token's id, if it was live."""
    found = tx.scalar(
        "UPDATE tokens SET revoked_at = ? WHERE digest = ? AND revoked_at IS NULL RETURNING id",
        (now, digest),
    )
    return None if found is None else int(found)


def tokens_of(tx: Tx, reader_id: int) -> list[tuple[int, str | None, str, str, str | None]]:
    """(id, label, created_at, expires_at, revoked_at) for each of a reader's tokens."""
    return [
        (int(r[0]), r[1], r[2], r[3], r[4])
        for r in tx.all(
            "SELECT id, label, created_at, expires_at, revoked_at FROM tokens "
            "WHERE reader_id = ? ORDER BY id",
            (reader_id,),
        )
    ]
