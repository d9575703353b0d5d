"""Redaction in the facade: reader classes, a custodian's sign-off of a
leaf's spans, and the layers every path reads a redacting class's leaves in.

The one rule stays the policy's: a redacting class reads only leaves whose
current text has a signed-off redaction (`policy/sql.py`). What such a
reader is then handed is the layer of their class (or, for a subject reader
named on the leaf, the layer that leaves their own data in); the leaf's own
text and its hash never reach them. Layers are rebuilt here whenever what
decides them changes: a sign-off, a record's category, dates or consent, a
class's policy, or the calendar (a protection period that runs out lifts a
mask, as a recorded event).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace

from looseleaf.cardindex.names import fold
from looseleaf.errors import BadInput
from looseleaf.model import Actor, Claim, Jsonable, Leaf, LeafText
from looseleaf.policy import Action, Decision, Policy, sql
from looseleaf.policy.rule import ReaderFacts, may_act
from looseleaf.redaction import rules
from looseleaf.redaction.boxes import masked_boxes
from looseleaf.redaction.spans import MARKER, Span, masked, parse_range, union
from looseleaf.redaction.suggest import Known, suggest
from looseleaf.registry.base import RegistryBase
from looseleaf.registry.leafnames import hidden_types, known_mentions
from looseleaf.store import Tx, leaves, mentions, persons, redactions, scans


@dataclass(frozen=True)
class Redaction(Jsonable):
    """A leaf's spans as a custodian sees them: suggested now, or signed off
    (with the version, who and when), and whether the sign-off still holds
    for the leaf's current text."""

    leaf_id: int
    spans: tuple[Span, ...]
    version: int | None = None
    signed_by: str | None = None
    signed_at: str | None = None
    current: bool = False


@dataclass(frozen=True)
class Notice(Jsonable):
    """New material about a subject reader: a leaf naming their record that
    was registered or released to them after their last request."""

    leaf_id: int
    dossier_id: int
    #: "registered" (it came in) or "released" (its redaction was signed off).
    why: str
    at: str


class Redactions(RegistryBase):
    def notices(self, actor: Actor) -> list[Notice]:
        """For a subject reader: the leaves they may read that name their
        own record (linked by the card index or signed off as theirs) and
        came in or were released since they last asked for anything. Leaves
        they may not read are never counted: a notice tells no more than a
        search would."""
        if actor.reader_id is None:
            return []
        with self._acting(actor, Action.LEAF_SEARCH) as (tx, _):
            own = tx.scalar(
                "SELECT person_id FROM readers WHERE id = ? AND reader_class = 'subject'",
                (actor.reader_id,),
            )
            if own is None:
                return []
            since = str(
                tx.scalar(
                    "SELECT COALESCE(MAX(created_at), '') FROM slips WHERE reader_id = ?",
                    (actor.reader_id,),
                )
            )
            readable = sql.readable_leaves(actor.reader_id, self.now())
            rows = tx.all(
                "SELECT l.id, l.dossier_id, r.received_at, (SELECT MAX(rd.signed_at) FROM "
                "redactions rd WHERE rd.leaf_id = l.id AND rd.sha256 = l.sha256) "
                "FROM leaves l JOIN reports r ON r.id = l.report_id "
                f"WHERE {readable.sql} AND (EXISTS (SELECT 1 FROM mentions x WHERE "
                "x.leaf_id = l.id AND x.person_id = ?) OR EXISTS (SELECT 1 FROM redactions rd "
                "JOIN redaction_spans rs ON rs.redaction_id = rd.id WHERE rd.leaf_id = l.id "
                "AND rd.sha256 = l.sha256 AND rs.person_id = ?)) ORDER BY l.arrival",
                (*readable.params, own, own),
            )
            found = []
            for leaf_id, dossier_id, received, released in rows:
                if str(received) > since:
                    found.append(Notice(int(leaf_id), int(dossier_id), "registered", str(received)))
                elif released is not None and str(released) > since:
                    found.append(Notice(int(leaf_id), int(dossier_id), "released", str(released)))
            return found

    # -- reader classes ----------------------------------------------------------

    def class_policies(self, actor: Actor) -> list[rules.ClassPolicy]:
        with self._acting(actor, Action.POLICY_EXPLAIN) as (tx, _):
            return list(redactions.policies(tx).values())

    def set_class_policy(
        self, actor: Actor, name: str, *, masks: Sequence[str], lapses: bool
    ) -> rules.ClassPolicy:
        """Change what a class masks; every layer is rebuilt by the new policy."""
        chosen = rules.check_class(name)
        policy = rules.ClassPolicy(chosen, rules.categories(masks), lapses)
        with self._acting(actor, Action.REDACTION_POLICY) as (tx, _):
            before = redactions.policies(tx)[chosen]
            if policy.redacts and tx.scalar(
                "SELECT 1 FROM readers r JOIN reader_roles rr ON rr.reader_id = r.id "
                "WHERE r.reader_class = ? AND rr.role <> 'reader'",
                (chosen,),
            ):
                raise BadInput(
                    f"class {chosen}", "staff accounts read in it: a class that masks holds none"
                )
            redactions.set_policy(tx, policy)
            self._record(
                tx,
                actor,
                "redaction.policy",
                target=f"class:{chosen}",
                detail={
                    "masks": [list(before.masks), list(policy.masks)],
                    "lapses": [before.lapses, policy.lapses],
                },
            )
            self._remask(tx)
            self._relayer(tx, redactions.signed_leaves(tx))
        return policy

    # -- suggestions and sign-off -----------------------------------------------------

    def redact_suggest(self, actor: Actor, leaf_id: int) -> Redaction:
        """The spans to mask on a leaf as suggested now, for a custodian who
        may read it: a read of the leaf, recorded as such."""
        with self._redacting(actor, leaf_id, "leaf.redact.suggest") as (tx, text):
            return Redaction(leaf_id, tuple(self._suggested(tx, actor, leaf_id, text.normalised)))

    def redaction(self, actor: Actor, leaf_id: int) -> Redaction:
        """A leaf's signed-off spans, for a custodian who may read it."""
        with self._redacting(actor, leaf_id, "leaf.redact.show") as (tx, text):
            signed = redactions.latest(tx, leaf_id)
            if signed is None:
                return Redaction(leaf_id, ())
            return Redaction(
                leaf_id,
                tuple(replace(s, text=text.normalised[s.start : s.end]) for s in signed.spans),
                signed.version,
                signed.signed_by,
                signed.signed_at,
                signed.sha256 == text.leaf.sha256,
            )

    def redact_approve(
        self,
        actor: Actor,
        leaf_id: int,
        *,
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
        suggested: bool = True,
    ) -> Redaction:
        """Sign off a leaf's redaction: the suggestions (unless `suggested`
        is off, when the last signed-off spans are the start), with spans
        added and removed as `START:END`. A removal names a span exactly or
        takes out every span it overlaps. Recorded, and the layers of every
        class are rebuilt from it at once."""
        with self._redacting(actor, leaf_id, "leaf.redact.read") as (tx, text):
            body = text.normalised
            removed = [parse_range(typed, len(body)) for typed in remove]
            added = [parse_range(typed, len(body)) for typed in add]
            if suggested:
                spans = self._suggested(tx, actor, leaf_id, body)
            else:
                last = redactions.latest(tx, leaf_id)
                spans = list(last.spans) if last else []
            spans = [s for s in spans if not any(s.overlaps(*r) for r in removed)]
            spans += [Span(a, b, "added", None, body[a:b], f"added by {actor}") for a, b in added]
            spans.sort(key=lambda s: (s.start, s.end))
            signed = redactions.sign(
                tx, leaf_id, text.leaf.sha256, by=str(actor), at=self.now(), spans=spans
            )
            self._record(
                tx,
                actor,
                "leaf.redact",
                target=f"leaf:{leaf_id}",
                detail={
                    "version": signed.version,
                    "sha256": text.leaf.sha256,
                    "spans": [[s.start, s.end, s.kind, s.person_id] for s in signed.spans],
                    "added": [list(r) for r in added],
                    "removed": [list(r) for r in removed],
                },
            )
            self._relayer(tx, [leaf_id])
            return Redaction(
                leaf_id,
                tuple(replace(s, text=body[s.start : s.end]) for s in signed.spans),
                signed.version,
                signed.signed_by,
                signed.signed_at,
                True,
            )

    def redact_show(
        self, actor: Actor, leaf_id: int, reader_class: str, *, person_id: int | None = None
    ) -> LeafText:
        """A leaf as a class (a subject reader with `person_id`) would read
        it: for the custodian checking a sign-off; recorded as a read."""
        chosen = rules.check_class(reader_class)
        with self._redacting(actor, leaf_id, "leaf.redact.show") as (tx, text):
            layer = redactions.layer_for(
                tx,
                "SELECT ll.id FROM leaf_layers ll WHERE ll.leaf_id = ? AND ll.reader_class = ? "
                "AND ll.person_id = COALESCE((SELECT x.person_id FROM leaf_layers x "
                "WHERE x.leaf_id = ? AND x.reader_class = ? AND x.person_id = ?), 0)",
                (leaf_id, chosen, leaf_id, chosen, person_id or 0),
            )
            signed = redactions.latest(tx, leaf_id)
            policy = redactions.policies(tx)[chosen]
            if policy.redacts and (signed is None or signed.sha256 != text.leaf.sha256):
                raise BadInput(
                    f"leaf {leaf_id}",
                    f"has no signed-off redaction: the {chosen} class may not read it",
                )
            return text if layer is None else _as_layer(text, layer)

    # -- what a reader is handed ------------------------------------------------------

    def _layered(self, tx: Tx, actor: Actor, text: LeafText) -> LeafText:
        if actor.reader_id is None:
            return text
        layer = self._layer(tx, actor, text.leaf.id)
        return text if layer is None else _as_layer(text, layer)

    def _layered_entry(self, tx: Tx, actor: Actor, leaf: Leaf) -> Leaf:
        if actor.reader_id is None:
            return leaf
        layer = self._layer(tx, actor, leaf.id)
        if layer is None:
            return leaf
        return replace(leaf, sha256=layer.sha256, chars=len(layer.text))

    def _layer(self, tx: Tx, actor: Actor, leaf_id: int) -> redactions.Layer | None:
        assert actor.reader_id is not None
        chosen = sql.layer_of(actor.reader_id, str(int(leaf_id)))
        return redactions.layer_for(tx, chosen.sql, chosen.params)

    def _in_layer(
        self, tx: Tx, actor: Actor, leaf_id: int, spans: list[tuple[int, int, str, int]]
    ) -> list[tuple[int, int, str, int]]:
        if actor.reader_id is None or not spans:
            return spans
        layer = self._layer(tx, actor, leaf_id)
        if layer is None:
            return spans
        found = []
        for start, end, text, person_id in spans:
            if any(a < end and start < b for a, b in layer.ranges):
                continue
            shift = sum(len(MARKER) - (b - a) for a, b in layer.ranges if b <= start)
            found.append((start + shift, end + shift, text, person_id))
        return found

    def _unlayered(
        self, tx: Tx, actor: Actor, leaf: Leaf, start: int, end: int
    ) -> tuple[int, int, str]:
        own = leaves.text(tx, leaf).normalised
        if actor.reader_id is None:
            return start, end, own
        layer = self._layer(tx, actor, leaf.id)
        if layer is None:
            return start, end, own
        shift = 0
        for first, last in layer.ranges:
            at = first + shift  # where the marker stands in the layer
            if at >= end:
                break
            if at + len(MARKER) > start:
                raise BadInput(
                    "--quote", "quotes masked text, which is not on the leaf as you read it"
                )
            shift += len(MARKER) - (last - first)
        return start - shift, end - shift, own

    def _page_masks(
        self, tx: Tx, actor: Actor, leaf_id: int
    ) -> list[tuple[int, int, int, int]] | None:
        if actor.reader_id is None:
            return []
        layer = self._layer(tx, actor, leaf_id)
        if layer is None or not layer.ranges:
            return []
        found = leaves.by_id(tx, leaf_id)
        readings = scans.readings(tx, leaf_id)
        if found is None or not readings:
            return None
        body = leaves.text(tx, found).normalised
        return masked_boxes(body, readings[-1][1].words, layer.ranges)

    def _unmasked_claims(self, tx: Tx, actor: Actor, found: list[Claim]) -> list[Claim]:
        """A claim's subject or value may be a name written elsewhere on the
        leaf (the extractor follows "he" back to it): left out where a mask
        of the reader's covers those words."""
        if actor.reader_id is None or not found:
            return found
        hidden: dict[int, set[str]] = {}
        kept = []
        for claim in found:
            if claim.leaf_id not in hidden:
                hidden[claim.leaf_id] = self._masked_words(tx, actor, claim.leaf_id)
            words = hidden[claim.leaf_id]
            said = fold(" ".join(filter(None, (claim.subject, claim.value, claim.place))))
            if not words or not any(word in said for word in words):
                kept.append(claim)
        return kept

    def _masked_words(self, tx: Tx, actor: Actor, leaf_id: int) -> set[str]:
        layer = self._layer(tx, actor, leaf_id)
        found = leaves.by_id(tx, leaf_id)
        if layer is None or found is None:
            return set()
        body = leaves.text(tx, found).normalised
        return {
            word
            for first, last in layer.ranges
            for word in fold(body[first:last]).split()
            if len(word) > 2
        }

    # -- keeping layers current ---------------------------------------------------------

    @contextmanager
    def _redacting(self, actor: Actor, leaf_id: int, action: str) -> Iterator[tuple[Tx, LeafText]]:
        """A custodian's read of a leaf to redact it: the role and class
        first (told so), then the leaf (else "not found"), the read recorded
        as `action` before the text is handed on."""
        self._custodian(actor)
        with self._acting(
            actor,
            Action.LEAF_REDACT,
            leaf_id,
            hidden=("leaf", leaf_id),
            decide=lambda policy: self._may_redact(policy, actor, leaf_id),
        ) as (tx, decision):
            yield tx, self._hand_out(tx, actor, action, leaf_id, decision)

    def _custodian(self, actor: Actor) -> None:
        """Refused (and recorded) before any leaf is looked at: an account
        without the custodian's role, or of a class that masks anything, is
        told so; one that may not read the leaf is told "not found"."""
        if actor.is_operator:
            return
        with self._acting(
            actor,
            Action.LEAF_REDACT,
            decide=lambda policy: self._may_sign(policy.reader(actor), actor),
        ):
            pass

    @staticmethod
    def _may_sign(reader: ReaderFacts | None, actor: Actor) -> Decision:
        if reader is None:
            return Decision(False, f"no account {actor.name}")
        role = may_act(reader, Action.LEAF_REDACT)
        if not role.allowed or not reader.redacts:
            return role
        return Decision(
            False, f"a reader of the {reader.reader_class} class signs off no redaction"
        )

    def _may_redact(self, policy: Policy, actor: Actor, leaf_id: int) -> Decision:
        """A custodian who may read the leaf, in a class that masks nothing
        (whoever signs a redaction off must see what it hides)."""
        if actor.is_operator:
            return policy.check(actor, Action.LEAF_READ, leaf_id, facts=True)
        reader = policy.reader(actor)
        if reader is None:
            return Decision(False, f"no account {actor.name}")
        role = may_act(reader, Action.LEAF_REDACT)
        if not role.allowed:
            return role
        read = policy.check(actor, Action.LEAF_READ, leaf_id, facts=True)
        if not read.allowed:
            return read
        if reader.redacts:
            return Decision(
                False, f"a reader of the {reader.reader_class} class signs off no redaction"
            )
        return read

    def _suggested(self, tx: Tx, actor: Actor, leaf_id: int, text: str) -> list[Span]:
        """Suggestions from what the actor may see of the card index: the
        records they are cleared for, the names linked to those records."""
        visible = None if actor.reader_id is None else sql.visible_persons(actor.reader_id)
        forms: dict[int, list[str]] = {}
        # Only the forms the actor may know a record by: a cover name is
        # none of them for a custodian who may not decode it.
        secret = hidden_types(self, tx, actor)
        for _, person_id, form, _ in persons.all_forms(tx, visible, secret=secret):
            forms.setdefault(person_id, []).append(form)
        known = [Known(person_id, tuple(f)) for person_id, f in forms.items()]
        linked: list[tuple[int, int, int | None]] = [
            (s, e, p) for s, e, _, p in known_mentions(self, tx, actor, leaf_id)
        ]
        names = {(s, e) for s, e, _ in linked}
        linked += [
            (s, e, None)
            for s, e, _, method, person_id, _ in mentions.on_leaf(tx, leaf_id)
            if person_id is None and method == "pattern" and (s, e) not in names
        ]
        return suggest(text, known, linked, self._earlier_names(tx, leaf_id))

    def _earlier_names(self, tx: Tx, leaf_id: int) -> list[str]:
        return [
            str(r[0])
            for r in tx.all(
                "SELECT x.text FROM mentions x JOIN leaves e ON e.id = x.leaf_id "
                "JOIN leaves l ON l.id = ? WHERE e.report_id = l.report_id "
                "AND e.position < l.position",
                (leaf_id,),
            )
        ]

    def _relayer(self, tx: Tx, leaf_ids: Sequence[int]) -> None:
        """Rebuild these leaves' layers from their latest signed-off spans."""
        policies = [p for p in redactions.policies(tx).values() if p.redacts]
        today = self.now()[:10]
        for leaf_id in leaf_ids:
            signed = redactions.latest(tx, leaf_id)
            found = leaves.by_id(tx, leaf_id)
            if signed is None or found is None or signed.sha256 != found.sha256:
                redactions.set_layers(tx, leaf_id, None, [])
                continue
            body = leaves.text(tx, found).normalised
            facts = self._facts(tx, {s.person_id for s in signed.spans if s.person_id})
            layers: list[redactions.Layer] = []
            for policy in policies:
                hidden = [
                    s
                    for s in signed.spans
                    if rules.masks(policy, facts.get(s.person_id or 0), today)
                ]
                if not hidden:
                    continue
                layers.append(_layer(policy.name, 0, body, hidden))
                if policy.name != "subject":
                    continue
                for person_id in sorted({s.person_id for s in hidden if s.person_id}):
                    own = [s for s in hidden if s.person_id != person_id]
                    layers.append(_layer(policy.name, person_id, body, own))
            redactions.set_layers(tx, leaf_id, signed.id, layers)

    def _facts(self, tx: Tx, person_ids: set[int]) -> dict[int, rules.RecordFacts]:
        found: dict[int, rules.RecordFacts] = {}
        ids = sorted(person_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in tx.all(
                f"SELECT id, category, born, died, consent FROM persons WHERE id IN ({marks})",
                chunk,
            ):
                found[int(row[0])] = rules.RecordFacts(int(row[0]), row[1], row[2], row[3], row[4])
        return found

    def _remask(self, tx: Tx, person_ids: Sequence[int] | None = None) -> list[int]:
        """Bring the records each class may see named up to date (all
        records, or these, which just changed), and the layers of the leaves
        whose spans name a record whose masking changed. Answers the records
        newly shown to some class."""
        today = self.now()[:10]
        if person_ids is None:
            ids = [int(r[0]) for r in tx.all("SELECT id FROM persons WHERE merged_into IS NULL")]
        else:
            ids = sorted(set(person_ids))
        facts = self._facts(tx, set(ids))
        changed: set[int] = set() if person_ids is None else set(ids)
        lifted: set[int] = set()
        for policy in redactions.policies(tx).values():
            before = redactions.shown_records(tx, policy.name, ids)
            now = {
                p
                for p in ids
                if policy.redacts and p in facts and not rules.masks(policy, facts[p], today)
            }
            redactions.show(tx, policy.name, sorted(now - before), sorted(before - now))
            changed |= now ^ before
            lifted |= now - before
        if changed:
            self._relayer(tx, redactions.signed_leaves(tx, sorted(changed)))
        return sorted(lifted)

    def _calendar(self, tx: Tx) -> None:
        """Once a day: masks whose protection period has run out lift, recorded."""
        today = self.now()[:10]
        last = redactions.checked_on(tx)
        if last == today:
            return
        redactions.set_checked_on(tx, today)
        lifted = self._remask(tx)
        if lifted:
            self._record(
                tx,
                Actor.operator("system"),  # the calendar, not an account
                "redaction.lapse",
                target=None,
                detail={"records": lifted, "on": today},
            )


def _layer(
    reader_class: str, person_id: int, body: str, hidden: Sequence[Span]
) -> redactions.Layer:
    ranges = union(((s.start, s.end) for s in hidden), body)
    text = masked(body, ranges)
    return redactions.Layer(
        reader_class,
        person_id,
        text,
        hashlib.sha256(text.encode("utf-8")).hexdigest(),
        tuple(ranges),
    )


def _as_layer(text: LeafText, layer: redactions.Layer) -> LeafText:
    leaf = replace(text.leaf, sha256=layer.sha256, chars=len(layer.text))
    return LeafText(leaf, layer.text, layer.text, text.scan)
