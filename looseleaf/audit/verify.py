"""Verify a registry: the event log against its signed checkpoints, and every
leaf's text against the content hashes recorded when it was taken in.

Any change, deletion, insertion or reordering of events shows as a root
that no longer matches a signed checkpoint (and usually as a gap or a date
out of order, which names the event). Any change to a leaf's text, or a
dropped, added or reordered leaf, shows against the leaf hashes in the
report's ingest event, which is itself in the signed log.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from looseleaf.audit import log, merkle
from looseleaf.audit.keys import PublicKey
from looseleaf.store import scans
from looseleaf.store.base import Tx

#: Problems listed in full; the rest are counted.
MAX_PROBLEMS = 20


@dataclass
class Verdict:
    events: int = 0
    checkpoints: int = 0
    leaves: int = 0
    unsigned: int = 0
    problems: list[str] = field(default_factory=list)
    more: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)
        else:
            self.more += 1

    def as_json(self) -> dict[str, Any]:
        return self.__json__()

    def __json__(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "checkpoints": self.checkpoints,
            "leaves_checked": self.leaves,
            "unsigned_events": self.unsigned,
            "first_problem": self.problems[0] if self.problems else None,
            "problems": self.problems,
            "more_problems": self.more,
        }


def verify(
    tx: Tx,
    public: PublicKey,
    *,
    witness: dict[str, Any] | None = None,
    against: log.Checkpoint | None = None,
) -> Verdict:
    verdict = Verdict()
    signed = {cp.size: cp for cp in log.checkpoints(tx)}
    verdict.checkpoints = len(signed)
    local = _witness(witness) if witness else None
    outside = [c for c in (local, against) if c is not None]
    roots = _check_events(tx, verdict, signed, {c.size for c in outside})
    for cp in signed.values():
        _check_signature(verdict, public, cp, "checkpoint")
        if cp.size > verdict.events:
            verdict.problem(
                f"checkpoint of size {cp.size} covers events that are not in the log "
                f"(the log has {verdict.events}): events were removed"
            )
    for label, given in (
        ("the witness beside the signing key", local),
        ("the checkpoint given", against),
    ):
        if given is None:
            continue
        _check_signature(verdict, public, given, label)
        if given.size > verdict.events:
            verdict.problem(
                f"the log ({verdict.events} events) is shorter than {label} "
                f"({given.size} events): its tail was cut"
            )
        elif roots.get(given.size) != given.root:
            verdict.problem(
                f"the log does not extend {label} (size {given.size}): an event at or "
                f"before {given.size} was changed, removed, inserted or reordered"
            )
    verdict.unsigned = verdict.events - max(signed, default=0)
    _check_content(tx, verdict)
    return verdict


def _witness(data: dict[str, Any]) -> log.Checkpoint:
    return log.Checkpoint.from_json(data)


def _check_signature(verdict: Verdict, public: PublicKey, cp: log.Checkpoint, label: str) -> None:
    if cp.key_id != public.key_id:
        verdict.problem(
            f"{label} of size {cp.size} is signed by key {cp.key_id}, "
            f"not this registry's key {public.key_id}"
        )
    elif not public.verify(bytes.fromhex(cp.signature), cp.statement()):
        verdict.problem(f"{label} of size {cp.size} has a bad signature")


def _check_events(
    tx: Tx, verdict: Verdict, signed: dict[int, log.Checkpoint], wanted: set[int]
) -> dict[int, str]:
    """Recompute the tree over the log; compare at every checkpoint size."""
    frontier = merkle.Frontier()
    roots: dict[int, str] = {}
    previous_id, previous_at = 0, ""
    last_signed = 0
    for row in log.rows(tx):
        event_id, at = int(row[0]), row[1]
        if event_id != previous_id + 1:
            verdict.problem(
                f"event {previous_id + 1} is missing: after event {previous_id} "
                f"comes event {event_id}"
            )
        if at < previous_at:
            verdict.problem(
                f"event {event_id} is dated {at}, before event {previous_id} "
                f"({previous_at}): events were reordered or inserted"
            )
        frontier.append(merkle.leaf_hash(log.entry(row)))
        size = frontier.size
        if size in signed or size in wanted:
            root = frontier.root().hex()
            roots[size] = root
            cp = signed.get(size)
            if cp is not None:
                if cp.root != root:
                    verdict.problem(
                        f"events {last_signed + 1}..{size} do not match the checkpoint of size "
                        f"{size}: one of them was changed, removed, inserted or reordered"
                    )
                elif cp.frontier and cp.frontier != frontier.encode():
                    verdict.problem(f"the checkpoint of size {size} stores a wrong frontier")
                last_signed = size
        previous_id, previous_at = event_id, at
    verdict.events = frontier.size
    return roots


def _check_content(tx: Tx, verdict: Verdict) -> None:
    """Every leaf, and every page image, against the hashes its report's
    ingest event recorded."""
    expected: dict[int, list[str]] = {}
    images: dict[int, dict[str, str]] = {}
    for target, detail in tx.all(
        "SELECT target, detail FROM events WHERE action = 'report.ingest' ORDER BY id"
    ):
        try:
            recorded = json.loads(detail)
            report = int(str(target).split(":", 1)[1])
            expected[report] = list(recorded["leaves"])
            images[report] = dict(recorded.get("images", {}))
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            verdict.problem(f"the ingest record for {target} is unreadable")
    reread = _read_again(tx, verdict)
    seen: dict[int, list[str]] = {}
    last = 0
    while True:
        batch = tx.all(
            "SELECT id, report_id, position, sha256, original FROM leaves WHERE id > ? "
            "ORDER BY id LIMIT 2000",
            (last,),
        )
        for leaf_id, report_id, position, stored, original in batch:
            verdict.leaves += 1
            actual = hashlib.sha256(str(original).encode("utf-8")).hexdigest()
            if actual != stored:
                verdict.problem(f"leaf {leaf_id}: its text no longer matches its hash")
            hashes = expected.get(int(report_id))
            if hashes is None:
                verdict.problem(f"leaf {leaf_id}: report {report_id} has no ingest record")
                continue
            at_ingest = actual
            if int(leaf_id) in reread and reread[int(leaf_id)][1] == actual:
                at_ingest = reread[int(leaf_id)][0]
            if not 1 <= int(position) <= len(hashes) or hashes[int(position) - 1] != at_ingest:
                verdict.problem(
                    f"leaf {leaf_id}: not the text recorded at ingest for position "
                    f"{position} of report {report_id}"
                )
            seen.setdefault(int(report_id), []).append(at_ingest)
        if len(batch) < 2000:
            break
        last = int(batch[-1][0])
    _check_images(tx, verdict, images)
    for report_id, hashes in expected.items():
        if sorted(seen.get(report_id, [])) != sorted(hashes):
            verdict.problem(
                f"report {report_id}: {len(hashes)} leaves were recorded at ingest, "
                f"{len(seen.get(report_id, []))} are in the registry"
            )


def _read_again(tx: Tx, verdict: Verdict) -> dict[int, tuple[str, str]]:
    """Scans read again: leaf -> (its hash at ingest, its hash now), each
    reading following the one before."""
    reread: dict[int, tuple[str, str]] = {}
    for target, detail in tx.all(
        "SELECT target, detail FROM events WHERE action = 'leaf.reocr' ORDER BY id"
    ):
        try:
            recorded = json.loads(detail)
            leaf = int(str(target).split(":", 1)[1])
            first = reread.get(leaf, (str(recorded["was"]), ""))[0]
            if leaf in reread and reread[leaf][1] != recorded["was"]:
                verdict.problem(f"leaf {leaf}: a reading again does not follow the one before")
            reread[leaf] = (first, str(recorded["sha256"]))
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            verdict.problem(f"the reading-again record for {target} is unreadable")
    return reread


def _check_images(tx: Tx, verdict: Verdict, recorded: dict[int, dict[str, str]]) -> None:
    """Each page image against its own hash and the one its ingest recorded;
    and every image recorded still there."""
    found: dict[int, set[str]] = {}
    last = 0
    while True:
        batch = scans.hashes(tx, last, 200)
        for leaf_id, data, stored in batch:
            actual = hashlib.sha256(data).hexdigest()
            if actual != stored:
                verdict.problem(f"leaf {leaf_id}: its page image no longer matches its hash")
            row = tx.one("SELECT report_id, position FROM leaves WHERE id = ?", (leaf_id,))
            if row is None:
                verdict.problem(f"leaf {leaf_id}: a page image of no leaf")
                continue
            report_id, position = int(row[0]), str(row[1])
            if recorded.get(report_id, {}).get(position) != actual:
                verdict.problem(
                    f"leaf {leaf_id}: not the page image recorded at ingest for position "
                    f"{position} of report {report_id}"
                )
            found.setdefault(report_id, set()).add(position)
        if len(batch) < 200:
            break
        last = batch[-1][0]
    for report_id, pages in recorded.items():
        gone = sorted(set(pages) - found.get(report_id, set()), key=int)
        if gone:
            verdict.problem(
                f"report {report_id}: the page images of positions {', '.join(gone)} "
                "recorded at ingest are missing"
            )
