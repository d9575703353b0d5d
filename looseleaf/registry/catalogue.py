"""The catalogue: taking reports in, and reading dossiers, reports and leaves
through the access rule."""

from __future__ import annotations

import hashlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from looseleaf.audit.batch import GroupCommit, Request
from looseleaf.clock import Clock, system_clock
from looseleaf.errors import BadInput, Forbidden, LooseleafError, NotFound
from looseleaf.ingest import Document, encoding_named, media_type, prepare, read_file
from looseleaf.model import (
    Actor,
    Dossier,
    Event,
    Jsonable,
    Leaf,
    LeafText,
    Marking,
    Report,
    Source,
    parse_grade,
)
from looseleaf.policy import Action, Decision, sql
from looseleaf.registry.base import MarkingRequest, RegistryBase, reason_given
from looseleaf.settings import Settings
from looseleaf.store import Store, Tx, dossiers, events, leaves, markings, reports


@dataclass(frozen=True)
class IngestResult(Jsonable):
    """What became of one file: ingested, already there, or refused (and why)."""

    file: str
    status: Literal["ingested", "duplicate", "error"]
    report_id: int | None = None
    dossier_id: int | None = None
    leaves: int = 0
    error: str | None = None
    #: What OCR could not vouch for, page by page (low confidence, another script).
    warnings: tuple[str, ...] = ()


#: Files parsed ahead of the one being stitched on: one a core (OCR is the
#: slow part, and Tesseract runs a process a page); bounded, so a long list
#: of files is never all in memory at once.
_AHEAD = max(2, os.cpu_count() or 1)
#: Files read by OCR, whose reading is worth skipping when they are in already.
SCANNED = frozenset({"application/pdf", "image/png", "image/jpeg", "image/tiff"})


@dataclass(frozen=True)
class _Plan:
    """One ingest command's choices, resolved once and applied to every file."""

    title: str
    marking: Marking
    title_marking: Marking
    title_marking_given: bool
    source: Source | None
    #: The character encoding the registrar named for text files (else told from the bytes).
    encoding: str | None = None
    #: No level was named: the default is capped at the registrar's own level.
    leaf_level_default: bool = False
    title_level_default: bool = False
    #: The languages scans are read in (Tesseract's codes, rus+deu).
    ocr_lang: str = "eng"


#: What `why` explains: a read, a custodian's review on a slip, a copy's issue.
WHY_ACTIONS = ("read", "review", "issue")


class Catalogue(RegistryBase):
    def __init__(self, store: Store, settings: Settings, clock: Clock = system_clock) -> None:
        super().__init__(store, settings, clock)
        self._reads: GroupCommit[tuple[Actor, int], LeafText] = GroupCommit(self._read_batch)

    # -- ingest -------------------------------------------------------------

    def ingest(
        self,
        actor: Actor,
        paths: Sequence[Path],
        *,
        dossier: str,
        leaf_marking: MarkingRequest | None = None,
        dossier_marking: MarkingRequest | None = None,
        source: Source | None = None,
        on_file: Callable[[Path, IngestResult], None] | None = None,
        encoding: str | None = None,
        ocr_lang: str | None = None,
    ) -> list[IngestResult]:
        """Stitch each file onto `dossier` as a report, one transaction per file.

        A file that cannot be taken in is reported with its reason and leaves
        nothing behind; the other files still go in. Text and HTML files are
        read in `encoding` when it is given, else in UTF-8 or the encoding
        told from their bytes (`looseleaf.ingest.text`). Scans are read in
        `ocr_lang`, else the setting `ocr_lang`.
        """
        title = dossier.strip()
        if not title:
            raise BadInput("--dossier", "a dossier needs a title")
        if encoding is not None:
            encoding = encoding_named(encoding)
        with self._acting(actor, Action.REPORT_INGEST):
            pass
        marking = self.marking(leaf_marking or MarkingRequest())
        if source is not None and source.grade:
            source = replace(source, grade=parse_grade(source.grade))
        plan = _Plan(
            title=title,
            marking=marking,
            title_marking=self.marking(dossier_marking or MarkingRequest(), default=marking),
            title_marking_given=dossier_marking is not None,
            source=source,
            encoding=encoding,
            leaf_level_default=leaf_marking is None or leaf_marking.level is None,
            title_level_default=dossier_marking is not None and dossier_marking.level is None,
            ocr_lang=(ocr_lang or self.settings.ocr_lang).strip(),
        )
        results = []
        # Files are parsed (and scans read by OCR) a few ahead, on every core;
        # each is stitched on in turn, in its own transaction, in the order given.
        with ThreadPoolExecutor(max_workers=_AHEAD) as pool:
            waiting: deque[tuple[Path, Future[Document | IngestResult]]] = deque()
            queue = iter(paths)
            for path in itertools.islice(queue, _AHEAD):
                waiting.append((path, self._parsing(pool, actor, path, plan)))
            while waiting:
                path, parsed = waiting.popleft()
                result = self._ingest_one(actor, path, plan, parsed)
                for following in itertools.islice(queue, 1):
                    waiting.append((following, self._parsing(pool, actor, following, plan)))
                results.append(result)
                if on_file is not None:
                    on_file(path, result)
        if any(result.status != "error" for result in results):
            self._ingested(actor)
        return results

    def _parsing(
        self, pool: ThreadPoolExecutor, actor: Actor, path: Path, plan: _Plan
    ) -> Future[Document | IngestResult]:
        """The file read here, then parsed (a scan read by OCR) in the pool:
        a report's leaves, or what the file already is (a scan in the dossier
        already is not read again: a re-run skips what is in)."""
        done: Future[Document | IngestResult] = Future()
        try:
            data = read_file(path, self.settings.max_report_bytes, encoding=plan.encoding)
            if media_type(path) in SCANNED:
                known = self._already_in(actor, plan.title, hashlib.sha256(data).hexdigest())
                if known is not None:
                    done.set_result(IngestResult(str(path), "duplicate", *known))
                    return done
        except LooseleafError as exc:
            done.set_exception(exc)
            return done
        return pool.submit(
            prepare,
            path,
            data,
            passage_chars=self.settings.passage_chars,
            max_line_chars=self.settings.max_line_chars,
            encoding=plan.encoding,
            ocr_lang=plan.ocr_lang,
        )

    def _ingest_one(
        self, actor: Actor, path: Path, plan: _Plan, parsed: Future[Document | IngestResult]
    ) -> IngestResult:
        try:
            document = parsed.result()
            if isinstance(document, IngestResult):
                return document
            with self._writing() as tx:
                result = self._stitch(actor, tx, document, plan)
            return replace(result, file=str(path))
        except LooseleafError as exc:
            with self._writing() as tx:
                self._record(
                    tx,
                    actor,
                    "report.refuse",
                    target=None,
                    detail={"file": str(path), "reason": str(exc)},
                )
            return IngestResult(str(path), "error", error=str(exc))

    def _stitch(self, actor: Actor, tx: Tx, document: Document, plan: _Plan) -> IngestResult:
        now = self.now()
        file = document.filename
        policy = self.policy(tx)
        if plan.leaf_level_default:
            plan = replace(plan, marking=self.capped(tx, actor, plan.marking))
        if not plan.title_marking_given or plan.title_level_default:
            plan = replace(plan, title_marking=self.capped(tx, actor, plan.title_marking))
        for what, marking in (("leaf", plan.marking), ("title", plan.title_marking)):
            if not policy.knows(actor, self.levels.rank(marking.level), marking.compartments):
                raise Forbidden(
                    "report.ingest",
                    f"the {what} marking {marking} is beyond your own clearance; "
                    "a registrar marks only within it",
                )
        # Only dossiers whose title the registrar may see: a hidden dossier of
        # the same title is neither found, nor stitched into, nor reported.
        visible = None if actor.is_operator else sql.visible_dossiers(_reader_id(actor))
        named = dossiers.identify(tx, plan.title, visible)
        if plan.title_marking_given and len(named) > 1:
            named = [d for d in named if d[1] == str(plan.title_marking)] or named[:1]
        if len(named) > 1:
            choices = ", ".join(key for _, key in named)
            raise BadInput(
                f"--dossier {plan.title!r}",
                f"names {len(named)} dossiers (marked {choices}); give --dossier-level",
            )
        found = named[0] if named else None
        if found is None:
            marking_id = markings.intern(tx, self.levels, plan.title_marking)
            dossier_id = dossiers.create(tx, plan.title, marking_id, now)
            self._record(
                tx,
                actor,
                "dossier.create",
                target=f"dossier:{dossier_id}",
                detail={"title": plan.title, "marking": plan.title_marking.as_json()},
            )
        else:
            dossier_id, marking_key = found
            if plan.title_marking_given and marking_key != str(plan.title_marking):
                raise BadInput(
                    "--dossier-level",
                    f"dossier {plan.title!r} exists already, marked {marking_key}; "
                    "its marking is changed with `looseleaf mark`, not at ingest",
                )
        dossiers.lock(tx, self.store.for_update, dossier_id)
        duplicate = reports.by_hash(tx, dossier_id, document.sha256)
        if duplicate is not None:
            return IngestResult(file, "duplicate", duplicate[0], dossier_id, duplicate[1])
        report_id = reports.add(
            tx,
            dossier_id=dossier_id,
            document=document,
            source=plan.source or Source(title=file),
            marking_id=markings.intern(tx, self.levels, plan.marking),
            now=now,
        )
        self._index_report(
            tx,
            list(
                zip(
                    leaves.ids_of_report(tx, report_id),
                    (leaf.normalised for leaf in document.leaves),
                    strict=True,
                )
            ),
        )
        detail: dict[str, object] = {
            "dossier": dossier_id,
            "file": file,
            "sha256": document.sha256,
            "media_type": document.media_type,
            "marking": plan.marking.as_json(),
            "leaves": [leaf.sha256 for leaf in document.leaves],
        }
        if document.encoding is not None:
            detail["encoding"] = document.encoding
        scanned = {str(leaf.position): leaf.scan for leaf in document.leaves if leaf.scan}
        if scanned:
            # The page images are originals too: their hashes are on the record.
            detail["images"] = {at: scan.sha256 for at, scan in scanned.items()}
            detail["ocr"] = {
                at: {"lang": scan.reading.languages, "confidence": scan.reading.confidence}
                for at, scan in scanned.items()
            }
        self._record(tx, actor, "report.ingest", target=f"report:{report_id}", detail=detail)
        return IngestResult(
            file,
            "ingested",
            report_id,
            dossier_id,
            len(document.leaves),
            warnings=tuple(document.warnings()),
        )

    def _already_in(self, actor: Actor, title: str, sha256: str) -> tuple[int, int, int] | None:
        """(report, dossier, leaves) of these bytes already in the dossier, if
        the actor may see its title (else the ingest goes on to say so)."""
        with self.store.read() as tx:
            if actor.is_operator:
                found = dossiers.find(tx, title)
            else:
                assert actor.reader_id is not None
                found = dossiers.find(tx, title, visible=sql.visible_dossiers(actor.reader_id))
            if found is None:
                return None
            known = reports.by_hash(tx, found.id, sha256)
            return None if known is None else (known[0], found.id, known[1])

    # -- reading the catalogue -----------------------------------------------

    def dossiers(self, actor: Actor) -> list[Dossier]:
        """Dossiers whose title the actor may see, counting only leaves they may read."""
        with self.store.read() as tx:
            if actor.is_operator:
                return dossiers.listing(tx)
            assert actor.reader_id is not None
            return dossiers.listing(
                tx,
                visible=sql.visible_dossiers(actor.reader_id),
                readable=sql.readable_leaves(actor.reader_id, self.now()),
            )

    def dossier(self, actor: Actor, ref: str) -> tuple[Dossier, list[Report]]:
        """A dossier by id or exact title, with its reports and the leaves the
        actor may read (no text); reports with no such leaf are left out."""
        with self.store.read() as tx:
            visible = readable = None
            if not actor.is_operator:
                assert actor.reader_id is not None
                visible = sql.visible_dossiers(actor.reader_id)
                readable = sql.readable_leaves(actor.reader_id, self.now())
            matches = dossiers.find_all(tx, ref, visible=visible, readable=readable)
            if not matches:
                raise NotFound("dossier", ref)
            if len(matches) > 1:
                ids = ", ".join(f"{d.id} ({d.marking})" for d in matches)
                raise BadInput(
                    f"dossier {ref!r}", f"names {len(matches)} dossiers: give one id of {ids}"
                )
            found = matches[0]
            shown = reports.of_dossier(tx, found.id, readable=readable)
            if readable is not None:
                shown = [
                    replace(
                        report,
                        leaves=[self._layered_entry(tx, actor, leaf) for leaf in report.leaves],
                    )
                    for report in shown
                    if report.leaves
                ]
            return found, shown

    def leaf(self, actor: Actor, leaf_id: int) -> Leaf:
        """A leaf's catalogue entry (no text), if the actor may read the leaf."""
        with self.store.read() as tx:
            decision = self.policy(tx).check(actor, Action.LEAF_READ, leaf_id)
            found = leaves.by_id(tx, leaf_id) if decision.allowed else None
            if found is None:
                raise NotFound("leaf", leaf_id)
            return self.as_seen(tx, actor, found)

    def read(self, actor: Actor, leaf_id: int) -> LeafText:
        """A leaf's text. The read is recorded, with what allowed it, in the
        transaction that fetches the text, and that transaction commits before
        the text is returned; a refusal is recorded too and is the same "not
        found" as a missing id. Concurrent reads share one commit."""
        return self._reads.submit((actor, leaf_id))

    def _read_batch(self, batch: Iterator[Request[tuple[Actor, int], LeafText]]) -> None:
        with self._writing() as tx:
            policy = self.policy(tx)  # one clock reading for the batch: it commits as one
            for request in batch:
                actor, leaf_id = request.item
                decision = policy.check(actor, Action.LEAF_READ, leaf_id, facts=True)
                if decision.allowed:
                    request.result = self._hand_out(
                        tx, actor, "leaf.read", leaf_id, decision, at=policy.now
                    )
                    self._watch(tx, actor, decision.grant_id, policy.now)
                else:
                    self._record(
                        tx,
                        actor,
                        "leaf.read.denied",
                        target=f"leaf:{leaf_id}",
                        detail={"reason": decision.reason},
                        at=policy.now,
                    )
                    request.error = NotFound("leaf", leaf_id)

    def why(
        self,
        actor: Actor,
        reader: str,
        leaf_id: int,
        *,
        action: str = "read",
        slip_id: int | None = None,
    ) -> Decision:
        """Explain to staff whether `reader` may read a leaf (or, for a
        custodian, review it on a slip or issue it in a copy), and why.

        The explanation names markings, so it is given only about a leaf the
        asking account's own clearance covers; any other leaf is "no leaf",
        exactly as one that never existed."""
        if action not in WHY_ACTIONS:
            raise BadInput(f"--action {action!r}", f"use one of {', '.join(WHY_ACTIONS)}")
        if action == "review" and slip_id is None:
            raise BadInput("--action review", "name the slip with --slip")
        with self._acting(actor, Action.POLICY_EXPLAIN):
            pass
        subject = self.as_reader(reader, via=actor)
        with self._writing() as tx:
            policy = self.policy(tx)
            if not policy.knows_leaf(actor, leaf_id):
                decision = Decision(False, f"no leaf {leaf_id}")
            elif action == "review":
                assert slip_id is not None
                decision = policy.review(subject, slip_id, leaf_id)
            elif action == "issue":
                decision = policy.issue(subject, leaf_id)
            else:
                decision = policy.check(subject, Action.LEAF_READ, leaf_id)
            self._record(
                tx,
                actor,
                "policy.why",
                target=f"leaf:{leaf_id}",
                detail={"reader": reader, "action": action, "slip": slip_id, **decision.as_json()},
            )
        return decision

    def event_log(self, actor: Actor, *, target: str | None = None) -> list[Event]:
        """The first events (of one target), as this auditor may see them
        (the rule is in `registry/audit.py`): a target above their clearance
        has no events, as a missing one has none."""
        from looseleaf.registry.auditor_view import AuditorView

        with self._acting(actor, Action.AUDIT_READ) as (tx, _):
            view = AuditorView(tx, self.levels, actor)
            if target is not None and not view.knows_target(target):
                return []
            return view.events(events.listing(tx, target=target))

    # -- marking and withdrawal -------------------------------------------------

    def mark(
        self,
        actor: Actor,
        request: MarkingRequest,
        reason: str,
        *,
        leaf_ids: Sequence[int] = (),
        report_id: int | None = None,
    ) -> list[int]:
        """Re-mark leaves (by id, or every leaf of a report the registrar can
        see). Raising or lowering a marking is an event with who, when, why,
        and both markings; it counts from the next check. A registrar marks
        only leaves their own clearance covers, and only to a marking it
        covers: a leaf they cannot see is "not found", and of a report only
        the leaves they can see are marked."""
        reason = reason_given(reason)
        with self._acting(actor, Action.LEAF_MARK) as (tx, _):
            policy = self.policy(tx)
            targets = list(leaf_ids)
            if report_id is not None:
                known = [
                    leaf_id
                    for leaf_id in leaves.ids_of_report(tx, report_id)
                    if policy.knows_leaf(actor, leaf_id)
                ]
                if not known:
                    raise NotFound("report", report_id)
                targets += known
            if not targets:
                raise BadInput("mark", "name leaves or a report to mark")
            for leaf_id in targets:
                old = leaves.by_id(tx, leaf_id)
                if old is None or not policy.knows_leaf(actor, leaf_id):
                    raise NotFound("leaf", leaf_id)
                new = request.after(self.levels, old.marking)
                decision = policy.mark(actor, self._rank(old.marking), self._rank(new))
                if not decision.allowed:
                    raise Forbidden("leaf.mark", decision.reason)
                leaves.set_marking(tx, leaf_id, markings.intern(tx, self.levels, new))
                self._record(
                    tx,
                    actor,
                    "leaf.mark",
                    target=f"leaf:{leaf_id}",
                    detail={
                        "from": old.marking.as_json(),
                        "to": new.as_json(),
                        "compartments": _compartments(request),
                        "reason": reason,
                    },
                )
        return targets

    def _rank(self, marking: Marking) -> tuple[int, frozenset[str]]:
        return self.levels.rank(marking.level), marking.compartments

    def mark_dossier(self, actor: Actor, ref: str, request: MarkingRequest, reason: str) -> None:
        """Re-mark a dossier's title (its existence), separately from its leaves,
        under the same rule as a leaf: only a title the registrar can see, only
        to a marking their clearance covers."""
        reason = reason_given(reason)
        with self._acting(actor, Action.LEAF_MARK) as (tx, _):
            found = self._find_dossier(tx, actor, ref)
            new = request.after(self.levels, found.marking)
            decision = self.policy(tx).mark(
                actor, self._rank(found.marking), self._rank(new), what="title"
            )
            if not decision.allowed:
                raise Forbidden("leaf.mark", decision.reason)
            dossiers.set_marking(tx, found.id, markings.intern(tx, self.levels, new))
            self._record(
                tx,
                actor,
                "dossier.mark",
                target=f"dossier:{found.id}",
                detail={
                    "from": found.marking.as_json(),
                    "to": new.as_json(),
                    "compartments": _compartments(request),
                    "reason": reason,
                },
            )

    def _find_dossier(self, tx: Tx, actor: Actor, ref: str) -> Dossier:
        """A dossier by id or exact title among those whose title the actor may
        see; a title two such dossiers share (under different markings) is
        ambiguous and must be given by id."""
        visible = None
        if not actor.is_operator:
            assert actor.reader_id is not None
            visible = sql.visible_dossiers(actor.reader_id)
        found = dossiers.find_all(tx, ref, visible=visible)
        if not found:
            raise NotFound("dossier", ref)
        if len(found) > 1:
            ids = ", ".join(f"{d.id} ({d.marking})" for d in found)
            raise BadInput(f"dossier {ref!r}", f"names {len(found)} dossiers: give one id of {ids}")
        return found[0]

    def withdraw_leaf(self, actor: Actor, leaf_id: int, reason: str) -> None:
        """Withdraw one leaf: a recorded event, never a delete."""
        reason = reason_given(reason)
        with self._acting(actor, Action.LEAF_WITHDRAW) as (tx, _):
            if leaves.by_id(tx, leaf_id) is None or not self.policy(tx).knows_leaf(actor, leaf_id):
                raise NotFound("leaf", leaf_id)  # a registrar acts only on what they can see
            changed = leaves.withdraw(tx, leaf_id, self.now())
            self._record(
                tx,
                actor,
                "leaf.withdraw",
                target=f"leaf:{leaf_id}",
                detail={"reason": reason, "changed": changed},
            )

    def withdraw_report(self, actor: Actor, report_id: int, reason: str) -> int:
        reason = reason_given(reason)
        with self._acting(actor, Action.LEAF_WITHDRAW) as (tx, _):
            if not reports.exists(tx, report_id):
                raise NotFound("report", report_id)
            policy = self.policy(tx)
            report_leaves = leaves.ids_of_report(tx, report_id)
            known = [i for i in report_leaves if policy.knows_leaf(actor, i)]
            if not known:
                raise NotFound("report", report_id)
            if len(known) == len(report_leaves):
                count = reports.withdraw(tx, report_id, self.now())
            else:  # only the leaves this registrar can see; the rest stay
                count = sum(leaves.withdraw(tx, i, self.now()) for i in known)
            self._record(
                tx,
                actor,
                "report.withdraw",
                target=f"report:{report_id}",
                detail={"reason": reason, "leaves": count},
            )
        return count


def _compartments(request: MarkingRequest) -> str:
    """What a re-marking did to compartments, for the record."""
    if request.clear_compartments:
        return "cleared"
    return "replaced" if request.compartments else "kept"


def _reader_id(actor: Actor) -> int:
    assert actor.reader_id is not None
    return actor.reader_id
