"""Staff acts under the one rule: roles add powers, never clearance.

Petrov's defect was a clerk handing over a volume nobody had checked; the
wave-1 defect was staff who could act on what their own clearance forbids.
So every staff act on a leaf, a slip or a marking is decided here from the
acting account's own facts, with a reason staff can be shown ("why can't I
review this?"). Readers never see these reasons for things they may not know
exist: the registry turns those refusals into the same "not found" as a
missing id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from looseleaf.model import Levels
from looseleaf.policy.actions import Action
from looseleaf.policy.rule import (
    Decision,
    GrantFacts,
    LeafFacts,
    ReaderFacts,
    may_act,
    may_read,
)


@dataclass(frozen=True)
class SlipFacts:
    id: int
    owner_id: int
    status: str


def covers(reader: ReaderFacts, level: int, compartments: frozenset[str]) -> bool:
    """Whether the account's own clearance (no grant) reaches a marking."""
    return not reader.disabled and reader.level >= level and compartments <= reader.compartments


def may_review(
    reader: ReaderFacts,
    slip: SlipFacts,
    leaf: LeafFacts,
    grants: Sequence[GrantFacts],
    *,
    now: str,
    levels: Levels,
) -> Decision:
    """A custodian reads a proposed leaf to decide someone else's pending slip,
    and only a leaf they may read themselves: the review is a read."""
    role = may_act(reader, Action.LEAF_REVIEW)
    if not role.allowed:
        return role
    own = may_decide(reader, slip)
    if not own.allowed:
        return own
    return _own_read(
        reader, leaf, grants, now, levels, act=f"reviews leaf {leaf.id} for slip {slip.id}"
    )


def may_decide(reader: ReaderFacts, slip: SlipFacts) -> Decision:
    role = may_act(reader, Action.SLIP_DECIDE)
    if not role.allowed:
        return role
    if slip.owner_id == reader.id:
        return Decision(False, "a custodian does not review or decide their own slip")
    if slip.status != "pending":
        return Decision(False, f"slip {slip.id} is {slip.status}, not pending")
    return Decision(True, f"{reader.name} decides slip {slip.id} for another reader")


def may_issue(
    reader: ReaderFacts, leaf: LeafFacts, grants: Sequence[GrantFacts], now: str, levels: Levels
) -> Decision:
    """A numbered copy passes through its issuer's hands: they must be able to read it."""
    role = may_act(reader, Action.COPY_ISSUE)
    if not role.allowed:
        return role
    return _own_read(reader, leaf, grants, now, levels, act=f"issues leaf {leaf.id}")


def _own_read(
    reader: ReaderFacts,
    leaf: LeafFacts,
    grants: Sequence[GrantFacts],
    now: str,
    levels: Levels,
    *,
    act: str,
) -> Decision:
    """A staff act that puts a leaf's text in the actor's hands is a read by
    the actor, under the one rule."""
    read = may_read(reader, leaf, grants, now, levels)
    verb = act.split(" ", 1)[0]
    if not read.allowed:
        return Decision(False, f"a custodian {verb} only what they may read: {read.reason}")
    return Decision(True, f"{reader.name} {act}: {read.reason}")


def may_mark(
    reader: ReaderFacts,
    old: tuple[int, frozenset[str]],
    new: tuple[int, frozenset[str]],
    levels: Levels,
    *,
    what: str = "leaf",
) -> Decision:
    """A registrar re-marks only what their own clearance covers, and only to a
    marking it also covers: nobody marks what they cannot see, nor hides a
    leaf from themselves into a marking they could never check again."""
    role = may_act(reader, Action.LEAF_MARK)
    if not role.allowed:
        return role
    if not covers(reader, *old):
        return Decision(
            False, f"a registrar marks only what their clearance covers (the {what}'s marking)"
        )
    if not covers(reader, *new):
        missing = sorted(new[1] - reader.compartments)
        why = (
            f"level {levels.name(new[0])} is above {levels.name(reader.level)}"
            if new[0] > reader.level
            else f"not read into {', '.join(missing)}"
        )
        return Decision(False, f"a registrar marks only within their own clearance ({why})")
    return Decision(
        True, f"{reader.name} holds the registrar role and is cleared for both markings"
    )


def may_know(reader: ReaderFacts, level: int, compartments: frozenset[str]) -> bool:
    """Whether staff may be told a thing's marking or existence at all."""
    return covers(reader, level, compartments)
