"""Kill the process (SIGKILL) in the middle of reads and ingests: after a
restart the log verifies, and every read that returned content has its record."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, REPO


@pytest.mark.parametrize("durability", ["full", "crash"])
def test_sigkill_mid_stream_loses_no_read_record(
    registry_url: str, tmp_path: Path, durability: str
) -> None:
    key = str(tmp_path / "sign.key")
    settings = Settings(registry=registry_url, signing_key=key, checkpoint_every=7)
    with Registry.init(settings, OPERATOR) as registry:
        registry.add_reader(OPERATOR, "petrov", MarkingRequest("SECRET"))
    files = tmp_path / "files"
    files.mkdir()
    reads: list[tuple[int, str]] = []
    for kill_after in (25, 60):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.audit.crash_worker",
                registry_url,
                key,
                str(files),
                durability,
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        seen = 0
        deadline = time.monotonic() + 60
        while seen < kill_after and time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            _, leaf_id, sha = line.split()
            reads.append((int(leaf_id), sha))
            seen += 1
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        assert seen == kill_after, "the worker stopped early"

    with Registry.open(settings) as registry:
        verdict = registry.verify(OPERATOR)
        assert verdict.ok, verdict.problems
        recorded = registry.audit_log(OPERATOR, reader="petrov", action="leaf.read", limit=100_000)
        logged = [(int(str(e.target)[5:]), e.detail["sha256"]) for e in recorded]
        missing = [read for read in reads if read not in logged]
        assert missing == []
        assert len(logged) >= len(reads)
