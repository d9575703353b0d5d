"""The store contract, run on SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from looseleaf.errors import BadInput, NotFound, RegistryError
from looseleaf.model import Levels, Marking, Source
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.store import SCHEMA_VERSION, open_store
from tests.conftest import OPERATOR, counts, write

PAGES = "First page of the report.\n\fSecond page.\n\fThird page, the last.\n"


def test_init_sets_schema_and_default_levels(registry: Registry) -> None:
    assert registry.store.schema_version() == SCHEMA_VERSION
    assert registry.levels.names == (
        "UNCLASSIFIED",
        "RESTRICTED",
        "CONFIDENTIAL",
        "SECRET",
        "TOP SECRET",
    )
    assert [e.action for e in registry.event_log(OPERATOR)] == ["registry.init"]


def test_init_twice_keeps_the_registry(
    settings: Settings, registry: Registry, tmp_path: Path
) -> None:
    registry.ingest(OPERATOR, [write(tmp_path / "a.txt", PAGES)], dossier="D")
    with Registry.init(settings, OPERATOR) as again:
        assert [d.title for d in again.dossiers(OPERATOR)] == ["D"]


def test_custom_levels_are_kept_and_cannot_be_changed(tmp_path: Path) -> None:
    settings = Settings(registry=str(tmp_path / "r.db"))
    with Registry.init(settings, OPERATOR, levels=["public", "internal", "sealed"]) as reg:
        assert reg.levels == Levels(("PUBLIC", "INTERNAL", "SEALED"))
    with pytest.raises(BadInput, match="already has levels PUBLIC, INTERNAL, SEALED"):
        Registry.init(settings, OPERATOR, levels=["a", "b"])


def test_opening_a_missing_registry_fails_clearly(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    with pytest.raises(RegistryError, match="no such registry"):
        Registry.open(Settings(registry=str(missing)))
    assert not missing.exists()


def test_a_registry_newer_than_the_code_is_refused(settings: Settings, registry: Registry) -> None:
    with registry.store.write() as tx:
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (SCHEMA_VERSION + 1, "999_future.sql", registry.now()),
        )
    with pytest.raises(RegistryError, match="newer than this looseleaf"):
        Registry.open(settings)


def test_ingest_stitches_reports_in_arrival_order(registry: Registry, tmp_path: Path) -> None:
    files = [write(tmp_path / f"r{i}.txt", f"Report {i}.\n" * (i + 1)) for i in range(3)]
    results = registry.ingest(OPERATOR, files, dossier="Arrivals")
    assert [r.status for r in results] == ["ingested"] * 3
    dossier, reports = registry.dossier(OPERATOR, "Arrivals")
    assert [r.seq for r in reports] == [1, 2, 3]
    assert [r.filename for r in reports] == ["r0.txt", "r1.txt", "r2.txt"]
    assert dossier.reports == 3
    assert dossier.leaves == sum(len(r.leaves) for r in reports) == 3


def test_form_feeds_make_one_leaf_per_page(registry: Registry, tmp_path: Path) -> None:
    [result] = registry.ingest(OPERATOR, [write(tmp_path / "p.txt", PAGES)], dossier="D")
    assert result.leaves == 3
    _, [report] = registry.dossier(OPERATOR, "D")
    # A text file's pages carry no printed label: counting them would tell
    # a reader how many pages before theirs they may not see.
    assert [leaf.label for leaf in report.leaves] == [None, None, None]
    assert [leaf.position for leaf in report.leaves] == [1, 2, 3]
    texts = [registry.read(OPERATOR, leaf.id) for leaf in report.leaves]
    # The form feeds (and the newlines before them) are the report's, not
    # the leaves': a page ending in one would tell that another follows.
    assert [t.original for t in texts] == [p.rstrip() for p in PAGES.split("\f")]
    with registry.store.read() as tx:
        rows = tx.all(
            "SELECT original, tail FROM leaves WHERE report_id = ? ORDER BY position",
            (report.id,),
        )
    assert "".join(f"{original}{tail}" for original, tail in rows) == PAGES
    assert texts[1].normalised == "Second page."


def test_original_text_is_byte_exact_and_hashed(registry: Registry, tmp_path: Path) -> None:
    import hashlib

    raw = "Line one  with  spaces\r\nDzerzhinsky / Дзержинский\r\n\r\nimprison-\r\nment\r\n"
    [result] = registry.ingest(OPERATOR, [write(tmp_path / "crlf.txt", raw.encode())], dossier="D")
    _, [report] = registry.dossier(OPERATOR, "D")
    text = registry.read(OPERATOR, report.leaves[0].id)
    # Byte for byte, up to the line break that ends the file (the report's).
    assert text.original.encode("utf-8") == raw.encode("utf-8").rstrip(b"\r\n")
    assert text.leaf.sha256 == hashlib.sha256(text.original.encode()).hexdigest()
    assert "imprisonment" in text.normalised
    assert "\r" not in text.normalised
    assert report.sha256 == hashlib.sha256(raw.encode()).hexdigest()
    assert result.leaves == 1


def test_reingesting_the_same_file_is_detected(registry: Registry, tmp_path: Path) -> None:
    path = write(tmp_path / "same.txt", PAGES)
    first = registry.ingest(OPERATOR, [path], dossier="D")[0]
    copy = write(tmp_path / "renamed.txt", PAGES)
    again = registry.ingest(OPERATOR, [path, copy], dossier="D")
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert {r.report_id for r in again} == {first.report_id}
    assert counts(registry)["reports"] == 1
    other = registry.ingest(OPERATOR, [path], dossier="Another dossier")[0]
    assert other.status == "ingested"


def test_markings_apply_to_leaves_and_dossier_title(registry: Registry, tmp_path: Path) -> None:
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "s.txt", PAGES)],
        dossier="Seaman",
        leaf_marking=MarkingRequest("secret", ("seamen",)),
        dossier_marking=MarkingRequest("Confidential"),
    )
    dossier, [report] = registry.dossier(OPERATOR, "Seaman")
    assert dossier.marking == Marking("CONFIDENTIAL")
    assert {leaf.marking for leaf in report.leaves} == {Marking("SECRET", frozenset({"SEAMEN"}))}


def test_unmarked_ingest_defaults_to_the_highest_level(registry: Registry, tmp_path: Path) -> None:
    registry.ingest(OPERATOR, [write(tmp_path / "x.txt", PAGES)], dossier="D")
    dossier, [report] = registry.dossier(OPERATOR, "D")
    assert dossier.marking == Marking("TOP SECRET")
    assert report.leaves[0].marking == Marking("TOP SECRET")


def test_equal_markings_are_interned_once(registry: Registry, tmp_path: Path) -> None:
    for name in ("a", "b"):
        registry.ingest(
            OPERATOR,
            [write(tmp_path / f"{name}.txt", name * 10)],
            dossier=name,
            leaf_marking=MarkingRequest("TOP_SECRET", ("KI", "ARCHIVE")),
            dossier_marking=MarkingRequest("TOP SECRET", ("archive", "ki")),
        )
    with registry.store.read() as tx:
        assert tx.scalar("SELECT COUNT(*) FROM markings") == 1
        assert tx.scalar("SELECT COUNT(*) FROM compartments") == 2


def test_a_changed_title_marking_at_ingest_is_refused(registry: Registry, tmp_path: Path) -> None:
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "a.txt", "a")],
        dossier="D",
        dossier_marking=MarkingRequest("SECRET"),
    )
    [result] = registry.ingest(
        OPERATOR,
        [write(tmp_path / "b.txt", "b")],
        dossier="D",
        dossier_marking=MarkingRequest("UNCLASSIFIED"),
    )
    assert result.status == "error"
    assert "exists already, marked SECRET" in (result.error or "")
    assert counts(registry)["reports"] == 1


def test_source_metadata_is_kept_and_graded(registry: Registry, tmp_path: Path) -> None:
    source = Source("Memoir", "V. Petrov", "1956", "Andre Deutsch", "all rights reserved", "b2")
    registry.ingest(OPERATOR, [write(tmp_path / "m.txt", "text")], dossier="D", source=source)
    _, [report] = registry.dossier(OPERATOR, "D")
    assert report.source == Source(
        "Memoir", "V. Petrov", "1956", "Andre Deutsch", "all rights reserved", "B2"
    )
    with pytest.raises(BadInput, match="Admiralty"):
        registry.ingest(OPERATOR, [tmp_path / "m.txt"], dossier="D", source=Source("x", grade="G7"))


def test_unknown_level_is_a_clear_error(registry: Registry, tmp_path: Path) -> None:
    with pytest.raises(BadInput, match=r"level 'COSMIC': unknown level \(known: UNCLASSIFIED"):
        registry.ingest(
            OPERATOR,
            [write(tmp_path / "a.txt", "a")],
            dossier="D",
            leaf_marking=MarkingRequest("COSMIC"),
        )


def test_withdrawal_is_an_event_never_a_delete(registry: Registry, tmp_path: Path) -> None:
    registry.ingest(OPERATOR, [write(tmp_path / "p.txt", PAGES)], dossier="D")
    _, [report] = registry.dossier(OPERATOR, "D")
    first, *rest = report.leaves
    registry.withdraw_leaf(OPERATOR, first.id, "marked in error")
    assert registry.leaf(OPERATOR, first.id).withdrawn_at is not None
    assert registry.withdraw_report(OPERATOR, report.id, "source retracted") == len(rest)
    _, [after] = registry.dossier(OPERATOR, "D")
    assert after.withdrawn_at is not None
    assert all(leaf.withdrawn_at for leaf in after.leaves)
    assert counts(registry)["leaves"] == 3
    assert registry.read(OPERATOR, first.id).original.startswith("First page")
    actions = [e.action for e in registry.event_log(OPERATOR)]
    assert actions[-3:] == ["leaf.withdraw", "report.withdraw", "leaf.read"]
    with pytest.raises(BadInput, match="stated reason"):
        registry.withdraw_leaf(OPERATOR, first.id, "  ")


def test_unknown_ids_are_not_found(registry: Registry) -> None:
    with pytest.raises(NotFound, match="leaf 999: not found"):
        registry.read(OPERATOR, 999)
    with pytest.raises(NotFound):
        registry.dossier(OPERATOR, "no such dossier")
    with pytest.raises(NotFound):
        registry.withdraw_report(OPERATOR, 5, "why")


def test_every_read_is_recorded_before_the_text_returns(registry: Registry, tmp_path: Path) -> None:
    registry.ingest(OPERATOR, [write(tmp_path / "p.txt", PAGES)], dossier="D")
    _, [report] = registry.dossier(OPERATOR, "D")
    leaf = report.leaves[1]
    registry.read(OPERATOR, leaf.id)
    reads = registry.event_log(OPERATOR, target=f"leaf:{leaf.id}")
    assert [(e.action, e.actor, e.detail["sha256"]) for e in reads] == [
        ("leaf.read", "operator:tester", leaf.sha256)
    ]
    ingest = [e for e in registry.event_log(OPERATOR) if e.action == "report.ingest"]
    assert ingest[0].detail["leaves"] == [leaf.sha256 for leaf in report.leaves]


@pytest.mark.postgres
def test_postgres_connections_run_without_jit(postgres_url: str) -> None:
    """PostgreSQL's JIT compiled for 83 of the 97 ms of a dossier listing: off."""
    store = open_store(postgres_url, create=True)
    try:
        with store.read() as tx:
            assert tx.scalar("SHOW jit") == "off"
    finally:
        store.close()
