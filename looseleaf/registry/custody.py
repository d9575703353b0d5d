"""Custody: request slips, grants, numbered copies and working files.

A reader learns nothing from a slip beyond what is granted to them: not what
was proposed, not how much was denied. A custodian sees the proposals, may
read them for review (recorded), and detaches just the leaves that are
needed, as the German registry detached pages from a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from looseleaf.cardindex.matcher import Index
from looseleaf.cardindex.names import fold
from looseleaf.custody import xref
from looseleaf.custody.notes import derived_marking
from looseleaf.errors import BadInput, NotFound
from looseleaf.model import Actor, Citation, Grant, LeafText, Note, Slip
from looseleaf.policy import Action, Decision, Policy, sql
from looseleaf.registry.base import RegistryBase
from looseleaf.registry.leafnames import cross_references, hidden_types, known_mentions
from looseleaf.store import (
    Tx,
    dossiers,
    grants,
    leaves,
    mentions,
    notes,
    persons,
    readers,
    slips,
)
from looseleaf.store.base import Filter

#: A query slip proposes at most this many leaves; a custodian narrows it further.
QUERY_PROPOSALS = 200


class Custody(RegistryBase):
    # -- request slips ------------------------------------------------------------

    def request_slip(
        self,
        actor: Actor,
        purpose: str,
        *,
        leaf_ids: Sequence[int] = (),
        xref_leaf: tuple[int, str] | None = None,
        query: str | None = None,
    ) -> Slip:
        """Raise a slip by leaf ids, by cross-reference, or by query.

        The answer is the same whatever was found: the reader is told only that
        the slip is pending. Leaf ids that do not exist are dropped silently, as
        are leaves the reader may already read.
        """
        if actor.reader_id is None:
            raise BadInput("slip", "a slip is raised by a reader (use --as READER)")
        if not purpose.strip():
            raise BadInput("--purpose", "a slip states its purpose")
        scopes = [bool(leaf_ids), xref_leaf is not None, bool(query and query.strip())]
        if sum(scopes) != 1:
            raise BadInput("slip", "give exactly one of --leaf, --xref or --query")
        with self._acting(actor, Action.SLIP_REQUEST) as (tx, _):
            scope: dict[str, Any]
            if leaf_ids:
                # As the reader typed them: ids are opaque, their order says nothing.
                kind, scope = "leaves", {"leaves": list(dict.fromkeys(leaf_ids))}
                proposed = self._proposable(tx, actor.reader_id, leaf_ids)
            elif xref_leaf is not None:
                kind, scope = "xref", {"leaf": xref_leaf[0], "name": xref_leaf[1]}
                proposed = self._xref_request(tx, actor, *xref_leaf)
            else:
                # Found when a custodian opens the slip, among what that
                # custodian may read: never a substring oracle over the rest.
                assert query is not None
                kind, scope, proposed = "query", {"query": query.strip()}, []
            slip_id = slips.create(
                tx, actor.reader_id, purpose.strip(), kind=kind, scope=scope, now=self.now()
            )
            slips.propose(tx, slip_id, proposed)
            self._record(
                tx,
                actor,
                "slip.request",
                target=f"slip:{slip_id}",
                detail={"purpose": purpose.strip(), "scope": scope, "proposed": proposed},
            )
            return _for_reader(slips.listing(tx, slip_id=slip_id)[0])

    def _proposable(self, tx: Tx, reader_id: int, leaf_ids: Sequence[int]) -> list[int]:
        """Of these ids, the leaves that exist, are not withdrawn and that the
        reader may not read yet: the only ones worth proposing."""
        wanted = sorted(set(leaf_ids))
        if not wanted:
            return []
        readable = sql.readable_leaves(reader_id, self.now())
        marks = ", ".join("?" for _ in wanted)
        return [
            int(row[0])
            for row in tx.all(
                f"SELECT l.id FROM leaves l WHERE l.id IN ({marks}) AND l.withdrawn_at IS NULL "
                f"AND NOT {readable.sql} ORDER BY l.id",
                (*wanted, *readable.params),
            )
        ]

    def _xref_request(self, tx: Tx, actor: Actor, leaf_id: int, name: str) -> list[int]:
        """Petrov's case: the leaf says "see the file of X", and the reader may
        ask for it whether or not they may see that such a file exists. A
        target they may see is found in their own view; any other name
        written on the leaf is looked for among every title, and what bears
        on it is proposed to custodians only (a reader is never shown a
        slip's proposals, a custodian only those they may read): the reader's
        answer is the same pending slip, held or not."""
        assert actor.reader_id is not None
        if not self.policy(tx).check(actor, Action.LEAF_READ, leaf_id).allowed:
            raise NotFound("leaf", leaf_id)
        source = leaves.by_id(tx, leaf_id)
        if source is None:
            raise NotFound("leaf", leaf_id)
        try:
            candidates = self._xref_proposals(tx, actor, leaf_id, name)
        except NotFound:
            if not xref.mentions(
                self._layered(tx, actor, leaves.text(tx, source)).normalised, [name]
            ):
                raise NotFound("dossier", name) from None  # as for a name nothing holds
            try:
                candidates = self._xref_proposals(tx, actor, leaf_id, name, every_title=True)
            except (NotFound, BadInput):  # nothing held, or more than one: a custodian's call
                candidates = []
        return self._proposable(tx, actor.reader_id, candidates)

    def _xref_proposals(
        self, tx: Tx, actor: Actor, leaf_id: int, name: str, *, every_title: bool = False
    ) -> list[int]:
        """Leaves of the named person's dossier that bear on the referencing leaf.

        The name must be a cross-reference the reader is shown on that leaf,
        or the surname, written on the leaf, of a dossier title they may see;
        any other name (a cover name they may not decode as much as a word
        nobody knows) is the same "not found", so a slip answers no more than
        the leaf view shows. What bears on the reference is found through the
        reader's own view of the card index: a slip never proposes leaves by
        a link between names that the reader may not know.
        """
        decision = self.policy(tx).check(actor, Action.LEAF_READ, leaf_id)
        source = leaves.by_id(tx, leaf_id) if decision.allowed else None
        if source is None:
            raise NotFound("leaf", leaf_id)
        assert actor.reader_id is not None
        visible = Filter("1 = 1", ()) if every_title else sql.visible_dossiers(actor.reader_id)
        people = sql.visible_persons(actor.reader_id)
        text = self._layered(tx, actor, leaves.text(tx, source)).normalised
        target = self._xref_target(tx, actor, leaf_id, name, people)
        if target is None:
            # The card index may know nobody here: a title the reader sees
            # names its subject, and the leaf writes that surname.
            targets = [
                (dossier_id, title)
                for dossier_id, title in dossiers.titles(tx, visible)
                if xref.names_in(title, name)
                and dossier_id != source.dossier_id
                and xref.mentions(text, [xref.surname(title)])
            ]
            if not targets:
                raise NotFound("dossier", name)
            if len(targets) > 1:
                choices = "; ".join(title for _, title in targets)
                raise BadInput(f"--xref name {name!r}", f"names more than one dossier ({choices})")
            target = targets[0]
        target_id = target[0]
        # What bears on the reference: the subject of the dossier the reference
        # was found in, and anyone else named on the referencing leaf, under
        # every name form of theirs that the reader may see.
        bearing = [
            xref.surname(title)
            for dossier_id, title in dossiers.titles(tx)
            if dossier_id != target_id
            and (dossier_id == source.dossier_id or xref.mentions(text, [xref.surname(title)]))
        ]
        known = persons.all_forms(tx, people, secret=hidden_types(self, tx, actor))
        records = {p for _, p, _, _ in known}
        named = {p for _, _, _, p in known_mentions(self, tx, actor, leaf_id)}
        others = {
            p
            for p in named | set(persons.subjects_of(tx, source.dossier_id))
            if p in records and persons.dossier_of(tx, p) != target_id
        }
        bearing += [form for _, p, form, _ in known if p in others]
        return [
            candidate
            for candidate, candidate_text in leaves.texts_of_dossier(tx, target_id)
            if xref.mentions(candidate_text, bearing)
        ]

    def _named_on(self, tx: Tx, leaf_id: int) -> dict[int, int | None]:
        """Records mentioned on a leaf, each with the dossier on them (if any)."""
        return {
            person_id: persons.dossier_of(tx, person_id)
            for _, _, _, _, person_id, _ in mentions.on_leaf(tx, leaf_id)
            if person_id is not None
        }

    def _xref_target(
        self, tx: Tx, actor: Actor, leaf_id: int, name: str, people: Filter
    ) -> tuple[int, str] | None:
        """The dossier of the cross-reference on the leaf that `name` names, among
        those the reader is shown: by its words on the leaf, its dossier's
        title, or a form of the record that the reader may see (`people` are
        the records they may know of)."""

        known = persons.all_forms(tx, people, secret=hidden_types(self, tx, actor))
        wanted = fold(name)
        for shown in cross_references(self, tx, actor, leaf_id):
            names = [shown.text, shown.dossier_title]
            names += [form for _, p, form, _ in known if p == shown.person_id]
            if any(fold(n) == wanted for n in names) or Index(
                [(shown.dossier_id, n) for n in names]
            ).matches(name):
                return shown.dossier_id, shown.dossier_title
        return None

    def _query_proposals(self, tx: Tx, slip: Slip, custodian: Actor) -> list[int]:
        """Leaves matching a query slip that its reader may not read yet, found
        only among the leaves the deciding custodian may read themselves."""
        owner = readers.by_name(tx, self.levels, slip.reader)
        assert owner is not None
        filters = [sql.readable_leaves(owner.id, self.now())]
        mine = "1 = 1"
        params: tuple[object, ...] = ()
        if custodian.reader_id is not None:
            own = sql.readable_leaves(custodian.reader_id, self.now())
            mine, params = own.sql, own.params
        return [
            int(row[0])
            for row in tx.all(
                "SELECT l.id FROM leaves l WHERE l.withdrawn_at IS NULL "
                f"AND LOWER(l.normalised) LIKE ? AND NOT {filters[0].sql} AND {mine} "
                "ORDER BY l.arrival LIMIT ?",
                (f"%{str(slip.scope['query']).lower()}%", *filters[0].params, *params,
                 QUERY_PROPOSALS),
            )
        ]  # fmt: skip

    def _staff_view(self, tx: Tx, actor: Actor, slip: Slip) -> Slip:
        """A slip as one custodian may see it: only the leaves they may read
        themselves, and a count of the undecided rest. Their own slip they see
        as its reader does."""
        if actor.reader_id is not None and slip.reader == actor.name:
            return _for_reader(slip)
        if slip.scope_kind == "query" and slip.status == "pending":
            found = tuple(self._query_proposals(tx, slip, actor))
            return replace(slip, proposed=found, denied=(), granted=(), beyond=None)
        policy = self.policy(tx)

        def mine(leaf_ids: Sequence[int]) -> tuple[int, ...]:
            return tuple(i for i in leaf_ids if policy.check(actor, Action.LEAF_READ, i).allowed)

        proposed = mine(slip.proposed or ())
        undecided = set(slip.proposed or ()) - set(slip.granted) - set(slip.denied or ())
        beyond = len(undecided - set(proposed)) if slip.scope_kind != "query" else None
        scope = dict(slip.scope)
        if "leaves" in scope:  # the ids the reader typed, as far as this custodian may see
            scope["leaves"] = list(mine(scope["leaves"]))
        if "leaf" in scope and not mine([scope["leaf"]]):
            scope["leaf"] = None
        return replace(
            slip,
            scope=scope,
            proposed=proposed,
            granted=mine(slip.granted),
            denied=mine(slip.denied or ()),
            beyond=beyond,
        )

    def _open_to(self, tx: Tx, actor: Actor, slip: Slip) -> tuple[int, ...]:
        """The proposals of a pending slip that this custodian may still decide."""
        view = self._staff_view(tx, actor, slip)
        decided = {*view.granted, *(view.denied or ())}
        return tuple(i for i in view.proposed or () if i not in decided)

    def slips(self, actor: Actor, *, status: str | None = None) -> list[Slip]:
        """A reader's own slips (trimmed), or every slip for a custodian."""
        if self._is_custodian(actor):
            with self.store.read() as tx:
                return [self._staff_view(tx, actor, s) for s in slips.listing(tx, status=status)]
        assert actor.reader_id is not None
        with self.store.read() as tx:
            return [
                _for_reader(s) for s in slips.listing(tx, reader_id=actor.reader_id, status=status)
            ]

    def slip(self, actor: Actor, slip_id: int) -> Slip:
        with self.store.read() as tx:
            found = slips.listing(tx, slip_id=slip_id)
            if found and self._is_custodian(actor):
                return self._staff_view(tx, actor, found[0])
        if found and actor.reader_id is not None and found[0].reader == actor.name:
            return _for_reader(found[0])
        raise NotFound("slip", slip_id)

    def _is_custodian(self, actor: Actor) -> bool:
        return self.check(actor, Action.SLIP_DECIDE).allowed

    def review(self, actor: Actor, slip_id: int, leaf_id: int) -> LeafText:
        """A custodian reads a proposed leaf to decide someone else's slip: a
        recorded read, of a leaf they may read themselves."""

        def decide(policy: Policy) -> Decision:
            decision = policy.review(actor, slip_id, leaf_id)
            if decision.allowed:
                found = slips.listing(policy.tx, slip_id=slip_id)
                if not found or leaf_id not in self._open_to(policy.tx, actor, found[0]):
                    return Decision(False, f"leaf {leaf_id} is not proposed to you on {slip_id}")
            return decision

        with self._acting(
            actor, Action.LEAF_REVIEW, leaf_id, hidden=self._hidden_in_review(actor, slip_id,
            leaf_id), decide=decide,
        ) as (tx, decision):  # fmt: skip
            return self._hand_out(tx, actor, "leaf.review", leaf_id, decision)

    def _hidden_in_review(
        self, actor: Actor, slip_id: int, leaf_id: int
    ) -> tuple[str, object] | None:
        """A refusal about the slip itself (their own, or decided) is explained;
        one about the leaf is the same "not found" as a missing leaf."""
        with self.store.read() as tx:
            policy = self.policy(tx)
            decided = policy.decide(actor, slip_id)
            if (
                not decided.allowed
                and slips.owner(tx, slip_id) is not None
                and (self._is_custodian(actor))
            ):
                return None
        return ("leaf", leaf_id)

    def decide_slip(
        self,
        actor: Actor,
        slip_id: int,
        *,
        approve: Sequence[int],
        deny: Sequence[int] = (),
        days: int | None = None,
    ) -> Slip:
        """Approve some proposed leaves, page by page; the rest of what this
        custodian may read is denied. Approval becomes grants for the slip's
        reader, until an expiry. Proposals beyond the custodian's own clearance
        stay undecided (the slip stays pending) for a higher custodian; a
        query slip is decided over what this custodian may read, and closes."""
        with self._acting(
            actor, Action.SLIP_DECIDE, slip_id, decide=lambda p: self._may_decide(p, actor, slip_id)
        ) as (tx, _):
            slip = slips.listing(tx, slip_id=slip_id)[0]
            if slip.scope_kind == "decode":
                raise BadInput(f"slip {slip_id}", "is a decoding slip: --decoding approve|refuse")
            open_ = self._open_to(tx, actor, slip)
            for leaf_id in [*approve, *deny]:
                if leaf_id not in open_:
                    raise BadInput(f"leaf {leaf_id}", f"was not proposed on slip {slip_id}")
            if set(approve) & set(deny):
                raise BadInput("--approve/--deny", "a leaf cannot be both approved and denied")
            owner = readers.by_name(tx, self.levels, slip.reader)
            assert owner is not None
            for leaf_id in approve:
                leaf = leaves.by_id(tx, leaf_id)
                assert leaf is not None
                if self.levels.rank(leaf.marking.level) > self.levels.rank(owner.clearance.level):
                    raise BadInput(
                        f"leaf {leaf_id}",
                        f"is marked {leaf.marking.level}, above {owner.name}'s clearance "
                        f"{owner.clearance.level}; a grant never lifts the level requirement",
                    )
            approved = sorted(set(approve))
            denied = [leaf_id for leaf_id in open_ if leaf_id not in set(approve)]
            expires = self.later(days or self.settings.grant_days)
            if slip.scope_kind == "query":
                slips.propose(tx, slip_id, open_)
            slips.settle(tx, slip_id, approved, denied)
            if slip.scope_kind == "query" or not slips.undecided(tx, slip_id):
                slips.close(tx, slip_id, str(actor), self.now())
            grants.add(
                tx,
                reader_id=owner.id,
                leaf_ids=approved,
                slip_id=slip_id,
                purpose=slip.purpose,
                granted_by=str(actor),
                now=self.now(),
                expires_at=expires,
            )
            self._record(
                tx,
                actor,
                "slip.decide",
                target=f"slip:{slip_id}",
                detail={
                    "reader": owner.name,
                    "approved": approved,
                    "denied": denied,
                    "expires_at": expires,
                },
            )
            return self._staff_view(tx, actor, slips.listing(tx, slip_id=slip_id)[0])

    def _may_decide(self, policy: Policy, actor: Actor, slip_id: int) -> Decision:
        """The role first, so that an account without it learns nothing of
        which slips exist; then the slip (its owner, its status)."""
        role = policy.check(actor, Action.SLIP_DECIDE)
        if not role.allowed:
            return role
        decision = policy.decide(actor, slip_id)
        if not decision.allowed and slips.owner(policy.tx, slip_id) is None:
            raise NotFound("slip", slip_id)
        return decision

    def return_slip(self, actor: Actor, slip_id: int) -> int:
        """The reader hands the leaves back (or a custodian recalls them): every
        grant of the slip ends at once."""
        with self._writing() as tx:
            owner = slips.owner(tx, slip_id)
            mine = owner is not None and owner[0] == actor.reader_id
            staff = self.policy(tx).check(actor, Action.SLIP_DECIDE).allowed
            if owner is None or not (mine or staff):
                raise NotFound("slip", slip_id)
            policy = self.policy(tx)
            running = [g for g in grants.listing(tx, slip_id=slip_id) if g.ended_at is None]
            # Staff are told of the grants on leaves they may know of only.
            told = [g for g in running if mine or policy.knows_leaf(actor, g.leaf_id)]
            ended = grants.end_for_slip(tx, slip_id, self.now())
            slips.set_returned(tx, slip_id, self.now())
            self._record(
                tx, actor, "slip.return", target=f"slip:{slip_id}", detail={"grants_ended": ended}
            )
        return len(told)

    def grants(self, actor: Actor, *, reader: str | None = None) -> list[Grant]:
        """A reader's own grants; a custodian's view of anyone's."""
        if reader is not None and reader != actor.name:
            with self._acting(actor, Action.SLIP_DECIDE) as (tx, _):
                found = readers.by_name(tx, self.levels, reader)
                if found is None:
                    raise NotFound("reader", reader)
                # Staff see another reader's grants only on leaves they may know of.
                policy = self.policy(tx)
                listed = grants.listing(tx, reader_id=found.id)
                return [g for g in listed if policy.knows_leaf(actor, g.leaf_id)]
        with self.store.read() as tx:
            if actor.reader_id is None:
                return grants.listing(tx)
            return grants.listing(tx, reader_id=actor.reader_id)

    # -- numbered copies ---------------------------------------------------------

    def add_note(self, actor: Actor, text: str, cite: Sequence[int] = ()) -> Note:
        """A private note; it may cite only leaves its author may read now."""
        if actor.reader_id is None:
            raise BadInput("note", "a note belongs to a reader (use --as READER)")
        if not text.strip():
            raise BadInput("note", "a note needs text")
        with self._acting(actor, Action.NOTE_WRITE) as (tx, _):
            policy = self.policy(tx)
            for leaf_id in cite:
                if not policy.check(actor, Action.LEAF_READ, leaf_id).allowed:
                    raise NotFound("leaf", leaf_id)
            note_id = notes.create(tx, actor.reader_id, text.strip(), self.now(), cite)
            self._record(
                tx,
                actor,
                "note.create",
                target=f"note:{note_id}",
                detail={"cites": list(dict.fromkeys(cite))},
            )
            return self._notes(tx, actor, note_id)[0]

    def notes(self, actor: Actor, note_id: int | None = None) -> list[Note]:
        if actor.reader_id is None:
            raise BadInput("note", "notes belong to a reader (use --as READER)")
        with self.store.read() as tx:
            found = self._notes(tx, actor, note_id)
        if note_id is not None and not found:
            raise NotFound("note", note_id)
        return found

    def _notes(self, tx: Tx, actor: Actor, note_id: int | None) -> list[Note]:
        assert actor.reader_id is not None
        policy = self.policy(tx)
        found = []
        for nid, text, created_at, cited in notes.of_reader(tx, actor.reader_id, note_id):
            # The marking is derived from the citations the author may still
            # read: a leaf re-marked out of their reach must not tell them
            # its new marking through their own note.
            citations = tuple(
                Citation(leaf_id, policy.check(actor, Action.LEAF_READ, leaf_id).allowed)
                for leaf_id in cited
            )
            catalogue = [leaves.by_id(tx, c.leaf_id) for c in citations if c.readable]
            found.append(
                Note(
                    id=nid,
                    reader=actor.name,
                    text=text,
                    created_at=created_at,
                    marking=derived_marking(self.levels, [c.marking for c in catalogue if c]),
                    citations=citations,
                )
            )
        return found


def _for_reader(slip: Slip) -> Slip:
    """What a reader may know of their own slip: never the proposals or denials."""
    return replace(slip, proposed=None, denied=None)
