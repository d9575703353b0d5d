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
        registry.mark(OPERATOR, MarkingRequest("TOP SECRET"), "closed", leaf_ids=range(11, 21))
        registry.add_reader(OPERATOR, "anna", MarkingRequest("SECRET"))
        anna = registry.as_reader("anna", via=OPERATOR)
        outcomes: dict[tuple[int, int], str] = {}
        lock = threading.Lock()

        def reader(thread: int) -> None:
            for turn in range(30):
                leaf_id = (thread * 7 + turn) % 20 + 1
                try:
                    text = registry.read(anna, leaf_id).original.rstrip("\f")
                except NotFound:
                    text = "not found"
                with lock:
                    outcomes[(thread, turn)] = f"{leaf_id}:{text}"

        threads = [threading.Thread(target=reader, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(outcomes) == 240
        for outcome in outcomes.values():
            leaf_id, text = outcome.split(":", 1)
            assert text == (f"p{int(leaf_id) - 1}" if int(leaf_id) <= 10 else "not found")
        reads = registry.audit_log(OPERATOR, reader="anna", action="leaf.read", limit=None)
        denials = registry.audit_log(OPERATOR, reader="anna", action="leaf.read.denied", limit=None)
        served = sum(1 for o in outcomes.values() if not o.endswith("not found"))
        assert (len(reads), len(denials)) == (served, 240 - served)
        assert registry.verify(OPERATOR).ok
