"""Bounded input (issue 14): ingest reads no more than the limit for one
report, from whatever a path names, and never waits for ever.

A regular file over the limit is refused on its size. A device or a named
pipe (FIFO) has no size: it is read in chunks as far as the limit, or
refused sooner when its first bytes are no document (`/dev/zero`); a FIFO
nobody writes to is refused after `WAIT_SECONDS`. In each case the refusal
is one line naming the file, and nothing of it stays behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import looseleaf.ingest
from looseleaf.registry import IngestResult, Registry
from tests.conftest import OPERATOR, counts

LIMIT = 64 * 1024
LINE = b"Orlov-Brandt was seen again on the quay at Galati.\n"
EMPTY = {"dossiers": 0, "reports": 0, "leaves": 0, "sources": 0}

#: Run in a child process, so that reading without a bound (as ingest did)
#: fails the test at the time or memory limit instead of taking the machine.
CHILD = """
import json, resource, sys, time
from looseleaf.cli import run
assert run(["--registry", sys.argv[1], "init"]) == 0
started = time.monotonic()
code = run(["--registry", sys.argv[1], "ingest", sys.argv[2], "--dossier", "Zero"])
seconds = time.monotonic() - started
try:  # this process's own high-water mark (ru_maxrss keeps the forking parent's across exec)
    with open("/proc/self/status") as status:
        peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"code": code, "seconds": seconds, "peak_mib": peak_kib / 1024}))
"""


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def _ingest_in_a_child(registry_url: str, path: Path | str) -> tuple[dict[str, float], str]:
    # Measured without the test run's coverage tracer, which pytest-cov
    # would start in the child too (its own memory is not ingest's).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COV_CORE_", "COVERAGE_"))}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, registry_url, str(path)],
        check=False,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_cap_memory,
    )
    assert done.stdout, done.stderr
    found: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return found, done.stderr


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("/dev/zero", "unsupported file type '(none)'"),
        ("zero.txt", "binary data, not a text document (contains NUL bytes)"),
        ("zero.md", "binary data, not a text document (contains NUL bytes)"),
        ("zero.html", "binary data, not a text document (contains NUL bytes)"),
        ("zero.pdf", "corrupt PDF (no %PDF- header)"),
    ],
)
def test_dev_zero_is_refused_at_once_in_little_memory(
    name: str, reason: str, registry_url: str, tmp_path: Path
) -> None:
    """At the default limit (256 MiB), as `looseleaf ingest` runs it: /dev/zero,
    and /dev/zero under a document's name, refused within a second, the
    process never above 200 MB."""
    path = Path(name)
    if not path.is_absolute():
        path = tmp_path / name
        path.symlink_to("/dev/zero")
    found, err = _ingest_in_a_child(registry_url, path)
    assert found["code"] == 1
    errors = [line for line in err.splitlines() if line.startswith("looseleaf: error:")]
    assert len(errors) == 1
    assert errors[0].startswith(f"looseleaf: error: {path}: {reason}")
    assert found["seconds"] < 1.0
    assert found["peak_mib"] < 200


@dataclass
class Written:
    bytes: int = 0
    broken_pipe: bool = False


def _writer(fifo: Path, data: Iterator[bytes], written: Written) -> threading.Thread:
    """A thread that opens `fifo` for writing and writes `data` to it, until
    the reader goes (a broken pipe) or the data ends."""

    def write() -> None:
        try:
            with fifo.open("wb") as out:
                for chunk in data:
                    out.write(chunk)
                    written.bytes += len(chunk)
        except BrokenPipeError:
            written.broken_pipe = True

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


def _long_report(size: int) -> Iterator[bytes]:
    """Good text, `size` bytes of it, in chunks."""
    chunk = LINE * 100
    for _ in range(size // len(chunk)):
        yield chunk


def _small_limit(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "settings", replace(registry.settings, max_report_bytes=LIMIT))


def _refusals(registry: Registry) -> list[str]:
    return [e.detail["reason"] for e in registry.event_log(OPERATOR) if e.action == "report.refuse"]


def test_a_fifo_over_the_limit_is_read_no_further_than_the_limit(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _small_limit(registry, monkeypatch)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    written = Written()
    writer = _writer(fifo, _long_report(64 * LIMIT), written)
    tracemalloc.start()
    try:
        started = time.monotonic()
        [result] = registry.ingest(OPERATOR, [fifo], dossier="Piped")
        seconds = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    writer.join(timeout=10)
    reason = f"is over the {LIMIT:,}-byte limit (reading stopped at {LIMIT + 1:,} bytes)"
    assert result == IngestResult(str(fifo), "error", error=f"{fifo}: {reason}")
    assert seconds < 5
    assert peak < 8 * LIMIT
    assert not writer.is_alive()
    assert written.broken_pipe  # the reader stopped at the limit and went
    assert written.bytes < 16 * LIMIT
    assert counts(registry) == EMPTY
    assert _refusals(registry) == [f"{fifo}: {reason}"]


def test_a_fifo_under_the_limit_goes_in(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _small_limit(registry, monkeypatch)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    writer = _writer(fifo, iter([LINE] * 20), Written())
    [result] = registry.ingest(OPERATOR, [fifo], dossier="Piped")
    writer.join(timeout=10)
    assert result.status == "ingested", result.error
    _, [report] = registry.dossier(OPERATOR, "Piped")
    text = "".join(registry.read(OPERATOR, leaf.id).original for leaf in report.leaves)
    assert text == (LINE * 20).decode().rstrip("\n")


def test_a_fifo_nobody_writes_to_is_refused_not_waited_on(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(looseleaf.ingest, "WAIT_SECONDS", 0.3, raising=False)
    fifo = tmp_path / "silent.txt"
    os.mkfifo(fifo)
    results: list[IngestResult] = []
    reader = threading.Thread(
        target=lambda: results.extend(registry.ingest(OPERATOR, [fifo], dossier="Piped")),
        daemon=True,
    )
    started = time.monotonic()
    reader.start()
    reader.join(timeout=10)
    if reader.is_alive():  # blocked in open(): let it go, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(timeout=10)
        pytest.fail("ingest waited for a writer that never came")
    assert time.monotonic() - started < 5
    reason = (
        "nothing to read for 0.3 seconds "
        "(a pipe nobody writes to, or a device with nothing to give)"
    )
    assert results == [IngestResult(str(fifo), "error", error=f"{fifo}: {reason}")]
    assert counts(registry) == EMPTY


def test_a_device_under_the_limit_is_read_to_its_end(registry: Registry, tmp_path: Path) -> None:
    """/dev/null under a text file's name: read (nothing), and refused as empty."""
    null = tmp_path / "null.txt"
    null.symlink_to("/dev/null")
    [result] = registry.ingest(OPERATOR, [null], dossier="Nothing")
    assert result.error == f"{null}: empty file"
    assert counts(registry) == EMPTY


def test_a_regular_file_over_the_limit_is_refused_unread(
    registry: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its size says it all: not a byte is read (a sparse file of 1 GiB)."""
    _small_limit(registry, monkeypatch)
    big = tmp_path / "big.txt"
    with big.open("wb") as out:
        out.truncate(1024**3)
    tracemalloc.start()
    try:
        [result] = registry.ingest(OPERATOR, [big], dossier="Big")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.error == f"{big}: {1024**3:,} bytes is over the {LIMIT:,}-byte limit"
    assert peak < 4 * 1024 * 1024
