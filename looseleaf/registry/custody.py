"""Custody: request slips, grants, numbered copies and working files.

A reader learns nothing from a slip beyond what is granted to them: not what
was proposed, not how much was denied. A custodian sees the proposals, may
read them for review (recorded), and detaches just the leaves that are
needed, as the German registry detached pages from a file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from looseleaf.cardindex.matcher import Index
from looseleaf.cardindex.names import fold
from looseleaf.custody import copies as copy_pdf
from looseleaf.custody import xref
from looseleaf.custody.notes import derived_marking
from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.model import Actor, Citation, Copy, Grant, LeafText, Note, Slip
from looseleaf.policy import Action, sql
from looseleaf.policy.sql import Filter
from looseleaf.registry.base import RegistryBase
from looseleaf.store import (
    Tx,
    copies,
    dossiers,
    grants,
    leaves,
    mentions,
    notes,
    persons,
    readers,
    slips,
)

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
                kind, scope = "leaves", {"leaves": sorted(set(leaf_ids))}
                proposed = self._proposable(tx, actor.reader_id, leaf_ids)
            elif xref_leaf is not None:
                kind, scope = "xref", {"leaf": xref_leaf[0], "name": xref_leaf[1]}
                candidates = self._xref_proposals(tx, actor, *xref_leaf)
                proposed = self._proposable(tx, actor.reader_id, candidates)
            else:
                assert query is not None
                kind, scope = "query", {"query": query.strip()}
                proposed = self._query_proposals(tx, actor.reader_id, query.strip())
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

    def _xref_proposals(self, tx: Tx, actor: Actor, leaf_id: int, name: str) -> list[int]:
        """Leaves of the named person's dossier that bear on the referencing leaf."""
        decision = self.policy(tx).check(actor, Action.LEAF_READ, leaf_id)
        source = leaves.by_id(tx, leaf_id) if decision.allowed else None
        if source is None:
            raise NotFound("leaf", leaf_id)
        assert actor.reader_id is not None
        visible = sql.visible_dossiers(actor.reader_id)
        text = leaves.text(tx, source).normalised
        named = self._named_on(tx, leaf_id)
        target = self._xref_target(tx, named, name, visible, source.dossier_id)
        if target is None:
            targets = [
                (dossier_id, title)
                for dossier_id, title in dossiers.titles(tx, visible)
                if xref.names_in(title, name) and dossier_id != source.dossier_id
            ]
            if not targets:
                raise NotFound("dossier", name)
            if len(targets) > 1:
                choices = "; ".join(title for _, title in targets)
                raise BadInput(f"--xref name {name!r}", f"names more than one dossier ({choices})")
            target = targets[0]
            if not xref.mentions(text, [xref.surname(target[1])]):
                raise BadInput(
                    f"--xref {leaf_id}:{name}", f"leaf {leaf_id} does not mention {name}"
                )
        target_id = target[0]
        # What bears on the reference: the subject of the dossier the reference
        # was found in, and anyone else named on the referencing leaf, under
        # every name form the card index knows for them.
        bearing = [
            xref.surname(title)
            for dossier_id, title in dossiers.titles(tx)
            if dossier_id != target_id
            and (dossier_id == source.dossier_id or xref.mentions(text, [xref.surname(title)]))
        ]
        others = {p for p, dossier in named.items() if dossier != target_id}
        others |= set(persons.subjects_of(tx, source.dossier_id))
        bearing += [form for _, p, form, _ in persons.all_forms(tx) if p in others]
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
        self,
        tx: Tx,
        named: dict[int, int | None],
        name: str,
        visible: Filter,
        own: int,
    ) -> tuple[int, str] | None:
        """The dossier on the record that `name` names among those the leaf mentions."""
        wanted = fold(name)
        for person_id, dossier_id in named.items():
            if dossier_id is None or dossier_id == own:
                continue
            forms = [form for _, p, form, _ in persons.all_forms(tx) if p == person_id]
            if any(fold(form) == wanted for form in forms) or Index(
                [(person_id, form) for form in forms]
            ).matches(name):
                found = dossiers.titles_of(tx, [dossier_id], visible)
                if found:
                    return found[0]
        return None

    def _query_proposals(self, tx: Tx, reader_id: int, query: str) -> list[int]:
        readable = sql.readable_leaves(reader_id, self.now())
        return [
            int(row[0])
            for row in tx.all(
                "SELECT l.id FROM leaves l WHERE l.withdrawn_at IS NULL "
                f"AND LOWER(l.normalised) LIKE ? AND NOT {readable.sql} ORDER BY l.id LIMIT ?",
                (f"%{query.lower()}%", *readable.params, QUERY_PROPOSALS),
            )
        ]

    def slips(self, actor: Actor, *, status: str | None = None) -> list[Slip]:
        """A reader's own slips (trimmed), or every slip for a custodian."""
        if self._is_custodian(actor):
            with self.store.read() as tx:
                return slips.listing(tx, status=status)
        assert actor.reader_id is not None
        with self.store.read() as tx:
            return [
                _for_reader(s) for s in slips.listing(tx, reader_id=actor.reader_id, status=status)
            ]

    def slip(self, actor: Actor, slip_id: int) -> Slip:
        with self.store.read() as tx:
            found = slips.listing(tx, slip_id=slip_id)
        if found and self._is_custodian(actor):
            return found[0]
        if found and actor.reader_id is not None and found[0].reader == actor.name:
            return _for_reader(found[0])
        raise NotFound("slip", slip_id)

    def _is_custodian(self, actor: Actor) -> bool:
        return self.check(actor, Action.SLIP_DECIDE).allowed

    def review(self, actor: Actor, slip_id: int, leaf_id: int) -> LeafText:
        """A custodian reads a proposed leaf to decide on it; the reading is recorded."""
        with self._acting(actor, Action.LEAF_REVIEW, leaf_id, hidden=("leaf", leaf_id)) as (
            tx,
            decision,
        ):
            proposed = [leaf for leaf, _ in slips.decisions(tx, slip_id)]
            if leaf_id not in proposed:
                raise NotFound("leaf", leaf_id)
            return self._hand_out(tx, actor, "leaf.review", leaf_id, decision)

    def decide_slip(
        self,
        actor: Actor,
        slip_id: int,
        *,
        approve: Sequence[int],
        deny: Sequence[int] = (),
        days: int | None = None,
    ) -> Slip:
        """Approve some proposed leaves, page by page; the rest are denied.
        Approval becomes grants for the slip's reader, until an expiry."""
        with self._acting(actor, Action.SLIP_DECIDE) as (tx, _):
            found = slips.listing(tx, slip_id=slip_id)
            if not found:
                raise NotFound("slip", slip_id)
            slip = found[0]
            if slip.status != "pending":
                raise BadInput(f"slip {slip_id}", f"is {slip.status}, not pending")
            if slip.reader == actor.name and actor.reader_id is not None:
                raise Forbidden("slip.decide", "a custodian does not decide their own slip")
            proposed = set(slip.proposed or ())
            for leaf_id in [*approve, *deny]:
                if leaf_id not in proposed:
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
            expires = self.later(days or self.settings.grant_days)
            slips.decide(tx, slip_id, sorted(set(approve)), str(actor), self.now())
            grants.add(
                tx,
                reader_id=owner.id,
                leaf_ids=sorted(set(approve)),
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
                    "approved": sorted(set(approve)),
                    "denied": sorted(proposed - set(approve)),
                    "expires_at": expires,
                },
            )
            return slips.listing(tx, slip_id=slip_id)[0]

    def return_slip(self, actor: Actor, slip_id: int) -> int:
        """The reader hands the leaves back (or a custodian recalls them): every
        grant of the slip ends at once."""
        with self._writing() as tx:
            owner = slips.owner(tx, slip_id)
            mine = owner is not None and owner[0] == actor.reader_id
            staff = self.policy(tx).check(actor, Action.SLIP_DECIDE).allowed
            if owner is None or not (mine or staff):
                raise NotFound("slip", slip_id)
            ended = grants.end_for_slip(tx, slip_id, self.now())
            slips.set_returned(tx, slip_id, self.now())
            self._record(
                tx, actor, "slip.return", target=f"slip:{slip_id}", detail={"grants_ended": ended}
            )
        return ended

    def grants(self, actor: Actor, *, reader: str | None = None) -> list[Grant]:
        """A reader's own grants; a custodian's view of anyone's."""
        if reader is not None and reader != actor.name:
            with self._acting(actor, Action.SLIP_DECIDE) as (tx, _):
                found = readers.by_name(tx, self.levels, reader)
                if found is None:
                    raise NotFound("reader", reader)
                return grants.listing(tx, reader_id=found.id)
        with self.store.read() as tx:
            if actor.reader_id is None:
                return grants.listing(tx)
            return grants.listing(tx, reader_id=actor.reader_id)

    # -- numbered copies ---------------------------------------------------------

    def issue_copy(
        self, actor: Actor, reader: str, leaf_ids: Sequence[int], purpose: str
    ) -> tuple[Copy, bytes]:
        """Render a numbered, watermarked copy of leaves the reader may read, and
        record its issue as a receipt. The only way text leaves the building."""
        if not leaf_ids:
            raise BadInput("--leaf", "a copy needs at least one leaf")
        if not purpose.strip():
            raise BadInput("--purpose", "a copy states its purpose")
        holder = self.as_reader(reader, via=actor)
        with self._acting(actor, Action.COPY_ISSUE) as (tx, _):
            policy = self.policy(tx)
            pages = []
            for leaf_id in leaf_ids:
                if not policy.check(holder, Action.LEAF_READ, leaf_id).allowed:
                    raise BadInput(
                        f"leaf {leaf_id}",
                        f"{reader} may not read it; a copy is only of leaves the reader may read",
                    )
                leaf = leaves.by_id(tx, leaf_id)
                assert leaf is not None
                text = leaves.text(tx, leaf)
                heading = (
                    f"Leaf {leaf.id} - dossier {leaf.dossier_id}, report {leaf.report_id}, "
                    f"position {leaf.position} - {leaf.marking} - sha256 {leaf.sha256[:16]}"
                )
                pages.append(copy_pdf.CopyPage(leaf.id, heading, text.original))
            number = copies.next_number(tx)
            pdf, count = copy_pdf.render(number, reader, self.now()[:10], pages)
            digest = hashlib.sha256(pdf).hexdigest()
            assert holder.reader_id is not None
            copies.create(
                tx,
                number=number,
                reader_id=holder.reader_id,
                purpose=purpose.strip(),
                issued_by=str(actor),
                now=self.now(),
                sha256=digest,
                pages=count,
                leaf_ids=list(leaf_ids),
            )
            self._record(
                tx,
                actor,
                "copy.issue",
                target=f"copy:{number}",
                detail={"reader": reader, "leaves": list(leaf_ids), "sha256": digest},
            )
            return copies.listing(tx, number=number)[0], pdf

    def return_copy(self, actor: Actor, number: int) -> Copy:
        with self._acting(actor, Action.COPY_RETURN) as (tx, _):
            if not copies.listing(tx, number=number):
                raise NotFound("copy", number)
            if not copies.mark_returned(tx, number, str(actor), self.now()):
                raise BadInput(f"copy {number}", "was returned already")
            self._record(tx, actor, "copy.return", target=f"copy:{number}", detail={})
            return copies.listing(tx, number=number)[0]

    def copies(self, actor: Actor, *, outstanding: bool = False) -> list[Copy]:
        if actor.reader_id is not None and not self.check(actor, Action.COPY_VERIFY).allowed:
            with self.store.read() as tx:
                return [
                    c for c in copies.listing(tx, outstanding=outstanding) if c.reader == actor.name
                ]
        with self._acting(actor, Action.COPY_VERIFY) as (tx, _):
            return copies.listing(tx, outstanding=outstanding)

    def verify_copy(self, actor: Actor, number: int, pdf: bytes | None = None) -> tuple[Copy, bool]:
        """The record of copy `number`, and whether `pdf` is that copy byte for byte."""
        with self._acting(actor, Action.COPY_VERIFY) as (tx, _):
            found = copies.listing(tx, number=number)
            if not found:
                raise NotFound("copy", number)
            matches = pdf is not None and hashlib.sha256(pdf).hexdigest() == found[0].sha256
            self._record(
                tx, actor, "copy.verify", target=f"copy:{number}", detail={"matches": matches}
            )
            return found[0], matches

    # -- working files -------------------------------------------------------------

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
                tx, actor, "note.create", target=f"note:{note_id}", detail={"cites": sorted(cite)}
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
            catalogue = [leaves.by_id(tx, leaf_id) for leaf_id in cited]
            found.append(
                Note(
                    id=nid,
                    reader=actor.name,
                    text=text,
                    created_at=created_at,
                    marking=derived_marking(self.levels, [c.marking for c in catalogue if c]),
                    citations=tuple(
                        Citation(leaf_id, policy.check(actor, Action.LEAF_READ, leaf_id).allowed)
                        for leaf_id in cited
                    ),
                )
            )
        return found


def _for_reader(slip: Slip) -> Slip:
    """What a reader may know of their own slip: never the proposals or denials."""
    return replace(slip, proposed=None, denied=None)
