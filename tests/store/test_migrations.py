"""A registry made by an older schema is upgraded in place, its records intact."""

from __future__ import annotations

import hashlib

from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.store import SCHEMA_VERSION, open_store
from tests.conftest import OPERATOR

TEXT = "A report written before events were recorded.\n"


def _registry_as_version_1_made_it(settings: Settings) -> None:
    store = open_store(settings.registry, create=True)
    try:
        assert store.migrate("2020-01-01T00:00:00.000000Z", target=1) == [1]
        with store.write() as tx:
            tx.execute("INSERT INTO levels (rank, name) VALUES (0, 'OPEN'), (1, 'CLOSED')")
            marking = tx.scalar(
                "INSERT INTO markings (level, key) VALUES (1, 'CLOSED') RETURNING id"
            )
            source = tx.scalar("INSERT INTO sources (title) VALUES ('old card') RETURNING id")
            dossier = tx.scalar(
                "INSERT INTO dossiers (title, marking_id, created_at) "
                "VALUES ('Old dossier', ?, '2020-01-01T00:00:00.000000Z') RETURNING id",
                (marking,),
            )
            digest = hashlib.sha256(TEXT.encode()).hexdigest()
            report = tx.scalar(
                "INSERT INTO reports (dossier_id, seq, filename, media_type, sha256, size, "
                "source_id, received_at) VALUES (?, 1, 'old.txt', 'text/plain', ?, ?, ?, "
                "'2020-01-01T00:00:00.000000Z') RETURNING id",
                (dossier, digest, len(TEXT), source),
            )
            tx.execute(
                "INSERT INTO leaves (report_id, dossier_id, position, original, normalised, "
                "sha256, chars, marking_id) VALUES (?, ?, 1, ?, ?, ?, ?, ?)",
                (report, dossier, TEXT, TEXT.strip(), digest, len(TEXT), marking),
            )
        assert store.schema_version() == 1
        with store.read() as tx:
            assert "events" not in store.table_names(tx)
    finally:
        store.close()


def test_version_1_registry_is_migrated_in_place(settings: Settings) -> None:
    _registry_as_version_1_made_it(settings)
    with Registry.open(settings) as registry:
        assert registry.store.schema_version() == SCHEMA_VERSION
        assert registry.levels.names == ("OPEN", "CLOSED")
        dossier, [report] = registry.dossier(OPERATOR, "Old dossier")
        assert (dossier.reports, dossier.leaves, str(dossier.marking)) == (1, 1, "CLOSED")
        assert registry.read(OPERATOR, report.leaves[0].id).original == TEXT
        [migrate, read] = registry.event_log(OPERATOR)
        assert migrate.action == "registry.migrate"
        assert migrate.detail == {"from": 1, "applied": list(range(2, SCHEMA_VERSION + 1))}
        assert read.action == "leaf.read"
    with Registry.open(settings) as again:  # a second open has nothing left to do
        assert [e.action for e in again.event_log(OPERATOR)].count("registry.migrate") == 1
