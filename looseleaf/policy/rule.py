"""The one access rule (BRIEF.md §4), in plain Python over plain facts.

A reader may read a leaf iff their level is at least the leaf's, and they are
read into every compartment of the leaf or hold an unexpired grant that
covers it, and the leaf is not withdrawn. A grant never lifts the level
requirement. `sql.py` compiles the same rule for lists and search; a
property test keeps the two in agreement.

Every decision carries its reason, written for staff ("why can't she read
this?"); readers themselves are only ever told "not found".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from looseleaf.model import Levels, Role
from looseleaf.policy.actions import ANY_READER, ROLES, Action


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str
    #: The grant that allowed a read, when one did (recorded with the read).
    grant_id: int | None = None
    #: The facts decided on, recorded with a read so it can be replayed later.
    facts: dict[str, Any] | None = field(default=None, compare=False)

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"allowed": self.allowed, "reason": self.reason}
        if self.grant_id is not None:
            data["grant_id"] = self.grant_id
        return data


@dataclass(frozen=True)
class ReaderFacts:
    id: int
    name: str
    level: int
    compartments: frozenset[str]
    roles: frozenset[str]
    disabled: bool
    #: The account's redaction class, and whether that class masks anything
    #: (then it reads only leaves whose redaction a custodian signed off).
    reader_class: str = "staff"
    redacts: bool = False


@dataclass(frozen=True)
class LeafFacts:
    id: int
    level: int
    compartments: frozenset[str]
    withdrawn: bool
    #: A custodian signed off the redaction of the leaf's current text.
    signed: bool = False


@dataclass(frozen=True)
class GrantFacts:
    id: int
    expires_at: str
    ended_at: str | None

    def active(self, now: str) -> bool:
        return self.ended_at is None and self.expires_at > now


#: The revision of the rule this code implements, recorded with every read.
REVISION = 2


def facts_of(reader: ReaderFacts, leaf: LeafFacts, grants: Sequence[GrantFacts]) -> dict[str, Any]:
    """The facts of a read as plain data, for the record and for replay."""
    return {
        "revision": REVISION,
        "reader": {
            "id": reader.id,
            "name": reader.name,
            "level": reader.level,
            "compartments": sorted(reader.compartments),
            "roles": sorted(reader.roles),
            "disabled": reader.disabled,
            "class": reader.reader_class,
            "redacts": reader.redacts,
        },
        "leaf": {
            "id": leaf.id,
            "level": leaf.level,
            "compartments": sorted(leaf.compartments),
            "withdrawn": leaf.withdrawn,
            "signed": leaf.signed,
        },
        "grants": [
            {"id": g.id, "expires_at": g.expires_at, "ended_at": g.ended_at} for g in grants
        ],
    }


def replay(recorded: dict[str, Any], at: str, levels: Levels) -> Decision:
    """Decide again, from the facts recorded with a read, at the time it happened."""
    reader = recorded["reader"]
    leaf = recorded["leaf"]
    return may_read(
        ReaderFacts(
            reader["id"],
            reader["name"],
            reader["level"],
            frozenset(reader["compartments"]),
            frozenset(reader["roles"]),
            reader["disabled"],
            reader.get("class", "staff"),
            reader.get("redacts", False),
        ),
        LeafFacts(
            leaf["id"],
            leaf["level"],
            frozenset(leaf["compartments"]),
            leaf["withdrawn"],
            leaf.get("signed", False),
        ),
        [GrantFacts(g["id"], g["expires_at"], g["ended_at"]) for g in recorded["grants"]],
        at,
        levels,
    )


def may_read(
    reader: ReaderFacts,
    leaf: LeafFacts,
    grants: Sequence[GrantFacts],
    now: str,
    levels: Levels,
) -> Decision:
    if reader.disabled:
        return Decision(False, f"the account {reader.name} is disabled")
    if leaf.withdrawn:
        return Decision(False, f"leaf {leaf.id} is withdrawn")
    if reader.redacts and not leaf.signed:
        return Decision(
            False,
            f"leaf {leaf.id} has no signed-off redaction, which the {reader.reader_class} "
            "class needs before it may read a leaf",
        )
    if reader.level < leaf.level:
        return Decision(
            False,
            f"level {levels.name(reader.level)} is below the leaf's {levels.name(leaf.level)} "
            "(a grant never lifts the level requirement)",
        )
    missing = sorted(leaf.compartments - reader.compartments)
    if not missing:
        held = f" and read into {', '.join(sorted(leaf.compartments))}" if leaf.compartments else ""
        return Decision(
            True,
            f"cleared {levels.name(reader.level)} >= {levels.name(leaf.level)}{held}",
        )
    active = [grant for grant in grants if grant.active(now)]
    if active:
        grant = max(active, key=lambda g: g.expires_at)
        return Decision(
            True,
            f"grant {grant.id} covers this leaf until {grant.expires_at}; "
            f"level {levels.name(reader.level)} >= {levels.name(leaf.level)}",
            grant_id=grant.id,
        )
    lapsed = [grant for grant in grants if not grant.active(now)]
    because = ""
    if lapsed:
        last = max(lapsed, key=lambda g: g.ended_at or g.expires_at)
        ended = f"ended {last.ended_at}" if last.ended_at else f"expired {last.expires_at}"
        because = f"; grant {last.id} {ended}"
    return Decision(
        False,
        f"not read into {', '.join(missing)} and no unexpired grant covers this leaf{because}",
    )


def may_see_title(
    reader: ReaderFacts,
    level: int,
    compartments: frozenset[str],
    levels: Levels,
    *,
    what: str = "title",
) -> Decision:
    """A dossier's title and existence carry their own marking, as does a
    card-index record; no grant lifts it."""
    if reader.disabled:
        return Decision(False, f"the account {reader.name} is disabled")
    if reader.level < level:
        return Decision(
            False, f"level {levels.name(reader.level)} is below the {what}'s {levels.name(level)}"
        )
    missing = sorted(compartments - reader.compartments)
    if missing:
        return Decision(False, f"not read into {', '.join(missing)} (the {what}'s marking)")
    return Decision(True, f"cleared for the {what}'s marking {levels.name(level)}")


def may_act(reader: ReaderFacts, action: Action) -> Decision:
    """Staff and self-service actions that do not depend on a leaf's marking."""
    if reader.disabled:
        return Decision(False, f"the account {reader.name} is disabled")
    if action in ANY_READER:
        return Decision(True, f"any active account may {action.value}")
    needed = ROLES.get(action)
    if needed is None:
        return Decision(False, f"{action.value} is not an action readers take")
    held = sorted(role for role in needed if role in reader.roles)
    if held:
        return Decision(True, f"{reader.name} holds the {held[0]} role")
    names = " or ".join(sorted(needed))
    return Decision(False, f"{action.value} needs the {names} role")


def has_role(reader: ReaderFacts, role: Role) -> bool:
    return not reader.disabled and role in reader.roles
