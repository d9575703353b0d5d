"""What one auditor is shown of the audit log (the rule is in the docstring
of `registry/audit.py`).

Every event reaches every auditor with its id, time, actor and action, so the
log stays complete for everyone who may read it, and its tree, checkpoints
and proofs are the same for all. What an event *names* (its target and the
things in its detail) is judged against the auditor's own clearance, through
`SPECS`: one entry per action, saying where in that action's detail its
leaves, dossiers, records, claims, slips and markings are, and which values
are the acting account's own words. An action with no entry is shown bare to
every auditor short of full clearance: deny by default, and a test fails
until the new action is described here.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from looseleaf.model import SECRET_FORMS, Actor, Event, Levels
from looseleaf.policy import Action
from looseleaf.policy import facts as load
from looseleaf.policy.actions import ROLES
from looseleaf.policy.rule import ReaderFacts, may_act
from looseleaf.policy.staff import may_know
from looseleaf.store import Tx, events, persons

#: An event about material above the auditor: its whole detail becomes this.
REDACTED = "above your clearance"
#: Words typed by an account cleared above the auditor, in place of the words.
TYPED_ABOVE = "[redacted: typed above your clearance]"

#: (kind, id) of one thing an event names: ("leaf", 123), ("slip", 456).
Ref = tuple[str, int]
Marked = tuple[int, frozenset[str]]

#: Targets that name accounts and their tokens: what every auditor is told
#: (an admin sees every account's clearance whatever their own).
_ACCOUNT_KINDS = frozenset({"reader", "token"})


@dataclass(frozen=True)
class Names:
    """Where one action's detail names things. Keys are paths into the
    detail ("scope.leaves"); each value found there is an id, a list of ids,
    or (for `markings`) a marking as recorded ({level, compartments})."""

    leaves: tuple[str, ...] = ()
    dossiers: tuple[str, ...] = ()
    records: tuple[str, ...] = ()
    claims: tuple[str, ...] = ()
    slips: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    markings: tuple[str, ...] = ()
    #: Name forms of a card-index record (the target's, or `form_record`'s):
    #: a cover or code name's link to its record is the decoders' to know.
    forms: tuple[str, ...] = ()
    form_record: str | None = None
    #: What the acting account typed or was shown in its own view: queries,
    #: purposes, reasons, labels, result counts.
    words: tuple[str, ...] = ()
    #: Decided over every leaf of the registry (a count of what the whole
    #: holdings gave): only a fully cleared auditor is told.
    registry_wide: bool = False

    def refs(self) -> Iterable[tuple[str, tuple[str, ...]]]:
        yield "leaf", self.leaves
        yield "dossier", self.dossiers
        yield "person", self.records
        yield "claim", self.claims
        yield "slip", self.slips
        yield "suggestion", self.suggestions


_PLAIN = Names()
_MARKED = Names(markings=("from", "to"), words=("reason",))
_READ = Names(dossiers=("dossier",), markings=("facts.leaf",))
_DECIDED = Names(claims=("claims",))
_SUGGESTION = Names(suggestions=("suggestion",), forms=("form",))

#: Every action the registry records, and where its detail names things.
SPECS: dict[str, Names] = {
    # the registry and its accounts
    "registry.init": _PLAIN,
    "registry.migrate": _PLAIN,
    "registry.ids": _PLAIN,
    "reader.add": _PLAIN,
    "reader.set": _PLAIN,
    "reader.disable": _PLAIN,
    "login.ok": _PLAIN,
    "login.failed": _PLAIN,
    "login.throttled": _PLAIN,
    "session.open": _PLAIN,
    "session.close": _PLAIN,
    "token.create": Names(words=("label",)),
    "token.revoke": _PLAIN,
    "audit.verify": _PLAIN,
    # the catalogue
    "report.refuse": Names(words=("file", "reason")),
    "dossier.create": Names(markings=("marking",)),
    "report.ingest": Names(dossiers=("dossier",), markings=("marking",)),
    "leaf.read": _READ,
    "leaf.review": _READ,
    "policy.why": Names(slips=("slip",)),
    "leaf.mark": _MARKED,
    "dossier.mark": _MARKED,
    "leaf.withdraw": Names(words=("reason",)),
    "leaf.reocr": Names(words=("warnings",)),
    # redaction
    "leaf.redact.suggest": _READ,
    "leaf.redact.show": _READ,
    "leaf.redact.read": _READ,
    "leaf.redact": Names(words=("spans", "added", "removed")),
    "redaction.policy": _PLAIN,
    "redaction.lapse": Names(records=("records",)),
    "report.withdraw": Names(words=("reason",)),
    "search": Names(leaves=("leaves",), words=("query", "total")),
    # custody
    "slip.request": Names(
        leaves=("proposed", "scope.leaves", "scope.leaf"),
        words=("purpose", "scope.query", "scope.name"),
    ),
    "slip.decode": Names(records=("decoded.record",), words=("decoded.preferred",)),
    "slip.decide": Names(leaves=("approved", "denied")),
    "slip.return": _PLAIN,
    "copy.issue": Names(leaves=("leaves",)),
    "copy.return": _PLAIN,
    "copy.verify": _PLAIN,
    "note.create": Names(leaves=("cites",)),
    "alarm.raise": Names(slips=("slip",)),
    # evidence
    "claim.add": Names(leaves=("leaf",)),
    "claim.accept": _DECIDED,
    "claim.reject": _DECIDED,
    "claim.status": _PLAIN,
    "conflict.note": _DECIDED,
    "source.edit": _PLAIN,
    "conflicts.list": Names(words=("subject", "groups")),
    "timeline.show": Names(claims=("claims",), words=("subject", "dossier")),
    "claim.extract": Names(registry_wide=True),
    # the card index
    "person.add": _PLAIN,
    "person.alias.add": Names(forms=("form",)),
    "person.alias.reject": Names(forms=("form",), words=("reason",)),
    "person.merge": Names(records=("merged",), words=("reason",)),
    "person.split": Names(records=("new",), forms=("forms",), form_record="new", words=("reason",)),
    "person.suggestion.accept": _SUGGESTION,
    "person.suggestion.reject": _SUGGESTION,
    "person.propose": Names(words=("proposed", "names")),
    "person.list": Names(records=("records",), words=("kind", "letter")),
    "person.update": Names(words=("category", "born", "died", "consent")),
    "person.propose.ingest": Names(words=("proposed", "names")),
    "person.proposal.accept": Names(leaves=("leaves",)),
    "person.proposal.reject": Names(leaves=("leaves",)),
    "person.search": Names(records=("records",), words=("query",)),
    "person.show": _PLAIN,
    "xref.list": Names(dossiers=("dossiers",)),
}


def spec_of(action: str) -> Names | None:
    """A refusal ("leaf.read.denied") names only its target; its reason is
    about that target."""
    found = SPECS.get(action)
    if found is None and action.endswith(".denied"):
        return _PLAIN
    return found


def _at(detail: dict[str, Any], path: str) -> Any:
    value: Any = detail
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _ids(value: Any) -> list[int] | None:
    """The ids in a detail value; None if it holds something that is not one."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        if isinstance(item, bool) or not isinstance(item, int | str):
            return None
        if isinstance(item, str) and not item.isdigit():
            return None
        found.append(int(item))
    return found


def _target(target: str | None) -> Ref | None:
    if target is None:
        return None
    kind, _, ident = target.partition(":")
    return (kind, int(ident)) if ident.isdigit() else (kind, -1)


def _kind(target: str | None) -> str | None:
    return None if target is None else target.partition(":")[0]


class AuditorView:
    """One auditor's sight of the log, within one transaction. Markings and
    what things stand for are loaded in bulk and remembered for the call."""

    def __init__(self, tx: Tx, levels: Levels, actor: Actor) -> None:
        self._tx = tx
        self._levels = levels
        self._auditor: ReaderFacts | None = None
        if not actor.is_operator and actor.reader_id is not None:
            self._auditor = load.reader(tx, actor.reader_id)
        self.full = actor.is_operator or (
            self._auditor is not None and self._covers(len(levels.names) - 1, load.compartments(tx))
        )
        self._decodes = self._auditor is not None and _decodes(self._auditor)
        self._markings: dict[Ref, Marked | None] = {}
        self._stands: dict[Ref, frozenset[Ref]] = {}
        #: Refs of standing kinds looked up already (found or not).
        self._loaded: set[Ref] = set()
        self._above: dict[str, bool] = {}

    # -- what the auditor may be told exists --------------------------------------

    def _covers(self, level: int, compartments: frozenset[str]) -> bool:
        return self._auditor is not None and may_know(self._auditor, level, compartments)

    def knows(self, ref: Ref) -> bool:
        """Whether the auditor's own clearance covers a thing (a grant counts
        for nothing here). An id of nothing counts as above the auditor too:
        were it shown, an auditor could probe an id and learn from the log
        whether it exists."""
        if self.full or ref[0] in _ACCOUNT_KINDS:
            return True
        self._load([ref])
        return self._known(ref, set())

    def known_leaves(self, leaf_ids: Sequence[int]) -> list[int]:
        if self.full:
            return list(leaf_ids)
        self._load([("leaf", i) for i in leaf_ids])
        return [i for i in leaf_ids if self._known(("leaf", i), set())]

    def knows_target(self, target: str | None) -> bool:
        ref = _target(target)
        return ref is None or self.knows(ref)

    def _known(self, ref: Ref, seen: set[Ref]) -> bool:
        kind = ref[0]
        if kind in _ACCOUNT_KINDS:
            return True
        if kind in load.MARKED_KINDS:
            marking = self._markings.get(ref)
            return marking is not None and self._covers(*marking)
        stands = self._stands.get(ref)
        if kind in load.STANDING_KINDS and stands is not None:
            seen.add(ref)
            return all(self._known(r, seen) for r in stands if r not in seen)
        return False  # nothing by that id, or a kind of thing this view knows nothing of

    def _load(self, refs: Iterable[Ref]) -> None:
        """Markings of the marked things among `refs`, and of everything the
        others stand for, a few statements per kind."""
        pending = {r for r in refs if r not in self._markings and r not in self._loaded}
        while pending:
            following: set[Ref] = set()
            for kind in {k for k, _ in pending}:
                ids = {i for k, i in pending if k == kind}
                if kind in load.MARKED_KINDS:
                    found = load.markings_of(self._tx, kind, ids)
                    self._markings.update({(kind, i): found.get(i) for i in ids})
                elif kind in load.STANDING_KINDS:
                    stands = load.stands_for(self._tx, kind, ids)
                    self._loaded |= {(kind, i) for i in ids}
                    for i, things in stands.items():
                        self._stands[(kind, i)] = frozenset(things)
                        following |= things
            pending = {r for r in following if r not in self._markings and r not in self._loaded}

    # -- events --------------------------------------------------------------------

    def events(self, found: Sequence[Event]) -> list[Event]:
        if self.full:
            return list(found)
        self._load(ref for event in found for ref in self._refs(event)[0])
        return [self.event(event) for event in found]

    def hides(self, event: Event) -> bool:
        """Whether the event concerns something above the auditor."""
        if self.full:
            return False
        spec = spec_of(event.action)
        if spec is None or spec.registry_wide:
            return True
        refs, whole = self._refs(event)
        if not whole:
            return True
        self._load(refs)
        if not all(self._known(ref, set()) for ref in refs):
            return True
        for path in spec.markings:
            marking = self._marking(_at(event.detail, path))
            if marking is not None and not self._covers(*marking):
                return True
        return not self._forms_known(event, spec)

    def event(self, event: Event) -> Event:
        if self.full:
            return event
        if self.hides(event):
            return replace(event, target=_kind(event.target), detail={"redacted": REDACTED})
        spec = spec_of(event.action)
        if spec is None or not spec.words or not self._typed_above(event.actor):
            return event
        detail = copy.deepcopy(event.detail)
        for path in spec.words:
            *parents, last = path.split(".")
            holder: Any = detail
            for key in parents:
                holder = holder.get(key) if isinstance(holder, dict) else None
            if isinstance(holder, dict) and holder.get(last) is not None:
                holder[last] = TYPED_ABOVE
        return replace(event, detail=detail)

    def _refs(self, event: Event) -> tuple[list[Ref], bool]:
        """What the event names, and False if some of it cannot be read as ids."""
        refs: list[Ref] = []
        target = _target(event.target)
        if target is not None:
            refs.append(target)
        spec = spec_of(event.action)
        if spec is None:
            return refs, False
        whole = True
        for kind, paths in spec.refs():
            for path in paths:
                ids = _ids(_at(event.detail, path))
                if ids is None:
                    whole = False
                    continue
                refs += [(kind, i) for i in ids]
        return refs, whole

    def _marking(self, value: Any) -> Marked | None:
        """A marking as recorded in a detail: a level by name or by rank."""
        if not isinstance(value, dict) or "level" not in value:
            return None
        level = value["level"]
        compartments = frozenset(str(c) for c in value.get("compartments") or ())
        if isinstance(level, int) and not isinstance(level, bool):
            return level, compartments
        names = self._levels.names
        rank = names.index(level) if level in names else len(names)  # unknown: above all
        return rank, compartments

    def _forms_known(self, event: Event, spec: Names) -> bool:
        """A cover or code name tied to its record is told only to decoders."""
        if not spec.forms or self._decodes:
            return True
        record = _ids(_at(event.detail, spec.form_record) if spec.form_record else None)
        target = _target(event.target)
        if spec.form_record is None and target is not None and target[0] == "person":
            record = [target[1]]
        if not record:
            return False
        for path in spec.forms:
            value = _at(event.detail, path)
            forms = value if isinstance(value, list) else [value]
            for form in forms:
                if not isinstance(form, str):
                    continue
                typed = event.detail.get("type") if path == "form" else None
                if typed is None:  # as the form stands on the record (none: no link)
                    found = persons.find_form(self._tx, record[0], form)
                    typed = found[1] if found else None
                if typed in SECRET_FORMS:
                    return False
        return True

    # -- words typed above the auditor ----------------------------------------------

    def _typed_above(self, actor: str) -> bool:
        """Whether the account that typed an event's words may have known
        more than the auditor: the operator (also acting `--as` a reader),
        an account whose clearance now or ever, or any grant it ever held,
        reaches beyond the auditor's, or one that decodes (or ever held a
        decoding role) where the auditor does not. Anything else (a login
        attempt, the system) counts as above."""
        if actor not in self._above:
            self._above[actor] = self._account_above(actor)
        return self._above[actor]

    def _account_above(self, actor: str) -> bool:
        who, _, via = actor.partition(" via ")
        kind, _, name = who.partition(":")
        if via or kind != "reader":
            return True
        found = load.reader_id(self._tx, name)
        facts = None if found is None else load.reader(self._tx, found)
        if found is None or facts is None:
            return True
        held: set[Marked] = {(facts.level, facts.compartments)}
        held |= load.granted_markings(self._tx, found)
        roles = set(facts.roles)
        for action in ("reader.add", "reader.set"):
            for event in events.search(
                self._tx, targets=[f"reader:{found}"], action=action, limit=None
            ):
                for path in ("clearance", "clearance.from", "clearance.to"):
                    marking = self._marking(_at(event.detail, path))
                    if marking is not None:
                        held.add(marking)
                for path in ("roles", "roles.from", "roles.to"):
                    value = _at(event.detail, path)
                    roles |= {str(r) for r in value} if isinstance(value, list) else set()
        if not all(self._covers(*marking) for marking in held):
            return True
        return bool(roles & _DECODING) and not self._decodes


#: The roles that hold the power to decode cover and code names.
_DECODING = frozenset(str(role) for role in ROLES[Action.PERSON_DECODE])


def _decodes(reader: ReaderFacts) -> bool:
    return may_act(reader, Action.PERSON_DECODE).allowed
