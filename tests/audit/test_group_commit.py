"""Concurrent reads share commits, yet each gets its own outcome and record."""

from __future__ import annotations

import threading
from pathlib import Path

from looseleaf.errors import NotFound
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, write


def test_concurrent_reads_each_get_their_outcome_and_record(
    registry_url: str, tmp_path: Path
) -> None:
    settings = Settings(registry=registry_url, signing_key=str(tmp_path / "k.key"))
    with Registry.init(settings, OPERATOR) as registry:
        registry.ingest(
            OPERATOR,
            [write(tmp_path / "a.txt", "\f".join(f"p{i}" for i in range(20)))],
            dossier="D",
            leaf_marking=MarkingRequest("SECRET"),
        )
        _, [report] = registry.dossier(OPERATOR, "D")
        ids = [leaf.id for leaf in report.leaves]  # page order; the ids are opaque
        assert len(ids) == 20
        registry.mark(OPERATOR, MarkingRequest("TOP SECRET"), "closed", leaf_ids=ids[10:])
        registry.add_reader(OPERATOR, "anna", MarkingRequest("SECRET"))
        anna = registry.as_reader("anna", via=OPERATOR)
        outcomes: dict[tuple[int, int], str] = {}
        lock = threading.Lock()

        def reader(thread: int) -> None:
            for turn in range(30):
                page = (thread * 7 + turn) % 20
                try:
                    text = registry.read(anna, ids[page]).original.rstrip("\f")
                except NotFound:
                    text = "not found"
                with lock:
                    outcomes[(thread, turn)] = f"{page}:{text}"

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(outcomes) == 240
        for outcome in outcomes.values():
            page, text = outcome.split(":", 1)
            assert text == (f"p{page}" if int(page) < 10 else "not found")
        reads = registry.audit_log(OPERATOR, reader="anna", action="leaf.read")
        denials = registry.audit_log(OPERATOR, reader="anna", action="leaf.read.denied")
        served = sum(1 for o in outcomes.values() if not o.endswith("not found"))
        assert (len(reads), len(denials)) == (served, 240 - served)
        assert registry.verify(OPERATOR).ok
