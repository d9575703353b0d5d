"""Policy: the one access rule and every other permission, in one place.

`Policy.check(actor, action, target) -> Decision(allowed, reason)` decides a
single case from facts read fresh in the caller's transaction; `sql.py`
compiles the read rule for lists. Deny by default: an action not named in
`actions.py` is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from looseleaf.model import Actor, Levels
from looseleaf.policy import facts as load
from looseleaf.policy import sql, staff
from looseleaf.policy.actions import Action
from looseleaf.policy.rule import (
    Decision,
    ReaderFacts,
    facts_of,
    may_act,
    may_read,
    may_see_title,
)
from looseleaf.store.base import Tx

__all__ = ["Action", "Decision", "Policy", "sql"]

OPERATOR = Decision(True, "the local operator holds the registry and acts with its authority")


@dataclass(frozen=True)
class Policy:
    tx: Tx
    levels: Levels
    now: str

    def reader(self, actor: Actor) -> ReaderFacts | None:
        return None if actor.reader_id is None else load.reader(self.tx, actor.reader_id)

    def check(
        self, actor: Actor, action: Action, target: int | None = None, *, facts: bool = False
    ) -> Decision:
        """Decide. With `facts`, a read's decision carries the facts it rests on,
        for the record (a read that is about to hand out text asks for them)."""
        if actor.is_operator:
            return OPERATOR
        reader = self.reader(actor)
        if reader is None:
            return Decision(False, f"no account {actor.name}")
        if action is Action.LEAF_READ:
            return self._read(reader, _target(action, target), facts=facts)
        if action is Action.DOSSIER_SEE:
            marking = load.dossier_marking(self.tx, _target(action, target))
            if marking is None:
                return Decision(False, f"no dossier {target}")
            return may_see_title(reader, marking[0], marking[1], self.levels)
        if action is Action.PERSON_SEE:
            marking = load.person_marking(self.tx, _target(action, target))
            if marking is None:
                return Decision(False, f"no record {target}")
            seen = may_see_title(reader, marking[0], marking[1], self.levels, what="record")
            if seen.allowed and load.masked_for(self.tx, reader.id, _target(action, target)):
                return Decision(
                    False, f"record {target} is masked for the {reader.reader_class} class"
                )
            return seen
        return may_act(reader, action)

    # -- staff acts: the actor's own clearance, always (see `staff.py`) ---------

    def review(self, actor: Actor, slip_id: int, leaf_id: int) -> Decision:
        """May `actor` read leaf `leaf_id` to decide slip `slip_id`?"""
        if actor.is_operator:
            return OPERATOR
        reader, leaf = self.reader(actor), load.leaf(self.tx, leaf_id)
        slip = load.slip(self.tx, slip_id)
        if reader is None:
            return Decision(False, f"no account {actor.name}")
        # The role, then the slip, then the leaf: a refusal about the slip
        # (one's own, or decided) says nothing of which leaves exist.
        role = may_act(reader, Action.LEAF_REVIEW)
        if not role.allowed:
            return role
        if slip is None:
            return Decision(False, f"no slip {slip_id}")
        about_slip = staff.may_decide(reader, slip)
        if not about_slip.allowed:
            return about_slip
        if leaf is None:
            return Decision(False, f"no leaf {leaf_id}")
        grants = load.grants(self.tx, reader.id, leaf.id)
        return staff.may_review(reader, slip, leaf, grants, now=self.now, levels=self.levels)

    def decide(self, actor: Actor, slip_id: int) -> Decision:
        if actor.is_operator:
            return OPERATOR
        reader, slip = self.reader(actor), load.slip(self.tx, slip_id)
        if reader is None:
            return Decision(False, f"no account {actor.name}")
        if slip is None:
            return Decision(False, f"no slip {slip_id}")
        return staff.may_decide(reader, slip)

    def issue(self, actor: Actor, leaf_id: int) -> Decision:
        if actor.is_operator:
            return OPERATOR
        reader = self.reader(actor)
        if reader is None:
            return Decision(False, f"no account {actor.name}")
        leaf = load.leaf(self.tx, leaf_id)
        if leaf is None:
            return Decision(False, f"no leaf {leaf_id}")
        return staff.may_issue(
            reader, leaf, load.grants(self.tx, reader.id, leaf.id), self.now, self.levels
        )

    def mark(
        self,
        actor: Actor,
        old: tuple[int, frozenset[str]],
        new: tuple[int, frozenset[str]],
        *,
        what: str = "leaf",
    ) -> Decision:
        if actor.is_operator:
            return OPERATOR
        reader = self.reader(actor)
        if reader is None:
            return Decision(False, f"no account {actor.name}")
        return staff.may_mark(reader, old, new, self.levels, what=what)

    def knows(self, actor: Actor, level: int, compartments: frozenset[str]) -> bool:
        """Whether the actor's own clearance reaches a marking: what staff must
        hold before they may be told that a thing of that marking exists."""
        if actor.is_operator:
            return True
        reader = self.reader(actor)
        return reader is not None and staff.covers(reader, level, compartments)

    def knows_leaf(self, actor: Actor, leaf_id: int) -> bool:
        leaf = load.leaf(self.tx, leaf_id)
        return leaf is not None and self.knows(actor, leaf.level, leaf.compartments)

    def _read(self, reader: ReaderFacts, leaf_id: int, *, facts: bool) -> Decision:
        leaf = load.leaf(self.tx, leaf_id)
        if leaf is None:
            return Decision(False, f"no leaf {leaf_id}")
        needs_grant = not leaf.withdrawn and not leaf.compartments <= reader.compartments
        grants = load.grants(self.tx, reader.id, leaf.id) if needs_grant else []
        decision = may_read(reader, leaf, grants, self.now, self.levels)
        return replace(decision, facts=facts_of(reader, leaf, grants)) if facts else decision


def _target(action: Action, target: int | None) -> int:
    if target is None:
        raise ValueError(f"{action.value} needs a target")
    return target
