"""The service layer: the only thing the CLI, the HTTP API and the reading
room call, and the only code that hands out leaf text.

Every call names its actor. A read records its event in the same
transaction that fetches the text, and the transaction commits before the
text is returned, so no content leaves without its record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from looseleaf import ingest
from looseleaf.clock import Clock, stamp, system_clock
from looseleaf.errors import BadInput, LooseleafError, NotFound, RegistryError
from looseleaf.ingest import Document
from looseleaf.model import (
    Actor,
    Dossier,
    Jsonable,
    Leaf,
    LeafText,
    Levels,
    Marking,
    Report,
    Source,
    parse_grade,
)
from looseleaf.settings import Settings
from looseleaf.store import (
    SCHEMA_VERSION,
    Store,
    Tx,
    describe,
    dossiers,
    events,
    leaves,
    markings,
    open_store,
    reports,
)


@dataclass(frozen=True)
class IngestResult(Jsonable):
    """What became of one file: ingested, already there, or refused (and why)."""

    file: str
    status: Literal["ingested", "duplicate", "error"]
    report_id: int | None = None
    dossier_id: int | None = None
    leaves: int = 0
    error: str | None = None


@dataclass(frozen=True)
class _Plan:
    """One ingest command's choices, resolved once and applied to every file."""

    title: str
    marking: Marking
    title_marking: Marking
    title_marking_given: bool
    source: Source | None


@dataclass(frozen=True)
class MarkingRequest:
    """A marking as typed on the command line, resolved against the registry's levels."""

    level: str | None = None
    compartments: tuple[str, ...] = ()


class Registry:
    def __init__(self, store: Store, settings: Settings, clock: Clock = system_clock) -> None:
        self.store = store
        self.settings = settings
        self._clock = clock
        with store.read() as tx:
            self.levels = markings.levels(tx)

    # -- opening ----------------------------------------------------------

    @classmethod
    def open(cls, settings: Settings, *, clock: Clock = system_clock) -> Registry:
        """Open an existing registry, upgrading its schema in place if it is older."""
        store = open_store(settings.registry)
        try:
            version = store.schema_version()
            if version == 0:
                raise RegistryError(
                    f"registry {describe(settings.registry)}: not initialised "
                    "(run `looseleaf init`)"
                )
            if version < SCHEMA_VERSION:
                applied = store.migrate(stamp(clock()))
                with store.write() as tx:
                    events.record(
                        tx,
                        at=stamp(clock()),
                        actor="system",
                        action="registry.migrate",
                        target=None,
                        detail={"from": version, "applied": applied},
                    )
            elif version > SCHEMA_VERSION:
                store.migrate(stamp(clock()))  # raises with the reason
            return cls(store, settings, clock)
        except BaseException:
            store.close()
            raise

    @classmethod
    def init(
        cls,
        settings: Settings,
        actor: Actor,
        *,
        levels: Sequence[str] | None = None,
        clock: Clock = system_clock,
    ) -> Registry:
        """Create a registry (or open the one already there, unchanged)."""
        scale = Levels(tuple(levels)) if levels else Levels()
        store = open_store(settings.registry, create=True)
        try:
            store.migrate(stamp(clock()))
            with store.write() as tx:
                existing = markings.levels(tx) if tx.scalar("SELECT 1 FROM levels") else None
                if existing is None:
                    markings.set_levels(tx, scale)
                    events.record(
                        tx,
                        at=stamp(clock()),
                        actor=str(actor),
                        action="registry.init",
                        target=None,
                        detail={"levels": list(scale.names)},
                    )
                elif levels and existing != scale:
                    raise BadInput(
                        "--levels",
                        f"registry {describe(settings.registry)} already has levels "
                        f"{', '.join(existing.names)}",
                    )
            return cls(store, settings, clock)
        except BaseException:
            store.close()
            raise

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def now(self) -> str:
        return stamp(self._clock())

    # -- markings ----------------------------------------------------------

    def marking(self, request: MarkingRequest, *, default: Marking | None = None) -> Marking:
        """Resolve a typed marking; no level given means the default (highest) level."""
        if request.level is None and default is not None and not request.compartments:
            return default
        level = request.level or self.settings.default_level or self.levels.highest
        return Marking.parse(self.levels, level, request.compartments)

    # -- ingest -------------------------------------------------------------

    def ingest(
        self,
        actor: Actor,
        paths: Sequence[Path],
        *,
        dossier: str,
        leaf_marking: MarkingRequest = MarkingRequest(),
        dossier_marking: MarkingRequest | None = None,
        source: Source | None = None,
        on_file: Callable[[Path, IngestResult], None] | None = None,
    ) -> list[IngestResult]:
        """Stitch each file onto `dossier` as a report, one transaction per file.

        A file that cannot be taken in is reported with its reason and leaves
        nothing behind; the other files still go in.
        """
        title = dossier.strip()
        if not title:
            raise BadInput("--dossier", "a dossier needs a title")
        marking = self.marking(leaf_marking)
        if source is not None and source.grade:
            source = replace(source, grade=parse_grade(source.grade))
        plan = _Plan(
            title=title,
            marking=marking,
            title_marking=self.marking(dossier_marking or MarkingRequest(), default=marking),
            title_marking_given=dossier_marking is not None,
            source=source,
        )
        results = []
        for path in paths:
            result = self._ingest_one(actor, path, plan)
            results.append(result)
            if on_file is not None:
                on_file(path, result)
        return results

    def _ingest_one(self, actor: Actor, path: Path, plan: _Plan) -> IngestResult:
        try:
            data = ingest.read_file(path, self.settings.max_report_bytes)
            document = ingest.prepare(
                path,
                data,
                passage_chars=self.settings.passage_chars,
                max_line_chars=self.settings.max_line_chars,
            )
            with self.store.write() as tx:
                result = self._stitch(actor, tx, document, plan)
            return replace(result, file=str(path))
        except LooseleafError as exc:
            with self.store.write() as tx:
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
        found = dossiers.identify(tx, plan.title)
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
        self._record(
            tx,
            actor,
            "report.ingest",
            target=f"report:{report_id}",
            detail={
                "dossier": dossier_id,
                "file": file,
                "sha256": document.sha256,
                "media_type": document.media_type,
                "marking": plan.marking.as_json(),
                "leaves": [leaf.sha256 for leaf in document.leaves],
            },
        )
        return IngestResult(file, "ingested", report_id, dossier_id, len(document.leaves))

    # -- reading the catalogue -----------------------------------------------

    def dossiers(self, actor: Actor) -> list[Dossier]:
        del actor  # the operator sees every dossier; readers arrive with the access rule
        with self.store.read() as tx:
            return dossiers.listing(tx)

    def dossier(self, actor: Actor, ref: str) -> tuple[Dossier, list[Report]]:
        """A dossier by id or by exact title, with its reports and leaves (no text)."""
        del actor
        with self.store.read() as tx:
            found = dossiers.by_id(tx, int(ref)) if ref.isdigit() else None
            found = found or dossiers.by_title(tx, ref)
            if found is None:
                raise NotFound("dossier", ref)
            return found, reports.of_dossier(tx, found.id)

    def leaf(self, actor: Actor, leaf_id: int) -> Leaf:
        with self.store.read() as tx:
            found = leaves.by_id(tx, leaf_id)
        if found is None:
            raise NotFound("leaf", leaf_id)
        return found

    def read(self, actor: Actor, leaf_id: int) -> LeafText:
        """A leaf's text: the record of the read is committed before the text is returned."""
        with self.store.write() as tx:
            found = leaves.by_id(tx, leaf_id)
            if found is None:
                raise NotFound("leaf", leaf_id)
            self._record(
                tx,
                actor,
                "leaf.read",
                target=f"leaf:{leaf_id}",
                detail={"sha256": found.sha256},
            )
            return leaves.text(tx, found)

    def event_log(self, actor: Actor, *, target: str | None = None) -> list[events.Event]:
        del actor
        with self.store.read() as tx:
            return events.listing(tx, target=target)

    # -- withdrawal -----------------------------------------------------------

    def withdraw_leaf(self, actor: Actor, leaf_id: int, reason: str) -> None:
        """Withdraw one leaf: a recorded event, never a delete."""
        reason = _reason(reason)
        with self.store.write() as tx:
            if leaves.by_id(tx, leaf_id) is None:
                raise NotFound("leaf", leaf_id)
            changed = leaves.withdraw(tx, leaf_id, self.now())
            self._record(
                tx,
                actor,
                "leaf.withdraw",
                target=f"leaf:{leaf_id}",
                detail={"reason": reason, "changed": changed},
            )

    def withdraw_report(self, actor: Actor, report_id: int, reason: str) -> int:
        reason = _reason(reason)
        with self.store.write() as tx:
            if not reports.exists(tx, report_id):
                raise NotFound("report", report_id)
            count = reports.withdraw(tx, report_id, self.now())
            self._record(
                tx,
                actor,
                "report.withdraw",
                target=f"report:{report_id}",
                detail={"reason": reason, "leaves": count},
            )
        return count

    def _record(
        self, tx: Tx, actor: Actor, action: str, *, target: str | None, detail: dict[str, Any]
    ) -> int:
        """Write one event in the caller's transaction, so the change and its record
        land together or not at all."""
        return events.record(
            tx, at=self.now(), actor=str(actor), action=action, target=target, detail=detail
        )

    def describe(self) -> dict[str, Any]:
        return {
            "registry": describe(self.settings.registry),
            "schema_version": SCHEMA_VERSION,
            "levels": list(self.levels.names),
        }


def _reason(reason: str) -> str:
    if not reason.strip():
        raise BadInput("--reason", "a withdrawal needs a stated reason")
    return reason.strip()
