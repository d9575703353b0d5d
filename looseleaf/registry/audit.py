"""The audit log as auditors use it: checkpoints, verification, proofs, the
questions they ask, replaying a past read, and the curiosity alarm.

Checkpoints are signed after a write commits, never inside it, so a content
read is never held up by signing and a rolled-back transaction can never be
in a signed tree head.

What an auditor is shown. Staff are readers too: the auditor role adds the
power to read the log, never clearance. So:

1. Every auditor is shown every event, with its id, time, actor and action:
   the log is complete for everyone who may read it, `verify` checks all of
   it, and checkpoints and proofs are the same for every auditor (they are
   hashes and carry no event's content).
2. An event is shown in full iff the auditor's own clearance (level and
   compartments; a grant is a reader's need-to-know for a purpose, not an
   auditor's, and counts for nothing here) covers everything it names, in
   its target and its detail: each leaf, dossier title and card-index record
   by its current marking; a claim by its leaf, a slip by its proposed
   leaves, a copy by its leaves, a note by its citations, a report by its
   leaves and dossier, a conflict note by its claims, a suggestion by its
   records and leaf; and every marking the detail records (a re-marking's
   from and to, an ingest's marking, the leaf's marking recorded with a
   read). A cover or code name's link to its record counts as named too,
   and is told only to an auditor who holds the decoding power. An id that
   names nothing counts as above the auditor: else an auditor could probe
   an id and learn from the log whether it exists.
   Otherwise its target is reduced to its kind ("leaf") and its detail to
   `{"redacted": "above your clearance"}`. An action the registry does not
   describe (`auditor_view.SPECS`), or one decided over the whole holdings
   (re-running the claim extractor), is shown so to anyone short of full
   clearance.
3. Words an account typed, or counted in its own view (queries, purposes,
   reasons, labels, file names of a refused ingest, result counts), are
   replaced by "[redacted: typed above your clearance]" where that account
   may have known more than the auditor: its clearance now or at any time
   before, or a grant it ever held, reaches beyond the auditor's, or it
   decodes and the auditor does not. The operator (also acting `--as` a
   reader) always counts as above.
4. A question about something the auditor may not know exists (a leaf or a
   dossier filter, `readers_of`) is answered as one about a missing id;
   replaying a read of a leaf above the auditor, whose answer would tell the
   leaf's marking, is refused.
5. The local operator, and an auditor at the highest level read into every
   compartment the registry knows, are shown everything as recorded. Account
   data (names, clearances, roles) is shown to every auditor, as it is to
   every admin.

Known limit: an entry hash in a proof lets an auditor confirm a guess of a
redacted event's whole content (say, a one-word query); the log's entries
carry no salt of their own.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from looseleaf.audit import keys, log, merkle
from looseleaf.audit.keys import PublicKey, SigningKey
from looseleaf.audit.verify import Verdict, verify
from looseleaf.clock import stamp
from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.model import Actor, Event
from looseleaf.policy import Action, sql
from looseleaf.policy.rule import REVISION, replay
from looseleaf.registry.auditor_view import REDACTED, AuditorView
from looseleaf.registry.base import RegistryBase
from looseleaf.store import Tx, dossiers, events, leaves


@dataclass(frozen=True)
class Replay:
    event_id: int
    reader: str
    leaf_id: int
    at: str
    recorded_revision: int
    allowed: bool
    reason: str

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


#: The bulk-reading alarm looks at the window once every this many reads.
_BULK_STRIDE = 16


class Audit(RegistryBase):
    _key: SigningKey | None = None
    _reads_seen: dict[int, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._reads_seen = {}
        self._signer: threading.Thread | None = None
        self._sign_wanted = threading.Event()
        self._stopping = False

    # -- the signing key and checkpoints --------------------------------------

    def key_path(self) -> Path:
        return (
            Path(self.settings.signing_key)
            if self.settings.signing_key
            else (keys.default_path(self.settings.registry))
        )

    def signing_key(self) -> SigningKey:
        """The key, created on first use if the log has never been signed."""
        if self._key is None:
            with self.store.read() as tx:
                fresh = log.latest(tx) is None
            self._key = keys.load(self.key_path(), create=fresh)
        return self._key

    def public_key(self, given: Path | None = None) -> PublicKey:
        """The key verification trusts: a public key file given by an outside
        verifier, or this registry's own signing key (never one read from the
        database, which whoever holds the file could replace)."""
        if given is not None:
            try:
                data = json.loads(given.read_text(encoding="utf-8"))
                return PublicKey.decode(data["public_key"] if isinstance(data, dict) else data)
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise BadInput(str(given), f"not a public key or checkpoint file ({exc})") from None
        return self.signing_key().public

    def checkpoint(self) -> log.Checkpoint | None:
        """Sign a tree head over every event so far (None if nothing is new)."""
        key = self.signing_key()
        with self.store.write() as tx:
            made = log.checkpoint(tx, key, self.now())
        self._unsigned = 0
        if made is not None:
            key.write_witness(made.as_json(key.public))
        return made

    def _logged(self) -> None:
        """After a commit: when enough events have gathered, wake the signer.
        Signing never holds up the read that triggered it."""
        if self._unsigned >= self.settings.checkpoint_every:
            if self._signer is None:
                self._signer = threading.Thread(
                    target=self._sign_in_background, name="looseleaf-signer", daemon=True
                )
                self._signer.start()
            self._sign_wanted.set()

    def _sign_in_background(self) -> None:
        while True:
            self._sign_wanted.wait()
            self._sign_wanted.clear()
            if self._stopping:
                return
            try:
                self.checkpoint()
            except Exception as exc:
                sys.stderr.write(f"looseleaf: checkpoint failed ({exc}); will retry\n")

    def close(self) -> None:
        """Stop the signer and sign whatever is left, so a clean exit leaves no
        event unsigned."""
        try:
            if self._signer is not None:
                self._stopping = True
                self._sign_wanted.set()
                self._signer.join()
            if self._unsigned:
                self.checkpoint()
        finally:
            super().close()

    def latest_checkpoint(self, actor: Actor) -> dict[str, Any]:
        """The newest signed tree head, with the public key, for an outside witness."""
        with self._acting(actor, Action.AUDIT_READ):
            pass
        self.checkpoint()
        with self.store.read() as tx:
            head = log.latest(tx)
        if head is None:
            raise NotFound("checkpoint", "latest")
        return head.as_json(self.signing_key().public)

    # -- verification and proofs -------------------------------------------------

    def verify(
        self,
        actor: Actor,
        *,
        against: dict[str, Any] | None = None,
        public_key: Path | None = None,
    ) -> Verdict:
        """Recompute the tree, check every signature and every leaf's text."""
        outside = None
        if against is not None:
            try:
                outside = log.Checkpoint.from_json(against)
            except (ValueError, KeyError, TypeError) as exc:
                raise BadInput("--against", f"not a checkpoint ({exc})") from None
        public = self.public_key(public_key)
        witness = self.signing_key().read_witness() if public_key is None else None
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            verdict = verify(tx, public, witness=witness, against=outside)
            self._record(
                tx,
                actor,
                "audit.verify",
                target=None,
                detail={
                    "ok": verdict.ok,
                    "events": verdict.events,
                    "first_problem": verdict.problems[:1],
                },
            )
        return verdict

    def inclusion_proof(self, actor: Actor, event_id: int) -> dict[str, Any]:
        """Proof that event `event_id` is in the newest checkpoint's tree."""
        self.checkpoint()
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            head = log.latest(tx)
            if head is None or not 1 <= event_id <= head.size:
                raise NotFound("event", event_id)
            [row] = list(log.rows(tx, event_id - 1, event_id))
            return {
                "event": event_id,
                "entry_sha256": merkle.leaf_hash(log.entry(row)).hex(),
                "checkpoint": head.as_json(),
                "path": log.inclusion(tx, event_id, head.size),
            }

    def consistency_proof(self, actor: Actor, old_size: int) -> dict[str, Any]:
        """Proof that the tree of the first `old_size` events is a prefix of the
        newest checkpoint's tree: what a witness holding an older head checks."""
        self.checkpoint()
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            head = log.latest(tx)
            if head is None or not 0 < old_size <= head.size:
                raise BadInput(f"--from {old_size}", "not a size of this log")
            old_root = merkle.root(log.leaf_hashes(tx, old_size)).hex()
            return {
                "old_size": old_size,
                "old_root": old_root,
                "checkpoint": head.as_json(),
                "path": log.consistency(tx, old_size, head.size),
            }

    # -- questions auditors ask ----------------------------------------------------

    def audit_log(
        self,
        actor: Actor,
        *,
        reader: str | None = None,
        leaf_id: int | None = None,
        dossier: str | None = None,
        action: str | None = None,
        since: str | None = None,
        limit: int = 1000,
        newest: bool = False,
    ) -> list[Event]:
        """Events, filtered, as this auditor may see them (see the module's rule)."""
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            view = AuditorView(tx, self.levels, actor)
            return view.events(
                self._search(
                    tx,
                    actor,
                    view,
                    reader=reader,
                    leaf_id=leaf_id,
                    dossier=dossier,
                    action=action,
                    since=since,
                    limit=limit,
                    newest=newest,
                )
            )

    def _search(
        self,
        tx: Tx,
        actor: Actor,
        view: AuditorView,
        *,
        reader: str | None,
        leaf_id: int | None,
        dossier: str | None,
        action: str | None,
        since: str | None,
        limit: int | None,
        newest: bool = False,
    ) -> list[Event]:
        targets = None
        if leaf_id is not None:
            targets = [f"leaf:{leaf_id}"] if view.knows(("leaf", leaf_id)) else []
        if dossier is not None:
            ids = self._dossier_leaf_ids(tx, actor, view, dossier)
            targets = [f"leaf:{i}" for i in ids] + (targets or [])
        return events.search(
            tx,
            actor_name=reader,
            targets=targets,
            action=action,
            since=since,
            limit=limit,
            newest=newest,
        )

    def _dossier_leaf_ids(self, tx: Tx, actor: Actor, view: AuditorView, ref: str) -> list[int]:
        """A dossier whose title the auditor may see, and those of its leaves
        their clearance covers: of a hidden dossier, "not found"."""
        visible = None
        if not view.full and actor.reader_id is not None:
            visible = sql.visible_dossiers(actor.reader_id)
        found = dossiers.find(tx, ref, visible=visible)
        if found is None:
            raise NotFound("dossier", ref)
        return view.known_leaves(leaves.ids_of_dossier(tx, found.id))

    def readers_of(self, actor: Actor, leaf_ids: list[int]) -> dict[str, list[int]]:
        """Who has read which of these leaves: for a dossier, or (with the card
        index) for every leaf that mentions a person. Leaves above the
        auditor's clearance are left out, as missing ones would be."""
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            targets = [
                f"leaf:{i}" for i in AuditorView(tx, self.levels, actor).known_leaves(leaf_ids)
            ]
            found = [
                event
                for action in ("leaf.read", "leaf.review")
                for event in events.search(tx, targets=targets, action=action, limit=None)
            ]
        who: dict[str, set[int]] = {}
        for event in found:
            who.setdefault(_reader_name(event.actor), set()).add(int(str(event.target)[5:]))
        return {name: sorted(ids) for name, ids in sorted(who.items())}

    def exposure(
        self, actor: Actor, reader: str, *, since: str | None = None, until: str | None = None
    ) -> list[dict[str, Any]]:
        """Everything one reader was shown in a period: each read, with its
        basis. A read of a leaf above the auditor keeps its time and kind only."""
        rows = []
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            view = AuditorView(tx, self.levels, actor)
            found = self._search(
                tx,
                actor,
                view,
                reader=reader,
                leaf_id=None,
                dossier=None,
                action=None,
                since=since,
                limit=100_000,
            )
            reads = [
                event
                for event in found
                if event.action in {"leaf.read", "leaf.review"}
                and (until is None or event.at <= until)
            ]
            for event in view.events(reads):
                hidden = event.target is None or ":" not in event.target
                rows.append(
                    {
                        "at": event.at,
                        "leaf": None if hidden else int(str(event.target)[5:]),
                        "dossier": event.detail.get("dossier"),
                        "how": event.action,
                        "basis": REDACTED if hidden else event.detail.get("basis"),
                        "grant": event.detail.get("grant"),
                    }
                )
        return rows

    def replay(self, actor: Actor, event_id: int) -> Replay:
        """Was this past read allowed under the rule, on the facts as they were
        then? Not for a read the auditor is shown redacted: the answer would
        tell the leaf's marking."""
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            found = events.search(tx, event_id=event_id, limit=1)
            hidden = bool(found) and AuditorView(tx, self.levels, actor).hides(found[0])
        if not found or found[0].action not in {"leaf.read"}:
            raise NotFound("read event", event_id)
        if hidden:
            raise Forbidden(
                "audit.replay", f"event {event_id} concerns material above your clearance"
            )
        event = found[0]
        recorded = event.detail.get("facts")
        if not recorded:
            reason = "the read was made by the operator, who is not subject to the rule"
            return Replay(
                event_id, event.actor, int(str(event.target)[5:]), event.at, REVISION, True, reason
            )
        decision = replay(recorded, event.at, self.levels)
        revision = int(recorded.get("revision", 0))
        reason = decision.reason
        if revision != REVISION:
            reason += f" (recorded under rule revision {revision}; replayed with {REVISION})"
        return Replay(
            event_id,
            event.actor,
            int(str(event.target)[5:]),
            event.at,
            revision,
            decision.allowed,
            reason,
        )

    # -- the curiosity alarm ---------------------------------------------------------

    def alarms(self, actor: Actor) -> list[Event]:
        """The auditor's queue: every alarm, each as this auditor may see it."""
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            found = events.search(tx, action="alarm.raise", limit=None)
            return AuditorView(tx, self.levels, actor).events(found)

    def _watch(self, tx: Tx, actor: Actor, grant_id: int | None, now: str) -> None:
        """Petrov kept the file longer than his errand needed, because he wanted to know more:
        flag reads that run far beyond a slip's purpose.

        The bulk-reading test looks at the window every `_BULK_STRIDE`-th read
        of a reader in this process (so an alarm may come a few reads late);
        the whole-grant test runs on every read under a large enough grant.
        """
        if actor.reader_id is None:
            return
        seen = self._reads_seen.get(actor.reader_id, 0) + 1
        self._reads_seen[actor.reader_id] = seen
        if grant_id is None and seen % _BULK_STRIDE:
            return
        window = timedelta(minutes=self.settings.alarm_window_minutes)
        since = stamp(datetime.strptime(now, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC) - window)
        who = str(actor)
        raised = {
            (e.detail.get("kind"), e.detail.get("slip"))
            for e in events.by_actor(tx, actor=who, action="alarm.raise", since=since)
        }
        if ("bulk", None) not in raised and not seen % _BULK_STRIDE:
            cap = self.settings.alarm_bulk_reads
            recent = events.count_recent(tx, actor=who, action="leaf.read", since=since, cap=cap)
            if recent >= cap:
                self._raise(
                    tx,
                    actor,
                    "bulk",
                    None,
                    f"{recent} leaves read within {self.settings.alarm_window_minutes} minutes",
                )
        if grant_id is None:
            return
        slip = tx.one("SELECT slip_id FROM grants WHERE id = ?", (grant_id,))
        if slip is None or slip[0] is None or ("grant", int(slip[0])) in raised:
            return
        granted = [
            int(r[0]) for r in tx.all("SELECT leaf_id FROM grants WHERE slip_id = ?", (slip[0],))
        ]
        if len(granted) < self.settings.alarm_large_grant:
            return
        read = events.distinct_targets(
            tx, actor=who, action="leaf.read", since=since, targets=[f"leaf:{i}" for i in granted]
        )
        if read >= len(granted):
            self._raise(
                tx,
                actor,
                "grant",
                int(slip[0]),
                f"all {len(granted)} leaves of slip {slip[0]} read within "
                f"{self.settings.alarm_window_minutes} minutes",
            )

    def _raise(self, tx: Tx, actor: Actor, kind: str, slip: int | None, what: str) -> None:
        self._record(
            tx,
            actor,
            "alarm.raise",
            target=f"reader:{actor.reader_id}",
            detail={"kind": kind, "slip": slip, "what": what, "reader": actor.name},
        )


def _reader_name(actor: str) -> str:
    """ "reader:anna via operator:root" -> "anna"."""
    return actor.split(" via ", 1)[0].split(":", 1)[-1]
