"""Decoding slips: a reader asks whom a cover name on a leaf they read stands
for, and a custodian who holds the decoding power answers on the slip.

The Stasi Records Act lets a person reading their own file have the cover
names of the informers who reported on them decoded on request (§13(5)).
Here that request is a slip like any other: recorded, decided by someone
else, its answer written on the slip (the record's name and id). The
request is refused as "not found" unless the name is written on the leaf as
the reader reads it, so a slip never tells whether some record holds a
name that is not in front of them; the answer names a record only if the
reader may see it (its marking, and their class).
"""

from __future__ import annotations

from dataclasses import replace

from looseleaf.cardindex.names import fold
from looseleaf.custody import xref
from looseleaf.errors import BadInput, NotFound
from looseleaf.model import SECRET_FORMS, Actor, Slip
from looseleaf.policy import Action, Decision, Policy, sql
from looseleaf.registry.base import RegistryBase, reason_given
from looseleaf.store import Tx, leaves, persons, slips


class Decoding(RegistryBase):
    def request_decoding(self, actor: Actor, leaf_id: int, name: str, purpose: str) -> Slip:
        """Ask whom a cover or code name written on a leaf stands for."""
        if actor.reader_id is None:
            raise BadInput("slip", "a slip is raised by a reader (use --as READER)")
        purpose = reason_given(purpose, "--purpose")
        if not name.strip():
            raise BadInput("cover name", "name the cover name written on the leaf")
        with self._acting(actor, Action.LEAF_READ, leaf_id, hidden=("leaf", leaf_id)) as (tx, _):
            found = leaves.by_id(tx, leaf_id)
            assert found is not None
            text = self._layered(tx, actor, leaves.text(tx, found)).normalised
            if not xref.mentions(text, [name]):
                raise NotFound("cover name on that leaf", name.strip())
            scope = {"leaf": leaf_id, "name": name.strip()}
            slip_id = slips.create(
                tx, actor.reader_id, purpose, kind="decode", scope=scope, now=self.now()
            )
            self._record(
                tx,
                actor,
                "slip.request",
                target=f"slip:{slip_id}",
                detail={"purpose": purpose, "scope": scope, "proposed": []},
            )
            return replace(slips.listing(tx, slip_id=slip_id)[0], proposed=None, denied=None)

    def decide_decoding(self, actor: Actor, slip_id: int, *, approve: bool) -> Slip:
        """Answer a decoding slip: the record the cover name is a form of
        (one the deciding custodian may see), or a refusal."""
        with self._acting(
            actor,
            Action.SLIP_DECIDE,
            slip_id,
            decide=lambda policy: self._may_decode(policy, actor, slip_id),
        ) as (tx, _):
            found = slips.listing(tx, slip_id=slip_id)
            if not found:
                raise NotFound("slip", slip_id)
            slip = found[0]
            if slip.scope_kind != "decode":
                raise BadInput(f"slip {slip_id}", "is no decoding slip (decide it with --approve)")
            if slip.status != "pending":
                raise BadInput(f"slip {slip_id}", f"is {slip.status} already")
            answer: dict[str, object] = {"decoded": None}
            if approve:
                answer = {"decoded": self._decoded(tx, actor, slip)}
            slips.set_scope(tx, slip_id, {**slip.scope, **answer})
            slips.close(tx, slip_id, str(actor), self.now())
            self._record(
                tx,
                actor,
                "slip.decode",
                target=f"slip:{slip_id}",
                detail={"approved": approve, **answer},
            )
            return slips.listing(tx, slip_id=slip_id)[0]

    def _decoded(self, tx: Tx, actor: Actor, slip: Slip) -> dict[str, object]:
        name = fold(str(slip.scope["name"]))
        visible = None if actor.reader_id is None else sql.visible_persons(actor.reader_id)
        records = sorted(
            {
                person_id
                for _, person_id, form, form_type in persons.all_forms(tx, visible)
                if form_type in SECRET_FORMS and fold(form) == name
            }
        )
        if len(records) != 1:
            raise BadInput(
                f"slip {slip.id}",
                f"{slip.scope['name']!r} is the cover name of {len(records)} records you may "
                "see: refuse it, or decode it by hand",
            )
        owner = self.as_reader(slip.reader, via=actor)
        record = records[0]
        if not self.policy(tx).check(owner, Action.PERSON_SEE, record).allowed:
            raise BadInput(
                f"slip {slip.id}", f"{slip.reader} may not see record {record}: refuse it"
            )
        preferred = persons.summaries(tx, [record])[0][1]
        return {"record": record, "preferred": preferred}

    def _may_decode(self, policy: Policy, actor: Actor, slip_id: int) -> Decision:
        """A custodian who also holds the decoding power, not on their own
        slip: the roles first, so that an account without them learns nothing
        of which slips exist."""
        for needed in (Action.SLIP_DECIDE, Action.PERSON_DECODE):
            decision = policy.check(actor, needed)
            if not decision.allowed:
                return decision
        return policy.decide(actor, slip_id)
