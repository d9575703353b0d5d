"""The service layer: the only thing the CLI, the HTTP API and the reading
room call, and the only code that hands out leaf text.

Every call names its actor and goes: check with the policy, record the
event, then return. A read records its event in the transaction that fetches
the text, and that transaction commits before the text is returned, so no
content leaves without its record. The facade is one class, written in one
module per area (`catalogue`, `accounts`, `custody`, `copies`, `decoding`, `audit`, `cardindex`,
`search`, `evidence`, `scans`, `redaction`) over a shared base.
"""

from __future__ import annotations

from collections.abc import Sequence

from looseleaf.audit.verify import Verdict
from looseleaf.clock import Clock, stamp, system_clock
from looseleaf.errors import BadInput, RegistryError
from looseleaf.model import Actor, Levels, Reading
from looseleaf.policy import Action, Decision
from looseleaf.registry.accounts import Accounts
from looseleaf.registry.audit import Audit
from looseleaf.registry.base import MarkingRequest
from looseleaf.registry.catalogue import Catalogue, IngestResult
from looseleaf.registry.copies import Copies
from looseleaf.registry.custody import Custody
from looseleaf.registry.decoding import Decoding
from looseleaf.registry.evidence import ClaimInput, Evidence
from looseleaf.registry.proposals import Proposals
from looseleaf.registry.redaction import Notice, Redaction, Redactions
from looseleaf.registry.scans import Scans
from looseleaf.settings import Settings
from looseleaf.store import SCHEMA_VERSION, describe, events, is_postgres, markings, open_store

#: What the CLI and the web layer may name: the facade, and the few words of
#: the layers below it they need (actions and decisions to explain a refusal,
#: the audit verdict, how to name a registry); never the store or the policy
#: themselves (the import contract in pyproject.toml holds them to this).
__all__ = [
    "SCHEMA_VERSION",
    "Action",
    "ClaimInput",
    "Decision",
    "IngestResult",
    "MarkingRequest",
    "Notice",
    "Redaction",
    "Registry",
    "Verdict",
    "describe",
    "is_postgres",
]


class Registry(
    Catalogue,
    Accounts,
    Custody,
    Copies,
    Decoding,
    Audit,
    Evidence,
    Proposals,
    Scans,
    Redactions,
):
    @classmethod
    def open(cls, settings: Settings, *, clock: Clock = system_clock) -> Registry:
        """Open an existing registry, upgrading its schema in place if it is older."""
        store = open_store(settings.registry, durability=settings.durability)
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
        store = open_store(settings.registry, create=True, durability=settings.durability)
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
            registry = cls(store, settings, clock)
            registry.signing_key()  # created with the registry, outside it
        except BaseException:
            store.close()
            raise
        return registry

    def reading(self, actor: Actor, leaf_id: int) -> Reading:
        """A leaf as a reader is shown it (the read recorded first), with the
        names on it that have a dossier: what `read --json` and
        `GET /api/leaves/{id}` both answer."""
        text = self.read(actor, leaf_id)
        xrefs = tuple(self.xrefs(actor, leaf_id))
        return Reading(text.leaf, text.original, text.normalised, xrefs, text.scan)

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
