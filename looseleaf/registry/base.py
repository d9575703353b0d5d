"""What every part of the facade shares: the store, the clock, the policy, and
the one way an action is checked and recorded."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from looseleaf.clock import Clock, stamp, system_clock
from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.model import Actor, Leaf, LeafText, Levels, Marking
from looseleaf.policy import Action, Decision, Policy, sql
from looseleaf.settings import Settings
from looseleaf.store import (
    SCHEMA_VERSION,
    Store,
    Tx,
    describe,
    events,
    ids,
    leaves,
    markings,
    readers,
)

#: The longest a grant or a token runs, in days (the API's bound too).
MAX_DAYS = 3650


@dataclass(frozen=True)
class MarkingRequest:
    """A marking as typed on the command line, resolved against the registry's levels."""

    level: str | None = None
    compartments: tuple[str, ...] = ()
    #: On a re-marking: drop the compartments instead of keeping them.
    clear_compartments: bool = False

    def after(self, levels: Levels, old: Marking) -> Marking:
        """The marking a re-marking gives a thing marked `old`: a level alone
        keeps the compartments (a silent declassification is never right);
        compartments alone keep the level; `clear_compartments` drops them."""
        if self.level is None and not self.compartments and not self.clear_compartments:
            raise BadInput("mark", "give --level, --compartment or --clear-compartments")
        if self.compartments and self.clear_compartments:
            raise BadInput("--clear-compartments", "give it or --compartment, not both")
        kept = () if self.clear_compartments else tuple(old.compartments)
        return Marking.parse(levels, self.level or old.level, self.compartments or kept)


class RegistryBase:
    def __init__(self, store: Store, settings: Settings, clock: Clock = system_clock) -> None:
        self.store = store
        self.settings = settings
        self._clock = clock
        with store.read() as tx:
            self.levels = markings.levels(tx)
        #: Events this process has logged since its last checkpoint.
        self._unsigned = 0
        #: The day masks were last brought up to the calendar by this process.
        self._calendar_day = ""

    def close(self) -> None:
        self.store.close()

    def now(self) -> str:
        return stamp(self._clock())

    def later(self, days: int) -> str:
        """`days` from now: a grant's or a token's expiry (typed with `--days`),
        held to the API's bound so no count runs past the calendar."""
        if not 1 <= days <= MAX_DAYS:
            raise BadInput(f"--days {days}", f"use 1 to {MAX_DAYS}")
        return stamp(self._clock() + timedelta(days=days))

    def describe(self) -> dict[str, Any]:
        return {
            "registry": describe(self.settings.registry),
            "schema_version": SCHEMA_VERSION,
            "levels": list(self.levels.names),
        }

    # -- markings ----------------------------------------------------------

    def marking(self, request: MarkingRequest, *, default: Marking | None = None) -> Marking:
        """Resolve a typed marking; no level given means the default (highest) level."""
        if request.level is None and default is not None and not request.compartments:
            return default
        level = request.level or self.settings.default_level or self.levels.highest
        return Marking.parse(self.levels, level, request.compartments)

    def capped(self, tx: Tx, actor: Actor, marking: Marking) -> Marking:
        """A default marking no higher than the acting account's own level: a
        registrar who names no level marks at the most they may see, never
        above it (the registry's default is its highest level)."""
        if actor.reader_id is None:
            return marking
        found = readers.by_id(tx, self.levels, actor.reader_id)
        if found is None or self.levels.rank(found.clearance.level) >= self.levels.rank(
            marking.level
        ):
            return marking
        return Marking(found.clearance.level, marking.compartments)

    def as_seen(self, tx: Tx, actor: Actor, leaf: Leaf) -> Leaf:
        """A leaf's entry as `actor` sees it (its position among what they may
        read; for a redacting class, the hash and length of their layer)."""
        if actor.reader_id is None:
            return leaf
        seen = leaves.as_seen(tx, leaf, sql.readable_leaves(actor.reader_id, self.now()))
        return self._layered_entry(tx, actor, seen)

    # -- actors ---------------------------------------------------------------

    def as_reader(self, name: str, *, via: Actor) -> Actor:
        """The operator acting under a reader's permissions (`--as`); recorded as such."""
        with self.store.read() as tx:
            found = readers.by_name(tx, self.levels, name)
        if found is None:
            raise NotFound("reader", name)
        return Actor.reader(found.id, found.name, via=str(via))

    def fix_ids(self, actor: Actor, secret: str) -> None:
        """Make this registry's opaque ids follow from `secret`, so that every
        build of it gives the same ids (the demo, whose README names them).
        Only the operator, and only before any id has been issued."""
        if not actor.is_operator:
            raise Forbidden("registry.ids", "only the operator fixes a registry's ids")
        with self._writing() as tx:
            ids.set_secret(tx, secret)
            self._record(tx, actor, "registry.ids", target=None, detail={"fixed": True})

    # -- checking and recording -------------------------------------------------

    def policy(self, tx: Tx) -> Policy:
        return Policy(tx, self.levels, self.now())

    def check(self, actor: Actor, action: Action, target: int | None = None) -> Decision:
        """Decide without acting: for lists, benchmarks and "why" (not recorded)."""
        with self.store.read() as tx:
            return self.policy(tx).check(actor, action, target)

    def _record(
        self,
        tx: Tx,
        actor: Actor,
        action: str,
        *,
        target: str | None,
        detail: dict[str, Any],
        at: str | None = None,
    ) -> int:
        """Write one event in the caller's transaction, so the change and its record
        land together or not at all. The audit log is built over these rows."""
        self._unsigned += 1
        return events.record(
            tx, at=at or self.now(), actor=str(actor), action=action, target=target, detail=detail
        )

    def _hand_out(
        self,
        tx: Tx,
        actor: Actor,
        action: str,
        leaf_id: int,
        decision: Decision,
        *,
        at: str | None = None,
    ) -> LeafText:
        found = leaves.by_id(tx, leaf_id)
        if found is None:
            raise NotFound("leaf", leaf_id)
        found = self.as_seen(tx, actor, found)
        self._record(
            tx,
            actor,
            action,
            target=f"leaf:{leaf_id}",
            detail={
                "sha256": found.sha256,
                "dossier": found.dossier_id,
                "basis": decision.reason,
                "grant": decision.grant_id,
                "facts": decision.facts,
            },
            at=at,
        )
        return self._layered(tx, actor, leaves.text(tx, found))

    @contextmanager
    def _writing(self) -> Iterator[Tx]:
        """A write transaction; once it commits, sign a checkpoint if enough
        events have gathered since the last one."""
        with self.store.write() as tx:
            today = self.now()[:10]
            if self._calendar_day != today:  # once a day: masks whose time ran out lift
                self._calendar(tx)
                self._calendar_day = today
            yield tx
        self._logged()

    def _logged(self) -> None:
        """Hook for the audit log (see `registry/audit.py`)."""

    def _index_report(self, tx: Tx, leaf_texts: Sequence[tuple[int, str]]) -> None:
        """Hook for name extraction at ingest (see `registry/cardindex.py`)."""

    def _watch(self, tx: Tx, actor: Actor, grant_id: int | None, now: str) -> None:
        """Hook for the curiosity alarm (see `registry/audit.py`)."""

    def _dated_by_claims(self, tx: Tx, claim_ids: list[int]) -> None:
        """Accepted claims date the records they are about (`Categories`)."""

    def _layered(self, tx: Tx, actor: Actor, text: LeafText) -> LeafText:
        """A leaf's text as the actor's class reads it (`Redactions`)."""
        return text

    def _layered_entry(self, tx: Tx, actor: Actor, leaf: Leaf) -> Leaf:
        """A leaf's entry as the actor's class sees it (`Redactions`)."""
        return leaf

    def _in_layer(
        self, tx: Tx, actor: Actor, leaf_id: int, spans: list[tuple[int, int, str, int]]
    ) -> list[tuple[int, int, str, int]]:
        """Spans of a leaf's own text as offsets in the actor's layer of it,
        those a mask covers left out (`Redactions`)."""
        return spans

    def _unlayered(
        self, tx: Tx, actor: Actor, leaf: Leaf, start: int, end: int
    ) -> tuple[int, int, str]:
        """A stretch of the actor's layer of a leaf as offsets in the leaf's
        own text, and that text (`Redactions`; a stretch with a mask in it
        is refused)."""
        return start, end, leaves.text(tx, leaf).normalised

    def _unmasked_claims(self, tx: Tx, actor: Actor, found: list[Any]) -> list[Any]:
        """Claims less those whose words name what the actor's class may
        not see (`Redactions`)."""
        return found

    def _page_masks(
        self, tx: Tx, actor: Actor, leaf_id: int
    ) -> list[tuple[int, int, int, int]] | None:
        """The boxes to black out on a leaf's page image for the actor's
        class; None where the page cannot be shown masked (`Redactions`)."""
        return []

    def _remask(self, tx: Tx, person_ids: Sequence[int] | None = None) -> list[int]:
        """What each class may see named, after records changed (`Redactions`)."""
        return []

    def _calendar(self, tx: Tx) -> None:
        """Masks whose protection period ran out lift (`Redactions`)."""

    def _ingested(self, actor: Actor) -> None:
        """After new leaves are in: the card index proposes records from them
        (`Proposals._ingested`); nothing here."""

    @contextmanager
    def _acting(
        self,
        actor: Actor,
        action: Action,
        target: int | None = None,
        *,
        hidden: tuple[str, object] | None = None,
        decide: Callable[[Policy], Decision] | None = None,
    ) -> Iterator[tuple[Tx, Decision]]:
        """A write transaction in which `actor` may take `action`, or a recorded refusal.

        A refusal is committed before it is raised, so every denial is on the
        record. Where the target is something the actor may not know exists,
        `hidden` names it and the refusal is the same "not found" as a
        missing id. `decide` replaces the plain check where a staff act is
        decided on more than the action (a slip's owner, a marking's level).
        """
        with self._writing() as tx:
            policy = self.policy(tx)
            decision = decide(policy) if decide else policy.check(actor, action, target)
            if decision.allowed:
                yield tx, decision
                return
            self._record(
                tx,
                actor,
                f"{action.value}.denied",
                target=None if target is None else f"{action.value.split('.')[0]}:{target}",
                detail={"reason": decision.reason},
            )
        if hidden is not None:
            raise NotFound(*hidden)
        raise Forbidden(action.value, decision.reason)


def reason_given(reason: str, what: str = "--reason") -> str:
    if not reason.strip():
        raise BadInput(what, "a stated reason is required")
    return reason.strip()
