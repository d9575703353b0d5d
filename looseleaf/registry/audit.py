"""The audit log as auditors use it: checkpoints, verification, proofs, the
questions they ask, replaying a past read, and the curiosity alarm.

Checkpoints are signed after a write commits, never inside it, so a content
read is never held up by signing and a rolled-back transaction can never be
in a signed tree head.
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
from looseleaf.errors import BadInput, NotFound
from looseleaf.model import Actor
from looseleaf.policy import Action
from looseleaf.policy.rule import REVISION, replay
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
    ) -> list[events.Event]:
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            targets = None
            if leaf_id is not None:
                targets = [f"leaf:{leaf_id}"]
            if dossier is not None:
                ids = self._dossier_leaf_ids(tx, dossier)
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

    def _dossier_leaf_ids(self, tx: Tx, ref: str) -> list[int]:
        found = dossiers.find(tx, ref)
        if found is None:
            raise NotFound("dossier", ref)
        return leaves.ids_of_dossier(tx, found.id)

    def readers_of(self, actor: Actor, leaf_ids: list[int]) -> dict[str, list[int]]:
        """Who has read which of these leaves: for a dossier, or (with the card
        index) for every leaf that mentions a person."""
        targets = [f"leaf:{i}" for i in leaf_ids]
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
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
        """Everything one reader was shown in a period: each read, with its basis."""
        found = self.audit_log(actor, reader=reader, since=since, limit=100_000)
        return [
            {
                "at": event.at,
                "leaf": int(str(event.target)[5:]),
                "dossier": event.detail.get("dossier"),
                "how": event.action,
                "basis": event.detail.get("basis"),
                "grant": event.detail.get("grant"),
            }
            for event in found
            if event.action in {"leaf.read", "leaf.review"} and (until is None or event.at <= until)
        ]

    def replay(self, actor: Actor, event_id: int) -> Replay:
        """Was this past read allowed under the rule, on the facts as they were then?"""
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            found = events.search(tx, event_id=event_id, limit=1)
        if not found or found[0].action not in {"leaf.read"}:
            raise NotFound("read event", event_id)
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

    def alarms(self, actor: Actor) -> list[events.Event]:
        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            return events.search(tx, action="alarm.raise", limit=None)

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
